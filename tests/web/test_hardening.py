"""Headers and settings (issue 16): a Content-Security-Policy everywhere, no default secret key (DEBUG
included), ``check --deploy`` clean with the production settings of docs/web-portal.md, request bodies
refused before they are read, SQLite set up for concurrent writers."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from config.dburl import parse_database_url
from config.middleware import inline_script_hashes
from django.test import Client, override_settings

from tests.conftest import ROOT

pytestmark = pytest.mark.django_db
WEB = ROOT / "web"


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "DEBUG", "SECURE_PROXY_SSL"}
    }
    return env | {"DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(WEB)} | extra


@pytest.mark.parametrize("debug", ["", "1"])
def test_no_default_secret_key_even_with_debug(debug: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)",
        ],
        env=_clean_env(DEBUG=debug, DATABASE_URL="sqlite://:memory:"),
        cwd=WEB,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "Falta la variable de entorno SECRET_KEY" in done.stderr


def _documented_production_env(tmp: Path) -> dict[str, str]:
    """The variables of the ``export`` line of docs/web-portal.md, «…» replaced by real secrets."""
    text = (ROOT / "docs" / "web-portal.md").read_text(encoding="utf-8")
    block = re.search(r"^export (.+?)\ncd web", text, re.S | re.M)
    assert block, "docs/web-portal.md perdió la receta de producción"
    pairs = dict(re.findall(r"([A-Z_]+)=(\S+)", block.group(1)))
    pairs["SECRET_KEY"] = secrets.token_urlsafe(50)
    pairs["DATABASE_URL"] = pairs["DATABASE_URL"].replace("…", "clave")
    pairs["MONITOREO_CACHE_DIR"] = str(tmp / "cache")
    pairs["STATIC_ROOT"] = str(tmp / "static")
    return pairs


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path: Path) -> None:
    env = _documented_production_env(tmp_path)
    assert {"SECURE_PROXY_SSL", "ALLOWED_HOSTS", "TRUSTED_PROXIES"} <= set(env)
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=_clean_env(**env),
        cwd=WEB,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/programas/alianzas-productivas/",
        "/programas/alianzas-productivas.json",
        "/api/docs",
        "/cuentas/ingresar/",
        "/docs/",
    ],
)
def test_every_page_has_a_content_security_policy(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_portal_pages_stay_cacheable_and_private_pages_are_not(client: Client) -> None:
    assert "no-store" not in client.get("/programas/alianzas-productivas/").get("Cache-Control", "")
    assert client.get("/cuentas/ingresar/")["Cache-Control"] == "private, no-store"
    assert client.get("/gestion/")["Cache-Control"] == "private, no-store"  # the redirect to the login too


def test_docs_site_inline_scripts_are_allowed_by_hash_only(tmp_path: Path, client: Client) -> None:
    script = b"var __md_scope = new URL('.', location);"
    (tmp_path / "index.html").write_bytes(
        b"<html><head><script>" + script + b"</script>"
        b"<script src='assets/app.js'></script></head><body>Inicio</body></html>"
    )
    with override_settings(MONITOREO_DOCS_SITE=tmp_path):
        response = client.get("/docs/sitio/index.html")
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Inicio" in body
    [digest] = inline_script_hashes(body)
    assert digest in response["Content-Security-Policy"]
    assert (
        "'unsafe-inline'" not in response["Content-Security-Policy"].split("script-src", 1)[1].split(";")[0]
    )


def test_a_huge_body_is_refused_before_it_is_read(client: Client) -> None:
    # The test client's payload holds 1 byte: reading past it raises, so a 413 proves nothing read it.
    for path in ("/gestion/reportes/1/planilla/", "/cuentas/ingresar/", "/api/programas"):
        response = client.generic(
            "POST",
            path,
            b"x",
            content_type="multipart/form-data; boundary=x",
            CONTENT_LENGTH=str(314 * 1024 * 1024),
        )
        assert response.status_code == 413
        assert response.content.decode() == (
            "La solicitud es demasiado grande (329,3 MB); el máximo es 5,5 MB.\n"
        )
        assert response["Connection"] == "close"


def test_a_malformed_content_length_is_a_400(client: Client) -> None:
    response = client.generic("POST", "/cuentas/ingresar/", b"x", CONTENT_LENGTH="mucho")
    assert response.status_code == 400


def test_sqlite_is_set_up_for_concurrent_writers() -> None:
    options = parse_database_url("sqlite:////tmp/portal.sqlite3")["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__("error de PostgreSQL")
        self.sqlstate = sqlstate


def _operational(message: str, cause: Exception | None = None) -> Exception:
    from django.db import OperationalError

    exc = OperationalError(message)
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    ("exc", "busy"),
    [
        (_operational("database is locked"), True),
        (_operational("could not serialize access", _PgError("40001")), True),
        (_operational("deadlock detected", _PgError("40P01")), True),
        (_operational("canceling statement due to lock timeout", _PgError("55P03")), True),
        (_operational("no such table: submissions_report"), False),
        (ValueError("database is locked"), False),
    ],
)
def test_a_busy_database_is_a_409_other_errors_are_not(exc: Exception, busy: bool) -> None:
    from config.middleware import BUSY_MESSAGE, BusyDatabaseMiddleware, is_busy
    from django.http import HttpResponse
    from django.test import RequestFactory

    assert is_busy(exc) is busy
    middleware = BusyDatabaseMiddleware(lambda request: HttpResponse())
    answer = middleware.process_exception(RequestFactory().post("/gestion/"), exc)  # type: ignore[arg-type]
    if busy:
        assert (
            answer is not None
            and answer.status_code == 409
            and answer.content.decode().strip() == BUSY_MESSAGE
        )
    else:
        assert answer is None
