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
from monitoreo.domain.outcomes import Evaluation, Outcome, PrintedBlock
from monitoreo.domain.submission import Submission
from monitoreo.errors import InputError, Problem
from monitoreo.io import read_submission
from monitoreo.io.files import data_files
from monitoreo.methodology import MethodologyError, compare, evaluate, known_editions


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


def _outcome_json(o: Outcome) -> dict[str, Any]:
    return {
        "code": o.code,
        "dimension": o.dimension.value,
        "verdict": o.verdict.value,
        "status": o.status.value if o.status else None,
        "label": o.label,
        "text": o.text,
        "detail": o.detail,
        "indicator": o.indicator,
        "values": o.values,
    }


def _block_json(b: PrintedBlock) -> dict[str, Any]:
    return {
        "label": b.label,
        "indicator": b.indicator,
        "sentences": [s.model_dump(mode="json") for s in b.sentences],
    }


def evaluation_as_json(file: str, ev: Evaluation) -> dict[str, Any]:
    """The JSON of one evaluation. Editions with labelled blocks (2025) add ``dimensions`` — per dimension
    the printed outcomes in print order, the findings blocks and the «Sin hallazgos…» sentence when there
    are none — and ``assessments`` (the evaluator's assessments printed with the program's data)."""
    data: dict[str, Any] = {
        "file": file,
        "id": ev.submission_id,
        "edition": ev.edition,
        "methodology_hash": ev.methodology_hash,
        "outcomes": [_outcome_json(o) for o in ev.outcomes],
        "block": {d.value: lines for d, lines in ev.block.items()},
        "indicator_results": {str(n): text for n, text in ev.indicator_results.items()},
    }
    if ev.blocks:
        data["dimensions"] = {
            d.value: {
                "outcomes": [_outcome_json(o) for o in ev.outcomes if o.dimension is d and o.text],
                "findings": [_block_json(b) for b in blocks],
                "no_findings": None if blocks else ev.block[d][0],
            }
            for d, blocks in ev.blocks.items()
        }
        data["assessments"] = [_block_json(b) | {"dimension": b.dimension.value} for b in ev.assessments]
    return data


def _print_outcomes(file: str, ev: Evaluation) -> None:
    # Codes are what users search the docs for: never cut them; only the sentence may wrap.
    rows = [
        [
            o.dimension.label,
            o.code + (f" [{o.indicator}]" if o.indicator else ""),
            o.verdict.label,
            o.status.label if o.status else "",
            o.text,
        ]
        for o in ev.outcomes
    ]
    print_rows(
        f"{ev.submission_id} — edición {ev.edition} ({file})",
        ["Dimensión", "Código", "Resultado", "Estado", "Texto"],
        rows,
        wrap=(4,),
        caption=" · ".join(f"{d.value}: {' / '.join(lines)}" for d, lines in ev.block.items()),
    )


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
    edition: Annotated[
        int | None, typer.Option("--edition", help="Edición de la metodología (por defecto, la del archivo).")
    ] = None,
    history: Annotated[
        Path | None, typer.Option("--history", help="Directorio con los reportes de años anteriores.")
    ] = None,
    compare_with: Annotated[
        int | None, typer.Option("--compare", help="Muestra qué resultados cambian desde esta edición.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON.")] = False,
) -> None:
    """Aplica la metodología: hallazgos, estado (superado / no superado) y las frases de la ficha."""
    _check_editions({"--edition": edition, "--compare": compare_with})
    paths = collect_files(files)
    progress = not as_json and len(paths) > 1
    loaded, failed = read_all(paths, progress)
    past, history_failed = _history(history, progress)
    results: list[dict[str, Any]] = []
    for path, sub in loaded:
        try:
            earlier = _earlier(sub, past)
            if compare_with is not None:
                target = edition if edition is not None else sub.edition
                changes = compare(sub, compare_with, target, earlier)
                results.append(
                    {
                        "file": str(path),
                        "id": sub.id,
                        "from": compare_with,
                        "to": target,
                        "changes": [c.as_dict() for c in changes],
                    }
                )
                if not as_json:
                    _print_changes(str(path), sub.id, compare_with, target, [c.as_dict() for c in changes])
                continue
            ev = evaluate(sub, edition, earlier)
        except MethodologyError as exc:
            # The person's input file is what to fix (its edition), not the methodology file shipped with us.
            report_problems(Problem(str(path), p.path, p.code, p.message) for p in exc.problems)
            failed = True
            continue
        results.append(evaluation_as_json(str(path), ev))
        if not as_json:
            _print_outcomes(str(path), ev)
    if as_json:
        emit_json(results)
    if failed or history_failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def _check_editions(options: dict[str, int | None]) -> None:
    """An edition option with no methodology is bad usage: exit 2 before reading anything."""
    known = known_editions()
    bad = {name: value for name, value in options.items() if value is not None and value not in known}
    for name, value in bad.items():
        stderr.print(
            f"[bold red]error[/]: {name}: edición {value} desconocida (conocidas: "
            f"{', '.join(map(str, known))}) \\[methodology.E001]",
            highlight=False,
        )
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)


def _print_changes(file: str, sub_id: str, before: int, after: int, changes: list[dict[str, Any]]) -> None:
    rows = [
        [
            c["rule"] + (f" [{c['indicator']}]" if c["indicator"] else ""),
            *(f"{o['code']} {o['status'] or ''}".strip() if o else "—" for o in (c["before"], c["after"])),
        ]
        for c in changes
    ]
    print_rows(
        f"{sub_id}: edición {before} → {after} ({file})",
        ["Regla", f"{before}", f"{after}"],
        rows,
        caption="" if changes else "Sin cambios.",
    )


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate_command)
