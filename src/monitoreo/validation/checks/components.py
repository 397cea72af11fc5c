"""Component checks (docs/methodology.md §2.5, §3.4): production with zero spend (S20, explained by the service:
virtual training), spend with zero production, and a component whose spend or production of a year shown
was left out (it counts as S/I, which makes the year's «Total gastos componentes» S/I; a component that
did not exist yet reports «-»). All are warnings for the reviewer."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.submission import Submission
from monitoreo.domain.values import Missing
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make

OUTPUT_WITHOUT_SPEND = issue_type(
    "components.W001",
    "Producción sin gasto",
    "{year}: el componente «{component}» produce {output} sin gasto ejecutado.",
)
SPEND_WITHOUT_OUTPUT = issue_type(
    "components.W002",
    "Gasto sin producción",
    "{year}: el componente «{component}» ejecuta {spend} sin producción.",
)


@check("components.spend_output")
def spend_output(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    for comp in sub.components:
        for year in sub.years:
            spend, output = comp.spend.get(year), comp.output.get(year)
            if not (isinstance(spend, Decimal) and isinstance(output, Decimal)):
                continue
            where = f"components.{comp.id}"
            if spend == 0 and output > 0:
                yield make(
                    OUTPUT_WITHOUT_SPEND,
                    f"{where}.spend.{year}",
                    year=year,
                    component=comp.name,
                    output=output,
                )
            elif output == 0 and spend > 0:
                yield make(
                    SPEND_WITHOUT_OUTPUT,
                    f"{where}.output.{year}",
                    year=year,
                    component=comp.name,
                    spend=spend,
                )


NOT_REPORTED = issue_type(
    "components.W003",
    "Gasto o producción sin informar",
    "{year}: el componente «{component}» no informa {what} (cuenta como S/I; use «-» si el componente no "
    "existía ese año).",
)


@check("components.not_reported")
def not_reported(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """A year shown with no spend or no production for a component (absent or S/I) is flagged once per
    series and year, so a component added during the cycle is not submitted half-filled unnoticed."""
    for comp in sub.components:
        for year in sub.years:
            for field, what, series in (
                ("spend", "gasto", comp.spend),
                ("output", "producción", comp.output),
            ):
                if series.get(year, Missing.NOT_REPORTED) == Missing.NOT_REPORTED:
                    yield make(
                        NOT_REPORTED,
                        f"components.{comp.id}.{field}.{year}",
                        year=year,
                        component=comp.name,
                        what=what,
                    )
