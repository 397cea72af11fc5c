"""Turning core results into what the portal stores and shows: plain metric series, key figures of the
evaluated year, search text, and back to es-CL text through ``monitoreo.formatting`` (never formatted here)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from monitoreo import formatting, reference
from monitoreo.domain.values import Missing, Num
from monitoreo.metrics import Metrics
from monitoreo.textfold import fold

#: Key figures of a ficha (evaluated year), in listing order, with their Spanish labels.
KEY_FIGURES: dict[str, str] = {
    "total_executed": "Presupuesto ejecutado (M$)",
    "coverage_pct": "Cobertura",
    "execution_initial_pct": "Ejecución presupuestaria inicial",
    "execution_final_pct": "Ejecución presupuestaria final",
    "spend_per_beneficiary": "Gasto por beneficiario (M$)",
}

Plain = float | str


def normalise(text: str) -> str:
    """Lower case without accents, for accent-insensitive search on any database (the core's folding)."""
    return fold(text)


def plain_metrics(m: Metrics) -> dict[str, dict[str, Plain]]:
    """Yearly metrics as JSON: ``{metric: {"2023": 25.52 | "S/I"}}`` (unrounded)."""
    return {
        name: {str(y): formatting.plain(v) for y, v in series.items()} for name, series in m.yearly.items()
    }


def key_figures(m: Metrics, year: int) -> dict[str, Plain]:
    """The key figures of ``year`` (value or code)."""
    return {name: formatting.plain(m.value(name, year)) for name in KEY_FIGURES}


def sortable(value: Plain | None) -> float | None:
    """A number for a sort column; codes and absent values sort as NULL."""
    return value if isinstance(value, float | int) and not isinstance(value, bool) else None


def to_num(value: Any) -> Num:
    """Back from JSON: a number becomes ``Decimal``, a code its ``Missing``; anything else is S/I."""
    if isinstance(value, bool) or value is None:
        return Missing.NOT_REPORTED
    if isinstance(value, int | float):
        return Decimal(str(value))
    try:
        return Missing(str(value))
    except ValueError:
        return Missing.NOT_REPORTED


def show(metric: str, value: Any, edition: int) -> str:
    """es-CL text of a stored metric value, with the edition's rounding (``25,5%``, ``4.219.214``)."""
    num = to_num(value)
    try:
        rounding = reference.edition_conventions(edition).rounding
        decimals, unit_decimals, mode = rounding.percent_decimals, rounding.unit_cost_decimals, rounding.mode
    except reference.ReferenceError:
        decimals, unit_decimals, mode = 1, 1, "half_up"
    if metric.endswith("_pct"):
        return formatting.percent(num, decimals, mode)
    if metric == "spend_per_beneficiary":
        return formatting.number(num, unit_decimals, mode)
    return formatting.money(num)
