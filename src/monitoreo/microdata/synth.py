"""Synthetic beneficiary records of any size, written to Parquet in chunks (bounded memory).

Contract: ``write_records(path, records, programs, seed)`` writes exactly ``records`` rows with the columns
of ``monitoreo.microdata.schema.RECORD_COLUMNS`` and returns the row count. The same arguments give the
same file. Memory is bounded by ``chunk`` rows whatever ``records`` is. The shape is plausible, not real:
program sizes follow a skewed (Zipf-like) law, persons come from a pool (``persons``, default a quarter of
the records) so that people repeat within a program (several benefits) and across programs (overlaps), a
person's sex and RSH percentile are functions of the person (stable across records), regions are CUT codes
(as the RSH writes them) and about 5 % of the persons have no RSH percentile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from monitoreo import reference
from monitoreo.io import atomic

DEFAULT_YEARS = (2021, 2022, 2023)
CHUNK = 2_000_000


def program_ids(programs: int) -> list[str]:
    """Synthetic program ids (``prog-0001``…), as the bundle's ``program_id`` would be."""
    return [f"prog-{i:04d}" for i in range(1, programs + 1)]


def _cuts() -> list[str]:
    return [r.cut for r in reference.regions() if r.cut is not None]


def _person_attributes(person: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sex code (0 F, 1 M), region index and RSH percentile (-1 = none) as hash functions of the person."""
    h = (person.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(seed)) >> np.uint64(11)
    sex = (h & np.uint64(1)).astype(np.int8)
    region = ((h >> np.uint64(1)) % np.uint64(16)).astype(np.int8)
    pct_raw = ((h >> np.uint64(8)) % np.uint64(105)).astype(np.int16)
    pct = np.where(pct_raw >= 100, np.int16(-1), pct_raw + np.int16(1))  # 1..100, ~5 % none
    return sex, region, pct


def chunks(
    records: int,
    programs: int,
    seed: int = 0,
    persons: int | None = None,
    years: tuple[int, ...] = DEFAULT_YEARS,
    chunk: int = CHUNK,
) -> Iterator[pa.RecordBatch]:
    """The records as Arrow batches of at most ``chunk`` rows."""
    if records < 0 or programs < 1:
        raise ValueError("records debe ser ≥ 0 y programs ≥ 1")
    pool = max(1, persons if persons is not None else records // 4)
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, programs + 1) ** 0.8
    weights /= weights.sum()
    program_dict = pa.array(program_ids(programs))
    sex_dict, carry_dict = pa.array(["F", "M"]), pa.array(["nuevo", "arrastre"])
    region_dict = pa.array(_cuts())
    year_values = np.array(years, dtype=np.int16)
    done = 0
    while done < records:
        n = min(chunk, records - done)
        program = rng.choice(programs, size=n, p=weights).astype(np.int32)
        person = rng.integers(1, pool + 1, size=n, dtype=np.int64)
        sex, region, pct = _person_attributes(person, seed)
        carry = (rng.random(n) < 0.35).astype(np.int8)
        pct_array = pa.array(pct, mask=pct < 0)
        yield pa.RecordBatch.from_arrays(
            [
                pa.DictionaryArray.from_arrays(pa.array(program), program_dict),
                pa.array(year_values[rng.integers(0, len(years), size=n)]),
                pa.array(person),
                pa.DictionaryArray.from_arrays(pa.array(sex.astype(np.int32)), sex_dict),
                pa.DictionaryArray.from_arrays(pa.array(region.astype(np.int32)), region_dict),
                pct_array,
                pa.DictionaryArray.from_arrays(pa.array(carry.astype(np.int32)), carry_dict),
            ],
            names=["program_id", "year", "person_id", "sex", "region", "rsh_percentile", "new_or_carry_over"],
        )
        done += n


def write_records(
    path: str | Path,
    records: int,
    programs: int,
    seed: int = 0,
    persons: int | None = None,
    years: tuple[int, ...] = DEFAULT_YEARS,
    chunk: int = CHUNK,
    on_chunk: Callable[[int], None] | None = None,
) -> int:
    """Write the records to ``path`` (Parquet, zstd) atomically; returns the number of rows written."""
    written = 0
    writer: pq.ParquetWriter | None = None
    with atomic.replacing(Path(path)) as tmp:
        try:
            for batch in chunks(records, programs, seed, persons, years, chunk):
                if writer is None:
                    writer = pq.ParquetWriter(tmp, batch.schema, compression="zstd")
                writer.write_batch(batch, row_group_size=1_000_000)
                written += batch.num_rows
                if on_chunk is not None:
                    on_chunk(batch.num_rows)
            if writer is None:  # zero records: an empty file with the schema
                empty = next(chunks(1, programs, seed, persons, years, chunk)).slice(0, 0)
                writer = pq.ParquetWriter(tmp, empty.schema, compression="zstd")
                writer.write_batch(empty)
        finally:
            if writer is not None:
                writer.close()
    return written
