"""A small portfolio with known answers: variants of the 2023 seed (and one of the 2020 seed) with chosen
execution, unit costs and findings, published as a bundle."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from monitoreo.domain import Submission
from monitoreo.domain.budget import BudgetYear
from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import Evaluation, FindingStatus, Outcome, OutcomeVerdict
from monitoreo.publish import publish_bundle

UNDER = "efficiency.initial_execution.under"


def variant(
    base: Submission, pid: str, ministry: str, execution_pct: tuple[int, ...], unit_cost: int
) -> Submission:
    """``base`` renamed, with initial execution ``execution_pct`` per year and the first component's unit
    cost in the evaluated year set to ``unit_cost``."""
    years = {}
    for year, pct in zip(base.years, execution_pct, strict=True):
        initial = Decimal(1_000_000)
        years[year] = BudgetYear(initial=initial, final=initial, executed=initial * pct / 100)
    comp = base.components[0]
    t = base.evaluated_year
    spend = dict(comp.spend) | {t: Decimal(unit_cost) * comp.output[t]}  # type: ignore[operator]
    components = [comp.model_copy(update={"spend": spend}), *base.components[1:]]
    return base.model_copy(
        update={
            "id": pid,
            "program": base.program.model_copy(update={"ministry": ministry, "name": pid.upper()}),
            "budget": base.budget.model_copy(update={"years": years}),
            "components": components,
            "published": [f for f in base.published if f.metric != "unit_cost"],
        }
    )


def finding(sub: Submission, code: str, status: FindingStatus, rule: str | None = None) -> Evaluation:
    return Evaluation(
        submission_id=sub.id,
        edition=sub.edition,
        outcomes=[
            Outcome(
                code=code,
                rule=rule or code.rsplit(".", 1)[0],
                dimension=Dimension.EFFICIENCY,
                verdict=OutcomeVerdict.FINDING,
                status=status,
                text=code,
            )
        ],
    )


@pytest.fixture(scope="session")
def portfolio(tmp_path_factory: pytest.TempPathFactory, s23: Submission, s20: Submission) -> Path:
    p1 = variant(s23, "p1", "Ministerio A", (80, 80, 80), 100)
    p2 = variant(s23, "p2", "Ministerio A", (95, 95, 90), 200)
    p3 = variant(s23, "p3", "Ministerio B", (70, 90, 70), 400)
    p1_2020 = s20.model_copy(update={"id": "p1"})
    evaluations = [
        Evaluation(
            submission_id="p1",
            edition=s23.edition,
            outcomes=[
                *finding(p1, UNDER, FindingStatus.UNRESOLVED).outcomes,
                *finding(p1, "efficiency.execution_persistence.under", FindingStatus.UNRESOLVED).outcomes,
            ],
        ),
        finding(p2, UNDER, FindingStatus.RESOLVED),
        None,
        finding(p1_2020, UNDER, FindingStatus.UNRESOLVED),
    ]
    out = tmp_path_factory.mktemp("portfolio") / "bundle"
    publish_bundle([p1, p2, p3, p1_2020], out, evaluations)
    return out
