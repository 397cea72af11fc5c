"""Portfolio analytics on DuckDB over the Parquet files of an open-data bundle (``monitoreo.publish``).

Every question is a function ``f(bundle_dir) -> list[dict]`` (rows ready for a dashboard table; numbers
unrounded floats, ``None`` where there is no value). Each works on the evaluated year *t* of every program
unless said otherwise, and groups by edition: programs of different editions are never mixed in one figure
(money of different editions is in different price years). Missing values (S/I, N/A…) are left out of
quantiles and counted in ``n_missing``.

* ``execution``: per edition and ministry (plus «(todos)»), for initial execution, final execution and
  coverage: n, n_missing, quartiles, mean, and for execution the share of programs under 85 %.
* ``unit_costs``: unit-cost benchmarking among comparable components (same edition, year and unit of
  production, case- and space-insensitive): group size, group median, ratio to the median and percentile.
* ``persistent``: programs with initial execution under 85 % in the three years of their window, and
  programs whose same finding code is *no superado* in two or more editions of the bundle, plus outcomes of
  persistence rules (rule code containing «persist»).
* ``trends``: per edition: programs, medians of execution and coverage, share under 85 %, findings per
  program, total executed (in the edition's price year).
* ``findings``: findings per edition, ministry, dimension and status, with programs affected.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from monitoreo.publish.schema import TABLES

#: The execution threshold the persistence rule and the «share under» figures use (docs/methodology.md §4.5).
UNDER_EXECUTION_PCT = 85.0
ALL = "(todos)"

Rows = list[dict[str, Any]]


class BundleError(Exception):
    """The folder is not a readable bundle (no Parquet table); the message names the file."""


def connect(bundle: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table of ``bundle`` (its Parquet files)."""
    base = Path(bundle) / "data"
    con = duckdb.connect()
    for spec in TABLES:
        path = base / f"{spec.name}.parquet"
        if not path.is_file():
            raise BundleError(
                f"{path}: falta la tabla «{spec.name}» (¿es un paquete de `monitoreo publish`?)"
            )
        literal = str(path).replace("'", "''")
        con.execute(f"CREATE VIEW {spec.name} AS SELECT * FROM read_parquet('{literal}')")
    return con


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Rows:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


_CURRENT = """
    SELECT p.edition, p.program_id, p.name, p.ministry, p.evaluated_year, p.price_base_year, y.*
      EXCLUDE (edition, program_id, price_base_year)
    FROM programs p JOIN program_years y
      ON y.edition = p.edition AND y.program_id = p.program_id AND y.year = p.evaluated_year
"""


def execution(bundle: str | Path) -> Rows:
    """Distribution of initial / final execution and coverage by ministry (see module doc)."""
    con = connect(bundle)
    parts = []
    for metric in ("execution_initial_pct", "execution_final_pct", "coverage_pct"):
        under = (
            (
                f"avg(CASE WHEN {metric} < {UNDER_EXECUTION_PCT} THEN 1.0 ELSE 0.0 END) "
                f"FILTER (WHERE {metric} IS NOT NULL)"
            )
            if metric != "coverage_pct"
            else "NULL::DOUBLE"
        )
        parts.append(f"""
            SELECT edition, coalesce(ministry, '{ALL}') AS ministry, '{metric}' AS metric,
                   count(*) AS programs, count({metric}) AS n, count(*) - count({metric}) AS n_missing,
                   quantile_cont({metric}, 0.25) AS p25, median({metric}) AS median,
                   quantile_cont({metric}, 0.75) AS p75, avg({metric}) AS mean,
                   min({metric}) AS min, max({metric}) AS max, {under} AS share_under_85
            FROM current GROUP BY GROUPING SETS ((edition, ministry), (edition))""")
    sql = (
        f"WITH current AS ({_CURRENT}), parts AS ("
        + " UNION ALL ".join(parts)
        + f") SELECT * FROM parts ORDER BY edition, ministry = '{ALL}', ministry, metric"
    )
    return _rows(con, sql)


def unit_costs(bundle: str | Path) -> Rows:
    """Unit-cost benchmarking among components with the same unit of production (see module doc)."""
    con = connect(bundle)
    sql = """
        WITH c AS (
            SELECT c.edition, c.program_id, p.name AS program_name, p.ministry, c.component_id,
                   c.component_name, c.unit, lower(trim(regexp_replace(c.unit, '\\s+', ' ', 'g'))) AS unit_key,
                   c.year, c.unit_cost_mclp, c.price_base_year
            FROM components c JOIN programs p
              ON p.edition = c.edition AND p.program_id = c.program_id AND c.year = p.evaluated_year
            WHERE c.unit IS NOT NULL AND c.unit_cost_mclp IS NOT NULL
        )
        SELECT *, count(*) OVER g AS comparables, median(unit_cost_mclp) OVER g AS group_median,
               unit_cost_mclp / nullif(median(unit_cost_mclp) OVER g, 0) AS ratio_to_median,
               CASE WHEN count(*) OVER g > 1 THEN percent_rank() OVER (g ORDER BY unit_cost_mclp) END AS percentile,
               rank() OVER (g ORDER BY unit_cost_mclp) AS position
        FROM c
        WINDOW g AS (PARTITION BY edition, year, unit_key)
        ORDER BY edition, unit_key, unit_cost_mclp, program_id, component_id
    """
    return _rows(con, sql)


