"""Purpose indicators of a synthetic program (1–2, «Porcentual», «Eficacia», «Anual»).

Contract: about 30% of indicators are descending (a lower value is better). Values are percentages with
two decimals in [0, 100], one series per indicator over ``LIFE_YEARS`` sliced to the edition's window; in
every year about 45% improve, 35% get worse and 20% stay equal (read in the indicator's direction). A few earlier-year values are «S/I» (about 3%) or «N/C» (2%)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from monitoreo.domain.values import Missing
from monitoreo.synth.catalog import IndicatorTemplate
from monitoreo.synth.draws import between, chance, pick
from monitoreo.synth.life import LIFE_YEARS
from monitoreo.synth.setting import Setting

ASCENDING, DESCENDING = "ascendente", "descendente"


@dataclass(frozen=True)
class IndicatorPlan:
    data: dict[str, Any]
    worse: bool


def _templates(
    rng: random.Random, templates: tuple[IndicatorTemplate, ...], count: int
) -> list[IndicatorTemplate]:
    descending = [t for t in templates if t.direction == DESCENDING]
    ascending = [t for t in templates if t.direction == ASCENDING]
    first = pick(rng, descending) if descending and chance(rng, 0.3) else pick(rng, ascending or descending)
    rest = [t for t in templates if t is not first]
    return [first, *rng.sample(rest, min(count - 1, len(rest)))]


def _percent(value: float) -> Decimal:
    return Decimal(f"{min(100.0, max(0.0, value)):.2f}")


def _values(rng: random.Random, template: IndicatorTemplate) -> dict[int, Decimal]:
    """The indicator's life over ``LIFE_YEARS``: each year improves (≈45 %), gets worse (≈35 %) or stays
    equal (≈20 %) from the year before, by 4–25 % of the previous value."""
    level = between(rng, template.range)
    better = 1 if template.direction == ASCENDING else -1
    previous = _percent(level * between(rng, (0.92, 1.08)))
    values = {LIFE_YEARS[0]: previous}
    for year in LIFE_YEARS[1:]:
        roll = rng.random()
        step = float(previous) * between(rng, (0.04, 0.25))
        if roll < 0.45:
            previous = _percent(float(previous) + better * step)
        elif roll < 0.80:
            previous = _percent(float(previous) - better * step)
        values[year] = previous
    return values


def _is_worse(direction: str, values: dict[int, Decimal], years: tuple[int, ...]) -> bool:
    now, before = values[years[-1]], values[years[-2]]
    return now < before if direction == ASCENDING else now > before


def plan_indicators(setting: Setting) -> list[IndicatorPlan]:
    """One or two indicators with their values; ``worse`` marks a decrease in performance in year t."""
    rng = setting.rng("indicators")
    years = setting.years
    count = 2 if chance(rng, 0.35) else 1
    plans = []
    for template in _templates(rng, setting.theme.indicators, count):
        life = _values(rng, template)
        values = {y: life[y] for y in years}
        worse = _is_worse(template.direction, values, years)
        shown: dict[int, Decimal | Missing] = dict(values)
        if chance(rng, 0.05):
            shown[years[0]] = Missing.NOT_REPORTED if chance(rng, 0.6) else Missing.NOT_COMPARABLE
        data = {
            "name": template.name,
            "formula": template.formula,
            "unit": "Porcentual",
            "dimension": "Eficacia",
            "periodicity": "Anual",
            "direction": template.direction,
            "values": shown,
        }
        plans.append(IndicatorPlan(data, worse))
    return plans
