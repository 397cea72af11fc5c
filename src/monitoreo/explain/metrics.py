"""«¿De dónde sale este número?» for metrics: the formula of a metric value in words and symbols, each input
with its field path, year, value and missing-value code, the price base, the rounding and the printed result
(docs/explanations.md).

Contract: pure functions of a submission; they never recompute a metric differently from
``monitoreo.metrics`` — they read the formulas' description from ``formulas.yaml`` and the value from
``compute_metrics``, and ``recompute`` re-derives the value from the listed inputs so a test can prove that
the explanation and the metric agree."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import yaml

from monitoreo import formatting, reference
from monitoreo.domain.budget import BudgetYear
from monitoreo.domain.periods import Year
from monitoreo.domain.submission import Submission
from monitoreo.domain.values import Missing, Num, div, percent, total
from monitoreo.errors import MonitoreoError
from monitoreo.metrics import Metrics, compute_metrics
from monitoreo.metrics.compute import PUBLISHED

_MODE_WORDS = {
    "half_up": "redondeado a {n}, la mitad hacia arriba",
    "truncate": "truncado a {n}, sin redondear",
}


def _decimals(n: int) -> str:
    return "1 decimal" if n == 1 else f"{n} decimales"


class ExplainError(MonitoreoError):
    """The metric, year or component asked for does not exist in the submission."""

    code = "explain.E001"


@cache
def _data() -> dict[str, dict[str, Any]]:
    text = resources.files("monitoreo.explain").joinpath("formulas.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return data


def formulas() -> dict[str, dict[str, Any]]:
    """The formula descriptions of ``formulas.yaml`` (docs/explanations.md)."""
    return _data()["metrics"]


def evidence_labels() -> dict[str, dict[str, str]]:
    """Spanish names and kinds of the evidence values rules record (``formulas.yaml``, ``evidence``)."""
    return _data()["evidence"]


@dataclass(frozen=True)
class Input:
    """One value a formula reads: a field of the data file or another metric (``explanation`` set)."""

    symbol: str
    label: str
    path: str
    year: Year
    value: Num
    explanation: MetricExplanation | None = None

    @property
    def code(self) -> str | None:
        """The missing-value code (S/I, N/A, N/C, «-») when the input is not a number."""
        return self.value.value if isinstance(self.value, Missing) else None


@dataclass(frozen=True)
class MetricExplanation:
    """Why ``metric`` of ``year`` (of ``component``) is what it is."""

    metric: str
    label: str
    year: Year
    edition: int
    price_base_year: int
    words: str
    symbols: str
    operation: str
    print_kind: str
    inputs: tuple[Input, ...]
    value: Num
    provenance: str
    printed: str
    rounding: str
    component: str | None = None
    component_name: str | None = None
    notes: tuple[str, ...] = field(default=())

    def recompute(self) -> Num:
        """The value re-derived from ``inputs`` with the formula's operation (missing codes propagate)."""
        return combine(self.operation, [i.value for i in self.inputs])


def combine(operation: str, values: list[Num]) -> Num:
    """Apply a formula's ``operation`` (percent, divide, sum, value) with the domain's arithmetic."""
    if operation == "percent":
        return percent(values[0], values[1])
    if operation == "divide":
        return div(values[0], values[1])
    if operation == "sum":
        return total(values)
    return values[0]


def _series_value(series: dict[Year, Num], year: Year) -> Num:
    return series.get(year, Missing.NOT_REPORTED)


