"""Synthetic data is unmistakable (issue 14): a synthetic ficha prints «Datos de demostración (ficticios)»
under its title, in HTML and in the PDF; a real ficha (the seeds) never does."""

from __future__ import annotations

from monitoreo.domain import Submission
from monitoreo.sheet import SheetModel, build_sheet
from monitoreo.sheet.html import render_html
from monitoreo.sheet.pdf import render_pdf
from monitoreo.synth import generate
from tests.sheet.test_pdf import pdf_text

MARK = "Datos de demostración (ficticios)"


def test_a_synthetic_ficha_carries_the_mark_in_html_and_pdf() -> None:
    sub = next(generate(1, 7, edition=2023))
    assert sub.synthetic
    model = build_sheet(sub)
    assert model.notice is not None and model.notice.startswith(MARK)
    assert MARK in render_html(model)
    assert MARK in " ".join(pdf_text(render_pdf(model)).split())


def test_real_fichas_carry_no_mark(
    s20: Submission, s23: Submission, m20: SheetModel, m23: SheetModel, pdf23: bytes
) -> None:
    assert not s20.synthetic and not s23.synthetic
    assert m20.notice is None and m23.notice is None
    assert "demostración" not in render_html(m23) and "demostración" not in render_html(m20)
    assert "demostración" not in pdf_text(pdf23)
