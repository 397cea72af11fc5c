"""``monitoreo synth --programs N --seed S --out DIR [--edition 2023] [--json]``: write a synthetic
portfolio of N realistic program data files (``DIR/<id>.yaml``) for demos, tests and benchmarks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from monitoreo.cli.output import EXIT_BAD_INPUT, emit_json, report_problems, stderr, stdout
from monitoreo.errors import Problem


def _bad(where: str, message: str, as_json: bool) -> typer.Exit:
    problem = Problem(where, "", "synth.E001", message)
    report_problems([problem])
    if as_json:
        emit_json({"errors": [problem.as_dict()]})
    return typer.Exit(EXIT_BAD_INPUT)


def synth(
    programs: Annotated[int, typer.Option("--programs", "-n", help="Número de programas a generar.")] = 10,
    seed: Annotated[
        int, typer.Option("--seed", help="Semilla: la misma semilla da los mismos archivos.")
    ] = 1,
    out: Annotated[Path, typer.Option("--out", help="Carpeta de salida (se crea si no existe).")] = Path(
        "synth"
    ),
    edition: Annotated[int, typer.Option("--edition", help="Edición: 2020, 2023 o 2025.")] = 2023,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON: lista de archivos escritos.")] = False,
) -> None:
    """Genera un portafolio sintético de programas (datos ficticios y válidos) para demos y pruebas."""
    # Imported here, not at the top: the generator is only needed by this command (issue #19).
    from monitoreo.synth import SUPPORTED_EDITIONS, write_portfolio

    if edition not in SUPPORTED_EDITIONS:
        supported = ", ".join(str(e) for e in SUPPORTED_EDITIONS)
        raise _bad("--edition", f"edición {edition} no soportada (soportadas: {supported})", as_json)
    if programs < 0:
        raise _bad("--programs", f"el número de programas debe ser 0 o mayor (valor «{programs}»)", as_json)
    if out.exists() and not out.is_dir():
        raise _bad(str(out), "la salida existe y no es una carpeta", as_json)
    columns = (TextColumn("Generando programas"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True, disable=as_json) as bar:
        task = bar.add_task("synth", total=programs)
        try:
            paths = write_portfolio(
                out, programs, seed, edition, lambda done, _: bar.update(task, completed=done)
            )
        except OSError as exc:
            raise _bad(str(out), f"no se pudo escribir en la carpeta ({exc.strerror})", as_json) from None
    if as_json:
        emit_json(
            {
                "out": str(out),
                "edition": edition,
                "seed": seed,
                "programs": len(paths),
                "files": [str(p) for p in paths],
            }
        )
    else:
        stdout.print(
            f"{len(paths)} programas sintéticos (edición {edition}, semilla {seed}) escritos en {out}"
        )


def register(app: typer.Typer) -> None:
    app.command()(synth)
