"""``monitoreo render PATH... --out DIR [--format pdf,html] [--workers N] [--json]``: the fichas of many
data files, across processes, with a progress bar. A broken input is reported (file, field, code) and
skipped; the rest still render; the exit code is 2 when any input could not be read (bad input, as every
command), 1 when every input was read but a ficha failed to render."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from monitoreo import formatting
from monitoreo.cli.output import EXIT_BAD_INPUT, EXIT_FINDINGS, emit_json, report_problems, stderr, stdout

if TYPE_CHECKING:
    from monitoreo.sheet.batch import BatchResult, FileOutcome


def _formats(value: str) -> tuple[str, ...]:
    from monitoreo.sheet.batch import FORMATS

    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        stderr.print(
            f"[bold red]error[/]: --format: formato desconocido «{escape(','.join(unknown))}» "
            f"(se admiten: {', '.join(FORMATS)})",
            highlight=False,
        )
        raise typer.Exit(EXIT_BAD_INPUT)
    return formats


def result_as_json(result: BatchResult) -> dict[str, Any]:
    """The ``--json`` object: one entry per input file, plus totals."""

    def entry(f: FileOutcome) -> dict[str, Any]:
        return {
            "file": f.file,
            "id": f.id,
            "ok": f.ok,
            "skipped": f.skipped,
            "outputs": list(f.outputs),
            "errors": [p.as_dict() for p in f.problems],
            "warnings": list(f.warnings),
        }

    return {
        "files": [entry(f) for f in result.files],
        "rendered": len(result.rendered) - len(result.skipped),
        "skipped": len(result.skipped),
        "failed": len(result.failed),
        "seconds": round(result.seconds, 3),
    }


def render(
    paths: Annotated[
        list[Path], typer.Argument(help="Archivos de datos (YAML/JSON) o carpetas que los contienen.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Carpeta de salida (<id>.pdf, <id>.html).")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Formatos separados por coma: pdf,html.")
    ] = "pdf,html",
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Procesos en paralelo (por defecto, los núcleos).")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Resumen en JSON.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Genera todas las fichas, también las que no cambiaron.")
    ] = False,
) -> None:
    """Genera las fichas (PDF y/o HTML) de uno o más archivos de datos."""
    # Imported here, not at the top: Typst, Jinja2 and the fonts are only needed by this command (#19).
    from monitoreo.sheet.batch import collect_inputs, render_batch

    formats = _formats(fmt)
    n_workers = workers if workers > 0 else (os.cpu_count() or 1)
    files, _ = collect_inputs(paths)
    with Progress(
        TextColumn("Fichas"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=as_json,
    ) as bar:
        task = bar.add_task("render", total=len(files) + sum(1 for p in paths if not p.exists()))
        result = render_batch(
            paths,
            out,
            formats,
            workers=min(n_workers, max(len(files), 1)),
            progress=lambda _o: bar.advance(task),
            force=force,
        )
    for outcome in result.failed:
        report_problems(outcome.problems)
    for outcome in result.rendered:
        for warning in outcome.warnings:
            stderr.print(f"[yellow]aviso[/]: {escape(outcome.file)}: {escape(warning)}", highlight=False)
    if as_json:
        emit_json(result_as_json(result))
    else:
        made = len(result.rendered) - len(result.skipped)
        rate = made / result.seconds if result.seconds else 0.0
        seconds, per_second = (formatting.number(Decimal(f"{v:.3f}"), 1) for v in (result.seconds, rate))
        unchanged = (
            f"; {len(result.skipped)} sin cambios, no se volvieron a generar (--force las genera todas)"
            if result.skipped
            else ""
        )
        generated = "1 ficha generada" if made == 1 else f"{made} fichas generadas"
        stdout.print(
            f"{generated} en {escape(str(out))} ({seconds} s, {per_second} fichas/s)"
            f"{unchanged}; {len(result.failed)} con errores.",
            highlight=False,
        )
    if result.failed:
        raise typer.Exit(EXIT_BAD_INPUT if any(_bad_input(o) for o in result.failed) else EXIT_FINDINGS)


def _bad_input(outcome: FileOutcome) -> bool:
    """A failure caused by the input (unreadable data file, missing path), not by the rendering: exit 2."""
    return any(p.code.startswith("input.") or p.code == "render.E002" for p in outcome.problems)


def register(app: typer.Typer) -> None:
    app.command()(render)
