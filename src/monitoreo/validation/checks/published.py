"""Printed figures agree with the computed ones (docs/methodology.md §3.1, §3.3): every figure the ficha prints
(``submission.published``) that ``compute_metrics`` can also compute from its inputs must equal the
computed value rounded to the printed decimals (half-up or truncated), or, for sums of money, lie within
±1 per addend. Figures the ficha prints without their inputs (provenance ``published``) are not checked."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.submission import Submission
from monitoreo.domain.texts import PublishedFigure
from monitoreo.domain.values import Missing, Num
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make
from monitoreo.validation.tolerance import rounds_to

MISMATCH = issue_type(
    "published.E001",
    "Cifra impresa distinta de la calculada",
    "{metric}{key} {year}: impreso {printed}, calculado {computed}.",
)
CODE_MISMATCH = issue_type(
    "published.W001",
    "Código impreso donde hay dato (o al revés)",
    "{metric}{key} {year}: impreso «{printed}», calculado «{computed}».",
)

SUMS = {"total_executed", "components_spend", "region_spend_total", "region_served_total"}


def _computed(metrics: Metrics, figure: PublishedFigure, year: int) -> Num | None:
    """The value computed from inputs, or ``None`` when the metric only exists as printed."""
    if figure.metric in metrics.yearly:
        if metrics.provenance[figure.metric].get(year) != "computed":
            return None
        return metrics.yearly[figure.metric].get(year)
    if figure.metric == "unit_cost":
        comp = next((c for c in metrics.components if c.id == figure.key), None)
        return comp.unit_cost.get(year) if comp and comp.provenance.get(year) == "computed" else None
    if year != metrics.regional_year:
        return None
    if figure.metric in metrics.region_totals:
        return metrics.region_totals[figure.metric]
    region = next((r for r in metrics.regions if r.region == figure.key), None)
    if region is None:
        return None
    return region.spend_share_pct if figure.metric == "region_spend_share_pct" else region.served_share_pct


def _addends(sub: Submission, metric: str) -> int:
    if metric == "components_spend":
        return max(1, len(sub.components))
    if metric.startswith("region_") and sub.regional:
        return max(1, len(sub.regional.rows))
    return 3


def _agrees(sub: Submission, metric: str, printed: Decimal, computed: Decimal) -> bool:
    if metric in SUMS:
        return abs(printed - computed) <= _addends(sub, metric)
    return rounds_to(computed, printed)


@check("published.figures")
def figures(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    for index, figure in enumerate(sub.published):
        for year, printed in figure.values.items():
            computed = _computed(metrics, figure, year)
            if computed is None:
                continue
            where = f"published.{index}.values.{year}"
            key = f" [{figure.key}]" if figure.key else ""
            if isinstance(printed, Decimal) and isinstance(computed, Decimal):
                if not _agrees(sub, figure.metric, printed, computed):
                    yield make(
                        MISMATCH,
                        where,
                        metric=figure.metric,
                        key=key,
                        year=year,
                        printed=printed,
                        computed=computed,
                    )
            elif isinstance(printed, Missing) != isinstance(computed, Missing) or printed != computed:
                yield make(
                    CODE_MISMATCH,
                    where,
                    metric=figure.metric,
                    key=key,
                    year=year,
                    printed=printed,
                    computed=computed,
                )
