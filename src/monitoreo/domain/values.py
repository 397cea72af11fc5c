"""Values that may be missing, and money with its price year.

Fichas print four "no value" markers (docs/methodology.md §9.1). They are values here, never ``0`` or ``None``:

=========  ==============================  ======================================
code       meaning (S20 legend)            ``Missing`` member
=========  ==============================  ======================================
``S/I``    «Valor no informado.»           ``Missing.NOT_REPORTED``
``N/A``    «No aplica.»                    ``Missing.NOT_APPLICABLE``
``N/C``    «Valor no comparable.»          ``Missing.NOT_COMPARABLE``
``-``      nothing to show (none)          ``Missing.NONE``
=========  ==============================  ======================================

Arithmetic contract (``add``, ``sub``, ``mul``, ``div``):

* S/I, N/C and N/A are *absorbing*: any of them in an input makes the result missing, with the reason of
  highest precedence S/I > N/C > N/A (not knowing dominates not being comparable, which dominates not
  applying).
* ``-`` means "there is none": it counts as nothing in a sum (GORE «-» adds nothing to the total executed),
  a sum of only ``-`` is ``-``, and a ratio whose numerator is ``-`` is ``-`` (a region with no beneficiaries
  prints «-» as its share).
* Division by zero is N/A (a unit cost with no production does not apply); zero divided by a positive number
  is zero (S20 prints unit cost «0» for production with no spend).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Union

from pydantic import BaseModel, ConfigDict, Field

from monitoreo.domain.periods import PriceYear


class Missing(StrEnum):
    """A value the ficha shows as a code instead of a number."""

    NOT_REPORTED = "S/I"
    NOT_APPLICABLE = "N/A"
    NOT_COMPARABLE = "N/C"
    NONE = "-"

    @property
    def label(self) -> str:
        """Spanish legend of the code as the 2020 ficha prints it."""
        return _LABELS[self]

    def __str__(self) -> str:
        return self.value


MISSING_CODES: tuple[str, ...] = tuple(member.value for member in Missing)
"""The four codes as files and fichas write them («S/I», «N/A», «N/C», «-»): the one list of them."""

_LABELS = {
    Missing.NOT_REPORTED: "Valor no informado.",
    Missing.NOT_APPLICABLE: "No aplica.",
    Missing.NOT_COMPARABLE: "Valor no comparable.",
    Missing.NONE: "Sin valor.",
}

# Precedence among absorbing codes (lower index wins).
_PRECEDENCE = (Missing.NOT_REPORTED, Missing.NOT_COMPARABLE, Missing.NOT_APPLICABLE)

#: A number or a missing-value code. Numbers are Decimal: money and quantities are exact.
Num = Union[Decimal, Missing]  # noqa: UP007 - pydantic needs the runtime Union for smart mode
#: A non-negative number or a code: amounts (M$) and counts (people, units of production).
Amount = Union[Annotated[Decimal, Field(ge=0)], Missing]  # noqa: UP007


def is_number(value: Num) -> bool:
    """True when ``value`` is a number, not a code."""
    return isinstance(value, Decimal)


def _absorbing(values: Iterable[Num]) -> Missing | None:
    codes = {v for v in values if isinstance(v, Missing) and v is not Missing.NONE}
    for code in _PRECEDENCE:
        if code in codes:
            return code
    return None


def total(values: Iterable[Num]) -> Num:
    """Sum with the module's code contract; an empty sum is ``-``."""
    items = list(values)
    absorbing = _absorbing(items)
    if absorbing is not None:
        return absorbing
    numbers = [v for v in items if isinstance(v, Decimal)]
    if not numbers:
        return Missing.NONE
    return sum(numbers, Decimal(0))


def add(a: Num, b: Num) -> Num:
    return total((a, b))


def sub(a: Num, b: Num) -> Num:
    """``a - b``; ``-`` counts as zero on either side unless both are ``-``."""
    absorbing = _absorbing((a, b))
    if absorbing is not None:
        return absorbing
    if isinstance(a, Missing) and isinstance(b, Missing):
        return Missing.NONE
    left = a if isinstance(a, Decimal) else Decimal(0)
    right = b if isinstance(b, Decimal) else Decimal(0)
    return left - right


def mul(a: Num, b: Num) -> Num:
    absorbing = _absorbing((a, b))
    if absorbing is not None:
        return absorbing
    if isinstance(a, Missing) or isinstance(b, Missing):
        return Missing.NONE
    return a * b


def div(a: Num, b: Num) -> Num:
    """``a / b`` with the module's contract (``-`` numerator gives ``-``, zero divisor gives N/A)."""
    absorbing = _absorbing((a, b))
    if absorbing is not None:
        return absorbing
    if isinstance(a, Missing):
        return Missing.NONE
    if isinstance(b, Missing) or b == 0:
        return Missing.NOT_APPLICABLE
    return a / b


def percent(part: Num, whole: Num) -> Num:
    """``part / whole × 100`` (a percent runs 0-100; a share 0-1)."""
    return mul(div(part, whole), Decimal(100))


class Money(BaseModel):
    """An amount in thousands of pesos (M$) of a stated price year, or a missing-value code."""

    model_config = ConfigDict(frozen=True)

    amount: Num
    price_year: PriceYear

    def __str__(self) -> str:
        return f"{self.amount} M${self.price_year}"
