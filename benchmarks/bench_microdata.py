"""Beneficiary microdata benchmark: DuckDB path vs a straightforward pandas implementation.

Prints its figures. The synthetic records are generated ONCE into a cache outside the repository
(``$MONITOREO_BENCH_CACHE``, default /tmp/monitoreo-bench-cache); generation is not part of the timed
figure. ``BENCH_RECORDS`` (default 100_000_000) sets the size; pandas runs on a slice (``BENCH_PANDAS_RECORDS``,
default 1_000_000, to keep `make bench` short) and its time is extrapolated linearly to the full size (said in the output).
Prints the data used, the DuckDB settings, the wall time of each step of the engine, the peak RSS of the
process right after the DuckDB run (before pandas runs) and the load average before and after (the machine is
shared: a load above the core count means the figures are inflated).
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

from monitoreo.microdata import beneficiaries
from monitoreo.microdata.engine import DuckDBSettings
from monitoreo.microdata.synth import DEFAULT_YEARS, write_records

RECORDS = int(os.environ.get("BENCH_RECORDS", 100_000_000))
PANDAS_RECORDS = min(RECORDS, int(os.environ.get("BENCH_PANDAS_RECORDS", 1_000_000)))
PROGRAMS = 200
CACHE = Path(os.environ.get("MONITOREO_BENCH_CACHE", "/tmp/monitoreo-bench-cache"))


def cached(records: int) -> Path:
    path = CACHE / f"beneficiaries-{records}-{PROGRAMS}-seed1.parquet"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        write_records(path, records, PROGRAMS, seed=1)
        print(f"generated {records:,} records in {time.perf_counter() - t:.1f} s (not timed) -> {path}")
    return path


def pandas_baseline(path: Path) -> float:
    """The obvious pandas implementation: load, dedupe persons, groupby; overlaps by self-merge."""
    import pandas as pd

    t = time.perf_counter()
    df = pd.read_parquet(path)
    for column in ("program_id", "sex", "region", "new_or_carry_over"):  # dictionary columns → plain strings
        df[column] = df[column].astype(object)
    df["carry"] = df["new_or_carry_over"].astype(str).str.lower() == "arrastre"
    pp = (
        df.groupby(["program_id", "year", "person_id"], observed=True)
        .agg(
            sex=("sex", "min"),
            region=("region", "min"),
            pct=("rsh_percentile", "min"),
            carry=("carry", "max"),
        )
        .reset_index()
    )
    pp.groupby(["program_id", "year"], observed=True).agg(
        served=("person_id", "size"), carry=("carry", "sum")
    )
    for column in ("sex", "region", "pct"):
        pp.groupby(["program_id", "year", column], observed=True).size()
    slim = pp[["program_id", "year", "person_id"]]
    pairs = slim.merge(slim, on=["year", "person_id"])
    pairs = pairs[pairs["program_id_x"].astype(str) < pairs["program_id_y"].astype(str)]
    pairs.groupby(["year", "program_id_x", "program_id_y"], observed=True).size()
    return time.perf_counter() - t


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg()) + " (1/5/15 min)"


def main() -> None:
    settings = DuckDBSettings()
    print(
        f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} "
        f"GiB, shared with other engineers' work; load average before: {load()}"
    )
    full = cached(RECORDS)
    print(
        f"data: {full} = synth.write_records(records={RECORDS:,}, programs={PROGRAMS}, seed=1): years "
        f"{', '.join(map(str, DEFAULT_YEARS))}, person pool {RECORDS // 4:,} (records/4), Zipf-like program sizes"
    )
    print(
        f"duckdb settings: threads={settings.threads or os.cpu_count()}, memory_limit={settings.memory_limit}, "
        f"temp_directory=<fresh temp dir>, preserve_insertion_order=false, overlap slice ~{settings.slice_rows:,} "
        "persons"
    )
    t = time.perf_counter()
    result = beneficiaries([full], overlaps=True, settings=settings)
    duck = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"duckdb: {RECORDS:,} records, {len(result.programs)} program-years, {len(result.overlaps)} overlapping "
        f"pairs: {duck:.1f} s (goal <= 20 s); peak RSS {rss:,.0f} MB; load average after: {load()}"
    )
    for step, seconds in result.steps.items():
        print(f"  step {step:<10} {seconds:6.1f} s")
    sliced = cached(PANDAS_RECORDS)
    t = time.perf_counter()
    small = beneficiaries([sliced], overlaps=True)
    duck_small = time.perf_counter() - t
    pandas_small = pandas_baseline(sliced)
    scale = RECORDS / PANDAS_RECORDS
    print(
        f"duckdb on the {PANDAS_RECORDS:,}-record slice: {duck_small:.1f} s ({len(small.programs)} program-years)"
    )
    print(
        f"pandas on the {PANDAS_RECORDS:,}-record slice: {pandas_small:.1f} s; extrapolated LINEARLY to "
        f"{RECORDS:,}: {pandas_small * scale:.1f} s (not run at full size: memory/time)"
    )
    print(
        f"speed-up duckdb vs pandas: {pandas_small * scale / duck:.1f}x at full size (extrapolated), "
        f"{pandas_small / duck_small:.1f}x measured on the slice (goal >= 10x)"
    )
    print(f"load average at the end: {load()}")


if __name__ == "__main__":
    main()
