"""Tolerances for comparing printed figures with computed ones (docs/methodology.md §3.3, §6 ``sum_tolerance``).

* Sums: ± ``sum_tolerance_per_addend`` per addend, an edition convention in ``reference/editions.yaml``
  (1 in every edition so far, because each printed addend was rounded to the unit — S20: 240.299 +
  1.024.432 = 1.264.731 printed 1.264.732; 3.255 + 514.958 = 518.213 printed 518.212).
* Rounded figures: the printed value must equal the computed value rounded to the printed number of
  decimals, half-up *or* truncated (the rounding mode of 2020 is uncertain, docs/methodology.md §2.10)."""

from __future__ import annotations

from decimal import Decimal

from monitoreo.domain.submission import Submission
from monitoreo.formatting import round_decimal
from monitoreo.reference import edition_conventions


def slack(sub: Submission, addends: int) -> Decimal:
    """How far a printed total of ``addends`` rounded figures may be from their sum, in ``sub``'s edition."""
    return edition_conventions(int(sub.edition)).sum_tolerance_per_addend * max(1, addends)


def sums_agree(sub: Submission, total: Decimal, parts: list[Decimal]) -> bool:
    """``sum(parts)`` equals ``total`` within the edition's tolerance per addend (``slack``)."""
    return abs(sum(parts, Decimal(0)) - total) <= slack(sub, len(parts))


def decimals_of(printed: Decimal) -> int:
    exponent = printed.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def rounds_to(computed: Decimal, printed: Decimal) -> bool:
    """``printed`` is ``computed`` rounded (half-up or truncated) to ``printed``'s decimals."""
    places = decimals_of(printed)
    return printed in (
        round_decimal(computed, places, "half_up"),
        round_decimal(computed, places, "truncate"),
    )
