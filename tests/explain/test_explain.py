"""«¿De dónde sale este número?»: every derived figure of both seeds has an explanation whose inputs
recompute it, and every finding explains what decided it (docs/explanations.md)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.domain.metric_names import YEARLY_METRICS
from monitoreo.domain.submission import Submission
from monitoreo.domain.values import Missing
from monitoreo.explain import ExplainError, explain_metric, explain_metrics, explain_outcomes
from monitoreo.explain.metrics import evidence_labels, formulas
from monitoreo.explain.text import computation, metric_dict, metric_lines
from monitoreo.io import read_submission
from monitoreo.methodology import evaluate
from monitoreo.metrics import compute_metrics

SEEDS = {
    "s23": "examples/seeds/alianzas-productivas-2023.yaml",
    "s20": "examples/seeds/internacionalizacion-pymes-2020.yaml",
}


@pytest.fixture(params=["s23", "s20"])
def seed(request: pytest.FixtureRequest) -> Submission:
    sub: Submission = request.getfixturevalue(request.param)
    return sub


def test_every_metric_has_a_formula() -> None:
    assert set(YEARLY_METRICS) | {"unit_cost"} <= set(formulas())


def test_every_computed_figure_is_recomputed_from_its_explained_inputs(seed: Submission) -> None:
    m = compute_metrics(seed)
    explanations = explain_metrics(seed)
    assert len(explanations) == len(m.yearly) * len(seed.years) + len(seed.components) * len(seed.years)
    checked = 0
    for e in explanations:
        expected = (
            m.yearly[e.metric][e.year]
            if e.metric != "unit_cost"
            else next(c.unit_cost[e.year] for c in m.components if c.id == e.component)
        )
        assert e.value == expected, (e.metric, e.year)
        if e.provenance == "computed":
            assert e.recompute() == expected, (e.metric, e.year, e.component)
            checked += isinstance(expected, Decimal)
    assert checked >= 10


def test_s23_coverage_reads_like_a_hand_calculation(s23: Submission) -> None:
    e = explain_metric(s23, "coverage_pct", 2023)
    assert computation(e) == "3.389 / 13.280 = 25,52 % → 25,5%"
    assert [(i.path, i.year, i.value) for i in e.inputs] == [
        ("populations.served.quantity.2023", 2023, Decimal("3389")),
        ("populations.target.quantity.2023", 2023, Decimal("13280")),
    ]
    assert e.rounding == "redondeado a 1 decimal, la mitad hacia arriba"


def test_s23_spend_per_beneficiary_uses_the_2023_formula_and_names_the_price_base(s23: Submission) -> None:
    e = explain_metric(s23, "spend_per_beneficiary", 2023)
    assert e.symbols == "GxB_t = (Componentes_t + GA_t) / PB_t"
    inner = e.inputs[0].explanation
    assert inner is not None and inner.operation == "sum"
    assert computation(e) == "4.219.214 / 3.389 = 1.244,97 → 1.245,0"  # docs/metrics.md: GxB 2023 of S23
    assert any("M$2024" in note for note in e.notes)


def test_s23_unit_cost_prints_as_the_ficha(s23: Submission) -> None:
    [asesoria] = [c for c in s23.components if c.name.startswith("Asesoría")]
    e = explain_metric(s23, "unit_cost", 2023, asesoria.id)
    assert computation(e) == "2.386.083 / 3.389 = 704,07 → 704,1"


def test_s20_published_figure_says_why_it_cannot_be_recomputed(s20: Submission) -> None:
    e = explain_metric(s20, "coverage_pct", 2020)
    assert e.provenance == "published"
    assert all(isinstance(i.value, Missing) for i in e.inputs)
    assert computation(e).startswith("Cifra publicada: ")
    assert "no se puede recalcular" in e.notes[0] and "(S/I)" in e.notes[0]


def test_s20_spend_per_beneficiary_uses_the_executed_formula(s20: Submission) -> None:
    e = explain_metric(s20, "spend_per_beneficiary", 2020)
    assert e.symbols == "GxB_t = Ejecutado_t / PB_t"
    assert e.rounding.startswith("truncado a")


def test_unknown_metric_year_or_component_is_a_coded_error(s23: Submission) -> None:
    for args in (("nada", 2023, None), ("coverage_pct", 1999, None), ("unit_cost", 2023, "no-existe")):
        with pytest.raises(ExplainError):
            explain_metric(s23, *args)


def test_s23_indicator_finding_shows_the_decrease_the_justification_and_why_superado(s23: Submission) -> None:
    [o] = [o for o in explain_outcomes(s23, evaluate(s23)) if o.rule == "effectiveness.purpose_indicator"]
    assert o.status == "superado"
    compared = {c.label: c.text for c in o.compared}
    assert compared["Valor del indicador"] == "59" and compared["Valor del año anterior"] == "62"
    assert any(line.startswith("Justificación del Servicio") and "mieles" in line for line in o.decided_by)
    assert any(line.startswith("Veredicto del evaluador: pertinente") for line in o.decided_by)
    assert o.why.startswith("Hallazgo superado")


def test_s20_unresolved_findings_compare_the_value_with_the_threshold(s20: Submission) -> None:
    outcomes = {o.code: o for o in explain_outcomes(s20, evaluate(s20))}
    o = outcomes["efficiency.initial_execution.under"]
    compared = {c.label: c.text for c in o.compared}
    assert compared["Umbral inferior (estricto)"] == "85,0 %"
    assert o.why.startswith("Hallazgo no superado")
    assert any(p.name == "under_pct" and p.source for p in o.parameters)


def test_every_evidence_value_has_a_spanish_name(seed: Submission) -> None:
    labels = evidence_labels()
    for o in explain_outcomes(seed, evaluate(seed)):
        for c in o.compared:
            assert c.label != c.key, f"{o.code}: «{c.key}» sin nombre en explain/formulas.yaml"
    assert all(spec["label"] for spec in labels.values())


@pytest.mark.parametrize("path", sorted(Path("examples/2025").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_evidence_value_of_the_2025_examples_has_a_spanish_name(path: Path) -> None:
    sub = read_submission(path)
    explained = explain_outcomes(sub, evaluate(sub))
    assert explained
    for o in explained:
        for c in o.compared:
            assert c.label != c.key, f"{o.code}: «{c.key}» sin nombre en explain/formulas.yaml"
        assert o.why and o.rule_title != o.rule


def test_lines_and_json_carry_the_same_computation(s23: Submission) -> None:
    e = explain_metric(s23, "coverage_pct", 2023)
    assert any("3.389 / 13.280" in line for line in metric_lines(e))
    assert metric_dict(e)["computation"] == computation(e)
    json.dumps(metric_dict(e))


def test_cli_explain_json_and_errors() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["explain", SEEDS["s23"], "--metric", "coverage_pct", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["metrics"][0]["computation"] == "3.389 / 13.280 = 25,52 % → 25,5%"
    assert data["outcomes"] == []
    result = runner.invoke(
        app, ["explain", SEEDS["s23"], "--finding", "effectiveness.purpose_indicator", "--json"]
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["outcomes"][0]["status"] == "superado"
    result = runner.invoke(app, ["explain", SEEDS["s23"], "--metric", "nada"])
    assert result.exit_code == 2 and "explain.E001" in result.output


def test_cli_metrics_explain_adds_explanations() -> None:
    result = CliRunner().invoke(app, ["metrics", "--explain", "--json", SEEDS["s23"]])
    assert result.exit_code == 0
    [entry] = json.loads(result.stdout)
    assert len(entry["explanations"]) > 20


def test_open_data_bundle_documents_the_formulas_per_edition(tmp_path: Path) -> None:
    from monitoreo.publish import publish_bundle

    manifest = publish_bundle([read_submission(p) for p in SEEDS.values()], tmp_path / "datos")
    assert "formulas.json" in manifest.files
    data = json.loads((tmp_path / "datos" / "formulas.json").read_text(encoding="utf-8"))
    assert data["2020"]["spend_per_beneficiary"]["symbols"] == "GxB_t = Ejecutado_t / PB_t"
    assert data["2023"]["spend_per_beneficiary"]["symbols"] == "GxB_t = (Componentes_t + GA_t) / PB_t"
    assert (data["2020"]["coverage_pct"]["rounding"], data["2023"]["coverage_pct"]["rounding"]) == (
        "truncate",
        "half_up",
    )
    assert data["2023"]["total_executed"]["money"] == "M$2024"
