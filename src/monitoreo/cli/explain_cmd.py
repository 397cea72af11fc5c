"""``monitoreo explain FILE [--metric NAME --year Y [--component ID] | --finding CODE [--indicator N]]
[--json]``: where a figure or a finding of the ficha comes from (docs/explanations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from monitoreo.cli.output import EXIT_BAD_INPUT, emit_json, report_problems, stderr, stdout
from monitoreo.errors import InputError
from monitoreo.explain import ExplainError, explain_metric, explain_metrics, explain_outcomes
from monitoreo.explain.text import metric_dict, metric_lines, outcome_dict, outcome_lines
from monitoreo.io import read_submission
from monitoreo.methodology import evaluate


def _fail(message: str) -> None:
    stderr.print(f"[bold red]error[/] explain.E001: {message}", highlight=False)
    raise typer.Exit(EXIT_BAD_INPUT)


def explain(
    file: Annotated[Path, typer.Argument(help="Archivo de datos (YAML o JSON).")],
    metric: Annotated[
        str | None, typer.Option("--metric", help="Métrica a explicar (p. ej. coverage_pct).")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Año de la métrica (por defecto, el año evaluado).")
    ] = None,
    component: Annotated[str | None, typer.Option("--component", help="Componente (para unit_cost).")] = None,
    finding: Annotated[
        str | None, typer.Option("--finding", help="Código del resultado o de la regla a explicar.")
    ] = None,
    indicator: Annotated[
        int | None, typer.Option("--indicator", help="N° del indicador de propósito.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Salida JSON.")] = False,
) -> None:
    """Explica de dónde sale una cifra o un hallazgo: fórmula, datos, redondeo, parámetros y decisiones."""
    try:
        sub = read_submission(file)
        metrics_out = []
        outcomes_out = []
        if finding is None:
            if metric is not None:
                metrics_out = [explain_metric(sub, metric, year or sub.evaluated_year, component)]
            else:
                metrics_out = explain_metrics(sub)
        if metric is None:
            outcomes_out = [
                o
                for o in explain_outcomes(sub, evaluate(sub))
                if finding is None
                or finding in (o.code, o.rule)
                and (indicator is None or o.indicator == indicator)
            ]
            if finding is not None and not outcomes_out:
                _fail(f"{file}: ningún resultado con el código «{finding}»")
    except InputError as exc:
        report_problems(exc.problems)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except ExplainError as exc:
        _fail(f"{file}: {exc}")
        return
    if as_json:
        data: dict[str, Any] = {
            "file": str(file),
            "id": sub.id,
            "edition": sub.edition,
            "metrics": [metric_dict(e) for e in metrics_out],
            "outcomes": [outcome_dict(o) for o in outcomes_out],
        }
        emit_json(data)
        return
    for e in metrics_out:
        stdout.print("\n".join(metric_lines(e)), highlight=False, markup=False)
    for o in outcomes_out:
        stdout.print("\n".join(outcome_lines(o)), highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    app.command()(explain)
