"""``monitoreo analytics QUESTION --bundle DIR [--json|--csv]``: portfolio tables for the dashboard."""

from __future__ import annotations

import csv
import sys
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from monitoreo import formatting
from monitoreo.analytics import QUESTIONS, BundleError
from monitoreo.analytics.labels import label
from monitoreo.cli.output import EXIT_BAD_INPUT, emit_json, stderr
from monitoreo.cli.tables import print_rows


class Question(StrEnum):
    """The questions ``monitoreo.analytics.QUESTIONS`` answers."""

    EXECUTION = "execution"
    UNIT_COSTS = "unit-costs"
    PERSISTENT = "persistent"
    TRENDS = "trends"
    FINDINGS = "findings"

TITLES = {
    "execution": "Ejecución presupuestaria y cobertura por ministerio (año evaluado)",
    "unit-costs": "Gasto unitario entre componentes comparables (misma unidad de producción)",
    "persistent": "Programas con subejecución persistente o hallazgos repetidos",
    "trends": "Tendencias por edición",
    "findings": "Hallazgos por ministerio y dimensión",
}


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return formatting.number(Decimal(repr(value)), 1)
    return str(value)


def write_csv(rows: list[dict[str, Any]]) -> None:
    """Rows as CSV on stdout (unrounded values, empty cells for no value)."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    if not rows:
        return
    writer.writerow(list(rows[0]))
    for row in rows:
        writer.writerow(["" if v is None else v for v in row.values()])


def analytics(
    question: Annotated[Question, typer.Argument(help="Pregunta: " + ", ".join(QUESTIONS))],
    bundle: Annotated[Path, typer.Option("--bundle", help="Carpeta de un paquete de `monitoreo publish`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON (valores sin redondear).")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Salida CSV (valores sin redondear).")] = False,
) -> None:
    """Analítica de la cartera sobre el paquete de datos abiertos (DuckDB sobre Parquet)."""
    name = str(question.value)
    try:
        rows = QUESTIONS[name](bundle)
    except BundleError as exc:
        stderr.print(f"[bold red]error[/]: {exc} [analytics.E001]", highlight=False)
        if as_json:
            emit_json({"errors": [{"code": "analytics.E001", "message": str(exc)}]})
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if as_json:
        emit_json(rows)
        return
    if as_csv:
        write_csv(rows)
        return
    columns = list(rows[0]) if rows else []
    print_rows(TITLES[name], [label(c) for c in columns], [[_cell(v) for v in row.values()] for row in rows])


def register(app: typer.Typer) -> None:
    app.command()(analytics)
