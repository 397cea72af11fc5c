"""The Content-Security-Policy breaks nothing (issue 16): the portal, Swagger UI, the documentation site and
the cycle app, loaded in Debian's Chromium from a real ``monitoreo serve --demo``, log no CSP violation in
the console — and their scripts did run (Swagger UI rendered, the docs search answered)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import browser as browser_support
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = secrets.token_urlsafe(12)
PORTAL_PAGES = [
    "/",
    "/programas/alianzas-productivas/",
    "/panorama/",
    "/docs/",
    "/comparar/?programas=alianzas-productivas,internacionalizacion-pymes-exportadoras",
]


def _docs_site(tmp: Path) -> Path:
    """The site ``make docs`` built, or a fresh build in ``tmp``."""
    built = ROOT / "site"
    if (built / "index.html").is_file():
        return built
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "--site-dir", str(tmp / "site")],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=900,
    )
    return tmp / "site"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    site = _docs_site(tmp_path_factory.mktemp("sitio"))
    with browser_support.demo_server(
        tmp_path_factory.mktemp("csp"),
        "--size",
        "5",
        "--workers",
        "1",
        env={"MONITOREO_DEMO_PASSWORD": PASSWORD, "MONITOREO_DOCS_SITE": str(site)},
    ) as address:
        yield address


class Watched:
    """A page whose console CSP reports (and script errors) are collected."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base.rstrip("/")
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.violations: list[str] = []
        self.page.on("console", self._console)
        self.page.on(
            "pageerror", lambda exc: self.violations.append(f"{self.page.url}: error de script: {exc}")
        )

    def _console(self, message: Any) -> None:
        text = str(message.text)
        if "Content Security Policy" in text or "Content-Security-Policy" in text or "Refused to" in text:
            self.violations.append(f"{self.page.url}: {text}")

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.status < 400, (path, response and response.status)
        assert "script-src 'self'" in (response.headers.get("content-security-policy") or ""), path

    def login(self, username: str) -> None:
        self.goto("/cuentas/ingresar/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("button:has-text('Ingresar')")
        self.page.wait_for_url(f"{self.base}/gestion/")


def test_no_csp_violation_on_portal_swagger_and_docs(server: dict[str, Any]) -> None:
    with browser_support.chromium() as browser:
        watched = Watched(browser, server["url"])
        for path in PORTAL_PAGES:
            watched.goto(path)
        watched.goto("/api/docs")
        watched.page.wait_for_selector(".swagger-ui .info .title")  # Swagger UI's scripts ran
        watched.page.click(".opblock-summary >> nth=0")  # expand an operation: more of its rendering
        watched.page.wait_for_selector(".opblock-body")
        watched.goto("/docs/sitio/index.html")
        watched.page.fill("input[data-md-component=search-query]", "ficha")  # the search worker
        watched.page.wait_for_selector(".md-search-result__item")
        watched.goto("/docs/sitio/web-portal.html")
        watched.page.wait_for_timeout(500)
        assert watched.violations == []


def test_no_csp_violation_in_the_cycle_app(server: dict[str, Any]) -> None:
    with browser_support.chromium() as browser:
        admin = Watched(browser, server["url"])  # the demo opens the 2025 cycle (programs/demo.py)
        admin.login("publicador")
        admin.goto("/gestion/ciclos/")
        admin.goto("/gestion/ciclos/2025/")
        evaluator = Watched(browser, server["url"])
        evaluator.login("evaluador")
        evaluator.page.locator("a", has_text="Programa de Alianzas Productivas").first.click()
        evaluator.page.wait_for_url("**/gestion/reportes/*/")
        report = evaluator.page.url
        for suffix in ("revision/", "vista-previa/", "auditoria/", "seccion/budget/"):
            evaluator.goto(report.removeprefix(evaluator.base) + suffix)
        service = Watched(browser, server["url"])
        service.login("manager_indap")
        service.goto(report.removeprefix(service.base) + "seccion/budget/")
        service.page.click("button:has-text('Guardar borrador')")
        assert admin.violations + evaluator.violations + service.violations == []


def test_the_running_server_refuses_a_huge_body_without_reading_it(server: dict[str, Any]) -> None:
    """gunicorn + Django: headers declaring 314 MiB and no body at all get the 413 at once."""
    import socket
    import time
    from urllib.parse import urlsplit

    address = urlsplit(server["url"])
    start = time.monotonic()
    with socket.create_connection((address.hostname, address.port), timeout=30) as sock:
        sock.sendall(
            b"POST /cuentas/ingresar/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            b"Content-Length: " + str(314 * 1024 * 1024).encode() + b"\r\n\r\n"
        )
        # gunicorn sends the headers and the chunked body in separate writes: read until it closes (the 413
        # says «Connection: close»), not just the first segment.
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413") and b"demasiado grande" in answer
    assert time.monotonic() - start < 10
