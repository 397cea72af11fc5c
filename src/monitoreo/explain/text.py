"""Explanations as Spanish text (CLI, portal) and as JSON-ready dicts (``--json``, the API, the ``.json``
twin). The computation line reads like a hand calculation: «3.389 / 13.280 = 25,52 % → 25,5%» — the inputs
as reported, the unrounded result to two decimals, then the figure as the ficha prints it."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from monitoreo import formatting
from monitoreo.domain.values import Missing, Num
from monitoreo.explain.findings import OutcomeExplanation
from monitoreo.explain.metrics import MetricExplanation
from monitoreo.metrics.compute import PUBLISHED

_JOIN = {"percent": " / ", "divide": " / ", "sum": " + ", "value": ""}


def _num(value: Num) -> str:
    """An input as reported: whole numbers without decimals, others with up to two."""
    if isinstance(value, Missing):
        return value.value
    return formatting.number(value, 0 if value == value.to_integral_value() else 2)


def computation(e: MetricExplanation) -> str:
    """The hand calculation from the inputs to the printed figure."""
    if e.provenance == PUBLISHED:
        return f"Cifra publicada: {e.printed}"
    if e.operation == "value":
        return f"Dato informado: {e.printed}"
    left = _JOIN[e.operation].join(_num(i.value) for i in e.inputs)
    if isinstance(e.value, Missing):
        return f"{left} = {e.value.value}"
    raw = formatting.number(e.value, 2) + (" %" if e.operation == "percent" else "")
    return f"{left} = {raw} → {e.printed}"


def metric_title(e: MetricExplanation) -> str:
    """«Cobertura 2023» (with the component for unit costs)."""
    return e.label + (f" «{e.component_name}»" if e.component_name else "") + f" {e.year}"


def metric_lines(e: MetricExplanation, *, paths: bool = True) -> list[str]:
    """The explanation as lines of text; ``paths`` adds each input's field path (CLI, not the portal)."""
    lines = [
        f"{metric_title(e)} (edición {e.edition}, montos en M${e.price_base_year})",
        f"  Fórmula: {e.words}",
        f"           {e.symbols}",
        "  Datos:",
    ]
    for i in e.inputs:
        where = f"  [{i.path}]" if paths and not i.path.startswith("metric:") else ""
        lines.append(f"    {i.symbol} = {i.label} {i.year}: {_num(i.value)}{where}")
    lines.append(f"  Cálculo: {computation(e)} ({e.rounding})")
    lines += [f"  Nota: {note}" for note in e.notes]
    return lines


def _plain(value: Any) -> Any:
    if isinstance(value, Missing):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    return value


def metric_dict(e: MetricExplanation) -> dict[str, Any]:
    """JSON-ready explanation (values unrounded, codes as strings, inputs' own explanations nested)."""
    return {
        "metric": e.metric,
        "label": e.label,
        "year": e.year,
        "component": e.component,
        "component_name": e.component_name,
        "edition": e.edition,
        "price_base_year": e.price_base_year,
        "money_unit": f"M${e.price_base_year}",
        "formula": {"words": e.words, "symbols": e.symbols, "operation": e.operation},
        "inputs": [
            {
                "symbol": i.symbol,
                "label": i.label,
                "path": i.path,
                "year": i.year,
                "value": _plain(i.value),
                "code": i.code,
                "explanation": metric_dict(i.explanation) if i.explanation else None,
            }
            for i in e.inputs
        ],
        "value": _plain(e.value),
        "provenance": e.provenance,
        "printed": e.printed,
        "rounding": e.rounding,
        "computation": computation(e),
        "notes": list(e.notes),
    }


def outcome_lines(o: OutcomeExplanation, *, sources: bool = True) -> list[str]:
    """A rule outcome's explanation as lines of text; ``sources`` adds the edition file's source of each
    parameter (written for reviewers of the edition: the CLI and the JSON keep it, the public page does not)."""
    subject = f" — Indicador de propósito {o.indicator}" if o.indicator else ""
    state = f", {o.status}" if o.status else ""
    lines = [f"{o.rule_title}{subject} ({o.dimension}: {o.verdict}{state}; edición {o.edition})"]
    if o.sentence:
        lines.append(f"  Frase: «{o.sentence}»")
    if o.compared:
        lines.append("  Valores comparados: " + "; ".join(f"{c.label}: {c.text}" for c in o.compared))
    if o.parameters:
        lines.append(
            "  Parámetros de la edición: "
            + "; ".join(
                f"{p.label.rstrip('.')}: {p.text}"
                + (f" (fuente: {p.source})" if sources and p.source else "")
                for p in o.parameters
            )
        )
    lines += [f"  {line}" for line in o.decided_by]
    lines.append(f"  {o.why}")
    return lines


def outcome_dict(o: OutcomeExplanation) -> dict[str, Any]:
    """JSON-ready explanation of a rule outcome."""
    data = asdict(o)
    data["compared"] = [{**c, "value": _plain(c["value"])} for c in data["compared"]]
    return data
