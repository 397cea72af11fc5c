"""``compute_metrics``: every metric of a submission, per year, per component and per region.

Contract: pure function of the submission and the edition's conventions; never rounds; never edits its
input. A metric that cannot be computed (an input is S/I) but that the ficha prints (``published``) takes
the printed value and is marked ``published`` in ``provenance`` (docs/methodology.md §3.3: S20 prints coverage,
execution and spend per beneficiary without their inputs)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from monitoreo import reference
from monitoreo.domain.budget import BudgetYear
from monitoreo.domain.periods import Edition, PriceYear, Year
from monitoreo.domain.submission import Submission
from monitoreo.domain.values import Missing, Num
from monitoreo.metrics import ratios
from monitoreo.metrics.ratios import SpendFormula

COMPUTED = "computed"
PUBLISHED = "published"


@dataclass(frozen=True)
class ComponentMetrics:
    id: str
    name: str
    unit: str | None
    unit_cost: dict[Year, Num]
    provenance: dict[Year, str]


@dataclass(frozen=True)
class RegionMetrics:
    region: str
    name: str
    spend: Num
    served: Num
    spend_share_pct: Num
    served_share_pct: Num


@dataclass(frozen=True)
class Metrics:
    """Computed figures of one submission; money in M$ of ``price_base_year``."""

    submission_id: str
    edition: Edition
    price_base_year: PriceYear
    years: tuple[Year, ...]
    yearly: dict[str, dict[Year, Num]]
    provenance: dict[str, dict[Year, str]]
    components: tuple[ComponentMetrics, ...] = ()
    regional_year: Year | None = None
    regions: tuple[RegionMetrics, ...] = ()
    region_totals: dict[str, Num] = field(default_factory=dict)

    def value(self, metric: str, year: Year) -> Num:
        return self.yearly[metric].get(year, Missing.NOT_REPORTED)


def _get(series: Mapping[Year, Num], year: Year) -> Num:
    """A year absent from a series was not reported."""
    return series.get(year, Missing.NOT_REPORTED)


def _with_published(
    sub: Submission, metric: str, computed: dict[Year, Num], key: str | None = None
) -> tuple[dict[Year, Num], dict[Year, str]]:
    printed = sub.published_series(metric, key)
    values: dict[Year, Num] = {}
    provenance: dict[Year, str] = {}
    for year in sub.years:
        value = computed.get(year, Missing.NOT_REPORTED)
        candidate = printed.get(year)
        if isinstance(value, Missing) and isinstance(candidate, Decimal):
            values[year], provenance[year] = candidate, PUBLISHED
        else:
            values[year], provenance[year] = value, COMPUTED
    return values, provenance


def _budget(sub: Submission, year: Year) -> BudgetYear:
    return sub.budget.years.get(year) or BudgetYear()


def _yearly_raw(sub: Submission, formula: SpendFormula) -> dict[str, dict[Year, Num]]:
    pops = sub.populations
    target = pops.target.quantity if pops.target else {}
    served = pops.served.quantity if pops.served else {}
    out: dict[str, dict[Year, Num]] = {}
    for year in sub.years:
        b = _budget(sub, year)
        total = (
            b.total_executed
            if b.total_executed is not None
            else ratios.total_executed(b.executed, b.regional_government, b.extra_budgetary)
        )
        comps = (
            ratios.components_spend(_get(c.spend, year) for c in sub.components)
            if sub.components
            else Missing.NOT_REPORTED
        )
        admin = _get(sub.budget.admin_spend, year)
        row = {
            "coverage_pct": ratios.coverage_pct(_get(served, year), _get(target, year)),
            "execution_initial_pct": ratios.execution_pct(b.executed, b.initial),
            "execution_final_pct": ratios.execution_pct(b.executed, b.final),
            "total_executed": total,
            "components_spend": comps,
            "admin_spend": admin,
            "component_share_pct": ratios.share_pct(comps, total),
            "admin_share_pct": ratios.share_pct(admin, total),
            "spend_per_beneficiary": ratios.spend_per_beneficiary(
                formula, executed=b.executed, components=comps, admin=admin, served=_get(served, year)
            ),
        }
        for name, value in row.items():
            out.setdefault(name, {})[year] = value
    return out


def _components(sub: Submission) -> tuple[ComponentMetrics, ...]:
    result = []
    for comp in sub.components:
        raw = {y: ratios.unit_cost(_get(comp.spend, y), _get(comp.output, y)) for y in sub.years}
        values, provenance = _with_published(sub, "unit_cost", raw, comp.id)
        result.append(ComponentMetrics(comp.id, comp.name, comp.unit, values, provenance))
    return tuple(result)


def _regions(sub: Submission) -> tuple[tuple[RegionMetrics, ...], dict[str, Num]]:
    if sub.regional is None:
        return (), {}
    rows = sub.regional.rows
    spend_total = ratios.components_spend(r.spend for r in rows)
    served_total = ratios.components_spend(r.served for r in rows)
    metrics = []
    for row in rows:
        region = reference.find_region(row.region)
        metrics.append(
            RegionMetrics(
                region=row.region,
                name=region.name if region else row.region,
                spend=row.spend,
                served=row.served,
                spend_share_pct=ratios.share_pct(row.spend, spend_total),
                served_share_pct=ratios.share_pct(row.served, served_total),
            )
        )
    return tuple(metrics), {"region_spend_total": spend_total, "region_served_total": served_total}


def compute_metrics(sub: Submission, formula: SpendFormula | None = None) -> Metrics:
    """All metrics of ``sub``. ``formula`` overrides the edition's spend-per-beneficiary formula."""
    spend_formula = formula or reference.edition_conventions(sub.edition).spend_per_beneficiary
    yearly: dict[str, dict[Year, Num]] = {}
    provenance: dict[str, dict[Year, str]] = {}
    for name, raw in _yearly_raw(sub, spend_formula).items():
        yearly[name], provenance[name] = _with_published(sub, name, raw)
    regions, totals = _regions(sub)
    return Metrics(
        submission_id=sub.id,
        edition=sub.edition,
        price_base_year=sub.price_base_year,
        years=tuple(sub.years),
        yearly=yearly,
        provenance=provenance,
        components=_components(sub),
        regional_year=sub.regional.year if sub.regional else None,
        regions=regions,
        region_totals=totals,
    )
