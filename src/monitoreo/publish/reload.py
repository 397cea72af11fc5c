"""Read a published bundle back: its tables as rows, and the submissions rebuilt from them.

Contract: ``reload_bundle(dir)`` returns one ``Submission`` per row of ``programs`` carrying every input the
metrics read (populations, budget phases, admin spend, subtítulos, components, regional table, indicators and
the figures the ficha publishes without inputs), so that ``compute_metrics`` on the reloaded submission
equals ``compute_metrics`` on the original. Texts the bundle does not carry (observations, technical notes,
history, ODS, printed assessment, review decisions) are not rebuilt. ``fmt`` chooses the Parquet files
(numbers read back as float64, exact for amounts and published figures) or the CSV files (exact decimals)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import pyarrow.parquet as pq

from monitoreo.domain.budget import Budget, BudgetYear, SubtitleRow, SubtitleTable
from monitoreo.domain.components import Component, RegionalDistribution, RegionRow
from monitoreo.domain.indicators import Direction, PurposeIndicator
from monitoreo.domain.periods import Edition, EvaluatedYear, PriceYear
from monitoreo.domain.population import Population, Populations, ServedPopulation, SexSplit
from monitoreo.domain.program import Identity
from monitoreo.domain.submission import Submission
from monitoreo.domain.texts import PublishedFigure
from monitoreo.domain.values import Missing, Num
from monitoreo.publish.schema import BUDGET_PHASES, CODE_SUFFIX, TABLES_BY_NAME, YEARLY_METRICS

Format = Literal["parquet", "csv"]
Row = dict[str, Any]
Key = tuple[int, str]


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def _typed_csv(table: str, path: Path) -> Iterator[Row]:
    types = {c.name: c.type for c in TABLES_BY_NAME[table].columns}
    with path.open(encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            row: Row = {}
            for name, text in raw.items():
                kind = types[name]
                if text == "":
                    row[name] = None
                elif kind == "integer":
                    row[name] = int(text)
                elif kind == "number":
                    row[name] = Decimal(text)
                elif kind == "boolean":
                    row[name] = text == "true"
                else:
                    row[name] = text
            yield row


def read_table(bundle: str | Path, table: str, fmt: Format = "parquet") -> list[Row]:
    """The rows of one table of the bundle."""
    base = Path(bundle) / "data" / f"{table}.{fmt}"
    if fmt == "csv":
        return list(_typed_csv(table, base))
    rows: list[Row] = pq.read_table(base).to_pylist()
    return rows


def value(row: Row, name: str) -> Num:
    """The number-or-code of a ``<name>`` / ``<name>_code`` pair."""
    code = row.get(name + CODE_SUFFIX)
    if code:
        return Missing(code)
    number = _decimal(row.get(name))
    return Missing.NOT_REPORTED if number is None else number


def _by_program(rows: list[Row]) -> dict[Key, list[Row]]:
    grouped: dict[Key, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(row["edition"], row["program_id"])].append(row)
    return grouped


def _populations(program: Row, years: list[Row]) -> Populations:
    def series(name: str) -> dict[int, Num]:
        return {r["year"]: value(r, name) for r in years}

    def informed(s: dict[int, Num]) -> bool:
        return any(v is not Missing.NOT_REPORTED for v in s.values())

    potential, target, served = (
        series("potential_population"),
        series("target_population"),
        series("served_population"),
    )
    new, carry = series("served_new"), series("served_carry_over")
    by_sex = {
        r["year"]: SexSplit(
            male_pct=_decimal(r["served_male_pct"]), female_pct=_decimal(r["served_female_pct"])
        )
        for r in years
        if r["served_male_pct"] is not None or r["served_female_pct"] is not None
    }
    served_pop = None
    if informed(served) or informed(new) or informed(carry) or by_sex or program["served_unit"]:
        served_pop = ServedPopulation(
            unit=program["served_unit"],
            quantity=served,
            by_sex=by_sex,
            new={y: v for y, v in new.items() if v is not Missing.NOT_REPORTED},
            carry_over={y: v for y, v in carry.items() if v is not Missing.NOT_REPORTED},
        )
    return Populations(
        potential=Population(quantity=potential) if informed(potential) else None,
        target=Population(unit=program["target_unit"], quantity=target)
        if informed(target) or program["target_unit"]
        else None,
        served=served_pop,
        universal=bool(program["universal"]),
    )


def _budget(rows: list[Row], subtitle_rows: list[Row]) -> Budget:
    attrs = {phase: attr for phase, (attr, _) in BUDGET_PHASES.items()}
    years: dict[int, dict[str, Num]] = defaultdict(dict)
    admin: dict[int, Num] = {}
    for r in rows:
        attr = attrs[r["phase"]]
        if attr == "admin_spend":
            admin[r["fiscal_year"]] = value(r, "amount_mclp")
        else:
            years[r["fiscal_year"]][attr] = value(r, "amount_mclp")
    tables: dict[int, list[SubtitleRow]] = defaultdict(list)
    for r in subtitle_rows:
        admin_value = (
            None if r["admin_mclp"] is None and r["admin_mclp_code"] is None else value(r, "admin_mclp")
        )
        tables[r["fiscal_year"]].append(
            SubtitleRow(
                code=r["subtitle_code"],
                label=r["label"],
                executed=value(r, "executed_mclp"),
                admin=admin_value,
            )
        )
    return Budget(
        years={y: BudgetYear.model_validate(v) for y, v in years.items()},
        subtitles={y: SubtitleTable(rows=t) for y, t in tables.items()},
        admin_spend=admin,
    )


def _components(rows: list[Row]) -> tuple[list[Component], list[PublishedFigure]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r["position"], r["year"])):
        grouped[r["component_id"]].append(r)
    comps, published = [], []
    for cid, rs in grouped.items():
        comps.append(
            Component(
                id=cid,
                name=rs[0]["component_name"],
                unit=rs[0]["unit"],
                spend={r["year"]: value(r, "spend_mclp") for r in rs},
                output={r["year"]: value(r, "output") for r in rs},
            )
        )
        printed = {r["year"]: value(r, "unit_cost_mclp") for r in rs if r["unit_cost_published"]}
        if printed:
            published.append(PublishedFigure(metric="unit_cost", key=cid, values=printed))
    return comps, published


def _regional(rows: list[Row]) -> RegionalDistribution | None:
    if not rows:
        return None
    ordered = sorted(rows, key=lambda r: r["position"])
    return RegionalDistribution(
        year=ordered[0]["year"],
        rows=[
            RegionRow(region=r["region_key"], spend=value(r, "spend_mclp"), served=value(r, "served"))
            for r in ordered
        ],
    )


def _indicators(rows: list[Row]) -> list[PurposeIndicator]:
    grouped: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        grouped[r["indicator"]].append(r)
    out = []
    for number in sorted(grouped):
        rs = grouped[number]
        first = rs[0]
        out.append(
            PurposeIndicator(
                name=first["name"],
                formula=first["formula"],
                unit=first["unit"],
                direction=Direction(first["direction"]) if first["direction"] else None,
                values={r["year"]: v for r in rs if (v := value(r, "value")) is not Missing.NOT_REPORTED},
            )
        )
    return out


def _published(years: list[Row]) -> list[PublishedFigure]:
    out = []
    for column, metric, _ in YEARLY_METRICS:
        printed = {
            r["year"]: value(r, column) for r in years if metric in (r["metrics_published"] or "").split(";")
        }
        if printed:
            out.append(PublishedFigure(metric=metric, values=printed))
    return out


def _identity(p: Row) -> Identity:
    end = p["end_year"]
    return Identity(
        name=p["name"],
        service=p["service"],
        ministry=p["ministry"],
        description=p["description"] or "",
        regions=(p["regions"] or "").split(";") if p["regions"] else [],
        start_year=p["start_year"],
        end_year=None if end is None else (end if end == "Permanente" else int(end)),
        purpose=p["purpose"],
        offer_type=p["offer_type"],
    )


def reload_bundle(bundle: str | Path, fmt: Format = "parquet") -> list[Submission]:
    """The submissions of a bundle, rebuilt from its tables (see the module contract)."""
    t = {name: _by_program(read_table(bundle, name, fmt)) for name in TABLES_BY_NAME if name != "programs"}
    subs = []
    for p in read_table(bundle, "programs", fmt):
        key: Key = (p["edition"], p["program_id"])
        years = sorted(t["program_years"][key], key=lambda r: r["year"])
        components, unit_costs = _components(t["components"][key])
        subs.append(
            Submission(
                id=p["program_id"],
                edition=Edition(p["edition"]),
                evaluated_year=EvaluatedYear(p["evaluated_year"]),
                years=list(range(p["first_year"], p["evaluated_year"] + 1)),
                price_base_year=PriceYear(p["price_base_year"]),
                program=_identity(p),
                populations=_populations(p, years),
                budget=_budget(t["budgets"][key], t["subtitles"][key]),
                components=components,
                regional=_regional(t["regions"][key]),
                indicators=_indicators(t["indicators"][key]),
                published=_published(years) + unit_costs,
                published_at=p["published_at"],
            )
        )
    return subs
