"""Run the beneficiary expressions (``expressions``) on DuckDB (default, one machine) or Spark (local or a
cluster, through Ibis), and assemble the per program-year results the ficha prints.

Contract of ``beneficiaries(files, engine="duckdb", cutoffs=None) -> MicrodataResult``: reads every file
(Parquet or CSV with the columns ``RECORD_COLUMNS``), never loads the records into Python, and returns one
``ProgramYear`` per (program, year) present plus the overlaps. A file that cannot be read or lacks a column
raises ``MicrodataError`` naming the file and the column. Both engines run the same expressions and give
the same numbers."""

from __future__ import annotations

import csv
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import ibis
import ibis.expr.types as ir
import pyarrow as pa

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
    steps: dict[str, float] = field(default_factory=dict, compare=False)  # wall seconds per step (bench)

    def as_dict(self) -> dict[str, Any]:
        served = {(p.program_id, p.year): p.served for p in self.programs}
        return {
            "engine": self.engine,
            "programs": [p.as_dict() for p in self.programs],
            "overlaps": [
                asdict(o)
                | {
                    "share_of_a": o.shared / served[(o.program_a, o.year)],
                    "share_of_b": o.shared / served[(o.program_b, o.year)],
                }
                for o in self.overlaps
            ],
        }


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix in (".csv", ".txt"):
        return "csv"
    raise MicrodataError(f"{path}: formato no reconocido (se espera .parquet o .csv)")


def _missing(path: Path, columns: Sequence[str]) -> None:
    """``MicrodataError`` naming the first required column absent from ``columns``."""
    missing = [c for c in RECORD_COLUMNS if c not in columns]
    if missing:
        raise MicrodataError(
            f"{path}: falta la columna «{missing[0]}» (columnas requeridas: {', '.join(RECORD_COLUMNS)})"
        )


