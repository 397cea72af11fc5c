"""Regional checks (docs/methodology.md §2.8, §3.1): the regional table's spend sums to the component total of its
year, and its beneficiaries to the served population (the edition's tolerance per addend)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.submission import Submission
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make
from monitoreo.validation.tolerance import sums_agree

SPEND = issue_type(
    "regional.E001",
    "Gasto regional ≠ total gastos componentes",
    "{year}: el gasto por región suma {sum}, distinto del total de gastos en componentes ({total}).",
)
SERVED = issue_type(
    "regional.E002",
    "Beneficiarios por región ≠ población beneficiada",
    "{year}: los beneficiarios por región suman {sum}, distinto de la población beneficiada ({total}).",
)


@check("regional.sums")
def sums(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    if sub.regional is None:
        return
    year = sub.regional.year
    spend = [r.spend for r in sub.regional.rows if isinstance(r.spend, Decimal)]
    served = [r.served for r in sub.regional.rows if isinstance(r.served, Decimal)]
    components = metrics.value("components_spend", year) if year in metrics.years else None
    pb = sub.populations.served.quantity.get(year) if sub.populations.served else None
    if spend and isinstance(components, Decimal) and not sums_agree(sub, components, spend):
        yield make(SPEND, "regional.rows", year=year, sum=sum(spend, Decimal(0)), total=components)
    if served and isinstance(pb, Decimal) and not sums_agree(sub, pb, served):
        yield make(SERVED, "regional.rows", year=year, sum=sum(served, Decimal(0)), total=pb)
