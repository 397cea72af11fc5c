"""The Excel workbook of ``monitoreo.ingest.excel``: write the pre-filled template, read it back.

``write_workbook(data) -> bytes`` (an instructions sheet, then one sheet per mapping sheet, readonly cells
grey and locked, a year header row; one block per component / indicator / observation of ``data``, each
under its title row, plus the blank ``spare`` blocks where a new component or indicator can be typed;
template norms in ``excel_style``).
``read_workbook(content, data, file) -> (new_data, problems)``: every problem's ``path`` is the cell
(``Presupuesto!C4``) and its message names the problem («se esperaba un número o S/I, N/A, N/C, -»). The
file must be a real .xlsx (a zip with ``[Content_Types].xml`` and ``xl/workbook.xml``), of the same program
and edition as ``data``, with the same years and the same blocks (the title rows, which name each
component's id, must be ``data``'s: ``excel.E005`` when a component or indicator was added or removed after
the download), and its locked cells unchanged (``excel.E015``). openpyxl is imported lazily (the ``web`` extra)."""

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
    sheets_for,
    show,
)
from monitoreo.ingest.excel_guard import unreadable_cell, zip_problems
from monitoreo.ingest.excel_style import (
    add_instructions,
    add_validations,
    header_label,
    locked_cell_problems,
    protect,
    style_input,
)
from monitoreo.reference.limits import shown

XLSX_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")
#: Leading characters that make a spreadsheet treat text as a formula (OWASP «CSV injection»).
FORMULA_PREFIXES = ("=", "+", "-", "@")


def is_xlsx(content: bytes) -> bool:
    """True when ``content`` is an Office Open XML workbook (checked by content, not by file name)."""
    if not content.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except Exception:  # noqa: BLE001 - any zip that cannot be listed is not a workbook
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
    for spec in sheets_for(data):
        ws = book.create_sheet(spec.name)
        ws.append([header_label(spec, data), "Valor", *years])
        for c in ws[1]:
            c.font = Font(bold=True)
        ws.column_dimensions["A"].width = 48
        ws.column_dimensions["B"].width = 60
        for cell in by_sheet.get(spec.name, []):
            row = int("".join(ch for ch in cell.address if ch.isdigit()))
            if cell.item is not None:
                ws.cell(
                    row=row - _offset(spec, cell), column=1, value=block_title(spec, data, cell.item)
                ).font = Font(bold=True)
            ws.cell(
                row=row, column=1, value=cell.label if cell.year is None else cell.label.rsplit(" ", 1)[0]
            )
            value = get_path(data, cell.path)
            target = ws[cell.address]
            if cell.kind in ("amount", "number") and value is not None and str(value) not in CODES:
                target.value = float(value) if "." in str(value) else int(value)
            else:
                text = show(cell.kind, value) or None
                target.value = text
                if text is not None and text.startswith(FORMULA_PREFIXES):
                    # Text the person typed, never a live formula: stored as a string cell with Excel's «'»
                    # prefix, so neither openpyxl nor Excel evaluates it (docs/hardening-inputs.md).
                    target.data_type = "s"
                    target.quotePrefix = True
            if cell.kind == "longtext":
                target.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.readonly:
                target.fill = grey
            else:
                style_input(target, cell, value)
        add_validations(ws, by_sheet.get(spec.name, []))
        protect(ws)
    add_instructions(book, data)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _offset(spec: Any, cell: Any) -> int:
    """Rows between a repeated block's title row and ``cell``'s row."""
    fields = [f.path.replace("{i}", str(cell.item)) for f in spec.fields]
    for k, f in enumerate(fields):
        if cell.path.startswith(f.split("{year}")[0].rstrip(".")) and (cell.year is not None) == (
            "{year}" in f
        ):
            return k + 1
    return 1


