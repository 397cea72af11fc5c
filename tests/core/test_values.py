"""Missing-value codes are values that propagate through every computation (methodology §9.1)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitoreo.domain.values import Missing, add, div, mul, percent, sub, total
from monitoreo.metrics import ratios

ABSORBING = [Missing.NOT_REPORTED, Missing.NOT_COMPARABLE, Missing.NOT_APPLICABLE]
numbers = st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False, places=3)
codes = st.sampled_from(ABSORBING)
values = st.one_of(numbers, codes, st.just(Missing.NONE))


@given(numbers, codes)
def test_absorbing_codes_propagate_through_every_operation(x: Decimal, code: Missing) -> None:
    for op in (add, sub, mul, div, percent):
        assert op(x, code) is code
        assert op(code, x) is code


@given(st.lists(values, min_size=1))
def test_total_precedence(items: list[Decimal | Missing]) -> None:
    result = total(items)
    present = [c for c in ABSORBING if c in items]
    if present:
        assert result is present[0]  # S/I > N/C > N/A
    elif all(v is Missing.NONE for v in items):
        assert result is Missing.NONE
    else:
        assert result == sum((v for v in items if isinstance(v, Decimal)), Decimal(0))


def test_none_counts_as_nothing_in_sums_and_as_none_in_ratios() -> None:
    assert add(Decimal(5), Missing.NONE) == 5
    assert total([Missing.NONE, Missing.NONE]) is Missing.NONE
    assert div(Missing.NONE, Decimal(10)) is Missing.NONE


def test_zero_divisor_is_not_applicable_and_zero_numerator_is_zero() -> None:
    assert ratios.unit_cost(Decimal(100), Decimal(0)) is Missing.NOT_APPLICABLE
    assert ratios.unit_cost(Decimal(0), Decimal(246)) == 0  # S20: production with no spend prints «0»


@pytest.mark.parametrize("code", ABSORBING)
def test_metric_with_missing_input_is_missing(code: Missing) -> None:
    assert ratios.coverage_pct(code, Decimal(13280)) is code
    assert ratios.execution_pct(Decimal(1), code) is code
    assert (
        ratios.spend_per_beneficiary(
            "components_plus_admin",
            executed=Decimal(1),
            components=Decimal(10),
            admin=code,
            served=Decimal(2),
        )
        is code
    )
    assert (
        ratios.spend_per_beneficiary(
            "executed", executed=Decimal(10), components=Decimal(1), admin=code, served=Decimal(2)
        )
        == 5
    )  # the 2020 formula does not read admin spend


def test_codes_print_as_themselves() -> None:
    assert [str(c) for c in Missing] == ["S/I", "N/A", "N/C", "-"]
    assert Missing.NOT_REPORTED.label == "Valor no informado."
