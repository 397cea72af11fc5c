"""Issue #15 item 7: the Excel template follows government-template norms — instructions sheet, protected
sheets with unlocked input cells, dropdowns for codes and choices, thousands format, the price year in the
header; a changed locked cell is reported on upload, not ignored."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]

from monitoreo.ingest.excel import mapping, sheets_for
from monitoreo.ingest.excel_book import read_workbook
from monitoreo.ingest.excel_style import INSTRUCTIONS_SHEET
from tests.ingest.workbooks import replace_cell, report_data, template


def book() -> Any:
    return load_workbook(io.BytesIO(template()))


def test_the_instructions_sheet_comes_first_and_explains_codes_and_price_year() -> None:
    wb = book()
    # A 2023 report: the sheets of every edition, not the 2025 ones (executors, complementarities).
    assert wb.sheetnames == [INSTRUCTIONS_SHEET, *(s.name for s in mapping() if not s.editions)]
    text = "\n".join(str(c.value) for row in wb[INSTRUCTIONS_SHEET].iter_rows() for c in row if c.value)
    assert "Programa de Alianzas Productivas" in text and "M$) de 2024" in text
    assert "S/I — Valor no informado." in text and "N/C — Valor no comparable." in text
    assert "fórmulas" in text


def test_every_sheet_is_protected_and_only_input_cells_are_unlocked() -> None:
    wb = book()
    for spec in sheets_for(report_data()):
        sheet = wb[spec.name]
        assert sheet.protection.sheet, spec.name
    identity = wb["Identificación"]
    assert identity["B2"].protection.locked  # id (no modificar)
    assert identity["B6"].protection.locked  # ministry (no modificar)
    assert not identity["B4"].protection.locked  # program name: an input
    assert identity["A4"].protection.locked  # labels
    assert not wb["Presupuesto"]["C2"].protection.locked


def test_dropdowns_offer_the_codes_and_the_choices() -> None:
    wb = book()
    budget = {dv.formula1: dv for dv in wb["Presupuesto"].data_validations.dataValidation}
    codes = budget['"S/I,N/A,N/C,-"']
    assert "C2" in str(codes.sqref) and not codes.showErrorMessage  # a number can still be typed
    indicators = {dv.formula1: dv for dv in wb["Indicadores"].data_validations.dataValidation}
    assert indicators['"ascendente,descendente"'].showErrorMessage
    identity = {dv.formula1: dv for dv in wb["Identificación"].data_validations.dataValidation}
    assert "B12" in str(identity['"Permanente"'].sqref)  # «Año de término» (row 12)


def test_amounts_have_a_thousands_format_and_money_sheets_name_the_price_year() -> None:
    wb = book()
    assert wb["Presupuesto"]["C2"].number_format == "#,##0"
    assert wb["Presupuesto"]["A1"].value == "Campo (M$ de 2024)"
    assert wb["Poblaciones"]["A1"].value == "Campo"


def test_the_unchanged_template_reads_back() -> None:
    new, problems = read_workbook(template(), report_data(), "planilla.xlsx")
    assert problems == [] and new is not None


def test_a_changed_locked_cell_is_reported() -> None:
    # Before: a change to a «No modificar» cell was silently ignored.
    content = replace_cell(
        "Identificación", "B6", '<c r="B6" t="inlineStr"><is><t>Otro ministerio</t></is></c>'
    )
    new, problems = read_workbook(content, report_data(), "planilla.xlsx")
    assert new is None
    assert [(p.path, p.code) for p in problems] == [("Identificación!B6", "excel.E015")]
    assert "Otro ministerio" in problems[0].message
