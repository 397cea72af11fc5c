"""The portal links to the documentation site built by ``make docs`` and serves it under /docs/sitio/."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_built_site_is_linked_and_served(tmp_path: Path, client: Client) -> None:
    (tmp_path / "guia").mkdir()
    (tmp_path / "index.html").write_text("<h1>Inicio de la documentación</h1>", encoding="utf-8")
    (tmp_path / "guia" / "index.html").write_text("<h1>Guía del evaluador</h1>", encoding="utf-8")
    with override_settings(MONITOREO_DOCS_SITE=tmp_path):
        page = client.get("/docs/")
        assert b'href="/docs/sitio/index.html"' in page.content
        assert client.get("/docs.json").json()["site"] == "/docs/sitio/index.html"
        assert b"Inicio de la documentaci" in b"".join(client.get("/docs/sitio/index.html").streaming_content)
        assert b"Inicio de la documentaci" in b"".join(client.get("/docs/sitio/").streaming_content)
        assert b"Gu\xc3\xada del evaluador" in b"".join(client.get("/docs/sitio/guia/").streaming_content)
        assert client.get("/docs/sitio/../manage.py").status_code == 404


def test_site_not_built_is_a_404_and_the_page_says_how(tmp_path: Path, client: Client) -> None:
    with override_settings(MONITOREO_DOCS_SITE=tmp_path / "falta"):
        assert client.get("/docs/sitio/index.html").status_code == 404
        assert "make docs" in client.get("/docs/").content.decode()
        assert client.get("/docs.json").json()["site"] is None