def _csv_header(path: Path) -> list[str]:
    """The column names on a CSV file's first line (checked before the typed read, which would fail on a
    missing column with an engine error instead of naming it)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [c.strip() for c in next(csv.reader(handle), [])]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise MicrodataError(f"{path}: la primera línea no es un encabezado CSV en UTF-8 ({exc})") from None


def _read(con: Any, files: Sequence[Path], engine: Engine) -> ir.Table:
    tables = []
    for path in files:
        if not path.is_file():
            raise MicrodataError(f"{path}: no existe el archivo")
        kind = _kind(path)
        if kind == "csv":
            _missing(path, _csv_header(path))
        try:
            if kind == "parquet":
                table = con.read_parquet(str(path))
            elif engine == "spark":
                table = con.read_csv(str(path), header=True, inferSchema=True)
            else:
                table = con.read_csv(
                    str(path),
                    types={  # text columns stay text (a sniffer reads F as false)
                        c: "VARCHAR" for c in ("program_id", "sex", "region", "new_or_carry_over")
                    },
                )
        except Exception as exc:  # the engines raise their own types; report them uniformly
            raise MicrodataError(f"{path}: no se puede leer como {kind} ({type(exc).__name__})") from None
        _missing(path, table.columns)
        tables.append(
            table.select(*RECORD_COLUMNS).mutate(
                program_id=table.program_id.cast("string"),
                year=table.year.cast("int32"),
                person_id=table.person_id.cast("string")
                if table.person_id.type().is_string()
                else table.person_id.cast("int64"),
                sex=table.sex.cast("string"),
                region=table.region.cast("string"),
                rsh_percentile=table.rsh_percentile.cast("int32"),
                new_or_carry_over=table.new_or_carry_over.cast("string"),
            )
        )
    if not tables:
        raise MicrodataError("no se indicaron archivos de registros")
    return tables[0] if len(tables) == 1 else ibis.union(*tables)


@dataclass(frozen=True)
class DuckDBSettings:
    """How the DuckDB engine runs: threads (None: all cores), a memory limit beyond which it spills to
    ``temp_directory`` (None: a fresh temporary directory, removed afterwards) instead of growing, and the
    number of persons per overlap slice (the self-join runs on slices of about this many rows)."""

    threads: int | None = None
    memory_limit: str = "4GB"
    temp_directory: str | None = None
    slice_rows: int = 25_000_000

    def statements(self, temp_directory: str) -> list[str]:
        out = [
            "SET enable_progress_bar = false",
            "SET preserve_insertion_order = false",
            f"SET memory_limit = '{self.memory_limit}'",
            f"SET temp_directory = '{temp_directory}'",
        ]
        return out + ([f"SET threads = {int(self.threads)}"] if self.threads else [])


@contextmanager
def connection(
    engine: Engine, threads: int | None = None, settings: DuckDBSettings | None = None
) -> Iterator[Any]:
    """An Ibis connection: in-memory DuckDB with ``settings``, or a local Spark session
    (``local[threads or 1]``, no UI)."""
    if engine == "duckdb":
        conf = settings or DuckDBSettings(threads=threads)
        with tempfile.TemporaryDirectory(prefix="monitoreo-duckdb-", dir=conf.temp_directory) as spill:
            con = ibis.duckdb.connect()
            for statement in conf.statements(spill):
                con.raw_sql(statement)
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


def small_table(con: Any, name: str, data: pa.Table, engine: Engine) -> ir.Table:
    """Register a tiny Arrow table (code tables) as a session table both engines' SQL can name."""
    if engine == "duckdb":
        con.con.register(f"{name}_arrow", data)
        con.raw_sql(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
        con.con.unregister(f"{name}_arrow")
    else:
        schema = ", ".join(
            f"{f.name} {'string' if pa.types.is_string(f.type) else 'int'}" for f in data.schema
        )
        con._session.createDataFrame(data.to_pylist(), schema=schema).createOrReplaceTempView(name)
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


class _Steps:
    """Wall time per named step (seconds), for the benchmark."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._t = time.perf_counter()

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._t
        self._t = now


def _assemble(
    rows: list[dict[str, Any]],
    programs: ex.Codes,
    sexes: ex.Codes,
    regions: ex.Codes,
    cutoffs: Mapping[str, int] | None,
) -> list[ProgramYear]:
    acc: dict[tuple[str, int], dict[str, Any]] = {}
    for r in rows:
        key = (programs.values[r["pi"]], r["year"])
        a = acc.setdefault(
            key,
            {
                "served": 0,
                "carry_over": 0,
                "with_rsh": 0,
                "above": 0,
                "sex": defaultdict(int),
                "region": defaultdict(int),
            },
        )
        for name in ("carry_over", "with_rsh", "above"):
            a[name] += r[name] or 0
        a["served"] += r["persons"]
        a["sex"][NO_VALUE if r["sex"] is None else sexes.values[r["sex"]]] += r["persons"]
        a["region"][NO_VALUE if r["region"] is None else regions.values[r["region"]]] += r["persons"]
    out = []
    for (program, year), a in sorted(acc.items()):
        cutoff = (cutoffs or {}).get(program)
        out.append(
            ProgramYear(
                program_id=program,
                year=year,
                served=a["served"],
                new=a["served"] - a["carry_over"],
                carry_over=a["carry_over"],
                by_sex=dict(sorted(a["sex"].items())),
                by_region=dict(sorted(a["region"].items())),
                with_rsh=a["with_rsh"],
                without_rsh=a["served"] - a["with_rsh"],
                cutoff=cutoff,
                above_cutoff=a["above"] if cutoff is not None else None,
            )
        )
    return out


def beneficiaries(
    files: Sequence[str | Path],
    engine: Engine = "duckdb",
    cutoffs: Mapping[str, int] | None = None,
    overlaps: bool = True,
    threads: int | None = None,
    settings: DuckDBSettings | None = None,
) -> MicrodataResult:
    """Served persons, breakdowns, targeting and overlaps per program and year (see module doc)."""
    paths = [Path(f) for f in files]
    steps = _Steps()
    with connection(engine, threads, settings) as con:
        rows = _fetch(con, engine)
        records = _read(con, paths, engine)

        def values(column: str) -> list[Any]:
            return [r["value"] for r in rows(ex.distinct(records, column))]

        programs = ex.Codes.build(values("program_id"))
        sexes = ex.Codes.build(values("sex"))
        regions = ex.Codes.build(values("region"), ex.normalise_region)
        program_table = small_table(con, "monitoreo_programs", ex.programs_table(programs, cutoffs), engine)
        codes = ex.coded(
            records,
            program_table,
            small_table(con, "monitoreo_sexes", sexes.table("sex"), engine),
            small_table(con, "monitoreo_regions", regions.table("region"), engine),
            small_table(
                con,
                "monitoreo_carry",
                ex.flags_table(values("new_or_carry_over"), "carry", ex.is_carry_over),
                engine,
            ),
        )
        steps.done("codes")
        pp = materialize(con, ex.persons(codes), "monitoreo_persons", engine)
        steps.done("persons")
        parts = rows(ex.breakdown(pp, program_table))
        steps.done("breakdown")
        shared: dict[tuple[int, int, int], int] = defaultdict(int)
        if overlaps:
            slices, bounds = 1, None
            if engine == "duckdb":  # Spark partitions the join itself
                size = rows(pp.aggregate(n=pp.count(), low=pp.person_id.min(), high=pp.person_id.max()))[0]
                slices = max(1, -(-size["n"] // (settings or DuckDBSettings()).slice_rows))
                if not pp.person_id.type().is_string() and size["n"]:
                    bounds = (size["low"], size["high"])
            for index in range(slices):
                for r in rows(ex.overlaps(ex.person_slice(pp, slices, index, bounds))):
                    shared[(r["year"], r["pa"], r["pb"])] += r["shared"]
            steps.done("overlaps")
    result = MicrodataResult(
        programs=_assemble(parts, programs, sexes, regions, cutoffs),
        overlaps=sorted(
            (Overlap(y, programs.values[a], programs.values[b], s) for (y, a, b), s in shared.items()),
            key=lambda o: (o.year, o.program_a, o.program_b),
        ),
        engine=engine,
    )
    steps.done("assemble")
    result.steps.update(steps.seconds)
    return result
