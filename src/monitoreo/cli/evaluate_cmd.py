"""``monitoreo evaluate FILE... [--edition E] [--history DIR] [--compare A] [--json]``: the outcomes of each
program under a methodology edition, or (``--compare A``) which outcomes change from edition A to E."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import track

from monitoreo.cli.output import EXIT_BAD_INPUT, emit_json, report_problems, stderr
from monitoreo.cli.tables import print_rows
from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.errors import InputError
from monitoreo.io import read_submission
from monitoreo.io.files import data_files
from monitoreo.methodology import MethodologyError, compare, evaluate


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder stands for the data files under it. A missing path is kept, so reading
    it reports the coded problem (input.E001) like any unreadable file."""
    files: list[Path] = []
    for path in paths:
        found, missing = data_files([path])
        files.extend(found if not missing else [path])
    return files


def read_all(files: list[Path], show_progress: bool) -> tuple[list[tuple[Path, Submission]], bool]:
    """Read every file; problems are reported on stderr and flagged (never a traceback)."""
    loaded, failed = [], False
    items = track(files, description="Leyendo…", console=stderr, transient=True) if show_progress else files
    for path in items:
        try:
            loaded.append((path, read_submission(path)))
        except InputError as exc:
            failed = True
            report_problems(exc.problems)
    return loaded, failed


def evaluation_as_json(file: str, ev: Evaluation) -> dict[str, Any]:
    return {
        "file": file, "id": ev.submission_id, "edition": ev.edition, "methodology_hash": ev.methodology_hash,
        "outcomes": [
            {"code": o.code, "dimension": o.dimension.value, "verdict": o.verdict.value,
             "status": o.status.value if o.status else None, "text": o.text, "indicator": o.indicator,
             "values": o.values}
            for o in ev.outcomes
        ],
        "block": {d.value: lines for d, lines in ev.block.items()},
        "indicator_results": {str(n): text for n, text in ev.indicator_results.items()},
    }


def _print_outcomes(file: str, ev: Evaluation) -> None:
    # Codes are what users search the docs for: never cut them; only the sentence may wrap.
    rows = [[o.dimension.label, o.code + (f" [{o.indicator}]" if o.indicator else ""), o.verdict.label,
             o.status.label if o.status else "", o.text] for o in ev.outcomes]
    print_rows(f"{ev.submission_id} — edición {ev.edition} ({file})",
               ["Dimensión", "Código", "Resultado", "Estado", "Texto"], rows, wrap=(4,),
               caption=" · ".join(f"{d.value}: {' / '.join(lines)}" for d, lines in ev.block.items()))


def _history(directory: Path | None, show_progress: bool) -> tuple[list[Submission], bool]:
    if directory is None:
        return [], False
    if not directory.is_dir():
        stderr.print(f"[bold red]error[/]: {directory}: --history debe ser un directorio", highlight=False)
        return [], True
    loaded, failed = read_all(collect_files([directory]), show_progress)
    return [s for _, s in loaded], failed


def _earlier(sub: Submission, history: list[Submission]) -> list[Submission]:
    return [h for h in history if h.id == sub.id and h.evaluated_year < sub.evaluated_year]


def evaluate_command(
    files: Annotated[list[Path], typer.Argument(help="Archivos de datos o directorios que los contienen.")],
    edition: Annotated[int | None, typer.Option("--edition", help="Edición de la metodología (por defecto, la del archivo).")] = None,
    history: Annotated[Path | None, typer.Option("--history", help="Directorio con los reportes de años anteriores.")] = None,
    compare_with: Annotated[int | None, typer.Option("--compare", help="Muestra qué resultados cambian desde esta edición.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON.")] = False,
) -> None:
    """Aplica la metodología: hallazgos, estado (superado / no superado) y las frases de la ficha."""
    paths = collect_files(files)
    progress = not as_json and len(paths) > 1
    loaded, failed = read_all(paths, progress)
    past, history_failed = _history(history, progress)
    results: list[dict[str, Any]] = []
    try:
        for path, sub in loaded:
            earlier = _earlier(sub, past)
            if compare_with is not None:
                target = edition if edition is not None else sub.edition
                changes = compare(sub, compare_with, target, earlier)
                results.append({"file": str(path), "id": sub.id, "from": compare_with, "to": target,
                                "changes": [c.as_dict() for c in changes]})
                if not as_json:
                    _print_changes(str(path), sub.id, compare_with, target, [c.as_dict() for c in changes])
                continue
            ev = evaluate(sub, edition, earlier)
            results.append(evaluation_as_json(str(path), ev))
            if not as_json:
                _print_outcomes(str(path), ev)
    except MethodologyError as exc:
        report_problems(exc.problems)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if as_json:
        emit_json(results)
    if failed or history_failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def _print_changes(file: str, sub_id: str, before: int, after: int, changes: list[dict[str, Any]]) -> None:
    rows = [[c["rule"] + (f" [{c['indicator']}]" if c["indicator"] else ""),
             *(f"{o['code']} {o['status'] or ''}".strip() if o else "—" for o in (c["before"], c["after"]))]
            for c in changes]
    print_rows(f"{sub_id}: edición {before} → {after} ({file})", ["Regla", f"{before}", f"{after}"], rows,
               caption="" if changes else "Sin cambios.")


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate_command)
