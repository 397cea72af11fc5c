"""Metrics, rule figures and judgements are named for people; a finding shows the fields behind it (the
admin-estimate finding of 2025 names «Recursos Gobiernos Regionales 2025 = S/I»)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from monitoreo.cycle.labels import UNKNOWN_FIGURE, figures, judgement_label, metric_label, show
from monitoreo.io.read import parse_submission
from monitoreo.methodology import evaluate, load_edition
from monitoreo.metrics import compute_metrics
from tests.conftest import ROOT

SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.yaml"))


def _filled_2025(prefilled: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(prefilled)
    data["populations"]["potential"] = {"quantity": {"2025": "S/I"}}
    data["populations"]["target"]["quantity"]["2025"] = "13400"
    data["populations"]["served"]["quantity"]["2025"] = "3500"
    data["budget"]["years"]["2025"] = {
        "initial": "5100000",
        "final": "4700000",
        "executed": "4230000",
        "regional_government": "S/I",
        "extra_budgetary": "-",
    }
    data["budget"].setdefault("admin_spend", {})["2025"] = "530000"
    for comp in data["components"]:
        comp.setdefault("spend", {})["2025"], comp.setdefault("output", {})["2025"] = "1000000", "100"
    data["indicators"][0].setdefault("values", {})["2025"] = "50"
    return data


def test_the_admin_estimate_finding_names_the_gore_field(
    previous: dict[str, Any], prefilled: dict[str, Any]
) -> None:
    data = _filled_2025(prefilled)
    evaluation = evaluate(parse_submission(data), edition=2025, history=(parse_submission(previous),))
    [outcome] = [o for o in evaluation.findings() if o.code == "efficiency.admin_spend_reported.not_reported"]
    shown = {f.label: f for f in figures(outcome.values, data, 2025, outcome.rule)}
    total = shown["Gasto total ejecutado del año evaluado (M$)"]
    assert total.value == "S/I"
    assert [(s.label, s.value, s.section) for s in total.sources] == [
        ("Presupuesto ejecutado 2025", "4.230.000", "budget"),
        ("Recursos Gobiernos Regionales 2025", "S/I", "budget"),
        ("Recursos extrapresupuestarios 2025", "-", "budget"),
    ]
    assert shown["Gasto administrativo del año evaluado (M$)"].value == "530.000"


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_every_figure_of_the_seeds_has_a_label(seed: Any) -> None:
    sub = parse_submission(yaml.safe_load(seed.read_text(encoding="utf-8")))
    data = sub.model_dump(mode="json")
    for outcome in evaluate(sub, edition=sub.edition).outcomes:
        for figure in figures(outcome.values, data, sub.evaluated_year, outcome.rule):
            assert figure.label != UNKNOWN_FIGURE, (outcome.code, outcome.values)
            assert "_" not in figure.label
    for name in compute_metrics(sub).yearly:
        assert metric_label(name) != "Otra métrica" and "_" not in metric_label(name), name


def test_final_execution_comes_from_the_final_budget(previous: dict[str, Any]) -> None:
    [figure, *_] = figures(
        {"execution_pct": 96.0, "under_pct": 90}, previous, 2023, "efficiency.final_execution"
    )
    assert [s.label for s in figure.sources] == ["Presupuesto ejecutado 2023", "Presupuesto final 2023"]


def test_judgements_are_worded_by_the_methodology() -> None:
    for code in load_edition(2025).judgements:
        label = judgement_label(code)
        assert label != "Juicio del evaluador" and code not in label and label.endswith(".")
    assert judgement_label("no.existe") == "Juicio del evaluador"


def test_show_formats_figures_in_es_cl() -> None:
    assert (show(82.94), show(4230000), show(True), show(None), show("S/I")) == (
        "82,9",
        "4.230.000",
        "Sí",
        "—",
        "S/I",
    )
