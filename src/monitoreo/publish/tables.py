"""Flatten submissions, their metrics and evaluations into the rows of the open-data tables.

Contract: ``build_rows(submissions, evaluations)`` returns, per table of ``schema.TABLES``, a list of rows
(dicts keyed by the table's column names). Numbers stay ``Decimal`` (exact, unrounded); a value that may be
a code is split into the number and its ``_code`` column (see ``schema``). Pure: no I/O."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from monitoreo import reference
from monitoreo.domain.budget import BudgetYear
from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.domain.values import Missing, Num
from monitoreo.metrics import Metrics, compute_metrics
from monitoreo.metrics.compute import PUBLISHED
from monitoreo.publish.schema import BUDGET_PHASES, CODE_SUFFIX, TABLES, YEARLY_METRICS

Row = dict[str, Any]


def split(name: str, value: Num | None) -> Row:
    """``{name: number, name_code: code}`` for a number-or-code; ``None`` (not printed) is S/I."""
    if value is None:
        value = Missing.NOT_REPORTED
    if isinstance(value, Missing):
        return {name: None, name + CODE_SUFFIX: value.value}
    return {name: value, name + CODE_SUFFIX: None}


def _key(sub: Submission) -> Row:
    return {"edition": int(sub.edition), "program_id": sub.id}


def _program(sub: Submission, evaluation: Evaluation | None) -> Row:
    p, pops = sub.program, sub.populations
    # The public count of findings is the domain's one definition (no superados): docs/open-data.md.
    counts = evaluation.public_finding_counts() if evaluation is not None else {}
    return (
        _key(sub)
        | {
            "name": p.name,
            "service": p.service,
            "ministry": p.ministry,
            "evaluated_year": int(sub.evaluated_year),
            "first_year": sub.years[0],
            "price_base_year": int(sub.price_base_year),
            "start_year": p.start_year,
            "end_year": None if p.end_year is None else str(p.end_year),
            "offer_type": p.offer_type,
            "universal": pops.universal,
            "regions": ";".join(p.regions) or None,
            "target_unit": pops.target.unit if pops.target else None,
            "served_unit": pops.served.unit if pops.served else None,
            "purpose": p.purpose,
            "description": p.description,
            "published_at": sub.published_at,
            "synthetic": sub.synthetic,
        }
        | {f"findings_{d.value}": counts.get(d) for d in Dimension}
    )


def _series(series: Mapping[int, Num] | None, year: int) -> Num:
    if series is None:
        return Missing.NOT_REPORTED
    return series.get(year, Missing.NOT_REPORTED)


def _program_years(sub: Submission, m: Metrics) -> list[Row]:
    pops = sub.populations
    served = pops.served
    rows = []
    for year in sub.years:
        sex = served.by_sex.get(year) if served else None
        row = _key(sub) | {"year": year, "price_base_year": int(sub.price_base_year)}
        row |= split(
            "potential_population", _series(pops.potential.quantity if pops.potential else None, year)
        )
        row |= split("target_population", _series(pops.target.quantity if pops.target else None, year))
        row |= split("served_population", _series(served.quantity if served else None, year))
        row |= split("served_new", _series(served.new if served else None, year))
        row |= split("served_carry_over", _series(served.carry_over if served else None, year))
        row["served_male_pct"] = sex.male_pct if sex else None
        row["served_female_pct"] = sex.female_pct if sex else None
        published = []
        for column, metric, _ in YEARLY_METRICS:
            row |= split(column, m.yearly[metric][year])
            if m.provenance[metric][year] == PUBLISHED:
                published.append(metric)
        row["metrics_published"] = ";".join(published) or None
        rows.append(row)
    return rows


def _budgets(sub: Submission) -> list[Row]:
    rows = []
    for year in sub.years:
        b = sub.budget.years.get(year) or BudgetYear()
        for phase, (attr, fdp) in BUDGET_PHASES.items():
            if attr == "admin_spend":
                value: Num | None = sub.budget.admin_spend.get(year, Missing.NOT_REPORTED)
            else:
                value = getattr(b, attr)
            if attr == "total_executed" and value is None:
                continue  # the ficha does not print it: the metric computes it
            rows.append(
                _key(sub)
                | {"fiscal_year": year, "phase": phase, "fdp_phase": fdp}
                | split("amount_mclp", value)
                | {"currency": "CLP", "multiplier": 1000, "price_base_year": int(sub.price_base_year)}
            )
    return rows


def _subtitles(sub: Submission) -> list[Row]:
    names = reference.subtitles()
    rows = []
    for year, table in sorted(sub.budget.subtitles.items()):
        for r in table.rows:
            official = names.get(r.code)
            row = _key(sub) | {
                "fiscal_year": year,
                "subtitle_code": r.code,
                "subtitle_name": official.name if official else None,
                "label": r.label,
            }
            row |= split("executed_mclp", r.executed)
            row |= (
                split("admin_mclp", r.admin)
                if r.admin is not None
                else {"admin_mclp": None, "admin_mclp_code": None}
            )
            rows.append(row | {"price_base_year": int(sub.price_base_year)})
    return rows


def _components(sub: Submission, m: Metrics) -> list[Row]:
    rows = []
    for position, (comp, cm) in enumerate(zip(sub.components, m.components, strict=True), start=1):
        for year in sub.years:
            row = _key(sub) | {
                "component_id": comp.id,
                "year": year,
                "position": position,
                "component_name": comp.name,
                "unit": comp.unit,
            }
            row |= split("spend_mclp", _series(comp.spend, year))
            row |= split("output", _series(comp.output, year))
            row |= split("unit_cost_mclp", cm.unit_cost[year])
            row["unit_cost_published"] = cm.provenance[year] == PUBLISHED
            rows.append(row | {"price_base_year": int(sub.price_base_year)})
    return rows


def _regions(sub: Submission, m: Metrics) -> list[Row]:
    if sub.regional is None:
        return []
    rows = []
    for position, r in enumerate(m.regions, start=1):
        region = reference.find_region(r.region)
        row = _key(sub) | {
            "year": sub.regional.year,
            "region_key": r.region,
            "region_cut": region.cut if region else None,
            "region_name": r.name,
            "position": position,
        }
        row |= split("spend_mclp", r.spend) | split("served", r.served)
        row |= split("spend_share_pct", r.spend_share_pct) | split("served_share_pct", r.served_share_pct)
        rows.append(row | {"price_base_year": int(sub.price_base_year)})
    return rows


def _indicators(sub: Submission) -> list[Row]:
    rows = []
    for number, ind in enumerate(sub.indicators, start=1):
        for year in sub.years:
            rows.append(
                _key(sub)
                | {
                    "indicator": number,
                    "year": year,
                    "name": ind.name,
                    "formula": ind.formula,
                    "unit": ind.unit,
                    "direction": ind.direction.value if ind.direction else None,
                }
                | split("value", ind.values.get(year, Missing.NOT_REPORTED))
            )
    return rows


def _outcomes(sub: Submission, evaluation: Evaluation | None) -> list[Row]:
    if evaluation is None:
        return []
    rows = []
    for seq, o in enumerate(evaluation.outcomes, start=1):
        rows.append(
            _key(sub)
            | {
                "seq": seq,
                "code": o.code,
                "rule": o.rule,
                "dimension": o.dimension.value,
                "verdict": o.verdict.value,
                "status": o.status.value if o.status else None,
                "indicator": o.indicator,
                "label": o.label,
                "text": o.text,
                "detail": o.detail,
                "values_json": json.dumps(o.values, ensure_ascii=False, sort_keys=True) if o.values else None,
            }
        )
    return rows


def build_rows(
    submissions: Iterable[Submission], evaluations: Sequence[Evaluation | None] | None = None
) -> dict[str, list[Row]]:
    """Rows of every table for ``submissions`` (``evaluations`` aligned with them, or ``None``)."""
    subs = list(submissions)
    evals: Sequence[Evaluation | None] = evaluations if evaluations is not None else [None] * len(subs)
    if len(evals) != len(subs):
        raise ValueError("evaluations debe tener un elemento por submission")
    out: dict[str, list[Row]] = {t.name: [] for t in TABLES}
    for sub, evaluation in zip(subs, evals, strict=True):
        m = compute_metrics(sub)
        out["programs"].append(_program(sub, evaluation))
        out["program_years"].extend(_program_years(sub, m))
        out["budgets"].extend(_budgets(sub))
        out["subtitles"].extend(_subtitles(sub))
        out["components"].extend(_components(sub, m))
        out["regions"].extend(_regions(sub, m))
        out["indicators"].extend(_indicators(sub))
        out["outcomes"].extend(_outcomes(sub, evaluation))
    return out


def as_text(value: Any) -> str:
    """CSV cell text: exact decimals (no exponent), ``true``/``false``, ISO datetimes, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text or "0"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
