"""Table rows out of PDF text where cells of a row may be split across lines.

A printed row is a label (possibly over several lines, with footnote markers glued to it: «Presupuesto
Inicial2», «Recursos Extrapresupuestarios / 6») followed by its value cells (possibly on the label's last
line, or on lines of their own, possibly one cell per line). ``read_rows`` walks the lines and yields
``Row(label, cells)`` once a row has as many cells as ``expected(label)`` says. A line of bare years
(«2021 2022 2023») is a column header: it yields a ``Row`` with ``years`` set and resets the label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from monitoreo.ingest.es_numbers import is_value_token, is_year_token
from monitoreo.ingest.es_numbers import tokens as split_tokens
from monitoreo.ingest.lines import Line, ascii_fold

_GLUED_FOOTNOTE = re.compile(r"(?<=[^\W\d_])\d{1,2}\b|\s\d{1,2}$")
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


@lru_cache(maxsize=8192)
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
) -> list[Row]:
    """Rows of the table in ``lines``; ``expected(label_key)`` gives the number of cells a row with that
    label has; lines for which ``header(text)`` is true are column headings and reset the label.

    Also handled: the column headings repeated after a page break (skipped once the first year row has been
    seen), a label whose parentheses are still open when its cells arrive (its continuation after the page
    break is appended to it), and cells that start on the label's line and continue on lines of their own
    (a leading footnote marker «Total Ejecutado 7 4.649.278» is then dropped)."""
    return _RowReader(expected, header).read(lines)


class _RowReader:
    def __init__(self, expected: Callable[[str], int], header: Callable[[str], bool]) -> None:
        self.expected, self.header = expected, header
        self.rows: list[Row] = []
        self.label: list[Line] = []
        self.pending: list[str] = []
        self.soft = False  # pending cells came from a label line (may be label text after all)
        self.headings: set[str] = set()
        self.seen_years = False

    def want(self, extra: Sequence[str] = ()) -> int:
        return self.expected(label_key(" ".join([*(x.text for x in self.label), *extra])))

    def read(self, lines: Sequence[Line]) -> list[Row]:
        for i, line in enumerate(lines):
            if line.blank or self.header(line.text):
                if not line.blank:
                    self.label, self.pending = [], []
                continue
            if self.seen_years and line.text in self.headings:
                continue
            tokens = split_tokens(line.text)
            count = _trailing_values(tokens)
            if count == len(tokens):
                self._values(lines, i, tokens)
            elif count >= 2 and all(is_year_token(t) for t in tokens[-count:]) and not self.pending:
                self._years(line, tokens[-count:], [*self.label, line])
            else:
                self._label(line, tokens, count)
        if self.pending:
            self.rows.append(
                Row(_label_text(self.label), list(self.pending), list(self.label), incomplete=True)
            )
        return self.rows

    def _years(self, line: Line, years: Sequence[str], label: list[Line]) -> None:
        if not self.seen_years:
            self.headings = {x.text for x in label}
            self.seen_years = True
            self.rows.append(Row(_label_text(label), lines=label, years=[int(t) for t in years]))
        self.label = []

    def _values(self, lines: Sequence[Line], i: int, tokens: list[str]) -> None:
        line = lines[i]
        if not self.pending and all(is_year_token(t) for t in tokens):
            self._years(line, tokens, [*self.label, line])
            return
        want = self.want()
        if not self.pending and _is_footnote(lines, i, want):
            return
        self.pending.extend(tokens)
        if len(self.pending) >= want:
            cells = self.pending[-want:] if self.soft else self.pending[:want]
            self._emit(line, cells)

    def _label(self, line: Line, tokens: list[str], count: int) -> None:
        if self.pending:
            if self.soft:  # the «cells» were label text: «… por 2» / «temporadas seguidas»
                self.label[-1] = Line(" ".join([self.label[-1].text, *self.pending]), line.number, line.page)
                self.pending, self.soft = [], False
            else:
                self.rows.append(
                    Row(_label_text(self.label), list(self.pending), [*self.label, line], incomplete=True)
                )
                self.label, self.pending = [], []
        if self.rows and not self.label and _open_parentheses(self.rows[-1].label) > 0:
            last = self.rows[-1]
            last.label = f"{last.label} {line.text}"
            last.lines.append(line)
            return
        want = self.want(tokens[: len(tokens) - count])
        head = Line(" ".join(tokens[: len(tokens) - count]), line.number, line.page)
        if count >= want > 0:
            self.label.append(Line(" ".join(tokens[: len(tokens) - want]), line.number, line.page))
            self._emit(line, tokens[len(tokens) - want :])
        elif count:
            self.label.append(head)
            self.pending, self.soft = list(tokens[len(tokens) - count :]), True
        else:
            self.label.append(line)

    def _emit(self, last: Line, cells: Sequence[str]) -> None:
        self.rows.append(Row(_label_text(self.label), list(cells), [*self.label, last]))
        self.label, self.pending, self.soft = [], [], False


def _open_parentheses(text: str) -> int:
    return text.count("(") - text.count(")")


def _label_text(label: Sequence[Line]) -> str:
    return " ".join(x.text for x in label if x.text and not all(is_value_token(t) for t in x.text.split()))
