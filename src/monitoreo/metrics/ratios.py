"""The metric formulas as small pure functions on numbers-or-codes (docs/methodology.md §2). Each one propagates
S/I, N/A and N/C as ``monitoreo.domain.values`` defines; none of them rounds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from monitoreo.domain.values import Num, div, percent, total

SpendFormula = Literal["executed", "components_plus_admin"]


def coverage_pct(served: Num, target: Num) -> Num:
    """Cobertura_t = PB_t / PO_t × 100 (docs/methodology.md §2.1)."""
    return percent(served, target)


def execution_pct(executed: Num, budget: Num) -> Num:
    """Ejecución presupuestaria = presupuesto ejecutado_t / presupuesto (inicial o final)_t × 100 (docs/methodology.md §2.3)."""
    return percent(executed, budget)


def total_executed(executed: Num, regional_government: Num, extra_budgetary: Num) -> Num:
    """Total ejecutado = Presupuesto Ley ejecutado + GORE + extrapresupuestarios (docs/methodology.md §2.2)."""
    return total((executed, regional_government, extra_budgetary))


def components_spend(spends: Iterable[Num]) -> Num:
    """Total gastos componentes = Σ gasto de los componentes (docs/methodology.md §2.6)."""
    return total(spends)


def share_pct(part: Num, whole: Num) -> Num:
    """A part of a whole, in percent (component share, admin share, regional shares; docs/methodology.md §2.6, §2.8)."""
    return percent(part, whole)


def spend_per_beneficiary(
    formula: SpendFormula, *, executed: Num, components: Num, admin: Num, served: Num
) -> Num:
    """Gasto por beneficiario (docs/methodology.md §2.4). 2020: executed / PB; 2023+: (components + admin) / PB."""
    numerator = executed if formula == "executed" else total((components, admin))
    return div(numerator, served)


def unit_cost(spend: Num, output: Num) -> Num:
    """Gasto unitario = gasto ejecutado / producción (docs/methodology.md §2.5); no production → N/A, no spend → 0."""
    return div(spend, output)
