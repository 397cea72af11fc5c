"""Population checks (docs/methodology.md §2.1): served ≤ target ≤ potential, and the sex split.

These are *warnings*: a served population outside the target one, or a target larger than the potential
one, is a methodology finding (2025 PRI-NOT-SUBSET, FOC-PO-NOT-SUBSET) that the evaluation reports, not a
data error that should block the submission."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.population import Population
from monitoreo.domain.submission import Submission
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make

SERVED_OVER_TARGET = issue_type(
    "populations.W001",
    "Población beneficiada mayor que la objetivo",
    "{year}: la población beneficiada ({served}) supera a la población objetivo ({target}).",
)
TARGET_OVER_POTENTIAL = issue_type(
    "populations.W002",
    "Población objetivo mayor que la potencial",
    "{year}: la población objetivo ({target}) supera a la población potencial ({potential}).",
)
SEX_SPLIT = issue_type(
    "populations.W003",
    "La distribución por sexo no suma 100%",
    "{year}: masculino {male}% + femenino {female}% = {sum}%, no 100%.",
)


def _pairs(small: Population | None, large: Population | None) -> Iterator[tuple[int, Decimal, Decimal]]:
    if small is None or large is None:
        return
    for year, value in small.quantity.items():
        other = large.quantity.get(year)
        if isinstance(value, Decimal) and isinstance(other, Decimal) and value > other:
            yield year, value, other


@check("populations.nesting")
def nesting(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """PB_y ≤ PO_y and PO_y ≤ PP_y for each year with both numbers."""
    pops = sub.populations
    for year, served, target in _pairs(pops.served, pops.target):
        yield make(
            SERVED_OVER_TARGET, f"populations.served.quantity.{year}", year=year, served=served, target=target
        )
    for year, target, potential in _pairs(pops.target, pops.potential):
        yield make(
            TARGET_OVER_POTENTIAL,
            f"populations.target.quantity.{year}",
            year=year,
            target=target,
            potential=potential,
        )


@check("populations.sex_split")
def sex_split(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """Printed male % + female % = 100 (±1, each was rounded to the unit)."""
    served = sub.populations.served
    for year, split in served.by_sex.items() if served else ():
        if split.male_pct is not None and split.female_pct is not None:
            total = split.male_pct + split.female_pct
            if abs(total - 100) > 1:
                yield make(
                    SEX_SPLIT,
                    f"populations.served.by_sex.{year}",
                    year=year,
                    male=split.male_pct,
                    female=split.female_pct,
                    sum=total,
                )
