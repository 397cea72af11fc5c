"""PDF text without a system tool: pypdfium2 character boxes grouped into words (``ingest.pdf_words``)."""

from __future__ import annotations

import subprocess

import pytest

from monitoreo.ingest.pdf_text import extract_text
from monitoreo.ingest.pdf_words import PdfTextError, read_words
from monitoreo.io import read_submission
from monitoreo.sheet import build_sheet
from monitoreo.sheet.pdf import render_pdf
from tests.conftest import S23_FILE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pdf23() -> bytes:
    return render_pdf(build_sheet(read_submission(S23_FILE)))


def test_no_process_is_started(pdf23: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("no external program may be run")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    got = extract_text(pdf23)
    assert got.extractor == "pypdfium2"
    assert got.metadata == {
        "title": "Programa de Alianzas Productivas — Monitoreo y seguimiento oferta pública 2023",
        "author": "Instituto de Desarrollo Agropecuario",
    }
    assert got.text.count("\f") == 3 and "Página 1 de" not in got.text


def test_words_have_font_boxes_scaled_with_the_drawing(pdf23: bytes) -> None:
    pages, _ = read_words(pdf23)
    body = next(w for w in pages[0] if w.text == "MONITOREO")
    assert round(body.y1 - body.y0, 2) == 8.99  # 9 pt: the font's ascent plus descent
    label = next(w for w in pages[1] if w.text == "97,7%")
    # A chart label: 11,5 user units in a 320-unit-wide SVG drawn 8 cm wide (70,9 %), i.e. 8,15 pt of type
    # whose ascent plus descent is 0,999 em (as the 9 pt body line above): 8,1 pt. The charts grew their text
    # from 7,5 to 11,5 units for phones (issue #14), which moved this figure from 5,3.
    assert round(label.y1 - label.y0, 1) == round(11.5 * (8 / 2.54 * 72 / 320) * 8.99 / 9, 1) == 8.1
    assert any(w.text == "final" for w in pages[1])  # the «fi» ligature stays inside its word


def test_blank_lines_between_paragraphs_and_cells(pdf23: bytes) -> None:
    text = extract_text(pdf23).text
    assert "\n\n93,7%\n\n108,5%\n\n" in text  # chart labels: each its own cell
    assert "Presupuesto Final3 4.283.131 4.424.619 4.393.895\n\nRecursos Ejecutados" in text
    assert "Cobertura* S/I 27,4% 25,5%" in text  # the raised marker glued to its label


def test_broken_bytes_are_a_clear_error() -> None:
    with pytest.raises(PdfTextError, match="pypdfium2 no pudo leer el PDF"):
        read_words(b"%PDF-1.7\nbasura")
