"""PDF smoke tests: the seeds render, open, carry metadata and their key figures, deterministically."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from monitoreo.ingest.pdf_text import extract_text
from monitoreo.sheet import SheetModel
from monitoreo.sheet.model import Paragraph, Section
from monitoreo.sheet.pdf import RenderError, render_pdf

pytestmark = pytest.mark.slow


def pdf_text(pdf: bytes) -> str:
    """Text of every page (pypdfium2), U+FFFE turned back into «-» as the importer does."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc).replace("\ufffe", "-\n")
    finally:
        doc.close()


def layout_text(pdf: bytes) -> str:
    """The text as the importer reads it: words grouped into lines by their boxes (no system tool)."""
    return extract_text(pdf).text


S23_FIGURES = [
    "25,5%",
    "27,4%",
    "704,1",
    "2.094,6",
    "4.219.214",
    "4.962.579",
    "1,1722",
    "1,035",
    "3.701.296",
    "100%",
    "Sin hallazgos en la dimensión de focalización.",
    "Total Gastos Componentes",
    "Porcentaje Gastos Componentes",
    "62,00%",
    "59,00%",
    "HALLAZGOS NO SUPERADOS DEL DESEMPEÑO",
    "HISTORIAL EVALUATIVO",
    "VII. NOTAS TÉCNICAS",
    "2. Hambre cero: Poner fin al hambre",
    "Libertador General Bernardo OHiggins",
    "Ñuble",
]
S20_FIGURES = [
    "36%",
    "89%",
    "68%",
    "24%",
    "14%",
    "1.470",
    "1.010",
    "1.264.732",
    "518.212",
    "1.009",
    "1.619",
    "20%",
    "22%",
    "Mejora no significativamente",
    "RESULTADOS ANÁLISIS DE DESEMPEÑO DEL PROGRAMA",
    "OBSERVACIONES EVALUADOR(ES)",
    "S/I: Valor no informado.",
    "N/C: Valor no comparable.",
    "5.5 Velar por la participación plena",
    # S20's populations are S/I: a sentence instead of an empty chart and its orphan legend (issue #14)
    "sin datos para graficar",
]


def test_s23_pdf_opens_with_metadata_and_pages(pdf23: bytes) -> None:
    doc = pdfium.PdfDocument(pdf23)
    try:
        assert 2 <= len(doc) <= 8
        meta = doc.get_metadata_dict()
        assert meta["Title"].startswith("Programa de Alianzas Productivas")
        assert meta["Author"] == "Instituto de Desarrollo Agropecuario"
    finally:
        doc.close()


def test_s23_pdf_text_has_seed_figures(pdf23: bytes) -> None:
    text = pdf_text(pdf23)
    missing = [f for f in S23_FIGURES if f not in text]
    assert not missing
    assert "Fecha de publicación del reporte: 24 de Abril de 2024 17:51" in text
    assert "Página 1 de " in text
    assert "\xad" not in text  # hyphenation is off: no soft hyphens


def test_s20_pdf_text_has_seed_figures(pdf20: bytes) -> None:
    text = pdf_text(pdf20)
    missing = [f for f in S20_FIGURES if f not in text]
    assert not missing


def test_table_rows_stay_on_one_line(pdf23: bytes) -> None:
    lines = [" ".join(line.split()) for line in layout_text(pdf23).splitlines()]
    assert "Cobertura* S/I 27,4% 25,5%" in lines
    assert "Presupuesto Inicial2 4.962.579 4.876.213 4.893.749" in lines
    assert "Total Ejecutado7 4.649.278 4.323.940 4.219.214" in lines
    assert "Maule 1.385.239 37,4% 1.581 46,7%" in lines
    assert "TOTAL 3.701.296 100% 3.389 100%" in lines
    assert "21 (Gastos en personal) 442.907" in lines


def test_pdf_is_deterministic(m23: SheetModel, pdf23: bytes) -> None:
    assert render_pdf(m23) == pdf23


def test_unknown_font_is_an_error(m23: SheetModel) -> None:
    """A font fallback only warns in Typst; render_pdf must refuse it."""
    import typst

    from monitoreo.sheet import pdf as pdf_module

    source = pdf_module.TEMPLATE.read_text(encoding="utf-8").replace(
        'font: "DejaVu Sans"', 'font: "Fuente Inexistente"'
    )
    broken = pdf_module.TEMPLATE.parent / "_test_broken_font.typ"
    broken.write_text(source, encoding="utf-8")
    try:
        compiler = typst.Compiler(
            str(broken), root=str(broken.parent), font_paths=[str(pdf_module.FONTS)], ignore_system_fonts=True
        )
        original = pdf_module.compiler
        pdf_module.compiler = lambda: compiler  # type: ignore[assignment]
        try:
            with pytest.raises(RenderError, match="Typst advirtió"):
                render_pdf(m23)
        finally:
            pdf_module.compiler = original  # type: ignore[assignment]
    finally:
        broken.unlink()


def test_spanish_characters_render_with_shipped_font(m23: SheetModel) -> None:
    """Every Spanish character of the brief prints with the shipped font (no fallback warning)."""
    sample = "á é í ó ú ü ñ Ñ ¿ ¡ « » “ ” ° – Á É Í Ó Ú"
    section = Section(
        key="prueba", title="PRUEBA", blocks=[Paragraph(text=sample), Paragraph(text=sample, label="Ñ:")]
    )
    model = m23.model_copy(update={"document_title": sample, "sections": [section]})
    pdf = render_pdf(model)  # raises RenderError on any font-fallback warning
    assert sample in pdf_text(pdf)
    doc = pdfium.PdfDocument(pdf)
    assert doc.get_metadata_dict()["Title"] == sample
    doc.close()


def test_2020_pdf_opens(pdf20: bytes) -> None:
    doc = pdfium.PdfDocument(pdf20)
    try:
        assert 2 <= len(doc) <= 6
        assert doc.get_metadata_dict()["Author"] == "Dirección General de Promoción de Exportaciones"
    finally:
        doc.close()
