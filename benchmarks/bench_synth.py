"""Synthetic portfolio throughput: generate 1000 programs (pure), then generate + write 1000 data files.

Run: ``.venv/bin/python benchmarks/bench_synth.py [N]``. Prints programs per second. Figures are noisy on
a shared machine; compare runs on an idle one."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from monitoreo.synth import generate, write_portfolio
from monitoreo.synth.catalog import load_catalog


def main(n: int = 1000) -> None:
    load_catalog()  # load the vocabulary once, outside the timings
    start = time.perf_counter()
    count = sum(1 for _ in generate(n, seed=2023))
    generated = time.perf_counter() - start
    print(f"generate: {count} programs in {generated:.2f} s = {count / generated:,.0f} programs/s")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        paths = write_portfolio(Path(tmp), n, seed=2023)
        written = time.perf_counter() - start
        size = sum(p.stat().st_size for p in paths)
    print(
        f"generate + write: {len(paths)} files in {written:.2f} s = {len(paths) / written:,.0f} programs/s "
        f"({size / len(paths) / 1024:.1f} KiB per file)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
