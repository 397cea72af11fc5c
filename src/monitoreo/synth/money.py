"""Budget, spending and its breakdowns for a synthetic program (methodology §2.2–§2.7).

Contract (every amount an integer M$ of the edition's price base):

* the evaluated year's *Presupuesto Ley ejecutado* is log-uniform on [10.000, 500.000.000];
* initial execution (executed / initial) is 86–106% for most programs; about 10% are under 85% in the
  evaluated year, about 3% under 85% in every year of the window, about 4% over 110%;
* total executed = executed + GORE + extra-budgetary (GORE and extra-budgetary are «-» for most programs);
* admin spend + components spend = total executed, every year, exactly;
* the subtítulo table of the evaluated year sums exactly to the executed budget: admin spend on 21/22/29,
  component spend on each component's subtítulo."""

from __future__ import annotations

import random
from dataclasses import dataclass

from monitoreo.synth.catalog import ComponentTemplate
from monitoreo.synth.draws import between, chance, log_uniform, noisy_weights, split_integer
from monitoreo.synth.setting import Setting

MIN_SIZE = 10_000
MAX_SIZE = 500_000_000
UNDER, NORMAL, OVER = (0.45, 0.84), (0.86, 1.06), (1.11, 1.40)


@dataclass(frozen=True)
class BudgetPlan:
    """True yearly amounts (before any S/I is introduced)."""

    profile: str
    executed: dict[int, int]
    initial: dict[int, int]
    final: dict[int, int]
    regional_government: dict[int, int] | None
    extra_budgetary: dict[int, int] | None
    total: dict[int, int]
    admin: dict[int, int]
    components: dict[int, int]

    def initial_execution(self, year: int) -> float:
        return self.executed[year] / self.initial[year]


def _profile(rng: random.Random) -> str:
    roll = rng.random()
    return "persistent" if roll < 0.03 else "under" if roll < 0.13 else "over" if roll < 0.17 else "normal"


def _initial_rates(rng: random.Random, profile: str, years: tuple[int, ...]) -> dict[int, float]:
    rates = {}
    for year in years[:-1]:
        under = profile == "persistent" or chance(rng, 0.25 if profile == "under" else 0.08)
        rates[year] = between(rng, UNDER if under else NORMAL)
    last = {"persistent": UNDER, "under": UNDER, "over": OVER}.get(profile, NORMAL)
    rates[years[-1]] = between(rng, last)
    return rates


def _final_rate(rng: random.Random, initial_rate: float) -> float:
    """Executed / final budget: at most 100% except for about 2% of program-years (S23 prints 108,5%)."""
    if chance(rng, 0.02):
        return between(rng, (1.001, 1.09))
    if initial_rate < 0.85:
        return between(rng, (0.70, 0.98))
    if initial_rate > 1.10:
        return between(rng, (0.95, 1.0))
    return between(rng, (0.90, 1.0))


def _leveraged(rng: random.Random, executed: dict[int, int], probability: float, share: tuple[float, float]
               ) -> dict[int, int] | None:
    if not chance(rng, probability):
        return None
    base = between(rng, share)
    return {y: round(v * base * between(rng, (0.8, 1.2))) for y, v in executed.items()}


def plan_budget(setting: Setting) -> BudgetPlan:
    """Budget phases, totals and the admin/components split of every year of the window."""
    rng = setting.rng("budget")
    years = setting.years
    executed = {years[-1]: round(log_uniform(rng, MIN_SIZE, MAX_SIZE))}
    for year in reversed(years[:-1]):
        executed[year] = round(executed[year + 1] / between(rng, (0.88, 1.18)))
    executed = dict(sorted(executed.items()))
    profile = _profile(rng)
    rates = _initial_rates(rng, profile, years)
    initial = {y: round(executed[y] / rates[y]) for y in years}
    final = {y: round(executed[y] / _final_rate(rng, rates[y])) for y in years}
    gore = _leveraged(rng, executed, 0.07, (0.02, 0.25))
    extra = _leveraged(rng, executed, 0.06, (0.01, 0.15))
    total = {y: executed[y] + (gore or {}).get(y, 0) + (extra or {}).get(y, 0) for y in years}
    admin_share = 0.0 if chance(rng, 0.03) else between(rng, (0.03, 0.20))
    admin = {y: min(executed[y], round(total[y] * admin_share * between(rng, (0.9, 1.1)))) for y in years}
    components = {y: total[y] - admin[y] for y in years}
    return BudgetPlan(profile, executed, initial, final, gore, extra, total, admin, components)


def split_components(setting: Setting, totals: dict[int, int], count: int) -> list[dict[int, int]]:
    """Spend of each of ``count`` components per year; each year's parts sum to that year's total."""
    rng = setting.rng("component-spend")
    base = noisy_weights(rng, [1.0] * count, 0.8)
    per_year = {y: split_integer(t, noisy_weights(rng, base, 0.12)) for y, t in totals.items()}
    return [{y: parts[i] for y, parts in per_year.items()} for i in range(count)]


def subtitle_rows(setting: Setting, plan: BudgetPlan, templates: list[ComponentTemplate],
                  spends: list[dict[int, int]]) -> list[tuple[str, int, int]]:
    """Rows (code, executed, admin part) of the evaluated year's «GASTO POR SUBTÍTULOS», by code, without
    zero rows. Executed sums to the Presupuesto Ley ejecutado; the admin parts sum to the admin spend."""
    rng = setting.rng("subtitles")
    year = setting.evaluated_year
    admin = plan.admin[year]
    admin_parts = split_integer(admin, [between(rng, (0.55, 0.85)), between(rng, (0.1, 0.35)),
                                        between(rng, (0.0, 0.08))]) if admin else [0, 0, 0]
    by_code: dict[str, list[int]] = {"21": [admin_parts[0], admin_parts[0]], "22": [admin_parts[1], admin_parts[1]],
                                     "29": [admin_parts[2], admin_parts[2]]}
    component_ley = plan.executed[year] - admin
    weights = [float(s[year]) for s in spends]
    parts = split_integer(component_ley, weights) if sum(weights) > 0 else [component_ley] + [0] * (len(spends) - 1)
    for template, part in zip(templates, parts, strict=True):
        by_code.setdefault(template.subtitle, [0, 0])[0] += part
    return [(code, v[0], v[1]) for code, v in sorted(by_code.items()) if v[0] > 0]
