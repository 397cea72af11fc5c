"""The beneficiary computations as Ibis expressions, written once and run on DuckDB or Spark.

Definitions (the contract the slow reference in ``tests/microdata/reference.py`` also implements):

* A **served person** of program *p* in year *y* is a distinct ``person_id`` with at least one record of
  (*p*, *y*). Several records of the same person (several benefits) count once.
* The person's **attributes** in (*p*, *y*) are taken over their records of (*p*, *y*): sex = the smallest
  non-null value (``F`` < ``M``); region = the smallest non-null normalised region key (a CUT code such as
  ``07`` or ``7`` is turned into the key ``maule``; an unknown spelling is kept as written); RSH percentile =
  the smallest non-null percentile (the most vulnerable record counts); carry-over = at least one record
  says ``arrastre`` (case-insensitive), otherwise new. Null sex / region count as ``S/I``.
* **Targeting**: persons with a percentile above the program's cut-off (``pct > cutoff``) over persons with
  a percentile; persons without one are reported apart (``without_rsh``).
* **Overlaps**: for each year and unordered pair of programs (a < b), the number of persons served by both.

How (for speed, same numbers): the few distinct values of ``program_id``, ``sex``, ``region`` and
``new_or_carry_over`` are read once (``distinct``) and turned in Python into small integer **codes**
(``Codes``) whose order is the order of the normalised values, so ``min(code)`` picks the same value as
``min(value)``; the records are joined to those tiny code tables (a hash join per record, no string work per
record) and every per-person aggregate runs on integers. ``persons`` is the only large result (one row per
program/year/person); ``breakdown`` folds served, carry-over, RSH and targeting into ONE pass per
(program, year, sex, region); ``overlaps`` self-joins persons and can be run on a slice of the persons
(``person_slice``) so that each join is small (the engine adds the slices up: every person is in one slice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from monitoreo import reference

KEYS = ("pi", "year")


def region_mapping() -> dict[str, str]:
    """Every accepted spelling of a region (key, CUT with and without zero) → region key."""
    mapping: dict[str, str] = {}
    for region in reference.regions():
        mapping[region.key] = region.key
        if region.cut is not None:
            mapping[region.cut] = region.key
            mapping[str(int(region.cut))] = region.key
    return mapping


def normalise_region(value: Any) -> str | None:
    """Plain-Python region normalisation: applied once per distinct spelling (and by the reference)."""
    if value is None:
        return None
    text = str(value).strip().lower()
    return region_mapping().get(text, text)


def is_carry_over(value: Any) -> bool:
    return value is not None and str(value).lower() == "arrastre"


def code_type(n: int) -> pa.DataType:
    """The narrowest integer type for ``n`` codes (narrow keys: a smaller persons table and hash tables)."""
    return pa.int16() if n < 2**15 else pa.int32()


@dataclass(frozen=True)
class Codes:
    """Integer codes for the distinct raw values of one column: ``raw`` → code, ``values[code]`` = the
    normalised value. Codes follow the order of the normalised values (``min`` over codes = ``min`` over
    values); spellings that normalise to the same value share a code."""

    raw: dict[str, int]
    values: tuple[str, ...]

    @classmethod
    def build(cls, raw_values: Iterable[Any], normalise: Callable[[Any], str | None] = str) -> Codes:
        normalised = {str(v): normalise(v) for v in raw_values if v is not None}
        values = tuple(sorted({n for n in normalised.values() if n is not None}))
        index = {v: i for i, v in enumerate(values)}
        return cls({r: index[n] for r, n in normalised.items() if n is not None}, values)

    def table(self, name: str) -> pa.Table:
        """A tiny table ``{name}_raw, {name}_code`` to join the records with (the engine registers it)."""
        raw = sorted(self.raw)
        return pa.table(
            {
                f"{name}_raw": pa.array(raw, pa.string()),
                f"{name}_code": pa.array([self.raw[r] for r in raw], code_type(len(self.values))),
            }
        )


def flags_table(raw_values: Iterable[Any], name: str, flag: Callable[[Any], bool]) -> pa.Table:
    """A tiny table ``{name}_raw, {name}_code`` with code 1 where ``flag(raw)`` holds, else 0."""
    raw = sorted({str(v) for v in raw_values if v is not None})
    return pa.table(
        {
            f"{name}_raw": pa.array(raw, pa.string()),
            f"{name}_code": pa.array([int(flag(r)) for r in raw], pa.int8()),
        }
    )


def programs_table(programs: Codes, cutoffs: Mapping[str, int] | None) -> pa.Table:
    """Program code table: ``program_raw, program_code`` plus the cut-off of each program (null: none)."""
    raw = sorted(programs.raw)
    return pa.table(
        {
            "program_raw": pa.array(raw, pa.string()),
            "program_code": pa.array([programs.raw[r] for r in raw], code_type(len(programs.values))),
            "cutoff": pa.array([(cutoffs or {}).get(r) for r in raw], pa.int32()),
        }
    )


def distinct(records: ir.Table, column: str) -> ir.Table:
    """The distinct values of one (low-cardinality) column, as strings."""
    return records.select(value=records[column].cast("string")).distinct()


def coded(
    records: ir.Table, programs: ir.Table, sexes: ir.Table, regions: ir.Table, carries: ir.Table
) -> ir.Table:
    """The records with integer codes: ``pi, year, person_id, sex, region, pct, carry`` (joins to the tiny
    code tables; an unknown or null raw value gets a null code, i.e. ``S/I`` / new)."""
    t = records.join(programs, records.program_id == programs.program_raw)
    t = t.left_join(sexes, t.sex == sexes.sex_raw)
    t = t.left_join(regions, t.region == regions.region_raw)
    t = t.left_join(carries, t.new_or_carry_over == carries.carry_raw)
    return t.select(
        pi=t.program_code,
        year=t.year.cast("int16"),
        person_id=t.person_id,
        sex=t.sex_code,
        region=t.region_code,
        pct=t.rsh_percentile,
        carry=t.carry_code,
    )


def persons(codes: ir.Table) -> ir.Table:
    """One row per (program code, year, person) with the person's attribute codes (see module doc)."""
    return codes.group_by(["pi", "year", "person_id"]).aggregate(
        sex=codes.sex.min(),
        region=codes.region.min(),
        pct=codes.pct.min(),
        carry=codes.carry.max(),
    )


