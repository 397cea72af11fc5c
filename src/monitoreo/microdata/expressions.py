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

Every aggregate below is small (per program-year, per sex, region or percentile) except ``persons`` (one row
per served person) and the overlap join, which the engine evaluates lazily (DuckDB spills to disk).
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from monitoreo import reference

KEYS = ("program_id", "year")


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
    """Plain-Python twin of the region normalisation (for small data and the reference)."""
    if value is None:
        return None
    text = str(value).strip().lower()
    return region_mapping().get(text, text)


def persons(records: ir.Table) -> ir.Table:
    """One row per (program, year, person) with the person's attributes (see module doc)."""
    region_text = records.region.cast("string").strip().lower()
    region_key = region_text.substitute(region_mapping(), else_=region_text)
    carry = ibis.ifelse(records.new_or_carry_over.cast("string").lower() == "arrastre", 1, 0)
    t = records.mutate(
        program_id=records.program_id.cast("string"), year=records.year.cast("int32"),
        _sex=records.sex.cast("string"), _region=region_key,
        _pct=records.rsh_percentile.cast("int32"), _carry=carry,
    )
    return t.group_by(["program_id", "year", "person_id"]).aggregate(
        sex=t._sex.min(), region=t._region.min(), pct=t._pct.min(), carry=t._carry.max(),
    )


def served(pp: ir.Table) -> ir.Table:
    """Per program-year: served persons, carry-over persons and persons with an RSH percentile."""
    return pp.group_by(list(KEYS)).aggregate(
        served=pp.count(), carry_over=pp.carry.sum(), with_rsh=pp.pct.count(),
    )


def by_column(pp: ir.Table, column: str) -> ir.Table:
    """Per program-year and value of ``column`` (sex, region or pct): served persons."""
    return pp.group_by([*KEYS, column]).aggregate(persons=pp.count())


def overlaps(pp: ir.Table) -> ir.Table:
    """Per year and program pair (a < b): persons served by both."""
    slim = pp.select("program_id", "year", "person_id")
    a = slim.rename(program_a="program_id")
    b = slim.rename(program_b="program_id")
    joined = a.join(b, [a.year == b.year, a.person_id == b.person_id, a.program_a < b.program_b])
    return joined.group_by(["year", "program_a", "program_b"]).aggregate(shared=joined.count())