def lookup(sub: Submission, path: str) -> Num:
    """The value at ``path`` (``budget.years.2023.executed``, ``components.asesoria.spend.2023``…) with the
    metrics' reading of absences: an absent year or population is S/I, an absent budget year has the
    defaults of ``BudgetYear`` (GORE and extrapresupuestario «-»)."""
    parts = path.split(".")
    head = parts[0]
    if head == "populations":
        population = getattr(sub.populations, parts[1])
        return (
            Missing.NOT_REPORTED if population is None else _series_value(population.quantity, int(parts[3]))
        )
    if head == "budget" and parts[1] == "years":
        year_budget = sub.budget.years.get(int(parts[2])) or BudgetYear()
        value: Num | None = getattr(year_budget, parts[3])
        return Missing.NOT_REPORTED if value is None else value
    if head == "budget" and parts[1] == "admin_spend":
        return _series_value(sub.budget.admin_spend, int(parts[2]))
    if head == "components":
        component = next(c for c in sub.components if c.id == parts[1])
        return _series_value(getattr(component, parts[2]), int(parts[3]))
    raise ExplainError(f"ruta de campo desconocida: {path}")


def _printed(kind: str, value: Num, edition: int) -> tuple[str, str]:
    """(printed text as the ficha prints it, the rounding convention in words)."""
    rounding = reference.edition_conventions(edition).rounding
    if kind == "percent":
        n = rounding.percent_decimals
        return formatting.percent(value, n, rounding.mode), _MODE_WORDS[rounding.mode].format(n=_decimals(n))
    if kind == "unit":
        n = rounding.unit_cost_decimals
        return formatting.number(value, n, rounding.mode), _MODE_WORDS[rounding.mode].format(n=_decimals(n))
    return formatting.money(value), _MODE_WORDS["half_up"].format(n=_decimals(0))


def _spec(name: str, sub: Submission) -> dict[str, Any]:
    spec = formulas()[name]
    if "variants" in spec:
        formula = reference.edition_conventions(sub.edition).spend_per_beneficiary
        return {**spec, **spec["variants"][formula]}
    return spec


def _metric_value(m: Metrics, name: str, year: Year, component: str | None) -> tuple[Num, str]:
    if name == "unit_cost":
        comp = next(c for c in m.components if c.id == component)
        return comp.unit_cost[year], comp.provenance[year]
    if name in m.yearly:
        return m.yearly[name][year], m.provenance[name][year]
    # Intermediate sums (components + admin) are not metrics of their own: derived here from their inputs.
    return Missing.NOT_REPORTED, "computed"


def _inputs(
    sub: Submission, m: Metrics, spec: dict[str, Any], year: Year, component: str | None
) -> list[Input]:
    inputs: list[Input] = []
    for item in spec["inputs"]:
        if item.get("each") == "component":
            for comp in sub.components:
                path = item["path"].format(component=comp.id, year=year)
                label = item["label"].format(name=comp.name)
                inputs.append(Input(item["symbol"], label, path, year, lookup(sub, path)))
            continue
        path = item["path"].format(component=component, year=year)
        if path.startswith("metric:"):
            inner = _explain(sub, m, path.removeprefix("metric:"), year, None)
            inputs.append(Input(item["symbol"], item["label"], path, year, inner.value, inner))
        else:
            inputs.append(Input(item["symbol"], item["label"], path, year, lookup(sub, path)))
    return inputs


def _explain(sub: Submission, m: Metrics, name: str, year: Year, component: str | None) -> MetricExplanation:
    spec = _spec(name, sub)
    inputs = _inputs(sub, m, spec, year, component)
    operation, notes = spec["operation"], []
    reported = spec.get("reported")
    if reported:
        informed = getattr(sub.budget.years.get(year) or BudgetYear(), reported.rsplit(".", 1)[1])
        parts = combine(operation, [i.value for i in inputs])
        if informed is not None and informed != parts:
            inputs = [
                Input(spec["label"], f"{spec['label']} informado", reported.format(year=year), year, informed)
            ]
            operation = "value"
            notes.append(
                f"La ficha imprime el total que informa el programa; la suma de sus partes da "
                f"{formatting.money(parts)}."
            )
    value, provenance = _metric_value(m, name, year, component)
    if name not in m.yearly and name != "unit_cost":
        value = combine(operation, [i.value for i in inputs])
    if provenance == PUBLISHED:
        missing = [i.label for i in inputs if isinstance(i.value, Missing)]
        codes = "/".join(sorted({str(i.code) for i in inputs if i.code}))
        verb = "no se informa" if len(missing) == 1 else "no se informan"
        notes.append(
            f"Cifra impresa en la ficha publicada, tal como se publicó: no se puede recalcular porque "
            f"{' y '.join(missing)} {verb} ({codes})."
        )
    if any(i.path.startswith(("budget.", "metric:")) or ".spend." in i.path for i in inputs):
        notes.append(price_note(sub, year))
    printed, rounding = _printed(spec["print"], value, sub.edition)
    return MetricExplanation(
        metric=name,
        label=spec["label"],
        year=year,
        edition=sub.edition,
        price_base_year=sub.price_base_year,
        words=spec["words"],
        symbols=spec["symbols"],
        operation=operation,
        print_kind=spec["print"],
        inputs=tuple(inputs),
        value=value,
        provenance=provenance,
        printed=printed,
        rounding=rounding,
        component=component,
        notes=tuple(notes),
        component_name=next((c.name for c in sub.components if c.id == component), None),
    )


