"""Table rows out of PDF text where cells of a row may be split across lines.

A printed row is a label (possibly over several lines, with footnote markers glued to it: «Presupuesto
Inicial2», «Recursos Extrapresupuestarios / 6») followed by its value cells (possibly on the label's last
line, or on lines of their own, possibly one cell per line). ``read_rows`` walks the lines and yields
``Row(label, cells)`` once a row has as many cells as ``expected(label)`` says. A line of bare years
(«2021 2022 2023») is a column header: it yields a ``Row`` with ``years`` set and resets the label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from monitoreo.ingest.es_numbers import is_value_token, is_year_token
from monitoreo.ingest.lines import Line, ascii_fold

_GLUED_FOOTNOTE = re.compile(r"(?<=[^\W\d_])\d{1,2}\b")
_FOOTNOTE = re.compile(r"^\d{1,2}$")


@dataclass
class Row:
    """A table row: ``label`` as printed (lines joined), ``cells`` the printed value tokens. A header row has
    ``years`` and no cells. ``incomplete`` rows ran out of cells before the next label started."""

    label: str
    cells: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    incomplete: bool = False

    @property
    def key(self) -> str:
        """The label folded for matching: ASCII lowercase, no footnote digits or asterisks."""
        return label_key(self.label)

    @property
    def line(self) -> Line | None:
        return self.lines[-1] if self.lines else None


def label_key(label: str) -> str:
    text = _GLUED_FOOTNOTE.sub("", label).replace("*", " ")
    return " ".join(ascii_fold(text).split())


def _trailing_values(tokens: Sequence[str]) -> int:
    count = 0
    for token in reversed(tokens):
        if not is_value_token(token):
            break
        count += 1
    return count


def _is_footnote(lines: Sequence[Line], i: int, expected: int) -> bool:
    """A lone 1-2 digit line right before a line that holds a whole row of cells is a footnote marker."""
    if not _FOOTNOTE.match(lines[i].text):
        return False
    for nxt in lines[i + 1 :]:
        if nxt.blank:
            continue
        tokens = nxt.text.split()
        return all(is_value_token(t) for t in tokens) and len(tokens) >= expected
    return False


def read_rows(
    lines: Sequence[Line],
    expected: Callable[[str], int],
    header: Callable[[str], bool] = lambda text: False,
) -> Iterator[Row]:
    """Rows of the table in ``lines``; ``expected(label_key)`` gives the number of cells a row with that
    label has; lines for which ``header(text)`` is true are column headings and reset the label."""
    label: list[Line] = []
    pending: list[str] = []
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if header(line.text):
            label, pending = [], []
            continue
        tokens = line.text.split()
        want = expected(label_key(" ".join(x.text for x in label)))
        if all(is_value_token(t) or is_year_token(t) for t in tokens):
            if not pending and all(is_year_token(t) for t in tokens):
                yield Row(" ".join(x.text for x in label), lines=[*label, line], years=[int(t) for t in tokens])
                label = []
                continue
            if not pending and _is_footnote(lines, i, want):
                continue
            pending.extend(tokens)
            if len(pending) >= want:
                yield _row(label, line, pending[:want])
                label, pending = [], []
            continue
        if pending:
            yield Row(_label_text(label), list(pending), [*label, line], incomplete=True)
            label, pending = [], []
        count = _trailing_values(tokens)
        want = expected(label_key(" ".join([*(x.text for x in label), *tokens[: len(tokens) - count]])))
        if count >= want > 0:
            cut = len(tokens) - want
            head = Line(" ".join(tokens[:cut]), line.number, line.page)
            yield _row([*label, head], line, tokens[cut:])
            label = []
        else:
            label.append(line)
    if pending:
        yield Row(_label_text(label), list(pending), list(label), incomplete=True)


def _label_text(label: Sequence[Line]) -> str:
    return " ".join(x.text for x in label if x.text and not all(is_value_token(t) for t in x.text.split()))


def _row(label: list[Line], last: Line, cells: list[str]) -> Row:
    return Row(_label_text(label), cells, [*label, last])
