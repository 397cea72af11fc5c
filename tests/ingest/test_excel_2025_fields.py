"""Issue #13 item 3: the Excel template of an edition-2025 report has the «Ejecutores» and
«Complementariedades» sheets (the «Población objetivo» text is a row of «Identificación»): Sí/No and
executor-type dropdowns, unlocked input cells, read back equal; a type not in the list is ``excel.E017`` on
its cell, a flag that is not Sí/No ``excel.E016``. Reports of earlier editions have neither sheet."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook  # type: ignore[import-untyped]

from monitoreo.ingest.choices import executor_types
from monitoreo.ingest.excel import apply_entries, cells
from monitoreo.ingest.excel_book import read_workbook, write_workbook
from monitoreo.ingest.excel_style import INSTRUCTIONS_SHEET
from tests.conftest import ROOT
from tests.ingest.workbooks import report_data

EXAMPLES = sorted((ROOT / "examples" / "2025").glob("*.yaml"))
TYPES = [
    "Municipio",
    "Servicio o Institución Pública",
    "Organismo privado sin fines de lucro",
    "Organismo privado con fines de lucro",
    "Universidad",
    "Otro",
]


def example(name: str) -> dict[str, Any]:
    """An edition-2025 example as the web app stores a report (JSON: string keys and values)."""
    data: dict[str, Any] = json.loads(
        json.dumps(
            yaml.safe_load((ROOT / "examples" / "2025" / f"{name}.yaml").read_text(encoding="utf-8")),
            default=str,
        )
    )
    return data


def edited(content: bytes, changes: dict[tuple[str, str], Any]) -> bytes:
    book = load_workbook(io.BytesIO(content))
    for (sheet, address), value in changes.items():
        book[sheet][address] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_executor_types_are_the_six_of_the_2025_form() -> None:
    assert list(executor_types()) == TYPES


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_executors_complementarities_and_target_population_read_back_equal(path: Path) -> None:
    data = example(path.stem)
    new, problems = read_workbook(write_workbook(data), data)
    assert problems == []
    assert new is not None
    for key in ("executors", "complementarities", "target_population"):
        assert new["program"].get(key) == data["program"].get(key), key


def test_the_2025_sheets_have_dropdowns_and_unlocked_inputs() -> None:
    data = example("deporte-comunal")
    book = load_workbook(io.BytesIO(write_workbook(data)))
    assert book.sheetnames[0] == INSTRUCTIONS_SHEET and book.sheetnames[-2:] == [
        "Ejecutores",
        "Complementariedades",
    ]
    executors = book["Ejecutores"]
    assert executors["A2"].value.startswith("Implementado directamente") and executors["B2"].value is None
    assert executors["A4"].value == "Ejecutor 1" and executors["B5"].value == "Municipalidad de Vicuña"
    assert executors["B6"].value == "Municipio" and executors["A8"].value == "Ejecutor 2"
    assert not executors["B6"].protection.locked and executors["A6"].protection.locked
    rules = {dv.formula1: dv for dv in executors.data_validations.dataValidation}
    types = rules['"' + ",".join(TYPES) + '"']
    assert types.showErrorMessage and "B6" in str(types.sqref) and "B26" in str(types.sqref)  # 6 slots
    assert "B2" in str(rules['"Sí,No"'].sqref)
    complementarities = book["Complementariedades"]
    assert complementarities["B2"].value == "Sí"  # deporte-comunal reports none
    text = "\n".join(str(c.value) for row in book[INSTRUCTIONS_SHEET].iter_rows() for c in row if c.value)
    assert "Ejecutores:" in text and "No reporta complementariedades" in text


def test_earlier_editions_have_neither_sheet() -> None:
    data = report_data()
    assert data["edition"] == 2023
    assert not any(c.section in ("executors", "complementarities") for c in cells(data))
    assert "Ejecutores" not in load_workbook(io.BytesIO(write_workbook(data))).sheetnames


def test_a_direct_program_and_no_complementarities_are_read_from_si() -> None:
    data = example("residencias-familiares")
    content = edited(
        write_workbook(data),
        {
            ("Ejecutores", "B2"): "Sí",
            ("Ejecutores", "B5"): None,
            ("Ejecutores", "B6"): None,
            ("Ejecutores", "B9"): None,
            ("Ejecutores", "B10"): None,
            ("Complementariedades", "B2"): "si",
            ("Complementariedades", "B5"): None,
            ("Complementariedades", "B6"): None,
        },
    )
    new, problems = read_workbook(content, data)
    assert problems == []
    assert new is not None
    assert new["program"]["executors"] == {"direct": True}
    assert new["program"]["complementarities"] == {"items": []}


def test_a_typed_executor_and_complementarity_are_added() -> None:
    data = example("deporte-comunal")
    content = edited(
        write_workbook(data),
        {
            ("Ejecutores", "B13"): "Universidad de La Serena",
            ("Ejecutores", "B14"): "  universidad ",
            ("Complementariedades", "B2"): "No",
            ("Complementariedades", "B5"): "Elige Vivir Sano",
            ("Complementariedades", "B6"): "Comparte la red de monitores.",
        },
    )
    new, problems = read_workbook(content, data)
    assert problems == []
    assert new is not None
    assert new["program"]["executors"]["items"][2] == {
        "name": "Universidad de La Serena",
        "type": "Universidad",
    }
    assert new["program"]["complementarities"] == {
        "items": [{"program": "Elige Vivir Sano", "description": "Comparte la red de monitores."}]
    }


def test_a_type_not_in_the_list_and_a_flag_not_si_no_are_coded_on_their_cell() -> None:
    data = example("deporte-comunal")
    content = edited(
        write_workbook(data), {("Ejecutores", "B6"): "Municipalidad", ("Ejecutores", "B2"): "Quizás"}
    )
    new, problems = read_workbook(content, data)
    assert new is None
    assert {(p.path, p.code) for p in problems} == {
        ("Ejecutores!B6", "excel.E017"),
        ("Ejecutores!B2", "excel.E016"),
    }
    assert all("«" in p.message for p in problems)


def test_saving_another_section_keeps_no_complementarities() -> None:
    data = example("deporte-comunal")
    entries = {c.path: None for c in cells(data) if c.section == "budget"}
    new, problems = apply_entries(data, entries, "budget")
    assert problems == []
    assert new["program"]["complementarities"] == {"items": []}
    assert new["program"]["executors"] == data["program"]["executors"]


def test_a_si_flag_with_rows_typed_is_a_contradiction_on_the_flag_cell() -> None:
    data = example("residencias-familiares")  # two executors, one complementarity
    content = edited(write_workbook(data), {("Ejecutores", "B2"): "Sí", ("Complementariedades", "B2"): "Sí"})
    new, problems = read_workbook(content, data)
    assert new is None
    assert {(p.path, p.code) for p in problems} == {
        ("Ejecutores!B2", "excel.E018"),
        ("Complementariedades!B2", "excel.E018"),
    }
