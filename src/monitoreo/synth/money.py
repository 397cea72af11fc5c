"""Budget, spending and its breakdowns for a synthetic program (docs/methodology.md §2.2–§2.7).

Contract (every amount an integer M$ of the edition's price base): the program's real-terms life
(``life.program_life``) sliced to the edition's window and converted with ``life.price_factor``; then

* total executed = executed + GORE + extra-budgetary (GORE and extra-budgetary are «-» for most programs);
* admin spend + components spend = total executed, every year, exactly;
* the subtítulo table of the evaluated year sums exactly to the executed budget: admin spend on 21/22/29,
  component spend on each component's subtítulo.

The distributions (sizes, execution profiles) are those of ``life``."""

from __future__ import annotations

from dataclasses import dataclass

from monitoreo.synth.catalog import ComponentTemplate
from monitoreo.synth.draws import between, split_integer
from monitoreo.synth.life import ProgramLife, price_factor
from monitoreo.synth.setting import Setting


@dataclass(frozen=True)
class BudgetPlan:
    """True yearly amounts of the edition's window (before any S/I is introduced)."""

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


def plan_budget(setting: Setting, life: ProgramLife) -> BudgetPlan:
    """Budget phases, totals and the admin/components split of every year of the window, in M$ of the
    edition's price base."""
    years, factor = setting.years, price_factor(setting.price_base_year)

    def convert(series: dict[int, float] | None) -> dict[int, int] | None:
        return None if series is None else {y: round(series[y] * factor) for y in years}

    executed = {y: max(1, round(life.executed[y] * factor)) for y in years}
    initial = {y: round(executed[y] / life.initial_rate[y]) for y in years}
    final = {y: round(executed[y] / life.final_rate[y]) for y in years}
    gore, extra = convert(life.regional_government), convert(life.extra_budgetary)
    total = {y: executed[y] + (gore or {}).get(y, 0) + (extra or {}).get(y, 0) for y in years}
    admin = {y: min(executed[y], round(total[y] * life.admin_share[y])) for y in years}
    components = {y: total[y] - admin[y] for y in years}
    return BudgetPlan(executed, initial, final, gore, extra, total, admin, components)


def split_components(setting: Setting, totals: dict[int, int], life: ProgramLife) -> list[dict[int, int]]:
    """Spend of each component per year (the life's weights); each year's parts sum to that year's total."""
    per_year = {y: split_integer(totals[y], life.component_weights[y]) for y in setting.years}
    count = len(life.component_weights[setting.years[0]])
    return [{y: parts[i] for y, parts in per_year.items()} for i in range(count)]


def subtitle_rows(
    setting: Setting, plan: BudgetPlan, templates: list[ComponentTemplate], spends: list[dict[int, int]]
) -> list[tuple[str, int, int]]:
    """Rows (code, executed, admin part) of the evaluated year's «GASTO POR SUBTÍTULOS», by code, without
    zero rows. Executed sums to the Presupuesto Ley ejecutado; the admin parts sum to the admin spend."""
    rng = setting.rng("subtitles")
    year = setting.evaluated_year
    admin = plan.admin[year]
    admin_parts = (
        split_integer(
            admin, [between(rng, (0.55, 0.85)), between(rng, (0.1, 0.35)), between(rng, (0.0, 0.08))]
        )
        if admin
        else [0, 0, 0]
    )
    by_code: dict[str, list[int]] = {
        "21": [admin_parts[0], admin_parts[0]],
        "22": [admin_parts[1], admin_parts[1]],
        "29": [admin_parts[2], admin_parts[2]],
    }
    component_ley = plan.executed[year] - admin
    weights = [float(s[year]) for s in spends]
    parts = (
        split_integer(component_ley, weights)
        if sum(weights) > 0
        else [component_ley] + [0] * (len(spends) - 1)
    )
    for template, part in zip(templates, parts, strict=True):
        by_code.setdefault(template.subtitle, [0, 0])[0] += part
    return [(code, v[0], v[1]) for code, v in sorted(by_code.items()) if v[0] > 0]
