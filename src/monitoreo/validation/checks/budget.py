"""Budget checks (docs/methodology.md §2.2, §2.6, §2.7, §3.1, §3.4): components + admin = total executed,
printed total executed = executed + GORE + extra-budgetary, subtítulos sum to their total and to the
Presupuesto Ley ejecutado, and executed above the final budget (a warning: S23 2021 publishes it)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.submission import Submission
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make
from monitoreo.validation.tolerance import slack, sums_agree

COMPONENTS_PLUS_ADMIN = issue_type(
    "budget.E001",
    "Componentes + administrativo ≠ total ejecutado",
    "{year}: gasto componentes ({components}) + gasto administrativo ({admin}) = {sum}, distinto del total "
    "ejecutado ({total}).",
)
COMPONENTS_OVER_TOTAL = issue_type(
    "budget.E002",
    "Gasto en componentes mayor que el total ejecutado",
    "{year}: el gasto en componentes ({components}) supera el total ejecutado ({total}).",
)
SUBTITLES_TOTAL = issue_type(
    "budget.E003",
    "Subtítulos no suman su total impreso",
    "{year}: los subtítulos suman {sum}, distinto del total impreso ({total}).",
)
SUBTITLES_EXECUTED = issue_type(
    "budget.E004",
    "Subtítulos ≠ presupuesto ejecutado",
    "{year}: los subtítulos suman {sum}, distinto del presupuesto Ley ejecutado ({executed}).",
)
TOTAL_EXECUTED = issue_type(
    "budget.E005",
    "Total ejecutado ≠ ejecutado + GORE + extrapresupuestarios",
    "{year}: el total ejecutado impreso ({total}) no es ejecutado + GORE + extrapresupuestarios ({sum}).",
)
OVER_FINAL = issue_type(
    "budget.W001",
    "Ejecutado sobre el presupuesto final",
    "{year}: el presupuesto ejecutado ({executed}) supera el presupuesto final ({final}).",
)


def _numbers(*values: object) -> list[Decimal] | None:
    return list(values) if all(isinstance(v, Decimal) for v in values) else None  # type: ignore[arg-type]


@check("budget.components_admin_total")
def components_admin_total(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """Σ components + admin = total executed (the edition's tolerance per addend); with admin S/I, components ≤ total."""
    for year in sub.years:
        parts = [c.spend.get(year) for c in sub.components]
        spends = _numbers(*parts) if sub.components else None
        total, admin = metrics.value("total_executed", year), sub.budget.admin_spend.get(year)
        if spends is None or not isinstance(total, Decimal):
            continue
        where = f"budget.years.{year}"
        if isinstance(admin, Decimal):
            if not sums_agree(sub, total, [*spends, admin]):
                yield make(
                    COMPONENTS_PLUS_ADMIN,
                    where,
                    year=year,
                    components=sum(spends, Decimal(0)),
                    admin=admin,
                    sum=sum(spends, admin),
                    total=total,
                )
        elif sum(spends, Decimal(0)) - total > slack(sub, len(spends)):
            yield make(
                COMPONENTS_OVER_TOTAL, where, year=year, components=sum(spends, Decimal(0)), total=total
            )


@check("budget.total_executed")
def total_executed(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """A printed «Total ejecutado» equals executed + GORE + extra-budgetary («-» adds nothing)."""
    for year, b in sub.budget.years.items():
        if b.total_executed is None or not isinstance(b.total_executed, Decimal):
            continue
        parts = [b.executed, b.regional_government, b.extra_budgetary]
        if any(not isinstance(p, Decimal) and p.value != "-" for p in parts):
            continue
        numbers = [p for p in parts if isinstance(p, Decimal)]
        if numbers and not sums_agree(sub, b.total_executed, numbers):
            yield make(
                TOTAL_EXECUTED,
                f"budget.years.{year}.total_executed",
                year=year,
                total=b.total_executed,
                sum=sum(numbers, Decimal(0)),
            )


@check("budget.subtitles")
def subtitles(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """Subtítulos sum to their printed total and to the Presupuesto Ley ejecutado (the edition's tolerance per addend)."""
    for year, table in sub.budget.subtitles.items():
        rows = _numbers(*(r.executed for r in table.rows))
        if not rows:
            continue
        where = f"budget.subtitles.{year}"
        if isinstance(table.total, Decimal) and not sums_agree(sub, table.total, rows):
            yield make(
                SUBTITLES_TOTAL, where + ".total", year=year, sum=sum(rows, Decimal(0)), total=table.total
            )
        executed = sub.budget.years[year].executed if year in sub.budget.years else None
        if isinstance(executed, Decimal) and not sums_agree(sub, executed, rows):
            yield make(SUBTITLES_EXECUTED, where, year=year, sum=sum(rows, Decimal(0)), executed=executed)


@check("budget.executed_over_final")
def executed_over_final(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """Executed > final budget is published without comment (S23 2021: 108,5 %) → warning only."""
    for year, b in sub.budget.years.items():
        if isinstance(b.executed, Decimal) and isinstance(b.final, Decimal) and b.executed > b.final:
            yield make(
                OVER_FINAL, f"budget.years.{year}.executed", year=year, executed=b.executed, final=b.final
            )
