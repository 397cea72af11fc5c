"""es-CL number text read back: ``formatting.parse_number`` is the inverse of ``formatting.number``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitoreo import formatting


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234.567,8", Decimal("1234567.8")),
        ("25,5", Decimal("25.5")),
        ("4.121", Decimal("4121")),
        ("59.5", Decimal("59.5")),
        ("-1.009", Decimal("-1009")),
        ("0", Decimal("0")),
    ],
)
def test_es_cl_text(text: str, value: Decimal) -> None:
    assert formatting.parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "Infinity", "NaN", "1.2.3,4,5"])
def test_not_a_number_is_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        formatting.parse_number(text)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=1, allow_nan=False, allow_infinity=False))
def test_round_trip_with_number(value: Decimal) -> None:
    assert formatting.parse_number(formatting.number(value, 1)) == value
