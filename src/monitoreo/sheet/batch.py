"""Batch rendering: many data files → ``DIR/<id>.pdf`` and ``DIR/<id>.html``, across processes.

Contract: ``render_batch(paths, out, formats, workers, progress=None) -> BatchResult``

* ``paths`` are data files (``.yaml``, ``.yml``, ``.json``) or folders (searched recursively for those).
* A broken input (unreadable, invalid, failing to render) is reported as ``Problem`` s (file + field +
  code) and skipped; every other file still renders. Nothing is half-written: each output is written to
  a temporary name in ``out`` and renamed into place.
* ``workers`` > 1 uses a ``ProcessPoolExecutor`` (spawned processes, ``RAYON_NUM_THREADS=1`` each, one
  Typst compiler per process, reused for every file); ``workers`` ≤ 1 renders in this process.
* When ``monitoreo.methodology.evaluate`` is importable, each ficha is rendered with its evaluation;
  if the evaluation fails the printed assessment is used and a warning is recorded.
* ``progress(outcome)`` is called once per input file, in completion order.
* Incremental: a file whose content, edition data, templates and fonts are unchanged since it was last
  rendered into ``out`` in the same formats, and whose outputs are untouched, is skipped
  (``FileOutcome.skipped``; ``sheet/manifest.py``); ``force=True`` renders every file.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.errors import InputError, MonitoreoError, Problem
from monitoreo.io import atomic
from monitoreo.io.files import data_files
from monitoreo.methodology import evaluate
from monitoreo.sheet.manifest import RenderManifest

FORMATS = ("pdf", "html")
#: On a rerun, below this many changed fichas, rendering in this process beats starting worker processes.
SPAWN_THRESHOLD = 24


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one input file."""

    file: str
    id: str | None = None
    outputs: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()
    skipped: bool = False  # unchanged since the last render into the same folder (``manifest``)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class BatchResult:
    """Outcome of a batch: one ``FileOutcome`` per input, in input order, and the wall time."""

    files: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rendered(self) -> list[FileOutcome]:
        return [f for f in self.files if f.ok]

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if not f.ok]

    @property
    def skipped(self) -> list[FileOutcome]:
        return [f for f in self.files if f.skipped]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Data files named by ``paths`` (folders expanded, sorted); missing paths become problems."""
    return data_files(paths, missing_code="render.E002")


def _evaluate(submission: Submission) -> tuple[Evaluation | None, str | None]:
    """The evaluation of ``submission``, or a note when its edition's methodology cannot evaluate it."""
    try:
        return evaluate(submission), None
    except MonitoreoError as exc:
        return None, f"evaluación no disponible ({exc}); se usan los textos impresos del archivo"


def render_file(file: str, out: str, formats: Sequence[str]) -> FileOutcome:
    """Read, evaluate, build and render one file; every failure becomes a ``Problem``."""
    from monitoreo.io import read_submission
    from monitoreo.sheet.build import build_sheet
    from monitoreo.sheet.html import render_html
    from monitoreo.sheet.pdf import render_pdf

    try:
        submission = read_submission(file)
    except InputError as exc:
        return FileOutcome(file=file, problems=tuple(exc.problems))
    evaluation, warning = _evaluate(submission)
    try:
        model = build_sheet(submission, evaluation)
        outputs = []
        for fmt in formats:
            target = Path(out) / f"{submission.id}.{fmt}"
            data = render_pdf(model) if fmt == "pdf" else render_html(model).encode("utf-8")
            atomic.write_bytes(target, data)
            outputs.append(str(target))
    except MonitoreoError as exc:
        code = getattr(exc, "code", "render.E001")
        return FileOutcome(file=file, id=submission.id, problems=(Problem(file, "", code, str(exc)),))
    return FileOutcome(
        file=file, id=submission.id, outputs=tuple(outputs), warnings=(warning,) if warning else ()
    )


