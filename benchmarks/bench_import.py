"""Ficha import throughput: fichas/s from text and from PDF (``make bench``). Goals: ≥ 200/s from text,
≥ 40/s from PDF, on the 2-core development machine (shared: figures are noisy while others work).

Corpus: the two seed texts, plus 40 synthetic fichas (editions 2020, 2023, 2025) rendered to PDF once."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from monitoreo.ingest import import_ficha, parse_ficha_text
from monitoreo.ingest.batch import import_fichas
from monitoreo.ingest.pdf_text import extract_text
from monitoreo.sheet import build_sheet
from monitoreo.sheet.pdf import render_pdf
from monitoreo.synth import generate

ROOT = Path(__file__).resolve().parents[1]
PER_EDITION = 14


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = []
        for edition in (2020, 2023, 2025):
            for sub in generate(PER_EDITION, seed=3, edition=edition):
                path = Path(tmp) / f"{sub.id}-{edition}.pdf"
                path.write_bytes(render_pdf(build_sheet(sub)))
                pdfs.append(path)
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/golden/fichas").glob("*.txt"))]
        texts += [extract_text(p.read_bytes()).text for p in pdfs]

        text_runs = []
        for _ in range(5):
            start = time.perf_counter()
            results = [parse_ficha_text(t) for t in texts]
            text_runs.append(_rate(len(texts), time.perf_counter() - start))
        assert all(r.ok for r in results), [str(i) for r in results for i in r.issues if i.is_error]

        pdf_runs = []
        for _ in range(3):
            start = time.perf_counter()
            results = [import_ficha(p) for p in pdfs]
            pdf_runs.append(_rate(len(pdfs), time.perf_counter() - start))
        assert all(r.ok for r in results)
        start = time.perf_counter()
        parallel = list(import_fichas(pdfs, workers=2))
        two = _rate(len(parallel), time.perf_counter() - start)
        assert all(r.ok for _, r in parallel)
    text_rate, pdf_rate = statistics.median(text_runs), statistics.median(pdf_runs)
    print(
        f"import from text: {text_rate:7.1f} fichas/s (median of 5 runs over {len(texts)} fichas; goal 200)"
    )
    print(
        f"import from PDF:  {pdf_rate:7.1f} fichas/s (median of 3 runs over {len(pdfs)} fichas, one process; "
        "goal 40)"
    )
    print(
        f"import from PDF:  {two:7.1f} fichas/s (2 worker processes, as `monitoreo import` runs by default)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