def read_workbook(
    content: bytes, data: Mapping[str, Any], file: str = "planilla.xlsx"
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The report's data with the workbook's values, or ``None`` and every problem (by cell)."""
    problems = zip_problems(content, file)
    if problems:
        return None, problems
    if not is_xlsx(content):
        return None, [Problem(file, "", "excel.E001", EXCEL_CODES["excel.E001"])]
    layout = cells(data, spare=True)
    sheets, problems = _read_sheets(content, file, _bounds(layout, data))
    if problems:
        return None, problems
    years = [int(y) for y in data.get("years", [])]
    for spec in sheets_for(data):
        header = [sheets[spec.name].get(f"{chr(67 + j)}1") for j in range(len(years))]
        if any(h is not None for h in header) and [_year(h) for h in header] != years:
            problems.append(
                Problem(
                    file, f"{spec.name}!C1", "excel.E003", f"los años deben ser {', '.join(map(str, years))}"
                )
            )
    where = {c.path: c.where for c in layout}
    problems += _identity_problems(sheets, layout, data, file)
    if problems:
        return None, problems
    problems = _block_problems(sheets, layout, data, file) or locked_cell_problems(sheets, layout, data, file)
    if problems:
        return None, problems
    entries = {c.path: sheets[c.sheet].get(c.address) for c in layout}
    new, bad = apply_entries(data, entries, None, file, spare=True)
    problems = [Problem(p.file, where.get(p.path, p.path), p.code, p.message) for p in bad]
    return (None, problems) if problems else (new, [])


def _bounds(layout: list[Cell], data: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """Per sheet, the last row and column the template uses: openpyxl reads no further (a forged
    dimension «A1:XFD1048576» would otherwise make it pad billions of empty cells)."""
    years = len(data.get("years", []))
    bounds: dict[str, tuple[int, int]] = {spec.name: (1, 2 + years) for spec in sheets_for(data)}
    for cell in layout:
        letters = "".join(ch for ch in cell.address if ch.isalpha())
        col = sum((ord(ch) - 64) * 26**k for k, ch in enumerate(reversed(letters)))
        row = int("".join(ch for ch in cell.address if ch.isdigit()))
        last_row, last_col = bounds[cell.sheet]
        bounds[cell.sheet] = (max(last_row, row), max(last_col, col))
    return bounds


def _read_sheets(
    content: bytes, file: str, bounds: Mapping[str, tuple[int, int]]
) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """Cell values of every mapped sheet by address, or the problems: a missing sheet (E004), a cell that
    cannot be read (E010, named by ``excel_guard.unreadable_cell``), XML entities (E008), a formula (E007)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one user-facing problem
        if _forbidden_xml(exc):
            return {}, [
                Problem(file, "", "excel.E008", "el libro declara entidades o un DTD XML, que no se admiten")
            ]
        return {}, [Problem(file, "", "excel.E001", EXCEL_CODES["excel.E001"])]
    problems: list[Problem] = []
    sheets: dict[str, dict[str, Any]] = {}
    try:
        for spec in (s for s in mapping() if s.name in bounds):
            if spec.name not in book.sheetnames:
                problems.append(Problem(file, spec.name, "excel.E004", f"falta la hoja «{spec.name}»"))
                continue
            max_row, max_col = bounds[spec.name]
            values: dict[str, Any] = {}
            sheet = None
            try:
                sheet = book[spec.name]
                for row in sheet.iter_rows(min_row=1, max_row=max_row + 1, max_col=max_col):
                    for c in row:
                        coordinate = getattr(c, "coordinate", None)
                        if coordinate is None or c.value is None:
                            continue
                        if c.data_type == "f":
                            problems.append(
                                Problem(
                                    file,
                                    f"{spec.name}!{coordinate}",
                                    "excel.E007",
                                    f"la celda contiene una fórmula («{shown(str(c.value))}»): "
                                    "escriba el valor",
                                )
                            )
                            continue
                        values[coordinate] = c.value
            except Exception:  # noqa: BLE001 - a cell openpyxl cannot convert: find and name it
                member = str(getattr(sheet, "_worksheet_path", "")) if sheet is not None else ""
                problems.append(
                    unreadable_cell(content, member, file, spec.name)
                    or Problem(file, spec.name, "excel.E008", "la hoja no se puede leer")
                )
            sheets[spec.name] = values
    finally:
        try:
            book.close()
        except Exception:  # noqa: BLE001, S110 - closing a broken archive must not hide the problems found
            pass
    return sheets, problems


def _forbidden_xml(exc: BaseException | None) -> bool:
    """True when defusedxml refused an entity or DTD somewhere in the chain of ``exc`` (openpyxl wraps it)."""
    while exc is not None:
        if type(exc).__module__.startswith("defusedxml"):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _year(value: Any) -> int | None:
    """A year header as a number: 2023, 2023.0 or «2023»; anything else (a date, text) is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) == 4:
        return int(value.strip())
    return None


def _identity_problems(
    sheets: Mapping[str, Mapping[str, Any]], layout: list[Cell], data: Mapping[str, Any], file: str
) -> list[Problem]:
    """``excel.E002`` when the identifier or edition cell is not ``data``'s."""
    problems = []
    for cell in layout:
        if cell.readonly and cell.path in ("id", "edition"):
            found = sheets[cell.sheet].get(cell.address)
            if str(found).strip() != str(get_path(data, cell.path)):
                problems.append(
                    Problem(
                        file,
                        cell.where,
                        "excel.E002",
                        f"se esperaba «{get_path(data, cell.path)}», la planilla dice «{shown(found)}»",
                    )
                )
    return problems


def _block_problems(
    sheets: Mapping[str, Mapping[str, Any]], layout: list[Cell], data: Mapping[str, Any], file: str
) -> list[Problem]:
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
            problems.append(
                Problem(
                    file,
                    f"{cell.sheet}!{address}",
                    "excel.E005",
                    f"se esperaba «{expected}», la planilla dice «{shown(found or '')}»: "
                    "descargue la planilla de nuevo",
                )
            )
    return problems
