"""A table never leaves one row or its totals alone on the next PDF page (issue #14): wherever a page break
falls, the last three rows share a page and so do the first two."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from monitoreo.sheet import SheetModel, render_pdf
from monitoreo.sheet.model import Cell, Paragraph, Row, Section, Table

pytestmark = pytest.mark.slow


def _pages(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def _model(base: SheetModel, filler: int, rows: int) -> SheetModel:
    body = [Row(cells=[Cell(text=f"Fila{i:02d}"), Cell(text=f"{i}")]) for i in range(1, rows)]
    body.append(Row(cells=[Cell(text="TotalFinal"), Cell(text="99")], kind="total"))
    table = Table(
        id="t",
        caption="Tabla de prueba",
        columns=[3.0, 1.0],
        align=["left", "right"],
        header=[Row(cells=[Cell(text="Nombre"), Cell(text="Valor")])],
        rows=body,
    )
    blocks = [Paragraph(text=f"Relleno {i}") for i in range(filler)]
    return base.model_copy(update={"sections": [Section(key="x", title="X", blocks=[*blocks, table])]})


def test_totals_keep_two_rows_and_first_rows_stay_together(m23: SheetModel) -> None:
    rows, splits = 12, 0
    for filler in range(44, 64):  # moves the table across the first page break, one line at a time
        pages = _pages(render_pdf(_model(m23, filler, rows)))
        where = {
            name: next(i for i, text in enumerate(pages) if name in text)
            for name in ("Fila01", "Fila02", f"Fila{rows - 2:02d}", f"Fila{rows - 1:02d}", "TotalFinal")
        }
        splits += where["Fila01"] != where["TotalFinal"]
        assert where[f"Fila{rows - 2:02d}"] == where[f"Fila{rows - 1:02d}"] == where["TotalFinal"], filler
        assert where["Fila01"] == where["Fila02"], filler
    assert splits > 0  # the range did put page breaks inside the table
