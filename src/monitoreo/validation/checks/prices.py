"""Price base checks (docs/inflators.md): a report's amounts are in M$ of its price base, and an edition
whose ficha re-expresses earlier years in that base (``prints_inflators`` in ``reference/editions.yaml``)
needs an inflator table of that base — printed with the report, shipped, or entered by the unit. Without
one, earlier years cannot be re-expressed: the report is flagged instead of carrying amounts of another
base under its label."""

from __future__ import annotations

from collections.abc import Iterator

from monitoreo import reference
from monitoreo.domain.submission import Submission
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make

NO_TABLE = issue_type(
    "inflators.W001",
    "Sin tabla de inflactores de la base de precios",
    "No hay tabla de inflactores con base {base}: los montos de años anteriores no se pueden re-expresar en "
    "M${base}. Ingrésela en «Tablas de inflactores» del ciclo o con «monitoreo inflators import».",
)


@check("prices.inflator_table")
def inflator_table(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """Warn when the edition re-expresses earlier years and no table of the report's price base exists."""
    try:
        conventions = reference.edition_conventions(sub.edition)
    except reference.ReferenceError:
        return
    if not conventions.prints_inflators or sub.inflators is not None:
        return
    if reference.inflators_for_base(sub.price_base_year) is None:
        yield make(NO_TABLE, "price_base_year", base=sub.price_base_year)
