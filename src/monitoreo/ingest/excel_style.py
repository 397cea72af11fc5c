"""Government-template norms of the Excel intake workbook (``excel_book.write_workbook``): an instructions
sheet first, every sheet protected with only the input cells unlocked, dropdowns for the missing-value codes
and the fixed choices, a thousands format on amounts, the price year in the header of the money sheets; and,
on upload, a changed locked cell reported (``excel.E015``), never silently ignored.

Protection has no password: it prevents accidental edits, it is not a security boundary (a changed locked
cell is caught on upload anyway). openpyxl is imported lazily by the caller (the ``web`` extra)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from monitoreo.domain.values import Missing
from monitoreo.errors import Problem
from monitoreo.ingest.choices import CHOICE_KINDS, choices
from monitoreo.ingest.excel import CODES, Cell, SheetSpec, get_path, parse_entry, sheets_for, show
from monitoreo.reference.limits import shown

INSTRUCTIONS_SHEET = "Instrucciones"
#: Number formats: Excel shows the separators of the reader's locale (1.234.567 in es-CL).
AMOUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0#########"
_CHOICES = {
    **{kind: (f'"{",".join(choices(kind))}"', True) for kind in CHOICE_KINDS},
    "end_year": ('"Permanente"', False),
    "amount": (f'"{",".join(CODES)}"', False),
    "number": (f'"{",".join(CODES)}"', False),
}
#: Paths whose change is reported as ``excel.E002`` (another program or process), not as a changed cell.
_IDENTITY = ("id", "edition")


def header_label(spec: SheetSpec, data: Mapping[str, Any]) -> str:
    """Text of A1: «Campo», with the price year on the sheets that hold money («Campo (M$ de 2026)»)."""
    year = data.get("price_base_year")
    return f"Campo (M$ de {year})" if "M$" in spec.title and year else "Campo"


def instructions(data: Mapping[str, Any]) -> list[str]:
    """Lines of the instructions sheet (Spanish, for the person filling the template)."""
    year = data.get("price_base_year")
    name = (data.get("program") or {}).get("name") or data.get("id", "")
    return [
        f"Planilla de reporte — {name} (proceso {data.get('edition', '')})",
        "",
        "Cómo llenarla",
        "1. Escriba sólo en las celdas blancas; las grises y los títulos están bloqueados y no se modifican.",
        "2. Una hoja por sección; los años van en las columnas C, D, E… (fila 1).",
        f"3. Montos en miles de pesos (M$) de {year}, sin decimales si no los tiene; el separador de miles lo "
        "pone Excel."
        if year
        else "3. Montos en miles de pesos (M$); el separador de miles lo pone Excel.",
        "4. Si no tiene un valor, elija un código en la lista de la celda:",
        *(f"   {code.value} — {code.label}" for code in Missing),
        "5. No use fórmulas: escriba el valor (una fórmula se rechaza al subir la planilla).",
        "6. Para agregar un componente o indicador, llene el bloque «nuevo» al final de su hoja.",
        *(
            [
                "   Ejecutores: responda «Sí» si la entidad responsable implementa directamente el programa; si no, "
                "escriba cada ejecutor y elija su tipo en la lista. Complementariedades: escriba cada programa con "
                "que se complementa, o responda «Sí» en «No reporta complementariedades»."
            ]
            if any(s.section == "executors" for s in sheets_for(data))
            else []
        ),
        "7. Suba la planilla en la página del reporte; si hay problemas, se indican por hoja y celda "
        "(por ejemplo Presupuesto!C2) y no se importa nada hasta corregirlos.",
    ]


def add_instructions(book: Any, data: Mapping[str, Any]) -> None:
    """The instructions sheet, first in the book, protected."""
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

    ws = book.create_sheet(INSTRUCTIONS_SHEET, 0)
    ws.column_dimensions["A"].width = 110
    for row, text in enumerate(instructions(data), start=1):
        cell = ws.cell(row=row, column=1, value=text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1 or text == "Cómo llenarla":
            cell.font = Font(bold=True, size=13 if row == 1 else 11)
    ws.protection.sheet = True


def style_input(target: Any, cell: Cell, value: Any) -> None:
    """Unlock an input cell and give amounts and numbers a thousands format."""
    from openpyxl.styles import Protection

    target.protection = Protection(locked=False)
    if cell.kind in ("amount", "number"):
        integral = value is None or str(value) in CODES or "." not in str(value)
        target.number_format = AMOUNT_FORMAT if integral else DECIMAL_FORMAT


def add_validations(ws: Any, cells: list[Cell]) -> None:
    """Dropdowns: the codes on amounts and numbers (a number can still be typed), «Permanente» on the end
    year; the two directions of an indicator, «Sí»/«No» and the executor types (nothing else accepted)."""
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    by_kind: dict[str, list[str]] = {}
    for cell in cells:
        if not cell.readonly and cell.kind in _CHOICES:
            by_kind.setdefault(cell.kind, []).append(cell.address)
    for kind, addresses in by_kind.items():
        formula, strict = _CHOICES[kind]
        rule = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=strict,
            errorTitle="Valor no válido",
            error="Elija un valor de la lista.",
        )
        for address in addresses:
            rule.add(address)
        ws.add_data_validation(rule)


def protect(ws: Any) -> None:
    """Protect the sheet (no password, see the module docstring); rows and columns can still be resized."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def locked_cell_problems(
    sheets: Mapping[str, Mapping[str, Any]], layout: list[Cell], data: Mapping[str, Any], file: str
) -> list[Problem]:
    """``excel.E015`` for each locked (grey) cell whose value is not ``data``'s."""
    problems = []
    for cell in layout:
        if not cell.readonly or cell.path in _IDENTITY:
            continue
        expected = show(cell.kind, get_path(data, cell.path))
        found = sheets.get(cell.sheet, {}).get(cell.address)
        value, code = parse_entry(cell.kind, found)
        if code is not None or show(cell.kind, value) != expected:
            problems.append(
                Problem(
                    file,
                    cell.where,
                    "excel.E015",
                    f"la celda bloqueada decía «{shown(expected)}» y ahora dice «{shown(found or '')}»:"
                    " deje el valor original",
                )
            )
    return problems
