"""Property: whatever the seed, position and edition, a generated program is valid, adds up and round-trips."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from monitoreo.domain import Submission
from monitoreo.io import dump_submission, parse_submission
from monitoreo.io.yamlio import loads
from monitoreo.synth import SUPPORTED_EDITIONS, build_submission


def _sum(values: list[object]) -> Decimal:
    return sum((v for v in values if isinstance(v, Decimal)), Decimal(0))


def _check_sums(sub: Submission) -> None:
    t = sub.evaluated_year
    budget = sub.budget
    assert _sum([r.executed for r in budget.subtitles[t].rows]) == budget.years[t].executed
    for year in sub.years:
        admin = budget.admin_spend[year]
        if isinstance(admin, Decimal):
            components = _sum([c.spend[year] for c in sub.components])
            assert admin + components == budget.years[year].total_executed
    assert sub.regional is not None and sub.populations.served is not None
    assert _sum([r.spend for r in sub.regional.rows]) == _sum([c.spend[t] for c in sub.components])
    assert _sum([r.served for r in sub.regional.rows]) == sub.populations.served.quantity[t]


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=2**63),
    index=st.integers(min_value=0, max_value=99_999),
    edition=st.sampled_from(SUPPORTED_EDITIONS),
)
def test_any_generated_program_is_valid_and_round_trips(seed: int, index: int, edition: int) -> None:
    sub = build_submission(seed, index, edition)
    assert sub.edition == edition and sub.years[-1] == edition
    assert sub.id.endswith(f"-{index + 1:04d}")
    _check_sums(sub)
    assert parse_submission(loads(dump_submission(sub)), sub.id) == sub