def breakdown(pp: ir.Table, programs: ir.Table) -> ir.Table:
    """Per (program code, year, sex code, region code): persons, carry-over persons, persons with an RSH
    percentile and persons above the program's cut-off, in one pass (the per-program-year totals, the sex
    and the region breakdowns are sums of these rows)."""
    cut = programs.select(pi=programs.program_code, cutoff=programs.cutoff)
    t = pp.join(cut, "pi")
    return t.group_by([*KEYS, "sex", "region"]).aggregate(
        persons=t.count(),
        carry_over=ibis.ifelse(t.carry == 1, 1, 0).sum(),
        with_rsh=t.pct.count(),
        above=ibis.ifelse(t.pct > t.cutoff, 1, 0).sum(),
    )


def person_slice(pp: ir.Table, slices: int, index: int, bounds: tuple[int, int] | None = None) -> ir.Table:
    """The persons in slice ``index`` of ``slices`` (every person is in exactly one slice): with integer
    ``bounds`` (min, max person_id) equal-width ranges of ``person_id`` (a cheap comparison), otherwise a hash
    of the id."""
    if slices == 1:
        return pp
    if bounds is not None and not pp.person_id.type().is_string():
        low, high = bounds
        width = (high - low) // slices + 1
        start = low + index * width
        return pp.filter(pp.person_id >= start, pp.person_id < start + width)
    key = pp.person_id.hash() if pp.person_id.type().is_string() else pp.person_id
    return pp.filter(((key % slices) + slices) % slices == index)


def overlaps(pp: ir.Table) -> ir.Table:
    """Per year and program-code pair (a < b): persons served by both."""
    a = pp.select(pa=pp.pi, year=pp.year, person_id=pp.person_id)
    b = pp.select(pb=pp.pi, year_b=pp.year, person_b=pp.person_id)
    joined = a.join(b, [a.year == b.year_b, a.person_id == b.person_b, a.pa < b.pb])
    return joined.group_by(["year", "pa", "pb"]).aggregate(shared=joined.count())
