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
from monitoreo.analytics.labels import label, value_label
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


def _readable(column: str, value: Any) -> Any:
    """A cell as people read it: Spanish labels for stable values, the rule's title for an outcome code."""
    if column == "code" and isinstance(value, str):
        from monitoreo.methodology import registry

        spec = registry.get(value.rsplit(".", 1)[0]) or registry.get(value)
        return spec.title if spec is not None and spec.title else "Regla no registrada (ver --json)"
    return value_label(column, value)


def write_csv(rows: list[dict[str, Any]]) -> None:
    """Rows as CSV on stdout (unrounded values, empty cells for no value)."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    if not rows:
        return
    writer.writerow(list(rows[0]))
    for row in rows:
        writer.writerow(["" if v is None else v for v in row.values()])


def analytics(
    question: Annotated[Question, typer.Argument(help="Pregunta: " + ", ".join(q.value for q in Question))],
    bundle: Annotated[Path, typer.Option("--bundle", help="Carpeta de un paquete de `monitoreo publish`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON (valores sin redondear).")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Salida CSV (valores sin redondear).")] = False,
) -> None:
    """Analítica de la cartera sobre el paquete de datos abiertos (DuckDB sobre Parquet)."""
    # Imported here, not at the top: Ibis and DuckDB load in ~1 s and only this command needs them (issue #19).
    from monitoreo.analytics import QUESTIONS, BundleError

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
    print_rows(
        TITLES[name],
        [label(c) for c in columns],
        [[_cell(_readable(k, v)) for k, v in row.items()] for row in rows],
    )


def register(app: typer.Typer) -> None:
    app.command()(analytics)
