"""``monitoreo import FILE... --out DIR [--json]``: published fichas (text or PDF) into data files.

Each ficha that imports becomes ``DIR/<id>-<edition>.yaml`` (the core format, as ``examples/seeds``) plus the
sidecar ``DIR/<id>-<edition>.import.json`` (source, provenance, issues). A ficha that fails is reported with
its coded issues and skipped; nothing is written for it, and the batch goes on. Exit 1 if any failed."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from monitoreo.cli.output import EXIT_BAD_INPUT, EXIT_FINDINGS, emit_json, stderr, stdout
from monitoreo.io import atomic
from monitoreo.io.read import dump_submission

if TYPE_CHECKING:
    from monitoreo.ingest import ImportIssue, ImportResult

_REASONS = {
    errno.EISDIR: "es una carpeta",
    errno.EACCES: "sin permiso de escritura",
    errno.EPERM: "sin permiso",
    errno.ENOSPC: "no queda espacio en el disco",
    errno.ENOTDIR: "una parte de la ruta no es una carpeta",
    errno.EROFS: "el disco es de sólo lectura",
}


def _reason(exc: OSError) -> str:
    """Spanish reason of a write error, naming the file."""
    where = f"{exc.filename}: " if exc.filename else ""
    return where + _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _save(result: ImportResult, out: Path, taken: set[str]) -> dict[str, Any]:
    sub = result.submission
    assert sub is not None
    stem = f"{sub.id}-{sub.edition}"
    if stem in taken:
        raise _DuplicateError(stem)
    taken.add(stem)
    data_file, sidecar = out / f"{stem}.yaml", out / f"{stem}.import.json"
    side = result.as_dict() | {"data_file": data_file.name}
    atomic.write_all(
        {
            data_file: dump_submission(sub),
            sidecar: json.dumps(side, ensure_ascii=False, indent=2, default=str) + "\n",
        }
    )
    return {"output": str(data_file), "sidecar": str(sidecar)}


class _DuplicateError(Exception):
    pass


def _report(file: Path, issues: tuple[ImportIssue, ...], failed: bool) -> None:
    for issue in issues:
        if issue.is_error or not failed:
            level = "[bold red]error[/]" if issue.is_error else "[yellow]aviso[/]"
            stderr.print(f"{level}: {escape(str(file))}: {escape(str(issue))}", markup=True, highlight=False)


def import_(
    files: Annotated[list[Path], typer.Argument(help="Fichas publicadas: texto (.txt) o PDF (.pdf).")],
    out: Annotated[Path, typer.Option("--out", help="Carpeta donde escribir los archivos de datos.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Salida JSON: por ficha, archivos, procedencia y avisos.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No mostrar avisos (W), sólo errores.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=0, help="Procesos en paralelo (0: uno por núcleo, hasta 2).")
    ] = 0,
) -> None:
    """Importa fichas publicadas (texto o PDF) a archivos de datos, con procedencia y avisos codificados."""
    # Imported here, not at the top: the parsers and the PDF reader are only needed by this command (#19).
    from monitoreo.ingest import ImportIssue
    from monitoreo.ingest.batch import import_fichas

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        stderr.print(f"[bold red]error[/]: no se puede crear la carpeta {escape(str(out))} ({exc.strerror})")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    results: list[dict[str, Any]] = []
    taken: set[str] = set()
    failed = 0
    columns = (TextColumn("Importando"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=stderr, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("import", total=len(files))
        for path, result in import_fichas(files, workers or min(2, os.cpu_count() or 1)):
            entry = _one(path, result, out, taken)
            failed += not entry["ok"]
            if not as_json:
                _report(path, tuple(ImportIssue(**i) for i in entry["issues"]), not entry["ok"] or quiet)
            results.append(entry)
            progress.advance(task)
    if as_json:
        emit_json(results)
    else:
        stdout.print(
            f"{len(files) - failed} de {len(files)} fichas importadas en {escape(str(out))}"
            + (f"; {failed} con errores" if failed else "")
        )
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


def _one(path: Path, result: ImportResult, out: Path, taken: set[str]) -> dict[str, Any]:
    from monitoreo.ingest import ImportIssue

    entry: dict[str, Any] = {"file": str(path), "ok": result.ok, **result.as_dict()}
    if result.ok:
        try:
            entry |= _save(result, out, taken)
        except _DuplicateError as dup:
            issue = ImportIssue("import.E010", "id", f"otra ficha del lote ya produjo «{dup}»")
            entry |= {"ok": False, "issues": [*entry["issues"], issue.as_dict()]}
        except OSError as exc:
            issue = ImportIssue(
                "import.E011",
                "",
                f"no se pudo escribir en {out} ({_reason(exc)}); no se escribió nada de esta ficha",
            )
            entry |= {"ok": False, "issues": [*entry["issues"], issue.as_dict()]}
    return entry


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
