"""Import many fichas, in worker processes when asked (the PDF path spends most of its time in
PDFium's per-character calls, so two processes on two cores nearly double the throughput; see ``docs/ficha-import.md``).

Contract: ``import_fichas(paths, workers)`` yields ``(path, ImportResult)`` in the order of ``paths``; one
broken file never stops the others (``import_ficha`` never raises for bad files)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from monitoreo.ingest.api import import_ficha
from monitoreo.ingest.issues import ImportResult


def import_fichas(paths: Sequence[Path], workers: int = 1) -> Iterator[tuple[Path, ImportResult]]:
    """``import_ficha`` of each path, with ``workers`` processes when ``workers > 1`` and there is more than
    one file."""
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield path, import_ficha(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(paths, pool.map(import_ficha, paths, chunksize=4), strict=True)
