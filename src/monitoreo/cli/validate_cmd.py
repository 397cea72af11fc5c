"""``monitoreo validate FILE... [--json]``: the validation report of each data file. Exit 1 when any
file has an error-level issue, 2 when a file cannot be read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from monitoreo.cli.evaluate_cmd import collect_files, read_all
from monitoreo.cli.output import EXIT_BAD_INPUT, EXIT_FINDINGS, emit_json, stdout
from monitoreo.validation import ValidationReport, validate


def report_as_json(file: str, report: ValidationReport) -> dict[str, Any]:
    return {
        "file": file,
        "id": report.submission_id,
        "valid": report.valid,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "issues": [i.as_dict() for i in report.issues],
    }


def _print(file: str, report: ValidationReport) -> None:
    head = "[green]válido[/]" if report.valid else "[bold red]con errores[/]"
    errors, warnings = len(report.errors), len(report.warnings)
    stdout.print(
        f"{escape(file)} ({report.submission_id}): {head} — {errors} error{'es' if errors != 1 else ''}, "
        f"{warnings} advertencia{'s' if warnings != 1 else ''}",
        highlight=False,
    )
    for issue in report.issues:
        color = "red" if issue.severity.value == "error" else "yellow"
        stdout.print(
            f"  [{color}]{issue.severity.label}[/] {escape(issue.path)}: {escape(issue.message)} "
            f"[dim]\\[{issue.code}][/]",
            highlight=False,
        )


def validate_command(
    files: Annotated[list[Path], typer.Argument(help="Archivos de datos o directorios que los contienen.")],
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON.")] = False,
) -> None:
    """Revisa la coherencia de los datos: sumas, porcentajes impresos, poblaciones, textos vs tablas."""
    paths = collect_files(files)
    loaded, failed = read_all(paths, not as_json and len(paths) > 1)
    results, any_error = [], False
    for path, sub in loaded:
        report = validate(sub)
        any_error = any_error or not report.valid
        results.append(report_as_json(str(path), report))
        if not as_json:
            _print(str(path), report)
    if as_json:
        emit_json(results)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)
    if any_error:
        raise typer.Exit(EXIT_FINDINGS)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
