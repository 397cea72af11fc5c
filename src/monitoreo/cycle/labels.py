"""Names people read for the metrics, the rules' recorded figures and the evaluator's judgements, and the
figures behind a finding with the form fields they come from (``labels.yaml``).

Contract: ``metric_label(id)``, ``judgement_label(code)`` never return an internal id (unknown ids get a
generic Spanish name); ``figures(outcome_values, data, year)`` → ``Figure``s in the rule's order, values in
es-CL, each with the ``Source`` fields (label, shown value, form path) of the metric behind it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from monitoreo import formatting
from monitoreo.cycle.fields import form_value, label_of
from monitoreo.ingest.excel import get_path

LABELS_FILE = Path(__file__).with_name("labels.yaml")
UNKNOWN_FIGURE = "Otro dato de la regla"
_YEAR = re.compile(r"^(.*)_(\d{4})$")


@dataclass(frozen=True)
class Source:
    label: str
    value: str
    path: str
    section: str | None = None


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    sources: tuple[Source, ...] = ()


@cache
def _labels() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
    return raw


def metric_label(name: str) -> str:
    spec = _labels()["metrics"].get(name)
    return str(spec["label"]) if spec else "Otra métrica"


def judgement_label(code: str) -> str:
    """The judgement's question as the methodology words it (the rule registry), else a generic name."""
    from monitoreo.methodology.registry import judgement_codes

    return judgement_codes().get(code) or "Juicio del evaluador"


def show(value: Any, decimals: int = 1) -> str:
    """A recorded figure in es-CL: numbers with up to ``decimals`` decimals, Sí/No, codes as themselves."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "Sí" if value else "No"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return str(value)
    return formatting.number(number, 0 if number == number.to_integral_value() else decimals)


def _spec(key: str) -> tuple[dict[str, Any] | None, int | None]:
    evidence = _labels()["evidence"]
    if key in evidence:
        return evidence[key], None
    match = _YEAR.match(key)
    if match and f"{match.group(1)}_{{y}}" in evidence:
        return evidence[f"{match.group(1)}_{{y}}"], int(match.group(2))
    return None, None


def sources(metric: str, data: Mapping[str, Any], year: int) -> tuple[Source, ...]:
    """The form fields a metric of ``year`` is computed from, with what the report holds (blank = «vacío»)."""
    spec = _labels()["metrics"].get(metric) or {}
    out = []
    for template in spec.get("sources", []):
        path = template.replace("{year}", str(year))
        value = get_path(data, path)
        ref = label_of(data, path)
        out.append(
            Source(ref.label, form_value("amount", value) or "vacío (cuenta como S/I)", path, ref.section)
        )
    return tuple(out)


def figures(values: Mapping[str, Any], data: Mapping[str, Any], year: int, rule: str = "") -> list[Figure]:
    """See the module docstring; ``rule`` (the outcome's rule code) picks the metric of a shared figure name."""
    out = []
    judged = "judgement" in values
    remap = _labels().get("by_rule", {}).get(rule, {})
    for key, value in values.items():
        spec, key_year = _spec(key)
        if value is None and key != "judgement":
            if spec is not None and spec.get("missing"):
                out.append(Figure(str(spec["label"]), str(spec["missing"])))
            continue  # else: a threshold the edition does not set, a figure the rule could not compute
        if judged and key == "value":
            out.append(Figure("Respuesta del evaluador", show(value)))
            continue
        if spec is None:
            out.append(Figure(UNKNOWN_FIGURE, show(value)))
            continue
        label = str(spec["label"]).replace("{y}", str(key_year or year))
        if key == "direction" and isinstance(value, str):
            value = {
                "ascendente": "ascendente (más es mejor)",
                "descendente": "descendente (menos es mejor)",
            }.get(value, value)
        if key == "judgement" and isinstance(value, str):
            value = judgement_label(value)
        metric = remap.get(key) or spec.get("metric")
        found = sources(metric, data, key_year or year) if metric else ()
        if spec.get("field"):
            path = str(spec["field"]).replace("{year}", str(year))
            ref = label_of(data, path)
            found = (
                Source(
                    ref.label,
                    form_value("amount", get_path(data, path)) or "vacío (cuenta como S/I)",
                    path,
                    ref.section,
                ),
            )
        out.append(Figure(label, show(value), found))
    return out
