"""``monitoreo inflators import FILE.csv [--base AÑO] [--source TEXTO] [--dir DIR] [--json]`` and
``monitoreo inflators list [--dir DIR] [--json]``: the inflator tables the unit enters (docs/inflators.md).

A bad CSV prints every problem (file, row/column, code) and exits 2 with nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from monitoreo import formatting
from monitoreo.cli.output import EXIT_BAD_INPUT, emit_json, report_problems, stdout
from monitoreo.domain.inflators import InflatorTable
from monitoreo.errors import InputError, Problem
from monitoreo.reference.inflator_tables import (
    BrokenTableError,
    all_tables,
    read_inflator_csv,
    save_table,
    user_directory,
)

app = typer.Typer(
    help="Tablas de inflactores (precios constantes) que ingresa la unidad.", no_args_is_help=True
)

DirOption = Annotated[
    Path | None,
    typer.Option(
        "--dir", help="Carpeta de las tablas ingresadas (por defecto $MONITOREO_DATA_DIR/inflators)."
    ),
]


def _as_json(name: str, table: InflatorTable, shipped: bool, path: Path | None = None) -> dict[str, object]:
    data: dict[str, object] = {
        "name": name,
        "base": int(table.base),
        "source": table.source,
        "shipped": shipped,
        "factors": {str(y): str(f) for y, f in sorted(table.factors.items())},
    }
    if path is not None:
        data["path"] = str(path)
    return data


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="CSV con las columnas anio e inflactor (una fila por año).")],
    base: Annotated[
        int | None, typer.Option("--base", help="Año base (por defecto, el año cuyo inflactor es 1).")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Fuente de la tabla (p. ej. «Ley de Presupuestos 2026»).")
    ] = None,
    directory: DirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON.")] = False,
) -> None:
    """Valida la tabla del CSV y la guarda como tabla «base-AÑO», sin publicar una nueva versión."""
    try:
        table = read_inflator_csv(file, base=base, source=source)
        path = save_table(table, directory)
    except InputError as exc:
        if as_json:
            emit_json({"ok": False, "problems": [p.as_dict() for p in exc.problems]})
        report_problems(exc.problems)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    name = path.name.removesuffix(".yaml")
    if as_json:
        emit_json({"ok": True, "table": _as_json(name, table, False, path)})
        return
    years = sorted(table.factors)
    stdout.print(
        f"Tabla de inflactores «{name}» guardada en {path}: {len(years)} años ({years[0]}–{years[-1]}), "
        f"base {int(table.base)}.",
        highlight=False,
    )


@app.command("list")
def list_command(
    directory: DirOption = None, as_json: Annotated[bool, typer.Option("--json", help="Salida JSON.")] = False
) -> None:
    """Las tablas disponibles: las que trae monitoreo y las ingresadas por la unidad."""
    try:
        tables = all_tables(directory)
    except BrokenTableError as exc:
        report_problems([Problem(str(directory or user_directory()), "", exc.code, str(exc))])
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if as_json:
        emit_json([_as_json(name, table, shipped) for name, table, shipped in tables])
        return
    out = Table(title=f"Tablas de inflactores (ingresadas en {directory or user_directory()})")
    for column in ("Tabla", "Base", "Origen", "Inflactores"):
        out.add_column(column)
    for name, table, shipped in tables:
        factors = ", ".join(f"{y}: {formatting.factor(f)}" for y, f in sorted(table.factors.items()))
        out.add_row(name, str(int(table.base)), "monitoreo" if shipped else "ingresada", factors)
    stdout.print(out)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="inflators")
