"""Constant prices with the 2024-base inflator table of the 2023 ficha (methodology §2.9)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitoreo import reference
from monitoreo.domain import Missing, Money, PriceYear
from monitoreo.metrics import convert, to_price_year
from monitoreo.metrics.deflation import InflatorMissingError

TABLE = reference.inflator_table("base-2024")
years = st.sampled_from(sorted(TABLE.factors)).map(PriceYear)
amounts = st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False, places=0)


def test_table_is_the_one_printed_in_s23(s23) -> None:  # type: ignore[no-untyped-def]
    assert s23.inflators.factors == TABLE.factors
    assert TABLE.factors[2021] == Decimal("1.1722")


def test_nominal_to_base() -> None:
    assert convert(Decimal(1000), PriceYear(2021), PriceYear(2024), TABLE) == Decimal("1172.2")
    money = to_price_year(Money(amount=Decimal(1000), price_year=PriceYear(2024)), PriceYear(2021), TABLE)
    assert money.price_year == 2021 and abs(money.amount - Decimal(1000) / Decimal("1.1722")) < Decimal(
        "1e-20"
    )


@given(amounts, years, years)
def test_round_trip(amount: Decimal, a: PriceYear, b: PriceYear) -> None:
    back = convert(convert(amount, a, b, TABLE), b, a, TABLE)
    assert abs(back - amount) <= amount * Decimal("1e-20")  # type: ignore[operator]


@given(amounts, years, years, years)
def test_composition(amount: Decimal, a: PriceYear, b: PriceYear, c: PriceYear) -> None:
    direct = convert(amount, a, c, TABLE)
    via = convert(convert(amount, a, b, TABLE), b, c, TABLE)
    assert abs(direct - via) <= (amount + 1) * Decimal("1e-20")  # type: ignore[operator]


@given(years, years)
def test_codes_are_not_converted(a: PriceYear, b: PriceYear) -> None:
    assert convert(Missing.NOT_REPORTED, a, b, TABLE) is Missing.NOT_REPORTED


def test_year_outside_the_table() -> None:
    with pytest.raises(InflatorMissingError):
        convert(Decimal(1), PriceYear(2019), PriceYear(2024), TABLE)
