"""Throughput of validate() and evaluate() on the seed fichas (plain script; run by `make bench`).

Prints the median time per submission over several rounds. The machine is shared: figures are noisy."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from monitoreo.io import read_submission
from monitoreo.methodology import evaluate, load_edition
from monitoreo.validation import validate

SEEDS = sorted((Path(__file__).resolve().parents[1] / "examples" / "seeds").glob("*.yaml"))


def _median_ms(function: object, rounds: int = 7, repeat: int = 50) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            function()  # type: ignore[operator]
        samples.append((time.perf_counter() - start) / repeat * 1000)
    return statistics.median(samples)


def main() -> None:
    subs = [read_submission(p) for p in SEEDS]
    for edition in (2020, 2023, 2025):
        load_edition(edition)
    for sub in subs:
        for edition in (2020, 2023, 2025):
            ms = _median_ms(lambda s=sub, e=edition: evaluate(s, e))
            print(f"evaluate {sub.id} @ {edition}: {ms:.2f} ms")
        print(f"validate {sub.id}: {_median_ms(lambda s=sub: validate(s)):.2f} ms")


if __name__ == "__main__":
    main()
