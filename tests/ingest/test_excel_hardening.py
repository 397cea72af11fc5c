"""Issue #16, row «Excel»: every hostile or careless workbook is a coded problem naming the cell (or the
file), never a traceback; the zip is checked before openpyxl opens it; text that looks like a formula is
written as text and read back unchanged; a formula on upload is a coded error, never an empty value."""

from __future__ import annotations

import copy
import io
import time
from typing import Any

import pytest

from monitoreo.errors import Problem
from monitoreo.ingest.excel import EXCEL_CODES
from monitoreo.ingest.excel_book import read_workbook, write_workbook
from tests.ingest.workbooks import edit_sheet, members, pack, replace_cell, report_data, template, zip_bomb

INITIAL = ("Presupuesto", "C2")  # budget.years.2021.initial of the 2023 seed


def read(content: bytes) -> tuple[dict[str, Any] | None, list[Problem]]:
    new, problems = read_workbook(content, report_data(), "planilla.xlsx")
    assert all(p.code in EXCEL_CODES and p.file == "planilla.xlsx" for p in problems)
    assert (new is None) == bool(problems)
    return new, problems


def test_the_unchanged_template_reads_back() -> None:
    new, problems = read(template())
    assert problems == [] and new is not None
    assert new["budget"]["years"]["2021"]["initial"] == "4962579"


def test_a_zip_bomb_is_refused_before_opening() -> None:
    # main: a 1 MB zip holding 1 GB was opened: 20 s and +865 MB on the server.
    bomb = zip_bomb(100)
    assert len(bomb) < 1_000_000
    start = time.perf_counter()
    _, [p] = read(bomb)
    assert time.perf_counter() - start < 1
    assert p.code == "excel.E009" and "descomprimido" in p.message


def test_too_many_entries_are_refused() -> None:
    parts = members(template()) | {f"xl/media/x{i}.bin": b"" for i in range(600)}
    _, [p] = read(pack(parts))
    assert p.code == "excel.E009"


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-60] + b"\0" * 40 + b[-20:],
        lambda b: b[: len(b) // 2],
        lambda b: b"PK\x03\x04" + b"\xff" * 200,
    ],
)
def test_a_corrupt_zip_is_e001(damage: Any) -> None:
    _, [p] = read(damage(template()))
    assert p.code == "excel.E001"


def test_a_referenced_xml_entity_is_refused() -> None:
    # main: 500 on the server.
    content = edit_sheet(
        "Identificación",
        lambda x: (
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "boom">]>' + x.replace("<t>Valor</t>", "<t>&e;</t>")
        ),
    )
    _, [p] = read(content)
    assert p.code == "excel.E008"


def test_text_in_a_number_cell_names_the_cell() -> None:
    # main: ValueError from openpyxl (500).
    _, [p] = read(replace_cell(*INITIAL, '<c r="C2" t="n"><v>abc</v></c>'))
    assert (p.path, p.code) == ("Presupuesto!C2", "excel.E010")


@pytest.mark.parametrize(
    "cell",
    ['<c r="C1" t="d"><v>2021-01-01T00:00:00</v></c>', '<c r="C1" t="inlineStr"><is><t>dos mil</t></is></c>'],
)
def test_a_date_or_text_in_a_year_header_names_the_cell(cell: str) -> None:
    # main: TypeError / ValueError in int() (500).
    _, [p] = read(replace_cell("Presupuesto", "C1", cell))
    assert (p.path, p.code) == ("Presupuesto!C1", "excel.E003")


def test_a_date_in_a_year_field_names_the_cell() -> None:
    content = replace_cell("Identificación", "B11", '<c r="B11" t="d"><v>2021-01-01T00:00:00</v></c>')
    _, [p] = read(content)
    assert (p.path, p.code) == (
        "Identificación!B11",
        "excel.E012",
    )  # «Año de inicio» (row 11 since «Población objetivo» came in)


@pytest.mark.parametrize(
    "value", ["10000000000000000000000000000", "7" * 5000, "1e400"], ids=["10^28", "5000-digits", "infinite"]
)
def test_a_number_beyond_the_limits_names_the_cell(value: str) -> None:
    # main: 10^28 was accepted and then broke the report for everyone; 5,000 digits was a ValueError (500).
    _, [p] = read(replace_cell(*INITIAL, f'<c r="C2" t="n"><v>{value}</v></c>'))
    assert (p.path, p.code) == ("Presupuesto!C2", "excel.E014")
    assert len(p.message) < 200


def test_a_long_cell_value_is_cut_in_the_message() -> None:
    # main: the message repeated the 30,000 characters.
    _, [p] = read(replace_cell(*INITIAL, f'<c r="C2" t="inlineStr"><is><t>{"x" * 30000}</t></is></c>'))
    assert p.code == "excel.E010" and len(p.message) < 200 and "…" in p.message


def test_a_formula_on_upload_is_an_error_naming_the_cell() -> None:
    # main: the cached value (or nothing) was read: the field was silently emptied.
    formula = '<c r="B4" t="str"><f>HYPERLINK("http://x","y")</f><v>y</v></c>'
    _, [p] = read(replace_cell("Identificación", "B4", formula))
    assert (p.path, p.code) == ("Identificación!B4", "excel.E007")
    assert "HYPERLINK" in p.message


FORMULA_LIKE = {
    "name": '=HYPERLINK("http://x","clic")',
    "service": "+56 9 1234 5678",
    "ministry": "-guion inicial",
    "description": "@usuario",
}


def test_text_that_looks_like_a_formula_is_written_as_text_and_read_back_unchanged() -> None:
    # main: «=HYPERLINK(» was written as a live formula and re-uploading emptied the field.
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    data = copy.deepcopy(report_data())
    data["program"].update(FORMULA_LIKE)
    content = write_workbook(data)
    sheet = load_workbook(io.BytesIO(content))["Identificación"]
    for address, text in zip(("B4", "B5", "B6", "B7"), FORMULA_LIKE.values(), strict=True):
        assert (sheet[address].data_type, sheet[address].value, sheet[address].quotePrefix) == (
            "s",
            text,
            True,
        )
    new, problems = read_workbook(content, data, "planilla.xlsx")
    assert problems == [] and new is not None
    assert {key: new["program"][key] for key in FORMULA_LIKE} == FORMULA_LIKE


def test_a_forged_huge_dimension_is_read_quickly() -> None:
    content = edit_sheet(
        "Presupuesto", lambda x: x.replace('<dimension ref="A1:E', '<dimension ref="A1:XFD1048576" x="', 1)
    )
    start = time.perf_counter()
    read(content)
    assert time.perf_counter() - start < 5
