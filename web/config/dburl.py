"""``DATABASE_URL`` → Django ``DATABASES['default']`` (SQLite or PostgreSQL), without extra dependencies.

Accepted: ``sqlite:///relative/or/absolute/path.sqlite3`` (four slashes for an absolute path),
``sqlite://:memory:``, ``postgres://user:password@host:port/name?sslmode=require`` (also ``postgresql://``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

#: SQLite under concurrent writers (docs/monitoring-cycle.md, «Safety»): WAL lets readers go on while one
#: writes; every transaction starts with BEGIN IMMEDIATE, so two saves queue for the write lock (waiting up
#: to ``timeout`` seconds) instead of both reading, then failing to upgrade with «database is locked».
SQLITE_OPTIONS: dict[str, Any] = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 10,
}


def parse_database_url(url: str) -> dict[str, Any]:
    """The Django database settings for ``url``; ``ValueError`` for an unknown scheme."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        name = (
            ":memory:"
            if url.rstrip("/").endswith(":memory:")
            else unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        )
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name or ":memory:",
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": dict(parse_qsl(parts.query)),
            "CONN_MAX_AGE": 60,
        }
    raise ValueError(f"DATABASE_URL con esquema desconocido: {parts.scheme!r} (se espera sqlite o postgres)")
