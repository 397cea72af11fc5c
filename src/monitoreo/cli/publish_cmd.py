"""``monitoreo publish PATH... --out DIR [--json]``: the open-data bundle of the cycle (docs/open-data.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from monitoreo.cli.output import EXIT_BAD_INPUT, EXIT_FINDINGS, emit_json, report_problems, stderr, stdout
from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.errors import InputError, MonitoreoError, Problem
from monitoreo.io import read_submission
from monitoreo.io.files import data_files
from monitoreo.publish import publish_bundle


def read_all(paths: list[Path], show_progress: bool) -> list[Submission]:
    """Every submission under ``paths``, or ``InputError`` listing every problem of every file."""
    files, problems = data_files(paths)
    subs: list[Submission] = []
    with Progress(console=stderr, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("Leyendo archivos", total=len(files))
        for file in files:
            try:
                subs.append(read_submission(file))
            except InputError as exc:
                problems.extend(exc.problems)
            progress.advance(task)
    if not files and not problems:
        problems.append(Problem(", ".join(map(str, paths)), "", "input.E005", "no hay archivos de datos (.yaml, .json)"))
    seen: dict[tuple[int, str], Path] = {}
    for file, sub in zip(files, subs, strict=False) if not problems else ():
        key = (int(sub.edition), sub.id)
        if key in seen:
            problems.append(Problem(str(file), "id", "publish.E001",
                                    f"programa «{sub.id}» de la edición {sub.edition} repetido (también en {seen[key]})"))
        seen[key] = file
    if problems:
        raise InputError(problems)
    return subs


def evaluate_all(subs: list[Submission], show_progress: bool) -> list[Evaluation | None]:
    from monitoreo.methodology import evaluate

    out: list[Evaluation | None] = []
    with Progress(console=stderr, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("Evaluando", total=len(subs))
        for sub in subs:
            out.append(evaluate(sub))
            progress.advance(task)
    return out


def publish(
    paths: Annotated[list[Path], typer.Argument(help="Archivos de datos o carpetas que los contienen.")],
    out: Annotated[Path, typer.Option("--out", help="Carpeta del paquete de datos abiertos (se reemplaza entera).")],
    evaluate: Annotated[bool, typer.Option("--evaluate/--no-evaluate",
                                           help="Incluir los resultados de la evaluación (hallazgos).")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON (manifiesto del paquete).")] = False,
) -> None:
    """Publica el ciclo como datos abiertos: tablas CSV y Parquet con datapackage.json (Frictionless)."""
    try:
        subs = read_all(paths, show_progress=not as_json)
    except InputError as exc:
        report_problems(exc.problems)
        if as_json:
            emit_json({"errors": [p.as_dict() for p in exc.problems]})
        raise typer.Exit(EXIT_BAD_INPUT) from None
    try:
        evaluations = evaluate_all(subs, not as_json) if evaluate else [None] * len(subs)
    except MonitoreoError as exc:
        stderr.print(f"[bold red]error[/]: no se pudo evaluar: {exc} [{exc.code}]", highlight=False)
        if as_json:
            emit_json({"errors": [{"code": exc.code, "message": str(exc)}]})
        raise typer.Exit(EXIT_FINDINGS) from None
    manifest = publish_bundle(subs, out, evaluations)
    if as_json:
        emit_json(manifest.as_dict())
        return
    stdout.print(f"Paquete de datos abiertos en [bold]{out}[/]: {manifest.programs} programas, "
                 f"ediciones {', '.join(map(str, manifest.editions))}.")
    for table, rows in manifest.rows.items():
        stdout.print(f"  {table}: {rows} filas (CSV y Parquet)")


def register(app: typer.Typer) -> None:
    app.command()(publish)
