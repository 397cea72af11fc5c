"""A new user's path in a real browser (Debian's Chromium driven by Playwright, never downloaded):
``monitoreo serve --demo`` prints an address; search «alianzas» → the ficha shows «25,5%» → the PDF
downloads and opens → the comparison shows both programs side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import S23_ID

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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

    page.get_by_role("link", name="Comparar con otro programa").click()  # the program comes already picked
    page.get_by_label("Programa 2").fill(
        "Internacionalización de las Pymes Exportadoras — Dirección General de Promoción de Exportaciones"
    )
    page.get_by_role("button", name="Comparar").click()
    coverage = page.get_by_role("table", name="Cobertura")
    header = coverage.locator("thead").inner_text()
    assert "Programa de Alianzas Productivas" in header and "Internacionalización" in header
    assert "25,5%" in coverage.inner_text()
    page.close()
