"""Beneficiary microdata benchmark: DuckDB path vs a straightforward pandas implementation.

Prints its figures. The synthetic records are generated ONCE into a cache outside the repository
(``$MONITOREO_BENCH_CACHE``, default /tmp/monitoreo-bench-cache); generation is not part of the timed
figure. ``BENCH_RECORDS`` (default 100_000_000) sets the size; pandas runs on a slice (``BENCH_PANDAS_RECORDS``,
default 1_000_000, to keep `make bench` short) and its time is extrapolated linearly to the full size (said in the output).
Peak RSS is the process's maximum resident set (DuckDB memory limit set to 8 GB, spilling to disk beyond).
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

from monitoreo.microdata import beneficiaries
from monitoreo.microdata.synth import write_records

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
    pp = df.groupby(["program_id", "year", "person_id"], observed=True).agg(
        sex=("sex", "min"), region=("region", "min"), pct=("rsh_percentile", "min"), carry=("carry", "max"),
    ).reset_index()
    pp.groupby(["program_id", "year"], observed=True).agg(served=("person_id", "size"), carry=("carry", "sum"))
    for column in ("sex", "region", "pct"):
        pp.groupby(["program_id", "year", column], observed=True).size()
    slim = pp[["program_id", "year", "person_id"]]
    pairs = slim.merge(slim, on=["year", "person_id"])
    pairs = pairs[pairs["program_id_x"].astype(str) < pairs["program_id_y"].astype(str)]
    pairs.groupby(["year", "program_id_x", "program_id_y"], observed=True).size()
    return time.perf_counter() - t


def main() -> None:
    print(f"machine: {os.cpu_count()} cores, shared with other engineers' work (figures are noisy); "
          f"load average {os.getloadavg()[0]:.1f}")
    full = cached(RECORDS)
    t = time.perf_counter()
    result = beneficiaries([full], overlaps=True)
    duck = time.perf_counter() - t
    print(f"duckdb: {RECORDS:,} records, {len(result.programs)} program-years, {len(result.overlaps)} overlapping "
          f"pairs: {duck:.1f} s (goal <= 20 s)")
    sliced = cached(PANDAS_RECORDS)
    t = time.perf_counter()
    small = beneficiaries([sliced], overlaps=True)
    duck_small = time.perf_counter() - t
    pandas_small = pandas_baseline(sliced)
    scale = RECORDS / PANDAS_RECORDS
    print(f"duckdb on the {PANDAS_RECORDS:,}-record slice: {duck_small:.1f} s ({len(small.programs)} program-years)")
    print(f"pandas on the {PANDAS_RECORDS:,}-record slice: {pandas_small:.1f} s; extrapolated LINEARLY to "
          f"{RECORDS:,}: {pandas_small * scale:.1f} s (not run at full size: memory/time)")
    print(f"speed-up duckdb vs pandas: {pandas_small * scale / duck:.1f}x at full size (extrapolated), "
          f"{pandas_small / duck_small:.1f}x measured on the slice (goal >= 10x)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
