"""Texts carried over from last year's report that still quote last year's figures («La población
beneficiada fue de 3.389 personas» beside this year's 3.612), flagged for the service to update.

Contract: ``stale_texts(previous, current)`` → ``StaleText``s, one per text field of the form (descriptions,
criteria, narrative) whose text is still last year's word for word and quotes a figure of last year's
evaluated year (a value ≥ 100 of a year series, written «3.389» or «3389»), with the label of the field and
of the figure. Pre-filling keeps the text (it is mostly still true); the flag goes away when the service
edits it. Never raises on odd data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from monitoreo import formatting
from monitoreo.cycle.fields import label_of
from monitoreo.ingest.excel import cells, get_path

CODE = "cycle.W001"
TEXT_KINDS = ("text", "longtext")
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:,\d+)?(?![\d])")


@dataclass(frozen=True)
class StaleText:
    path: str
    label: str
    quoted: str
    figure: str

    @property
    def message(self) -> str:
        return (
            f"El texto viene del reporte anterior y cita «{self.quoted}», la cifra de {self.figure}: "
            "actualícelo con las cifras de este año o confirme que sigue vigente editándolo."
        )


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _figures(previous: Mapping[str, Any]) -> dict[Decimal, str]:
    """Last year's evaluated-year values ≥ 100 → the label of their field."""
    try:
        year = int(previous.get("evaluated_year"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return {}
    out: dict[Decimal, str] = {}
    for cell in cells(previous):
        if cell.year != year or cell.kind not in ("amount", "number"):
            continue
        try:
            value = Decimal(str(get_path(previous, cell.path)))
        except (InvalidOperation, ValueError):
            continue
        if value.is_finite() and abs(value) >= 100:
            out.setdefault(value, label_of(previous, cell.path).label)
    return out


def stale_texts(previous: Mapping[str, Any] | None, current: Mapping[str, Any]) -> list[StaleText]:
    if not previous:
        return []
    figures = _figures(previous)
    if not figures:
        return []
    out = []
    for cell in cells(current):
        if cell.kind not in TEXT_KINDS or cell.readonly:
            continue
        text = get_path(current, cell.path)
        if not isinstance(text, str) or text != get_path(previous, cell.path):
            continue
        for match in _NUMBER.finditer(text):
            value = _decimal(match.group(0))
            if value is not None and value in figures:
                out.append(
                    StaleText(
                        cell.path,
                        label_of(current, cell.path).label,
                        formatting.number(value, 0) if value == value.to_integral_value() else match.group(0),
                        figures[value],
                    )
                )
                break
    return out