def explain_metric(
    sub: Submission, metric: str, year: Year, component: str | None = None, metrics: Metrics | None = None
) -> MetricExplanation:
    """The explanation of ``metric`` in ``year`` (``component`` for ``unit_cost``); an unknown metric, year
    or component is an ``ExplainError`` naming it."""
    if metric not in formulas():
        known = ", ".join(sorted(formulas()))
        raise ExplainError(f"métrica desconocida «{metric}» (conocidas: {known})")
    if year not in sub.years:
        raise ExplainError(
            f"el año {year} no está entre los años de la ficha ({', '.join(map(str, sub.years))})"
        )
    if metric == "unit_cost" and component not in {c.id for c in sub.components}:
        raise ExplainError(f"componente desconocido «{component}»")
    return _explain(sub, metrics or compute_metrics(sub), metric, year, component)


def explain_metrics(sub: Submission) -> list[MetricExplanation]:
    """Every yearly metric of every year shown, then every component's unit cost."""
    m = compute_metrics(sub)
    out = [_explain(sub, m, name, year, None) for name in m.yearly for year in sub.years]
    out += [_explain(sub, m, "unit_cost", year, c.id) for c in sub.components for year in sub.years]
    return out


def price_note(sub: Submission, year: Year) -> str:
    """How amounts of ``year`` reach the price base: the printed inflator of that year, when the ficha
    prints a table (docs/metrics.md, constant prices)."""
    table = sub.inflators
    if table is None or year not in table.factors:
        return f"Montos en M${sub.price_base_year} (miles de pesos de {sub.price_base_year})."
    factor: Decimal = table.factors[year]
    return (
        f"Montos en M${sub.price_base_year} (miles de pesos de {sub.price_base_year}): los pesos de {year} "
        f"se multiplicaron por el inflactor {formatting.number(factor, 4)} (tabla base {table.base})."
    )


def formula_catalogue(edition: int) -> dict[str, dict[str, Any]]:
    """Every metric's formula as ``edition`` defines it (variants resolved), its inputs and how it is printed
    and rounded: what the open-data bundle documents per edition (``formulas.json``)."""
    conventions = reference.edition_conventions(edition)
    rounding = conventions.rounding
    decimals = {"percent": rounding.percent_decimals, "unit": rounding.unit_cost_decimals, "money": 0}
    catalogue = {}
    for name, spec in formulas().items():
        resolved = (
            {**spec, **spec["variants"][conventions.spend_per_beneficiary]} if "variants" in spec else spec
        )
        catalogue[name] = {
            "label": resolved["label"],
            "words": resolved["words"],
            "symbols": resolved["symbols"],
            "operation": resolved["operation"],
            "inputs": [
                {"symbol": i["symbol"], "label": i["label"], "path": i["path"]} for i in resolved["inputs"]
            ],
            "printed_as": resolved["print"],
            "decimals": decimals[resolved["print"]],
            "rounding": rounding.mode if resolved["print"] != "money" else "half_up",
            "money": f"M${conventions.price_base_year}",
        }
    return catalogue
