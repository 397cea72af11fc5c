"""Printed cells → year series, and the ``published`` figures list, with issues for unreadable cells."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from monitoreo.domain.values import Missing, Num
from monitoreo.ingest.es_numbers import parse_value
from monitoreo.ingest.lines import Line
from monitoreo.ingest.reader import Reader


def series(
    r: Reader,
    cells: Sequence[str],
    years: Sequence[int],
    path: str,
    line: Line | None,
    amount: bool = True,
) -> dict[int, Num]:
    """``{year: value}`` of the cells; an unreadable cell (or a negative amount) is left out with W002."""
    out: dict[int, Num] = {}
    for year, cell in zip(years, cells, strict=False):
        value = parse_value(cell)
        if value is None or (amount and isinstance(value, Decimal) and value < 0):
            r.issue("import.W002", f"{path}.{year}", f"celda «{cell}» ilegible", line)
            continue
        out[year] = value
    r.mark(path, line)
    return out


def one(r: Reader, cell: str, path: str, line: Line | None, amount: bool = True) -> Num | None:
    value = parse_value(cell)
    if value is None or (amount and isinstance(value, Decimal) and value < 0):
        r.issue("import.W002", path, f"celda «{cell}» ilegible", line)
        return None
    r.mark(path, line)
    return value


class Published:
    """The ``published`` list in the order figures are met; one entry per (metric, key)."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, metric: str, values: dict[int, Num], key: str | None = None) -> None:
        if not values:
            return
        for item in self.items:
            if item["metric"] == metric and item.get("key") == key:
                item["values"].update(values)
                return
        entry: dict[str, Any] = {"metric": metric}
        if key is not None:
            entry["key"] = key
        entry["values"] = dict(values)
        self.items.append(entry)


def is_code(value: Num) -> bool:
    return isinstance(value, Missing)
