"""Budget and spending tables of both layouts: budget by year, spend by subtítulo, components (spend,
production, unit cost, totals) and the regional breakdown. Rows are matched by their folded label."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from monitoreo import reference
from monitoreo.ingest.cells import Published, one, series
from monitoreo.ingest.lines import Line, slug, split_trailing_parenthesis
from monitoreo.ingest.reader import Reader
from monitoreo.ingest.tables import Row, label_key, read_rows

#: Budget rows (label suffix → field of ``BudgetYear``), both layouts.
BUDGET_ROWS = (
    ("presupuesto inicial", "initial"),
    ("presupuesto final", "final"),
    ("presupuesto ley ejecutado", "executed"),
    ("presupuesto ejecutado", "executed"),
    ("recursos gobiernos regionales", "regional_government"),
    ("recursos extrapresupuestarios", "extra_budgetary"),
    ("total ejecutado", "total_executed"),
)
#: Budget rows printed as percentages (2020): published, not recomputable from the file.
BUDGET_PERCENT_ROWS = (
    ("ejecucion presupuestaria inicial", "execution_initial_pct"),
    ("ejecucion presupuestaria final", "execution_final_pct"),
)
#: Total rows under the components table → published metric.
COMPONENT_TOTALS = {
    "total gastos componentes": "components_spend",
    "porcentaje gastos componentes": "component_share_pct",
    "total gasto administrativo": "admin_spend",
    "gasto administrativo": "admin_spend",
    "porcentaje gasto administrativo": "admin_share_pct",
    "total ejecutado": "total_executed",
    "total": "total_executed",
}
_SUBTITLE = re.compile(r"(?:^|\s)(\d{2})\s*\((.+)\)$")
_FOOTNOTE_TEXT = re.compile(r"^1\s+[A-ZÁÉÍÓÚ]")


def _suffix_match(key: str, table: Sequence[tuple[str, str]]) -> str | None:
    return next((name for suffix, name in table if key.endswith(suffix)), None)


def read_budget(
    r: Reader,
    lines: Sequence[Line],
    years: Sequence[int],
    budget: dict[str, Any],
    published: Published,
) -> None:
    """«Presupuesto Inicial2 4.962.579 …» rows into ``budget["years"]``; percent rows into ``published``."""
    table = [x for x in _before_footnotes(lines)]
    by_year: dict[int, dict[str, Any]] = budget.setdefault("years", {})
    read: set[str] = set()
    for row in read_rows(table, lambda key: len(years)):
        if row.years or not row.cells or not row.key:  # no label: the values of the execution chart
            continue
        field = _suffix_match(row.key, BUDGET_ROWS)
        metric = _suffix_match(row.key, BUDGET_PERCENT_ROWS)
        if row.incomplete:
            r.issue("import.W007", "budget.years", f"fila «{row.label}» incompleta", row.line)
        elif field is not None:
            read.add(field)
            for year, value in series(r, row.cells, years, f"budget.years.{field}", row.line).items():
                by_year.setdefault(year, {})[field] = value
        elif metric is not None:
            published.add(metric, series(r, row.cells, years, f"published.{metric}", row.line, amount=False))
        else:
            r.issue("import.W006", "budget.years", f"fila «{row.label}» no reconocida", row.line)
    for line in table:  # a printed row whose cells could not be read at all
        key = label_key(line.text)
        field = next((name for label, name in BUDGET_ROWS if key.startswith(label)), None)
        if field is not None and field not in read:
            read.add(field)
            r.issue("import.W002", f"budget.years.{field}", f"fila «{line.text}» sin valores legibles", line)


def _before_footnotes(lines: Sequence[Line]) -> list[Line]:
    for i, line in enumerate(lines):
        if _FOOTNOTE_TEXT.match(line.text):
            return list(lines[:i])
    return list(lines)


def read_subtitles(
    r: Reader,
    lines: Sequence[Line],
    year: int,
    budget: dict[str, Any],
    with_admin: bool,
) -> None:
    """«21 (Gastos en personal) 442.907» (2023) or «21 (Gastos en Personal) S/I 3.255» (2020, admin column
    first) rows and the total row into ``budget["subtitles"][year]``."""
    width = 2 if with_admin else 1
    rows_out: list[dict[str, Any]] = []
    table: dict[str, Any] = {}
    header = re.compile(r"^Subt[íi]tulo\b")
    for row in read_rows(lines, lambda key: width, header=lambda text: bool(header.match(text))):
        if row.years or not row.cells:
            continue
        path = f"budget.subtitles.{year}"
        match = _SUBTITLE.search(row.label.strip())
        executed = one(r, row.cells[-1], f"{path}.rows.{len(rows_out)}.executed", row.line)
        admin = one(r, row.cells[0], f"{path}.rows.{len(rows_out)}.admin", row.line) if with_admin else None
        if match:
            if executed is None or reference.subtitles().get(match.group(1)) is None:
                r.issue("import.W006", path, f"subtítulo «{row.label}» no reconocido", row.line)
                continue
            entry: dict[str, Any] = {
                "code": match.group(1),
                "label": match.group(2).strip(),
                "executed": executed,
            }
            if with_admin and admin is not None:
                entry["admin"] = admin
            rows_out.append(entry)
        elif "ejecutado" in row.key:
            if executed is not None:
                table["total"] = executed
            if with_admin and admin is not None:
                table["admin_total"] = admin
        else:
            r.issue("import.W006", path, f"fila «{row.label}» no reconocida", row.line)
    if rows_out or table:
        budget.setdefault("subtitles", {})[year] = {"rows": rows_out, **table}


def read_components(
    r: Reader,
    lines: Sequence[Line],
    years: Sequence[int],
    budget: dict[str, Any],
    published: Published,
) -> list[dict[str, Any]]:
    """Component rows (name (unit), spend × n, production × n, unit cost × n) and the total rows."""
    n = len(years)
    components: list[dict[str, Any]] = []

    def expected(key: str) -> int:
        return n if key in COMPONENT_TOTALS else 3 * n

    for row in read_rows(lines, expected):
        if row.years or not row.cells:
            continue
        metric = COMPONENT_TOTALS.get(row.key)
        if row.incomplete:
            r.issue("import.W007", "components", f"fila «{row.label}» incompleta", row.line)
        elif metric is not None:
            values = series(
                r, row.cells, years, f"published.{metric}", row.line, amount=not metric.endswith("pct")
            )
            published.add(metric, values)
            if metric == "admin_spend":  # fresh values: YAML would alias shared Decimal objects
                budget["admin_spend"] = series(r, row.cells, years, "budget.admin_spend", row.line)
        elif row.label:
            components.append(_component(r, row, years, components, published))
        else:
            r.issue("import.W006", "components", "fila de componente sin nombre", row.line)
    return components


def _component(
    r: Reader,
    row: Row,
    years: Sequence[int],
    done: list[dict[str, Any]],
    published: Published,
) -> dict[str, Any]:
    n = len(years)
    name, unit = split_trailing_parenthesis(row.label)
    key = slug(name)
    taken = {c["id"] for c in done}
    base, k = key, 2
    while key in taken:
        key, k = f"{base}-{k}", k + 1
    path = f"components.{len(done)}"
    entry: dict[str, Any] = {"id": key, "name": name}
    if unit:
        entry["unit"] = unit
    entry["spend"] = series(r, row.cells[:n], years, f"{path}.spend", row.line)
    entry["output"] = series(r, row.cells[n : 2 * n], years, f"{path}.output", row.line)
    published.add(
        "unit_cost", series(r, row.cells[2 * n :], years, f"published.unit_cost.{key}", row.line), key
    )
    r.mark(f"{path}.name", row.lines[0] if row.lines else None)
    return entry


def read_regional(
    r: Reader,
    lines: Sequence[Line],
    year: int,
    published: Published,
) -> dict[str, Any] | None:
    """«Maule 1.385.239 37,4% 1.581 46,7%» rows (spend, spend %, served, served %) and the TOTAL row."""
    rows_out: list[dict[str, Any]] = []
    spend_pct: dict[str, Any] = {}
    served_pct: dict[str, Any] = {}
    for row in read_rows(lines, lambda key: 4):
        if row.years or not row.cells:
            continue
        if row.incomplete:
            r.issue("import.W007", "regional.rows", f"fila «{row.label}» incompleta", row.line)
            continue
        words = row.label.split()
        if words and words[-1].casefold() == "total":
            path = "published.region_total"
            published.add("region_spend_total", _one_year(r, row.cells[0], year, path, row.line))
            published.add("region_served_total", _one_year(r, row.cells[2], year, path, row.line))
            continue
        region = _region(words)
        if region is None:
            r.issue("import.W004", "regional.rows", f"región «{row.label}» no reconocida", row.line)
            continue
        path = f"regional.rows.{len(rows_out)}"
        spend = one(r, row.cells[0], f"{path}.spend", row.line)
        served = one(r, row.cells[2], f"{path}.served", row.line)
        if spend is None or served is None or any(x["region"] == region for x in rows_out):
            continue
        rows_out.append({"region": region, "spend": spend, "served": served})
        spend_pct[region] = one(
            r, row.cells[1], f"published.region_spend_share_pct.{region}", row.line, False
        )
        served_pct[region] = one(
            r, row.cells[3], f"published.region_served_share_pct.{region}", row.line, False
        )
    for metric, values in (("region_spend_share_pct", spend_pct), ("region_served_share_pct", served_pct)):
        for region, value in values.items():
            if value is not None:
                published.add(metric, {year: value}, region)
    return {"year": year, "rows": rows_out} if rows_out else None


def _one_year(r: Reader, cell: str, year: int, path: str, line: Line | None) -> dict[int, Any]:
    value = one(r, cell, path, line)
    return {} if value is None else {year: value}


def _region(words: Sequence[str]) -> str | None:
    """The region the label names; header words glued before the first row are dropped."""
    for start in range(len(words)):
        region = reference.find_region(" ".join(words[start:]))
        if region is not None:
            return region.key
    return None
