"""``monitoreo beneficiaries FILE... [--engine duckdb|spark] [--cutoff-file F] [--json]`` and
``monitoreo beneficiaries-synth --records N --programs P --out FILE.parquet``."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from monitoreo import formatting
from monitoreo.cli.output import EXIT_BAD_INPUT, emit_json, stderr, stdout


def read_cutoffs(path: Path) -> dict[str, int]:
    """``program_id,cutoff_percentile`` CSV → {program: cutoff}; errors name the file and the line."""
    from monitoreo.microdata import MicrodataError

    out: dict[str, int] = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                try:
                    out[row["program_id"]] = int(row["cutoff_percentile"])
                except (KeyError, TypeError, ValueError):
                    raise MicrodataError(
                        f"{path}: línea {line}: se esperan las columnas program_id y "
                        "cutoff_percentile (entero 0-100)"
                    ) from None
    except OSError as exc:
        raise MicrodataError(f"{path}: no se puede leer ({exc.strerror})") from None
    return out


def beneficiaries_cmd(
    files: Annotated[list[Path], typer.Argument(help="Registros de beneficiarios (.parquet o .csv).")],
    engine: Annotated[str, typer.Option("--engine", help="duckdb (una máquina) o spark.")] = "duckdb",
    cutoff_file: Annotated[
        Path | None, typer.Option("--cutoff-file", help="CSV program_id,cutoff_percentile (focalización).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON.")] = False,
) -> None:
    """Personas atendidas, desgloses por sexo y región, arrastre, focalización y traslapes entre programas."""
    # Imported here, not at the top: the engines load in ~1 s and only this command needs them (issue #19).
    from monitoreo.microdata import MicrodataError, beneficiaries
    from monitoreo.microdata.engine import Engine

    try:
        if engine not in ("duckdb", "spark"):
            raise MicrodataError(f"--engine: motor «{engine}» desconocido (duckdb o spark)")
        cutoffs = read_cutoffs(cutoff_file) if cutoff_file else None
        eng: Engine = "spark" if engine == "spark" else "duckdb"
        result = beneficiaries(files, engine=eng, cutoffs=cutoffs)
    except MicrodataError as exc:
        stderr.print(f"[bold red]error[/]: {exc} [{exc.code}]", highlight=False)
        if as_json:
            emit_json({"errors": [{"code": exc.code, "message": str(exc)}]})
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if as_json:
        emit_json(result.as_dict())
        return
    table = Table(title=f"Beneficiarios por programa y año ({result.engine})")
    for column in ("Programa", "Año", "Personas", "Nuevos", "Arrastre", "% mujeres", "% sobre corte"):
        table.add_column(column, justify="right")
    for row in result.as_dict()["programs"]:
        women = row["sex_shares"].get("F")
        above = row["share_above_cutoff"]
        table.add_row(
            row["program_id"],
            str(row["year"]),
            formatting.number(Decimal(row["served"])),
            formatting.number(Decimal(row["new"])),
            formatting.number(Decimal(row["carry_over"])),
            "-" if women is None else formatting.percent(Decimal(str(women * 100))),
            "-" if above is None else formatting.percent(Decimal(str(above * 100))),
        )
    stdout.print(table)
    stdout.print(f"Pares de programas con personas en común: {len(result.overlaps)}")


def beneficiaries_synth(
    records: Annotated[int, typer.Option("--records", min=0, help="Número de registros.")],
    programs: Annotated[int, typer.Option("--programs", min=1, help="Número de programas.")],
    out: Annotated[Path, typer.Option("--out", help="Archivo Parquet de salida.")],
    seed: Annotated[int, typer.Option("--seed")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON.")] = False,
) -> None:
    """Escribe registros sintéticos de beneficiarios (por bloques, memoria acotada)."""
    from monitoreo.microdata.synth import write_records

    with Progress(console=stderr, transient=True, disable=as_json) as progress:
        task = progress.add_task("Generando registros", total=records)
        written = write_records(
            out, records, programs, seed=seed, on_chunk=lambda n: progress.advance(task, n)
        )
    if as_json:
        emit_json({"out": str(out), "records": written, "programs": programs, "seed": seed})
    else:
        stdout.print(f"{formatting.number(Decimal(written))} registros en {out}")


def register(app: typer.Typer) -> None:
    app.command("beneficiaries")(beneficiaries_cmd)
    app.command("beneficiaries-synth")(beneficiaries_synth)
