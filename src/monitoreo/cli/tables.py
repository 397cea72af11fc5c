"""Readable tables at any width: a table when it fits the terminal, otherwise one block per row.

Contract: ``print_rows(title, columns, rows, wrap=(), caption="")`` prints to ``output.stdout`` a rich
table when the table fits the console's width without cutting a cell (columns in ``wrap`` may wrap their
text down to ``WRAP_MIN`` characters); otherwise the title, then per row one line «Columna: valor» per
non-empty cell, a blank line between rows, then the caption. The width is the terminal's, or ``COLUMNS``,
or 80 when output goes to a file or a pipe, so a redirected wide table becomes a list. Nothing is ever
truncated with «…».
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from monitoreo.cli.output import stdout

WRAP_MIN = 30


def _width() -> int:
    """``COLUMNS`` as it is now (a console created earlier may have pinned another), else the console's."""
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else stdout.width


def fits(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int, wrap: Sequence[int] = ()) -> bool:
    """True when the table's columns, at their natural widths (wrapping ones at ``WRAP_MIN``), fit ``width``."""
    needed = 1 + 3 * len(columns)
    for i, column in enumerate(columns):
        natural = max([len(column)] + [len(row[i]) for row in rows])
        needed += min(natural, WRAP_MIN) if i in wrap else natural
    return needed <= width


def print_rows(
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    wrap: Sequence[int] = (),
    caption: str = "",
) -> None:
    """Print ``rows`` as a table or as a list (see module docstring)."""
    width = _width()
    if fits(columns, rows, width, wrap):
        table = Table(title=title, caption=caption or None)
        for i, column in enumerate(columns):
            table.add_column(
                column,
                no_wrap=i not in wrap,
                ratio=1 if i in wrap else None,
                min_width=WRAP_MIN if i in wrap else None,
            )
        for row in rows:
            table.add_row(*row)
        # A console of this width on the same stream: ``stdout`` may have pinned a narrower one at import.
        Console(file=stdout.file, width=width, soft_wrap=True).print(table)
        return
    out = [title, "=" * min(len(title), 80)]
    for row in rows:
        out.append("")
        out.extend(f"{column}: {value}" for column, value in zip(columns, row, strict=True) if value)
    if not rows:
        out.append("(sin filas)")
    if caption:
        out += ["", caption]
    stdout.print("\n".join(out), highlight=False, markup=False, soft_wrap=True)
