"""A new user's path in a real browser (Debian's Chromium driven by Playwright, never downloaded):
``monitoreo serve --demo`` prints an address; search «alianzas» → the ficha shows «25,5%» → the PDF
downloads and opens → the comparison shows both programs side by side."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.web.conftest import S20_ID, S23_ID

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _read_address(process: subprocess.Popen[str], timeout: float = 120) -> dict[str, Any]:
    assert process.stdout is not None
    text, deadline = "", time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            pytest.fail(f"monitoreo serve terminó sin imprimir la dirección: {text}")
        text += line
        try:
            data: dict[str, Any] = json.loads(text)
            return data
        except json.JSONDecodeError:
            continue
    pytest.fail("monitoreo serve no imprimió la dirección a tiempo")


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """``monitoreo serve --demo`` (small synthetic portfolio) in its own process group."""
    data_dir = tmp_path_factory.mktemp("demo")
    command = [str(Path(sys.executable).parent / "monitoreo"), "serve", "--demo", "--json", "--size", "20",
               "--port", str(_free_port()), "--data-dir", str(data_dir)]
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY"}}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        yield _read_address(process) | {"data_dir": data_dir}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI sin chromium: .ci/run debe instalar el paquete Debian chromium")
        pytest.skip("chromium no está instalado (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def test_search_ficha_pdf_and_comparison(demo_server: dict[str, Any], browser: Any, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    url = demo_server["url"]
    assert url.startswith("http://127.0.0.1:") and demo_server["fichas"] >= 22
    page = browser.new_page(accept_downloads=True)
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_label("Buscar por nombre, servicio o propósito").fill("alianzas")
    page.get_by_role("button", name="Buscar").click()
    page.get_by_role("link", name="Programa de Alianzas Productivas").click()
    page.wait_for_url(f"**/programas/{S23_ID}/**")
    assert "25,5%" in page.locator("main").inner_text()

    with page.expect_download() as info:
        page.get_by_role("link", name="Descargar ficha en PDF").click()
    pdf_file = tmp_path / "ficha.pdf"
    info.value.save_as(pdf_file)
    document = pdfium.PdfDocument(pdf_file)
    pages = len(document)
    first = document[0].get_textpage().get_text_range()
    document.close()
    assert pages >= 1 and "ALIANZAS PRODUCTIVAS" in first.upper()

    page.get_by_role("link", name="Comparar con otro programa").click()
    page.get_by_label("Identificadores de los programas, separados por comas").fill(f"{S23_ID},{S20_ID}")
    page.get_by_role("button", name="Comparar").click()
    coverage = page.locator("table", has=page.locator("caption", has_text="Cobertura"))
    header = coverage.locator("thead").inner_text()
    assert "Programa de Alianzas Productivas" in header and "Internacionalización" in header
    assert "25,5%" in coverage.inner_text()
    page.close()
