"""Column widths that fit the text of each table column (renderer defect R1, docs/ficha-import.md).

Numbers never wrap: «123.456.789» has no break opportunity, and neither has any word (the ficha sets
``hyphenate: false``). A column narrower than its longest unbreakable token lets the text run into the
next cell, where the PDF's text glues neighbouring amounts into one word («55.395.3122.212.515») or, when
the glyphs overlap, returns the words out of order. So the view model decides the widths:

``fit_columns(table)`` measures, per column, the widest unbreakable token of its cells (whitespace-separated
words of the text with its footnote marker, of the extra lines and of the extra paragraphs; bold in header
and total rows) with ``measure.text_width`` in the size the table prints at, plus the cell insets. When the
table's relative widths (``Table.columns``) already give every column that much of the page's text width,
the table is returned unchanged (same widths, same output). Otherwise the short columns get exactly their
minimum and the others share what is left in their original proportions; a cell spanning several columns
must fit in their sum. A table whose minimums do not fit the page even so is printed ``dense`` (smaller
font) and fitted again; if it still cannot fit, the widths follow the minimums (the least overlap).

The page geometry below mirrors ``templates/ficha.typ`` (``tests/sheet/test_columns.py`` checks it)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from monitoreo.sheet.measure import text_width, widest_word
from monitoreo.sheet.model import Block, Cell, Row, Section, Table

#: A4 width minus the page's side margins (ficha.typ: ``paper: "a4"``, ``margin: (x: 1.5cm …)``), in points.
TEXT_WIDTH_PT = 595.2756 - 2 * 42.5197
#: Table text sizes (ficha.typ: ``set text(size: 7.8pt)``; ``set text(size: 6.9pt) if tb.dense``).
BODY_PT, DENSE_PT = 7.8, 6.9
#: Horizontal cell inset (ficha.typ: ``inset: (x: 3pt, …)``), on each side.
INSET_X_PT = 3.0
#: Footnote markers print at Typst's default superscript size (``super(size: 0.6em)``).
SUP_SCALE = 0.6
#: Safety margin per column (shaping rounding, the cell stroke).
SLACK_PT = 1.5
#: Widths are written as weights rounded to 4 decimals; fitted minimums get this much more to absorb it.
ROUNDING_PT = 0.02


def cell_min_width(cell: Cell, size_pt: float, bold: bool) -> float:
    """Narrowest width (points, insets included) at which no token of ``cell`` overflows: the widest
    whitespace-separated word of its text (with the footnote marker glued to the last word), extra lines
    and extra paragraphs."""
    widest = widest_word(cell.text, size_pt, bold)
    for text in (*cell.lines, *cell.paragraphs) if cell.lines or cell.paragraphs else ():
        widest = max(widest, widest_word(text, size_pt, bold))
    if cell.sup:
        words = cell.text.split()
        last = text_width(words[-1], size_pt, bold) if words else 0.0
        widest = max(widest, last + text_width(cell.sup, size_pt * SUP_SCALE, bold))
    return widest + 2 * INSET_X_PT + SLACK_PT


def placed_cells(rows: Sequence[Row]) -> Iterator[tuple[int, Cell, Row]]:
    """``(first column, cell, row)`` of every cell, placing cells as Typst and HTML do: each cell takes the
    next column not covered by a ``rowspan`` from a row above."""
    covered: dict[int, int] = {}
    for row in rows:
        taken = {col for col, left in covered.items() if left > 0}
        covered = {col: left - 1 for col, left in covered.items() if left > 1}
        col = 0
        for cell in row.cells:
            while col in taken:
                col += 1
            yield col, cell, row
            if cell.rowspan > 1:
                covered.update({k: cell.rowspan - 1 for k in range(col, col + cell.colspan)})
            col += cell.colspan


def _needs(table: Table, size_pt: float) -> tuple[list[float], list[tuple[int, int, float]]]:
    """Minimum width per column (single cells) and ``(first, last, width)`` of spanning cells."""
    single = [0.0] * len(table.columns)
    spans: list[tuple[int, int, float]] = []
    for is_header, rows in ((True, table.header), (False, table.rows)):
        for col, cell, row in placed_cells(rows):
            width = cell_min_width(cell, size_pt, is_header or row.kind == "total")
            last = min(col + cell.colspan, len(single)) - 1
            if last == col:
                single[col] = max(single[col], width)
            elif cell.text.strip() or cell.lines or cell.paragraphs:
                spans.append((col, last, width))
    return single, spans


def _share(weights: Sequence[float], minimum: Sequence[float], total: float) -> list[float] | None:
    """Widths summing to ``total``, each ≥ its minimum, the unconstrained ones in ``weights``' proportion;
    ``None`` when the minimums alone exceed ``total``."""
    if sum(minimum) > total:
        return None
    fixed: set[int] = set()
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        left = total - sum(minimum[i] for i in fixed)
        scale = left / sum(weights[i] for i in free) if free else 0.0
        short = [i for i in free if weights[i] * scale < minimum[i]]
        if not short:
            return [minimum[i] if i in fixed else weights[i] * scale for i in range(len(weights))]
        fixed.update(short)


def _fit(
    weights: Sequence[float], single: list[float], spans: list[tuple[int, int, float]]
) -> list[float] | None:
    minimum = [w + ROUNDING_PT for w in single]
    for _ in range(len(weights) + 1):
        widths = _share(weights, minimum, TEXT_WIDTH_PT)
        if widths is None:
            return None
        short = [(a, b, need) for a, b, need in spans if sum(widths[a : b + 1]) < need - 1e-6]
        if not short:
            return widths
        for a, b, need in short:  # widen the spanned columns in proportion
            factor = need / sum(widths[a : b + 1])
            for i in range(a, b + 1):
                minimum[i] = max(minimum[i], widths[i] * factor)
    return None


def fits(table: Table) -> bool:
    """True when every column of ``table`` is at least as wide as its widest unbreakable token."""
    single, spans = _needs(table, DENSE_PT if table.dense else BODY_PT)
    scale = TEXT_WIDTH_PT / sum(table.columns)
    widths = [w * scale for w in table.columns]
    return all(w >= need - 1e-6 for w, need in zip(widths, single, strict=True)) and all(
        sum(widths[a : b + 1]) >= need - 1e-6 for a, b, need in spans
    )


def _weights(widths: Sequence[float], like: Sequence[float]) -> list[float]:
    """``widths`` as relative weights on the scale of ``like`` (rounded up, so a minimum stays met)."""
    scale = sum(like) / TEXT_WIDTH_PT
    return [round(w * scale + 0.00005, 4) for w in widths]


def fit_columns(table: Table) -> Table:
    """``table`` with column widths (and, if needed, the dense font) that fit its text (module docstring)."""
    if fits(table):
        return table
    for dense in sorted({table.dense, True}):  # the table's own font first, then the dense one
        candidate = table if dense == table.dense else table.model_copy(update={"dense": dense})
        single, spans = _needs(candidate, DENSE_PT if dense else BODY_PT)
        widths = _fit(table.columns, single, spans)
        if widths is not None:
            return candidate.model_copy(update={"columns": _weights(widths, table.columns)})
    single, _ = _needs(table, DENSE_PT)
    return table.model_copy(update={"dense": True, "columns": _weights(single, table.columns)})


def fit_block(block: Block) -> Block:
    return fit_columns(block) if isinstance(block, Table) else block


def fit_sections(sections: Sequence[Section]) -> list[Section]:
    """Every table of ``sections`` fitted (``fit_columns``); other blocks untouched."""
    out = []
    for section in sections:
        blocks = [fit_block(b) for b in section.blocks]
        changed = any(new is not old for new, old in zip(blocks, section.blocks, strict=True))
        out.append(section.model_copy(update={"blocks": blocks}) if changed else section)
    return out
