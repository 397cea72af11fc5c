"""Builders of submission variants for rule tests (``model_copy`` of the seeds, never edited in place)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from monitoreo.domain import (
    BudgetYear,
    Direction,
    Evaluation,
    Judgement,
    Missing,
    Num,
    Outcome,
    Population,
    Populations,
    PurposeIndicator,
    Review,
    ServedPopulation,
    Submission,
)


def d(value: str | int) -> Decimal:
    return Decimal(str(value))


def with_budget(sub: Submission, years: dict[int, dict[str, Num]]) -> Submission:
    """Replace the budget years given (initial/final/executed…), keeping the rest."""
    updated = dict(sub.budget.years)
    for year, fields in years.items():
        updated[year] = BudgetYear(**fields)  # type: ignore[arg-type]
    return sub.model_copy(update={"budget": sub.budget.model_copy(update={"years": updated})})


def with_execution(sub: Submission, pct_initial: dict[int, str], final: str | None = None) -> Submission:
    """Budget years whose initial execution is exactly ``pct_initial`` % (initial budget 10.000)."""
    years: dict[int, dict[str, Num]] = {}
    for year, pct in pct_initial.items():
        executed = d(pct) * 100
        years[year] = {"initial": d(10000), "final": d(final) if final else executed, "executed": executed}
    return with_budget(sub, years)


def with_indicator(
    sub: Submission,
    values: dict[int, Num],
    direction: Direction | None = Direction.ASCENDING,
    history: bool = False,
) -> Submission:
    indicator = PurposeIndicator(name="Indicador", direction=direction, values=values)
    return sub.model_copy(update={"indicators": [indicator]})


def with_populations(
    sub: Submission,
    potential: Num | None = None,
    target: Num | None = None,
    served: Num | None = None,
    universal: bool = False,
) -> Submission:
    t = sub.evaluated_year
    pops = Populations(
        potential=None if potential is None else Population(quantity={t: potential}),
        target=None if target is None else Population(quantity={t: target}),
        served=None if served is None else ServedPopulation(quantity={t: served}),
        universal=universal,
    )
    return sub.model_copy(update={"populations": pops})


def with_judgements(sub: Submission, *judgements: tuple[str, bool] | tuple[str, bool, int]) -> Submission:
    items = [Judgement(code=j[0], value=j[1], indicator=j[2] if len(j) > 2 else None) for j in judgements]  # type: ignore[misc]
    return sub.model_copy(update={"review": Review(judgements=items, decisions=list(sub.review.decisions))})


def outcome(evaluation: Evaluation, rule: str, indicator: int | None = None) -> Outcome:
    found = [
        o for o in evaluation.outcomes if o.rule == rule and (indicator is None or o.indicator == indicator)
    ]
    assert len(found) == 1, (rule, [o.code for o in evaluation.outcomes])
    return found[0]


def codes(evaluation: Evaluation, rule: str) -> list[str]:
    return [o.code for o in evaluation.outcomes if o.rule == rule]


NOT_REPORTED, NOT_APPLICABLE, NOT_COMPARABLE, NONE = (
    Missing.NOT_REPORTED,
    Missing.NOT_APPLICABLE,
    Missing.NOT_COMPARABLE,
    Missing.NONE,
)
ALL_CODES: list[Any] = [NOT_REPORTED, NOT_APPLICABLE, NOT_COMPARABLE, NONE]
