"""The Excel workbook of ``monitoreo.ingest.excel``: write the pre-filled template, read it back.

``write_workbook(data) -> bytes`` (one sheet per mapping sheet, readonly cells grey, a year header row; one
block per component / indicator / observation of ``data``, each under its title row, plus the blank
``spare`` blocks where a new component or indicator can be typed).
``read_workbook(content, data, file) -> (new_data, problems)``: every problem's ``path`` is the cell
(``Presupuesto!C4``) and its message names the problem («se esperaba un número o S/I, N/A, N/C, -»). The
file must be a real .xlsx (a zip with ``[Content_Types].xml`` and ``xl/workbook.xml``), of the same program
and edition as ``data``, with the same years and the same blocks (the title rows, which name each
component's id, must be ``data``'s: ``excel.E005`` when a component or indicator was added or removed after
the download). openpyxl is imported lazily (the ``web`` extra)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any

from monitoreo.errors import Problem
from monitoreo.ingest.excel import (
    CODES,
    EXCEL_CODES,
    Cell,
    apply_entries,
    block_title,
    cells,
    get_path,
    mapping,
    show,
)

XLSX_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")


def is_xlsx(content: bytes) -> bool:
    """True when ``content`` is an Office Open XML workbook (checked by content, not by file name)."""
    if not content.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return all(member in names for member in XLSX_MEMBERS)


def write_workbook(data: Mapping[str, Any]) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    grey = PatternFill("solid", fgColor="DDDDDD")
    years = [int(y) for y in data.get("years", [])]
    by_sheet: dict[str, list[Any]] = {}
    for cell in cells(data, spare=True):
        by_sheet.setdefault(cell.sheet, []).append(cell)
    for spec in mapping():
        ws = book.create_sheet(spec.name)
        ws.append(["Campo", "Valor", *years])
        for c in ws[1]:
            c.font = Font(bold=True)
        ws.column_dimensions["A"].width = 48
        ws.column_dimensions["B"].width = 60
        for cell in by_sheet.get(spec.name, []):
            row = int("".join(ch for ch in cell.address if ch.isdigit()))
            if cell.item is not None:
                ws.cell(row=row - _offset(spec, cell), column=1, value=block_title(spec, data, cell.item)).font = Font(bold=True)
            ws.cell(row=row, column=1, value=cell.label if cell.year is None else cell.label.rsplit(" ", 1)[0])
            value = get_path(data, cell.path)
            target = ws[cell.address]
            if cell.kind in ("amount", "number") and value is not None and str(value) not in CODES:
                target.value = float(value) if "." in str(value) else int(value)
            else:
                target.value = show(cell.kind, value) or None
            if cell.kind == "longtext":
                target.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.readonly:
                target.fill = grey
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _offset(spec: Any, cell: Any) -> int:
    """Rows between a repeated block's title row and ``cell``'s row."""
    fields = [f.path.replace("{i}", str(cell.item)) for f in spec.fields]
    for k, f in enumerate(fields):
        if cell.path.startswith(f.split("{year}")[0].rstrip(".")) and (cell.year is not None) == ("{year}" in f):
            return k + 1
    return 1


def read_workbook(content: bytes, data: Mapping[str, Any], file: str = "planilla.xlsx"
                  ) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The report's data with the workbook's values, or ``None`` and every problem (by cell)."""
    if not is_xlsx(content):
        return None, [Problem(file, "", "excel.E001", EXCEL_CODES["excel.E001"])]
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable workbook is one user-facing problem
        return None, [Problem(file, "", "excel.E001", EXCEL_CODES["excel.E001"])]
    problems: list[Problem] = []
    sheets = {}
    for spec in mapping():
        if spec.name not in book.sheetnames:
            problems.append(Problem(file, spec.name, "excel.E004", f"falta la hoja «{spec.name}»"))
            continue
        sheets[spec.name] = {(c.coordinate): c.value for row in book[spec.name].iter_rows() for c in row
                             if getattr(c, "coordinate", None)}
    book.close()
    if problems:
        return None, problems
    years = [int(y) for y in data.get("years", [])]
    for spec in mapping():
        header = [sheets[spec.name].get(f"{chr(67 + j)}1") for j in range(len(years))]
        if any(h is not None for h in header) and [int(h) if h is not None else None for h in header] != years:
            problems.append(Problem(file, f"{spec.name}!C1", "excel.E003",
                                    f"los años deben ser {', '.join(map(str, years))}"))
    layout = cells(data, spare=True)
    where = {c.path: c.where for c in layout}
    problems += _identity_problems(sheets, layout, data, file)
    if problems:
        return None, problems
    problems = _block_problems(sheets, layout, data, file)
    if problems:
        return None, problems
    entries = {c.path: sheets[c.sheet].get(c.address) for c in layout}
    new, bad = apply_entries(data, entries, None, file, spare=True)
    problems = [Problem(p.file, where.get(p.path, p.path), p.code, p.message) for p in bad]
    return (None, problems) if problems else (new, [])


def _identity_problems(sheets: Mapping[str, Mapping[str, Any]], layout: list[Cell], data: Mapping[str, Any],
                       file: str) -> list[Problem]:
    """``excel.E002`` when the identifier or edition cell is not ``data``'s."""
    problems = []
    for cell in layout:
        if cell.readonly and cell.path in ("id", "edition"):
            found = sheets[cell.sheet].get(cell.address)
            if str(found).strip() != str(get_path(data, cell.path)):
                problems.append(Problem(file, cell.where, "excel.E002",
                                        f"se esperaba «{get_path(data, cell.path)}», la planilla dice «{found}»"))
    return problems


def _block_problems(sheets: Mapping[str, Mapping[str, Any]], layout: list[Cell], data: Mapping[str, Any],
                    file: str) -> list[Problem]:
    """``excel.E005`` for every block whose title row is not ``data``'s (a blank spare title is accepted:
    workbooks written before the spare blocks existed)."""
    specs = {s.name: s for s in mapping()}
    problems: list[Problem] = []
    seen: set[tuple[str, int]] = set()
    for cell in layout:
        if cell.item is None or (cell.sheet, cell.item) in seen:
            continue
        seen.add((cell.sheet, cell.item))
        spec = specs[cell.sheet]
        address = f"A{int(''.join(ch for ch in cell.address if ch.isdigit())) - _offset(spec, cell)}"
        found, expected = sheets[cell.sheet].get(address), block_title(spec, data, cell.item)
        if (found is None or not str(found).strip()) and (cell.spare or spec.slots is not None):
            continue
        if str(found or "").strip() != expected:
            problems.append(Problem(file, f"{cell.sheet}!{address}", "excel.E005",
                                    f"se esperaba «{expected}», la planilla dice «{found or ''}»: "
                                    "descargue la planilla de nuevo"))
    return problems