def _init_worker() -> None:
    """Each worker: one rayon thread for Typst (processes give the parallelism), compiler built lazily."""
    os.environ["RAYON_NUM_THREADS"] = "1"


def _duplicates(outcomes: list[FileOutcome]) -> list[FileOutcome]:
    """Mark files whose id was already rendered from an earlier file (outputs would collide)."""
    seen: dict[str, str] = {}
    result = []
    for outcome in outcomes:
        key = outcome.id
        if outcome.ok and key is not None:
            if key in seen:
                problem = Problem(
                    outcome.file,
                    "id",
                    "render.E003",
                    f"id «{key}» repetido (también en {seen[key]}); su salida se sobrescribió",
                )
                outcome = FileOutcome(file=outcome.file, id=key, problems=(problem,))
            else:
                seen[key] = outcome.file
        result.append(outcome)
    return result


def _unchanged(
    names: list[str],
    keys: dict[str, str | None],
    manifest: RenderManifest,
    formats: tuple[str, ...],
    force: bool,
    by_file: dict[str, FileOutcome],
    progress: Callable[[FileOutcome], Any] | None,
) -> list[str]:
    """Record the files the manifest says are current as skipped; return the ones to render."""
    todo = []
    for name in names:
        key = keys[name]
        entry = None if force or key is None else manifest.current(name, key, formats)
        if entry is None:
            todo.append(name)
            continue
        by_file[name] = FileOutcome(
            file=name, id=entry["id"], outputs=tuple(o["path"] for o in entry["outputs"]), skipped=True
        )
        if progress:
            progress(by_file[name])
    return todo


def _render_all(
    todo: list[str],
    out_dir: Path,
    formats: tuple[str, ...],
    workers: int,
    by_file: dict[str, FileOutcome],
    progress: Callable[[FileOutcome], Any] | None,
    rerun: bool,
) -> None:
    """Render ``todo`` here or across worker processes."""
    # On a rerun, a few changed fichas render here: starting worker processes costs more than rendering them.
    if workers <= 1 or len(todo) <= 1 or (rerun and len(todo) < SPAWN_THRESHOLD):
        for name in todo:
            by_file[name] = render_file(name, str(out_dir), formats)
            if progress:
                progress(by_file[name])
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker) as pool:
        futures = {pool.submit(render_file, name, str(out_dir), formats): name for name in todo}
        for future in as_completed(futures):
            by_file[futures[future]] = future.result()
            if progress:
                progress(by_file[futures[future]])


def render_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    formats: Sequence[str] = FORMATS,
    workers: int = 1,
    progress: Callable[[FileOutcome], Any] | None = None,
    force: bool = False,
) -> BatchResult:
    """Render every data file under ``paths`` into ``out`` (see module docstring)."""
    started = time.perf_counter()
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"formatos desconocidos: {', '.join(unknown)}")
    files, missing = collect_inputs(paths)
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, FileOutcome] = {p.file: FileOutcome(p.file, problems=(p,)) for p in missing}
    for outcome in by_file.values():
        if progress:
            progress(outcome)
    names = [str(f) for f in files]
    manifest = RenderManifest.load(out_dir)
    keys = {name: RenderManifest.key(name) for name in names}
    todo = _unchanged(names, keys, manifest, tuple(formats), force, by_file, progress)
    _render_all(todo, out_dir, tuple(formats), workers, by_file, progress, rerun=len(todo) < len(names))
    for name in todo:
        done, key = by_file[name], keys[name]
        if done.ok and not done.warnings and key is not None:
            manifest.record(name, key, tuple(formats), done.id, done.outputs)
        else:  # a failed or degraded render is never taken as current
            manifest.entries.pop(os.path.abspath(name), None)
    manifest.save()
    ordered = [by_file[p.file] for p in missing] + [by_file[n] for n in names]
    return BatchResult(files=_duplicates(ordered), seconds=time.perf_counter() - started)
