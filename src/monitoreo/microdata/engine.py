"""Run the beneficiary expressions (``expressions``) on DuckDB (default, one machine) or Spark (local or a
cluster, through Ibis), and assemble the per program-year results the ficha prints.

Contract of ``beneficiaries(files, engine="duckdb", cutoffs=None) -> MicrodataResult``: reads every file
(Parquet or CSV with the columns ``RECORD_COLUMNS``), never loads the records into Python, and returns one
``ProgramYear`` per (program, year) present plus the overlaps. A file that cannot be read or lacks a column
raises ``MicrodataError`` naming the file and the column. Both engines run the same expressions and give
the same numbers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import ibis
import ibis.expr.types as ir

from monitoreo.errors import MonitoreoError
from monitoreo.microdata import expressions as ex

Engine = Literal["duckdb", "spark"]
RECORD_COLUMNS = ("program_id", "year", "person_id", "sex", "region", "rsh_percentile", "new_or_carry_over")
NO_VALUE = "S/I"


class MicrodataError(MonitoreoError):
    """A beneficiary file cannot be used (unreadable, wrong format, missing column)."""

    code = "microdata.E001"


@dataclass(frozen=True)
class ProgramYear:
    """What the unit computes for one program and year from its beneficiary records."""

    program_id: str
    year: int
    served: int
    new: int
    carry_over: int
    by_sex: dict[str, int]
    by_region: dict[str, int]
    with_rsh: int
    without_rsh: int
    cutoff: int | None = None
    above_cutoff: int | None = None

    def share(self, part: int | None, whole: int) -> float | None:
        return None if part is None or whole == 0 else part / whole

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["sex_shares"] = {k: v / self.served for k, v in self.by_sex.items()}
        out["region_shares"] = {k: v / self.served for k, v in self.by_region.items()}
        out["carry_over_share"] = self.share(self.carry_over, self.served)
        out["share_above_cutoff"] = self.share(self.above_cutoff, self.with_rsh)
        return out


@dataclass(frozen=True)
class Overlap:
    year: int
    program_a: str
    program_b: str
    shared: int


@dataclass(frozen=True)
class MicrodataResult:
    programs: list[ProgramYear]
    overlaps: list[Overlap] = field(default_factory=list)
    engine: str = "duckdb"

    def as_dict(self) -> dict[str, Any]:
        served = {(p.program_id, p.year): p.served for p in self.programs}
        return {
            "engine": self.engine,
            "programs": [p.as_dict() for p in self.programs],
            "overlaps": [asdict(o) | {
                "share_of_a": o.shared / served[(o.program_a, o.year)],
                "share_of_b": o.shared / served[(o.program_b, o.year)],
            } for o in self.overlaps],
        }


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix in (".csv", ".txt"):
        return "csv"
    raise MicrodataError(f"{path}: formato no reconocido (se espera .parquet o .csv)")


def _read(con: Any, files: Sequence[Path], engine: Engine) -> ir.Table:
    tables = []
    for path in files:
        if not path.is_file():
            raise MicrodataError(f"{path}: no existe el archivo")
        kind = _kind(path)
        try:
            if kind == "parquet":
                table = con.read_parquet(str(path))
            elif engine == "spark":
                table = con.read_csv(str(path), header=True, inferSchema=True)
            else:
                table = con.read_csv(str(path), types={"program_id": "VARCHAR", "region": "VARCHAR"})
        except Exception as exc:  # the engines raise their own types; report them uniformly
            raise MicrodataError(f"{path}: no se puede leer como {kind} ({type(exc).__name__})") from None
        missing = [c for c in RECORD_COLUMNS if c not in table.columns]
        if missing:
            raise MicrodataError(f"{path}: falta la columna «{missing[0]}» (columnas requeridas: "
                                 f"{', '.join(RECORD_COLUMNS)})")
        tables.append(table.select(*RECORD_COLUMNS).mutate(
            program_id=table.program_id.cast("string"), year=table.year.cast("int32"),
            person_id=table.person_id.cast("string") if table.person_id.type().is_string()
            else table.person_id.cast("int64"),
            sex=table.sex.cast("string"), region=table.region.cast("string"),
            rsh_percentile=table.rsh_percentile.cast("int32"),
            new_or_carry_over=table.new_or_carry_over.cast("string"),
        ))
    if not tables:
        raise MicrodataError("no se indicaron archivos de registros")
    return tables[0] if len(tables) == 1 else ibis.union(*tables)


@contextmanager
def connection(engine: Engine, threads: int | None = None) -> Iterator[Any]:
    """An Ibis connection: in-memory DuckDB, or a local Spark session (``local[threads or 1]``, no UI)."""
    if engine == "duckdb":
        con = ibis.duckdb.connect(**({"threads": threads} if threads else {}))
        con.raw_sql("SET enable_progress_bar = false")
        try:
            yield con
        finally:
            con.disconnect()
        return
    from monitoreo.microdata.spark import local_session, stop_session

    session = local_session(threads or 1)
    try:
        yield ibis.pyspark.connect(session)
    finally:
        stop_session(session)


def materialize(con: Any, expr: ir.Table, name: str, engine: Engine) -> ir.Table:
    """Compute ``expr`` once into a session-scoped table (DuckDB temp table, Spark cached view) that the
    following queries read; it disappears with the connection."""
    sql = con.compile(expr)
    if engine == "duckdb":
        con.raw_sql(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")
    else:
        con.raw_sql(f"CACHE TABLE {name} AS {sql}")
    table: ir.Table = con.table(name)
    return table


def _fetch(con: Any, engine: Engine) -> Any:
    """A function expression → list of row dicts; Spark rows are collected directly (no pandas on the way)."""
    def rows(expr: ir.Table) -> list[dict[str, Any]]:
        if engine == "spark":
            return [r.asDict() for r in con._session.sql(con.compile(expr)).collect()]
        out: list[dict[str, Any]] = expr.to_pyarrow().to_pylist()
        return out
    return rows


def _assemble(
    served: list[dict[str, Any]], sexes: list[dict[str, Any]], regions: list[dict[str, Any]],
    pcts: list[dict[str, Any]], cutoffs: Mapping[str, int] | None,
) -> list[ProgramYear]:
    by_sex: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
    for r in sexes:
        by_sex[(r["program_id"], r["year"])][r["sex"] or NO_VALUE] = r["persons"]
    by_region: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
    for r in regions:
        by_region[(r["program_id"], r["year"])][r["region"] or NO_VALUE] = r["persons"]
    above: dict[tuple[str, int], int] = defaultdict(int)
    for r in pcts:
        cutoff = (cutoffs or {}).get(r["program_id"])
        if cutoff is not None and r["pct"] is not None and r["pct"] > cutoff:
            above[(r["program_id"], r["year"])] += r["persons"]
    out = []
    for r in sorted(served, key=lambda r: (r["program_id"], r["year"])):
        key = (r["program_id"], r["year"])
        cutoff = (cutoffs or {}).get(r["program_id"])
        out.append(ProgramYear(
            program_id=key[0], year=key[1], served=r["served"], new=r["served"] - r["carry_over"],
            carry_over=r["carry_over"], by_sex=dict(sorted(by_sex[key].items())),
            by_region=dict(sorted(by_region[key].items())), with_rsh=r["with_rsh"],
            without_rsh=r["served"] - r["with_rsh"], cutoff=cutoff,
            above_cutoff=above[key] if cutoff is not None else None,
        ))
    return out


def beneficiaries(
    files: Sequence[str | Path], engine: Engine = "duckdb", cutoffs: Mapping[str, int] | None = None,
    overlaps: bool = True, threads: int | None = None,
) -> MicrodataResult:
    """Served persons, breakdowns, targeting and overlaps per program and year (see module doc)."""
    paths = [Path(f) for f in files]
    with connection(engine, threads) as con:
        records = _read(con, paths, engine)
        pp = materialize(con, ex.persons(records), "monitoreo_persons", engine)
        _rows = _fetch(con, engine)
        served = _rows(ex.served(pp))
        sexes = _rows(ex.by_column(pp, "sex"))
        regions = _rows(ex.by_column(pp, "region"))
        pcts = _rows(ex.by_column(pp, "pct"))
        pairs = _rows(ex.overlaps(pp)) if overlaps else []
    programs = _assemble(served, sexes, regions, pcts, cutoffs)
    return MicrodataResult(
        programs=programs,
        overlaps=sorted((Overlap(r["year"], r["program_a"], r["program_b"], r["shared"]) for r in pairs),
                        key=lambda o: (o.year, o.program_a, o.program_b)),
        engine=engine,
    )
