"""Pre-fill a program's report for a new monitoring cycle from last year's data (pure, no Django).

Contract: ``prefill(previous, edition, evaluated_year, price_base_year, years_shown, inflators)`` takes the
previous report as JSON data (``Submission.model_dump(mode="json")``) and returns the new report's data:

* the year window shifts to the ``years_shown`` years ending at ``evaluated_year``;
* identity, history, population descriptions and units, criteria, components (id, name, unit), purpose
  indicators (name, formula, unit, dimension, periodicity, direction), ODS and gender approach are kept;
* values of years still in the window are kept; money is re-expressed in the new price base with the
  inflator table of that base (``inflators``, which must know the old base year). Without such a table the
  money of the earlier years is **not** carried (left empty for the service to enter in the new base):
  amounts of one price base are never kept under another base's label (``docs/inflators.md``,
  ``inflators.W001``); values of new years are left empty;
* what belongs to one published ficha only (printed figures, printed assessment, review decisions, regional
  rows, subtítulos, technical notes, observations, publication date) is cleared.

The result may not validate yet (empty values): that is the service's job in the intake forms."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from monitoreo.domain import MISSING_CODES

CLEARED = (
    "published",
    "assessment",
    "review",
    "regional",
    "technical_notes",
    "observations",
    "published_at",
    "inflators",
    "health_adjustments",
)


def _keep_years(series: Any, window: set[int], factor: Decimal | None = None) -> dict[str, Any]:
    """The entries of a year series whose year stays in the window (money times ``factor``)."""
    if not isinstance(series, dict):
        return {}
    kept: dict[str, Any] = {}
    for year, value in series.items():
        if int(year) in window:
            kept[str(year)] = _scale(value, factor)
    return kept


CODES = MISSING_CODES


def _scale(value: Any, factor: Decimal | None) -> Any:
    """``value`` times ``factor``, rounded to the unit (codes and non-numbers unchanged)."""
    if factor is None or value is None or isinstance(value, dict | bool) or value in CODES:
        return value
    try:
        return str((Decimal(str(value)) * factor).quantize(Decimal(1)))
    except ArithmeticError:
        return value


def prefill(
    previous: dict[str, Any],
    edition: int,
    evaluated_year: int,
    price_base_year: int,
    years_shown: int,
    inflators: dict[int, Decimal] | None = None,
) -> dict[str, Any]:
    """The new cycle's report data; see the module docstring."""
    data = copy.deepcopy(previous)
    for key in CLEARED:
        data.pop(key, None)
    window = list(range(evaluated_year - years_shown + 1, evaluated_year + 1))
    keep = set(window)
    old_base = int(previous.get("price_base_year", price_base_year))
    factor = inflators.get(old_base) if inflators and old_base != price_base_year else None
    money_keep = keep if old_base == price_base_year or factor is not None else set()
    data.update(edition=edition, evaluated_year=evaluated_year, years=window, price_base_year=price_base_year)
    _populations(data.get("populations") or {}, keep)
    budget = data.get("budget") or {}
    data["budget"] = {
        "years": {
            y: {k: _scale(v, factor) for k, v in row.items()}
            for y, row in _keep_years(budget.get("years"), money_keep).items()
        },
        "admin_spend": _keep_years(budget.get("admin_spend"), money_keep, factor),
    }
    for comp in data.get("components") or []:
        comp["spend"] = _keep_years(comp.get("spend"), money_keep, factor)
        comp["output"] = _keep_years(comp.get("output"), keep)
    for indicator in data.get("indicators") or []:
        indicator["values"] = _keep_years(indicator.get("values"), keep)
    history = data.get("history") or {}
    monitoring = history.get("monitoring") or {}
    previous_year = int(previous.get("evaluated_year", evaluated_year - 1))
    if previous_year < evaluated_year:
        years = sorted(set(monitoring.get("years") or []) | {previous_year})
        history["monitoring"] = {**monitoring, "done": True, "years": years}
        data["history"] = history
    return data


def _populations(pops: dict[str, Any], keep: set[int]) -> None:
    for name in ("potential", "target", "served"):
        pop = pops.get(name)
        if not isinstance(pop, dict):
            continue
        pop["quantity"] = _keep_years(pop.get("quantity"), keep)
        if name == "served":
            for key in ("by_sex", "new", "carry_over"):
                if key in pop:
                    pop[key] = _keep_years(pop.get(key), keep)
