"""Import many fichas, in worker processes when asked (the PDF path spends most of its time in
PDFium's per-character calls, so two processes on two cores nearly double the throughput; see ``docs/ficha-import.md``).

Contract: ``import_fichas(paths, workers)`` yields ``(path, ImportResult)`` in the order of ``paths``; one
broken file never stops the others (``import_ficha`` never raises for bad files)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from monitoreo.ingest.api import import_ficha
from monitoreo.ingest.issues import ImportIssue, ImportResult


def import_fichas(paths: Sequence[Path], workers: int = 1) -> Iterator[tuple[Path, ImportResult]]:
    """``import_ficha`` of each path, with ``workers`` processes when ``workers > 1`` and there is more than
    one file."""
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield path, import_one(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(paths, pool.map(import_one, paths, chunksize=4), strict=True)


def import_one(path: Path) -> ImportResult:
    """``import_ficha``, with any failure it did not foresee turned into ``import.E009`` for this file only:
    a batch of a thousand fichas must not stop at the first one that trips a parser bug."""
    try:
        return import_ficha(path)
    except Exception as exc:  # noqa: BLE001 - the batch contract: one broken file never stops the others
        issue = ImportIssue("import.E009", "", f"error interno al leer la ficha ({type(exc).__name__})")
        return ImportResult(None, (issue,), {"source": str(path)})
