"""Column widths fitted to the text (R1): 9-digit M$ amounts never overflow their cells, in the model and
in the PDF (the importer's word boxes: every amount is one word, no two words overlap)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitoreo.domain import Submission
from monitoreo.ingest.pdf_words import read_words
from monitoreo.io.read import parse_submission, submission_to_data
from monitoreo.metrics import compute_metrics
from monitoreo.sheet import SheetModel, build_sheet, columns
from monitoreo.sheet.blocks import Context
from monitoreo.sheet.build import layout_for
from monitoreo.sheet.format import SheetFormat
from monitoreo.sheet.measure import text_width, widest_word
from monitoreo.sheet.model import Cell, Row, Table

TEMPLATE = Path(columns.__file__).parent / "templates" / "ficha.typ"
AMOUNT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")


def _scaled(series: dict[Any, Any], factor: int) -> dict[Any, Any]:
    return {k: v * factor if isinstance(v, Decimal) else v for k, v in series.items()}


def huge(sub: Submission, factor: int = 100) -> Submission:
    """``sub`` with every amount × ``factor`` (S23 and S20 → 9-digit M$ amounts, 10-digit totals) and every
    production 1 (so unit costs are as large as the spend: «242.715.500,0»)."""
    data = submission_to_data(sub)
    for comp in data["components"]:
        comp["spend"] = _scaled(comp["spend"], factor)
        comp["output"] = {y: Decimal(1) if isinstance(v, Decimal) else v for y, v in comp["output"].items()}
    for year in data["budget"]["years"].values():
        year.update(_scaled(year, factor))
    data["budget"]["admin_spend"] = _scaled(data["budget"]["admin_spend"], factor)
    for table in data["budget"]["subtitles"].values():
        table.update(_scaled(table, factor))
        table["rows"] = [_scaled(r, factor) for r in table["rows"]]
    if data.get("regional"):
        data["regional"]["rows"] = [_scaled(r, factor) for r in data["regional"]["rows"]]
    data["published"] = []  # recomputed from the scaled inputs
    return parse_submission(data)


@pytest.fixture(scope="module")
def big23(s23: Submission) -> SheetModel:
    return build_sheet(huge(s23))


@pytest.fixture(scope="module")
def big20(s20: Submission) -> SheetModel:
    return build_sheet(huge(s20))


def raw_tables(sub: Submission) -> list[Table]:
    """The tables the layout builds, before ``build_sheet`` fits their columns."""
    ctx = Context(
        sub=sub,
        metrics=compute_metrics(sub),
        fmt=SheetFormat.for_edition(int(sub.edition), int(sub.price_base_year)),
        evaluation=None,
    )
    return [b for s in layout_for(int(sub.edition))(ctx) for b in s.blocks if isinstance(b, Table)]


def widths_pt(table: Table) -> list[float]:
    return [w * columns.TEXT_WIDTH_PT / sum(table.columns) for w in table.columns]


def test_geometry_mirrors_the_template() -> None:
    source = TEMPLATE.read_text(encoding="utf-8")
    assert 'paper: "a4"' in source and "margin: (x: 1.5cm," in source
    assert round(columns.TEXT_WIDTH_PT, 1) == round((21.0 - 2 * 1.5) / 2.54 * 72, 1)
    assert 'set text(font: "DejaVu Sans", size: 7.8pt' in source and columns.BODY_PT == 7.8
    assert "set text(size: 6.9pt) if tb.dense" in source and columns.DENSE_PT == 6.9
    assert "inset: (x: 3pt," in source and columns.INSET_X_PT == 3.0
    assert "columns: tb.columns.map(w => w * 1fr)" in source


def test_text_width_uses_the_shipped_fonts() -> None:
    assert text_width("0", 10) == pytest.approx(10 * 1303 / 2048)  # DejaVu Sans digit advance
    assert text_width("123.456.789", 6.9) == pytest.approx(6.9 * (9 * 1303 + 2 * 651) / 2048)
    assert text_width("123.456.789", 6.9, bold=True) > text_width("123.456.789", 6.9)
    assert text_width("\U0001f600", 10) >= text_width("W", 10)  # a missing glyph counts as the widest


@given(st.lists(st.text(alphabet="iljWMm0.,%áÑ-/(", min_size=1, max_size=12), max_size=12))
def test_widest_word_is_the_widest_measured_word(words: list[str]) -> None:
    text = " ".join(words)
    expected = max((text_width(w, 7.8) for w in text.split()), default=0.0)
    assert widest_word(text, 7.8) == pytest.approx(expected)


def test_seed_tables_keep_their_widths(s23: Submission, s20: Submission) -> None:
    """The seeds' tables already fit: build_sheet leaves them as the layouts build them (same PDF)."""
    for sub in (s23, s20):
        built = build_sheet(sub).tables()
        assert built == raw_tables(sub)
        assert all(columns.fits(t) for t in built)


def test_nine_digit_amounts_widen_the_components_columns(s23: Submission, big23: SheetModel) -> None:
    raw = {t.id: t for t in raw_tables(huge(s23))}
    assert not columns.fits(raw["componentes"])  # the layout's widths overflow (R1)
    table = big23.table("componentes")
    assert columns.fits(table) and table.dense
    spend, unit_cost = widths_pt(table)[1], widths_pt(table)[7]
    assert spend >= text_width("464.927.800", columns.DENSE_PT, bold=True) + 2 * columns.INSET_X_PT
    assert unit_cost >= text_width("242.715.500,0", columns.DENSE_PT) + 2 * columns.INSET_X_PT
    assert all(columns.fits(t) for t in big23.tables())


