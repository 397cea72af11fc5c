"""Form values in es-CL, the web form's own codes and data paths named by label."""

from __future__ import annotations

from typing import Any

from monitoreo.cycle.fields import form_problem, form_value, normalize_path
from monitoreo.errors import Problem
from monitoreo.ingest.excel import parse_number


def test_numbers_are_shown_with_es_cl_thousands_and_read_back() -> None:
    cases = {
        "5100000": "5.100.000",
        "59.5": "59,5",
        "6134592.50": "6.134.592,5",
        "0": "0",
        "-12.25": "-12,25",
    }
    for stored, shown in cases.items():
        assert form_value("amount", stored) == shown
        assert parse_number(shown) == parse_number(stored)
    assert form_value("amount", "S/I") == "S/I" and form_value("number", "-") == "-"
    assert form_value("amount", None) == "" and form_value("text", "Permanente") == "Permanente"
    assert form_value("amount", "no es número") == "no es número"  # never raises
    assert form_value("list", ["maule", "biobio"]) == "maule, biobio"


def test_excel_codes_become_form_codes() -> None:
    problem = form_problem(
        Problem(
            "reporte",
            "budget.years.2025.initial",
            "excel.E010",
            "«mucho»: se esperaba un número o S/I, N/A, N/C, -",
        )
    )
    assert problem.code == "form.E010" and problem.path == "budget.years.2025.initial"
    assert problem.message.startswith("«mucho»: se esperaba un número (p. ej. 5.100.000 o 25,5)")
    other = Problem("reporte", "x", "input.E010", "falta")
    assert form_problem(other) is other


def test_component_ids_in_paths_become_positions(prefilled: dict[str, Any]) -> None:
    assert (
        normalize_path(prefilled, "components.cofinanciamiento-proyectos-inversion.spend.2024")
        == "components.1.spend.2024"
    )
    assert normalize_path(prefilled, "components.desconocido.spend") == "components.desconocido.spend"
    assert normalize_path(prefilled, "budget.years.2025") == "budget.years.2025"
