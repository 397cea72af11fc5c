"""Fuzzed inputs never make validation or evaluation raise (methodology §4.2: missing data is an outcome)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoreo.domain import BudgetYear, Direction, Missing, PurposeIndicator, Submission
from monitoreo.io import read_submission
from monitoreo.methodology import evaluate
from monitoreo.validation import validate
from tests.conftest import S20_FILE, S23_FILE

SEEDS = [read_submission(S23_FILE), read_submission(S20_FILE)]
amount = st.one_of(
    st.sampled_from(list(Missing)),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)
signed = st.one_of(
    st.sampled_from(list(Missing)),
    st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
)


@st.composite
def submissions(draw: st.DrawFn) -> Submission:
    seed = draw(st.sampled_from(SEEDS))
    years = {
        y: BudgetYear(
            initial=draw(amount),
            final=draw(amount),
            executed=draw(amount),
            total_executed=draw(st.one_of(st.none(), amount)),
        )
        for y in seed.years
    }
    components = [
        c.model_copy(
            update={
                "spend": {y: draw(amount) for y in seed.years},
                "output": {y: draw(amount) for y in seed.years},
            }
        )
        for c in seed.components
    ]
    indicator = PurposeIndicator(
        name="x",
        direction=draw(st.one_of(st.none(), st.sampled_from(list(Direction)))),
        values={y: draw(signed) for y in seed.years if draw(st.booleans())},
    )
    served = seed.populations.served
    pops = seed.populations.model_copy(
        update={
            "served": served.model_copy(update={"quantity": {y: draw(amount) for y in seed.years}})
            if served
            else None,
            "universal": draw(st.booleans()),
        }
    )
    budget = seed.budget.model_copy(
        update={"years": years, "admin_spend": {y: draw(amount) for y in seed.years}}
    )
    return seed.model_copy(
        update={
            "budget": budget,
            "components": components,
            "populations": pops,
            "indicators": [indicator] if draw(st.booleans()) else [],
        }
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(submissions(), st.sampled_from([2020, 2023, 2025]))
def test_fuzzed_submissions_never_raise(sub: Submission, edition: int) -> None:
    report = validate(sub)
    assert all(i.code and i.message for i in report.issues)
    evaluation = evaluate(
        sub,
        edition,
        [
            sub.model_copy(
                update={
                    "evaluated_year": sub.evaluated_year - 3,
                    "years": [y - 3 for y in sub.years],
                    "budget": sub.budget.model_copy(update={"years": {}}),
                }
            )
        ],
    )
    assert set(evaluation.block) == {"focalizacion", "eficiencia", "eficacia"}
    for outcome in evaluation.outcomes:
        assert outcome.code.startswith(outcome.rule + ".")
        assert (outcome.status is None) == (outcome.verdict.value != "finding")