def persistent(bundle: str | Path) -> Rows:
    """Programs with persistent under-execution or repeated / persistence findings (see module doc)."""
    con = connect(bundle)
    sql = f"""
        WITH window_years AS (
            SELECT y.edition, y.program_id, y.year, y.execution_initial_pct
            FROM program_years y JOIN programs p ON p.edition = y.edition AND p.program_id = y.program_id
            WHERE y.year BETWEEN p.evaluated_year - 2 AND p.evaluated_year
        ),
        under AS (
            SELECT edition, program_id, 'execution_under_85_three_years' AS reason, NULL AS code,
                   string_agg(year || ': ' || round(execution_initial_pct, 1), '; ' ORDER BY year) AS detail
            FROM window_years GROUP BY edition, program_id
            HAVING count(*) = 3 AND count(execution_initial_pct) = 3
               AND max(execution_initial_pct) < {UNDER_EXECUTION_PCT}
        ),
        unresolved AS (
            SELECT DISTINCT edition, program_id, code FROM outcomes
            WHERE verdict = 'finding' AND coalesce(status, 'no_superado') = 'no_superado'
        ),
        repeated AS (
            SELECT u.edition, u.program_id, 'finding_repeated' AS reason, u.code,
                   'ediciones ' || string_agg(DISTINCT o.edition::VARCHAR, ', ' ORDER BY o.edition::VARCHAR) AS detail
            FROM unresolved u JOIN unresolved o ON o.program_id = u.program_id AND o.code = u.code
            GROUP BY u.edition, u.program_id, u.code HAVING count(DISTINCT o.edition) > 1
        ),
        rule AS (
            SELECT edition, program_id, 'persistence_rule' AS reason, code, text AS detail FROM outcomes
            WHERE verdict = 'finding' AND rule LIKE '%persist%'
        ),
        all_reasons AS (SELECT * FROM under UNION ALL SELECT * FROM repeated UNION ALL SELECT * FROM rule)
        SELECT a.edition, a.program_id, p.name, p.ministry, a.reason, a.code, a.detail
        FROM all_reasons a JOIN programs p ON p.edition = a.edition AND p.program_id = a.program_id
        ORDER BY a.edition, p.ministry, a.program_id, a.reason, a.code
    """
    return _rows(con, sql)


def trends(bundle: str | Path) -> Rows:
    """Portfolio figures per edition, to follow them across editions (see module doc)."""
    con = connect(bundle)
    sql = f"""
        WITH current AS ({_CURRENT}),
        f AS (SELECT edition, count(*) AS findings FROM outcomes
              WHERE verdict = 'finding' AND coalesce(status, 'no_superado') = 'no_superado' GROUP BY edition)
        SELECT c.edition, any_value(c.evaluated_year) AS evaluated_year, count(*) AS programs,
               median(execution_initial_pct) AS median_execution_initial_pct,
               median(execution_final_pct) AS median_execution_final_pct,
               median(coverage_pct) AS median_coverage_pct,
               avg(CASE WHEN execution_initial_pct < {UNDER_EXECUTION_PCT} THEN 1.0 ELSE 0.0 END)
                   FILTER (WHERE execution_initial_pct IS NOT NULL) AS share_under_85,
               coalesce(any_value(f.findings), 0) / count(*) AS findings_per_program,
               sum(total_executed_mclp) AS total_executed_mclp, any_value(c.price_base_year) AS price_base_year
        FROM current c LEFT JOIN f ON f.edition = c.edition
        GROUP BY c.edition ORDER BY c.edition
    """
    return _rows(con, sql)


def findings(bundle: str | Path) -> Rows:
    """Findings per edition, ministry, dimension and status (see module doc)."""
    con = connect(bundle)
    sql = f"""
        SELECT o.edition, coalesce(p.ministry, '{ALL}') AS ministry, o.dimension,
               coalesce(o.status, 'no_superado') AS status, count(*) AS findings,
               count(DISTINCT o.program_id) AS programs
        FROM outcomes o JOIN programs p ON p.edition = o.edition AND p.program_id = o.program_id
        WHERE o.verdict = 'finding'
        GROUP BY GROUPING SETS ((o.edition, p.ministry, o.dimension, status), (o.edition, o.dimension, status))
        ORDER BY o.edition, ministry = '{ALL}', ministry, o.dimension, status
    """
    return _rows(con, sql)


QUESTIONS: dict[str, Callable[[str | Path], Rows]] = {
    "execution": execution,
    "unit-costs": unit_costs,
    "persistent": persistent,
    "trends": trends,
    "findings": findings,
}