def test_fit_gives_short_columns_their_minimum_and_keeps_the_rest_in_proportion() -> None:
    amount = "123.456.789"
    table = Table(
        id="t",
        caption="T",
        columns=[6.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0],
        align=["left"] * 8,
        header=[],
        rows=[
            Row(cells=[Cell(text="Etiqueta larga"), *(Cell(text=amount) for _ in range(6)), Cell(text="x")])
        ],
    )
    assert not columns.fits(table)
    fitted = columns.fit_columns(table)
    assert fitted.dense is False and columns.fits(fitted)
    widths = widths_pt(fitted)
    need = text_width(amount, columns.BODY_PT) + 2 * columns.INSET_X_PT + columns.SLACK_PT
    assert widths[1:7] == pytest.approx([need] * 6, abs=0.05)
    assert widths[0] / widths[7] == pytest.approx(3.0, rel=1e-3)
    assert columns.fit_columns(fitted) is fitted  # a fitting table is returned as is


def test_fit_turns_dense_when_the_body_font_cannot_fit() -> None:
    amount = "123.456.789.012"
    table = Table(
        id="t",
        caption="T",
        columns=[1.0] * 7,
        align=["right"] * 7,
        header=[],
        rows=[Row(cells=[Cell(text=amount) for _ in range(7)])],
    )
    fitted = columns.fit_columns(table)  # 7 × 15 characters: too wide at 7,8 pt, fits at 6,9 pt
    assert fitted.dense and columns.fits(fitted)
    eight = table.model_copy(update={"columns": [1.0] * 8, "rows": [Row(cells=[Cell(text=amount)] * 8)]})
    crowded = columns.fit_columns(eight)  # cannot fit: dense, equal minimums → equal widths
    assert crowded.dense and not columns.fits(crowded) and len(set(crowded.columns)) == 1


def test_spanning_header_cells_are_placed_after_rowspans(big23: SheetModel) -> None:
    """The components header: «Componentes…» spans two rows, so the years of row 2 start at column 1."""
    table = big23.table("componentes")
    placed = [(col, cell.text) for col, cell, _ in columns.placed_cells(table.header)]
    assert placed[:4] == [
        (0, "Componentes (unidad de producción)"),
        (1, "Gasto ejecutado (M$2024)"),
        (4, "Producción (unidad)"),
        (7, "Gasto unitario (M$2024)"),
    ]
    assert [col for col, _ in placed[4:]] == list(range(1, 10))


# ---- the PDF -----------------------------------------------------------------------------------------------

Word = tuple[int, float, float, float, float, str]


def pdf_words(pdf: bytes, tmp_path: Path) -> list[Word]:
    """Every word of the PDF with its page and box, as the importer reads them (pypdfium2 character
    boxes grouped into words, ``monitoreo.ingest.pdf_words``)."""
    pages, _ = read_words(pdf)
    return [(page, w.x0, w.y0, w.x1, w.y1, w.text) for page, words in enumerate(pages) for w in words]


def overlapping(words: list[Word]) -> list[tuple[str, str]]:
    """Pairs of words of one page whose boxes overlap (more than 0.2 pt both ways)."""
    bad = []
    for a, b in itertools.combinations(words, 2):
        if (
            a[0] == b[0]
            and min(a[3], b[3]) - max(a[1], b[1]) > 0.2
            and min(a[4], b[4]) - max(a[2], b[2]) > 0.2
        ):
            bad.append((a[5], b[5]))
    return bad


def printed_amounts(model: SheetModel) -> Counter[str]:
    return Counter(
        cell.text for t in model.tables() for r in t.rows for cell in r.cells if AMOUNT.match(cell.text)
    )


@pytest.mark.slow
@pytest.mark.parametrize("which", ["big23", "big20"])
def test_pdf_prints_every_large_amount_as_one_word_without_overlap(
    which: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    from monitoreo.sheet.pdf import render_pdf

    model: SheetModel = request.getfixturevalue(which)
    amounts = printed_amounts(model)
    assert any(len(a) >= len("123.456.789") for a in amounts)
    words = pdf_words(render_pdf(model), tmp_path)
    found = Counter(w[5] for w in words)
    assert {a: n for a, n in amounts.items() if found[a] < n} == {}
    assert overlapping(words) == []


@pytest.mark.slow
def test_overlap_check_catches_the_old_widths(s23: Submission, tmp_path: Path) -> None:
    """Without fitted widths the 9-digit unit costs overlap their neighbours: the check above can fail."""
    from monitoreo.sheet.pdf import render_pdf

    sub = huge(s23)
    model = build_sheet(sub)
    raw = {t.id: t for t in raw_tables(sub)}
    sections = [
        s.model_copy(update={"blocks": [raw[b.id] if isinstance(b, Table) else b for b in s.blocks]})
        for s in model.sections
    ]
    assert overlapping(pdf_words(render_pdf(model.model_copy(update={"sections": sections})), tmp_path)) != []
