"""The completeness rule of a report (edition 2025: every value of the evaluated year present, a number or a
code) and each section's state, on the 2025 report of Alianzas Productivas pre-filled from the 2023 seed."""

from __future__ import annotations

import copy
from typing import Any

from monitoreo.cycle.completeness import SectionStatus, completeness, present, rule_for
from monitoreo.cycle.fields import label_of

STATES = {
    "identity": SectionStatus.COMPLETE,
    "populations": SectionStatus.EMPTY,
    "budget": SectionStatus.EMPTY,
    "components": SectionStatus.EMPTY,
    "indicators": SectionStatus.EMPTY,
    "observations": SectionStatus.EMPTY,
    # edition 2025 only; the 2023 seed reports neither, and neither is required to submit
    "executors": SectionStatus.EMPTY,
    "complementarities": SectionStatus.EMPTY,
}


def test_the_untouched_prefilled_report_is_incomplete(prefilled: dict[str, Any]) -> None:
    state = completeness(prefilled)
    assert not state.complete
    assert {s.section: s.status for s in state.sections} == STATES
    # 3 populations + 6 budget rows + 2 components × (spend, output) + 1 indicator, all of 2025
    assert [(s.section, s.required, s.filled) for s in state.sections if s.required] == [
        ("populations", 3, 0),
        ("budget", 6, 0),
        ("components", 4, 0),
        ("indicators", 1, 0),
    ]
    labels = [g.where for g in state.gaps]
    assert labels[:3] == [
        "Población potencial — cuantificación 2025",
        "Población objetivo — cuantificación 2025",
        "Población beneficiada — cuantificación 2025",
    ]
    assert "Componente 1 · asesoria-tecnica — Gasto ejecutado 2025" in labels
    assert all("." not in g.where.split(" — ")[-1] for g in state.gaps)  # labels, never data paths


def _fill(data: dict[str, Any], skip: str = "") -> dict[str, Any]:
    out = copy.deepcopy(data)
    pops = out["populations"]
    for name, value in (("potential", "S/I"), ("target", "13400"), ("served", "3500")):  # a code is an answer
        pops.setdefault(name, {}).setdefault("quantity", {})["2025"] = value
    out["budget"]["years"]["2025"] = {
        "initial": "5100000",
        "final": "4700000",
        "executed": "4230000",
        "regional_government": "-",
        "extra_budgetary": "N/A",
    }
    out["budget"].setdefault("admin_spend", {})["2025"] = "530000"
    for comp in out["components"]:
        comp.setdefault("spend", {})["2025"] = "1000"
        comp.setdefault("output", {})["2025"] = "10"
    out["indicators"][0].setdefault("values", {})["2025"] = "50"
    if skip == "executed":
        del out["budget"]["years"]["2025"]["executed"]
    return out


def test_every_value_or_code_makes_it_complete(prefilled: dict[str, Any]) -> None:
    state = completeness(_fill(prefilled))
    assert state.complete and state.gaps == ()
    assert {s.section: s.status for s in state.sections}["budget"] is SectionStatus.COMPLETE


def test_one_blank_value_is_a_problem_of_its_section_only(prefilled: dict[str, Any]) -> None:
    state = completeness(_fill(prefilled, skip="executed"))
    by_section = {s.section: s for s in state.sections}
    assert by_section["budget"].status is SectionStatus.PROBLEMS
    assert [(g.path, g.where) for g in by_section["budget"].gaps] == [
        ("budget.years.2025.executed", "Presupuesto ejecutado 2025")
    ]
    assert by_section["populations"].status is SectionStatus.COMPLETE


def test_blocking_errors_mark_the_section(prefilled: dict[str, Any]) -> None:
    state = completeness(_fill(prefilled), {"indicators": 2})
    by_section = {s.section: s for s in state.sections}
    assert (by_section["indicators"].status, by_section["indicators"].errors) == (SectionStatus.PROBLEMS, 2)
    assert state.complete  # completeness is about values; errors are counted apart


def test_rule_per_edition_and_blank_text() -> None:
    assert rule_for(2025).offsets == (0,) and "budget" in rule_for(2025).sections
    assert rule_for("no es un año") == rule_for(1999)  # the default rule
    assert not present("  ") and not present(None) and present("-") and present("0")


def test_labels_name_fields_and_containers(prefilled: dict[str, Any]) -> None:
    assert (
        label_of(prefilled, "components.0.spend.2024").label
        == "Componente 1 · asesoria-tecnica — Gasto ejecutado 2024"
    )
    ref = label_of(prefilled, "budget.years.2025")
    assert (ref.section, ref.label, ref.anchor) == (
        "budget",
        "Presupuesto (M$ del año de precios), año 2025",
        "budget.years.2025.initial",
    )
    assert label_of(prefilled, "history.ex_ante").label == "Historial de evaluaciones"
