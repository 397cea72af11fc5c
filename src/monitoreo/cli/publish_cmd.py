"""``monitoreo publish PATH... --out DIR [--json]``: the open-data bundle of the cycle (docs/open-data.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.markup import escape
from rich.progress import Progress

from monitoreo.cli.output import EXIT_BAD_INPUT, EXIT_FINDINGS, emit_json, report_problems, stderr, stdout
from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.errors import InputError, MonitoreoError, Problem
from monitoreo.io import read_submission
from monitoreo.io.files import data_files


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
        problems.append(
            Problem(", ".join(map(str, paths)), "", "input.E005", "no hay archivos de datos (.yaml, .json)")
        )
    seen: dict[tuple[int, str], Path] = {}
    for file, sub in zip(files, subs, strict=False) if not problems else ():
        key = (int(sub.edition), sub.id)
        if key in seen:
            problems.append(
                Problem(
                    str(file),
                    "id",
                    "publish.E001",
                    f"programa «{sub.id}» de la edición {sub.edition} repetido (también en {seen[key]})",
                )
            )
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
    out: Annotated[
        Path, typer.Option("--out", help="Carpeta del paquete de datos abiertos (se reemplaza entera).")
    ],
    evaluate: Annotated[
        bool,
        typer.Option("--evaluate/--no-evaluate", help="Incluir los resultados de la evaluación (hallazgos)."),
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON (manifiesto del paquete).")] = False,
) -> None:
    """Publica el ciclo como datos abiertos: tablas CSV y Parquet con datapackage.json (Frictionless)."""
    # Imported here, not at the top: Arrow loads in ~0,5 s and only this command needs it (issue #19).
    from monitoreo.publish import publish_bundle

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
        _fail(exc, "no se pudo evaluar", EXIT_FINDINGS, as_json)
    try:
        manifest = publish_bundle(subs, out, evaluations)
    except OSError as exc:
        problem = Problem(
            str(out), "", "publish.E002", f"no se pudo escribir el paquete ({exc.strerror or exc})"
        )
        _fail(InputError([problem]), "", EXIT_BAD_INPUT, as_json)
    except MonitoreoError as exc:
        _fail(exc, "no se pudo publicar", EXIT_FINDINGS, as_json)
    if as_json:
        emit_json(manifest.as_dict())
        return
    stdout.print(
        f"Paquete de datos abiertos en [bold]{out}[/]: {manifest.programs} programas, "
        f"ediciones {', '.join(map(str, manifest.editions))}."
    )
    for table, rows in manifest.rows.items():
        stdout.print(f"  {table}: {rows} filas (CSV y Parquet)")


def _fail(exc: MonitoreoError, what: str, exit_code: int, as_json: bool) -> NoReturn:
    """Print the error with its code(s) (each problem when it has them) and exit."""
    problems = getattr(exc, "problems", None)
    if problems:
        report_problems(problems)
        errors = [p.as_dict() for p in problems]
    else:
        stderr.print(f"[bold red]error[/]: {what}: {escape(str(exc))} \\[{exc.code}]", highlight=False)
        errors = [{"code": exc.code, "message": str(exc)}]
    if as_json:
        emit_json({"errors": errors})
    raise typer.Exit(exit_code)


def register(app: typer.Typer) -> None:
    app.command()(publish)
