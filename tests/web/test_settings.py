"""Settings from the environment: DATABASE_URL parsing."""

from __future__ import annotations

import pytest
from config.dburl import parse_database_url


def test_sqlite_urls() -> None:
    assert parse_database_url("sqlite:////var/lib/portal.sqlite3")["NAME"] == "/var/lib/portal.sqlite3"
    assert parse_database_url("sqlite:///portal.sqlite3")["NAME"] == "portal.sqlite3"
    assert parse_database_url("sqlite://:memory:")["NAME"] == ":memory:"


def test_postgres_url() -> None:
    db = parse_database_url("postgres://moni%40tor:s3cr%2Ft@db.example:6543/portal?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "moni@tor",
        "s3cr/t",
        "db.example",
        "6543",
        "portal",
    )
    assert db["OPTIONS"] == {"sslmode": "require"}


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="esquema desconocido"):
        parse_database_url("mysql://x/y")
