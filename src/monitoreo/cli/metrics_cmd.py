"""``monitoreo metrics FILE... [--json]``: the metrics of each data file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from monitoreo import formatting, reference
from monitoreo.cli.output import EXIT_BAD_INPUT, emit_json, report_problems, stdout
from monitoreo.errors import InputError
from monitoreo.explain import explain_metrics
from monitoreo.explain.text import metric_dict, metric_lines
from monitoreo.io import read_submission
from monitoreo.metrics import Metrics, compute_metrics

LABELS = {
    "coverage_pct": "Cobertura (%)",
    "execution_initial_pct": "Ejecución presupuestaria inicial (%)",
    "execution_final_pct": "Ejecución presupuestaria final (%)",
    "total_executed": "Total ejecutado (M$)",
    "components_spend": "Total gastos componentes (M$)",
    "admin_spend": "Gasto administrativo (M$)",
    "component_share_pct": "Porcentaje gastos componentes",
    "admin_share_pct": "Porcentaje gasto administrativo",
    "spend_per_beneficiary": "Gasto por beneficiario (M$)",
}


def metrics_as_json(file: str, m: Metrics) -> dict[str, Any]:
    """The ``--json`` object of one file: unrounded values or code strings, years as strings."""
    return {
        "file": file,
        "id": m.submission_id,
        "edition": m.edition,
        "price_base_year": m.price_base_year,
        "metrics": {
            name: {str(y): formatting.plain(v) for y, v in series.items()}
            for name, series in m.yearly.items()
        },
        "provenance": {name: {str(y): p for y, p in series.items()} for name, series in m.provenance.items()},
        "components": [
            {
                "id": c.id,
                "name": c.name,
                "unit": c.unit,
                "unit_cost": {str(y): formatting.plain(v) for y, v in c.unit_cost.items()},
            }
            for c in m.components
        ],
        "regional": {
            "year": m.regional_year,
            "rows": [
                {
                    "region": r.region,
                    "name": r.name,
                    "spend": formatting.plain(r.spend),
                    "served": formatting.plain(r.served),
                    "spend_share_pct": formatting.plain(r.spend_share_pct),
                    "served_share_pct": formatting.plain(r.served_share_pct),
                }
                for r in m.regions
            ],
            "totals": {k: formatting.plain(v) for k, v in m.region_totals.items()},
        },
    }


def _table(file: str, m: Metrics) -> Table:
    rounding = reference.edition_conventions(m.edition).rounding
    table = Table(title=f"{m.submission_id} — edición {m.edition}, M${m.price_base_year} ({file})")
    table.add_column("Métrica")
    for year in m.years:
        table.add_column(str(year), justify="right")
    for name, series in m.yearly.items():
        pct = name.endswith("_pct")
        cells = []
        for year in m.years:
            value = series[year]
            text = (
                formatting.percent(value, rounding.percent_decimals, rounding.mode)
                if pct
                else (
                    formatting.number(value, rounding.unit_cost_decimals, rounding.mode)
                    if name == "spend_per_beneficiary"
                    else formatting.money(value)
                )
            )
            cells.append(text + (" *" if m.provenance[name][year] == "published" else ""))
        table.add_row(LABELS.get(name, name), *cells)
    for comp in m.components:
        cells = [
            formatting.number(comp.unit_cost[y], rounding.unit_cost_decimals, rounding.mode)
            + (" *" if comp.provenance[y] == "published" else "")
            for y in m.years
        ]
        table.add_row(f"Gasto unitario: {comp.name}", *cells)
    table.caption = "* cifra publicada en la ficha sin sus insumos (no calculada)"
    return table


def metrics(
    files: Annotated[list[Path], typer.Argument(help="Archivos de datos (YAML o JSON).")],
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON (valores sin redondear).")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Agrega de dónde sale cada cifra (fórmula, datos, redondeo).")
    ] = False,
) -> None:
    """Calcula cobertura, ejecución, gasto por beneficiario, costos unitarios y participaciones."""
    results: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            sub = read_submission(path)
            m = compute_metrics(sub)
        except InputError as exc:
            failed = True
            report_problems(exc.problems)
            results.append({"file": str(path), "errors": [p.as_dict() for p in exc.problems]})
            continue
        explanations = explain_metrics(sub) if explain else []
        if as_json:
            results.append(
                metrics_as_json(str(path), m)
                | ({"explanations": [metric_dict(e) for e in explanations]} if explain else {})
            )
        else:
            stdout.print(_table(str(path), m))
            for e in explanations:
                stdout.print("\n".join(metric_lines(e)), highlight=False, markup=False)
    if as_json:
        emit_json(results)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def register(app: typer.Typer) -> None:
    app.command()(metrics)
