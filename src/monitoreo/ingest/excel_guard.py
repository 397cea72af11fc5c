"""Checks on an uploaded workbook that run BEFORE openpyxl opens it, and the location of a cell openpyxl
cannot read. Limits come from ``reference/limits.yaml`` (docs/hardening-inputs.md).

Contract: ``zip_problems(content, file)`` returns ``[]`` for a zip whose size, number of entries and declared
unpacked size are within the limits (nothing is unpacked), else one coded ``Problem`` (``excel.E001``
not a zip, ``excel.E006`` too large, ``excel.E009`` too many entries or too large unpacked — a zip bomb).
``unreadable_cell(content, member, file, sheet)`` names the first cell of one worksheet whose value does
not match its declared type (text in a number cell: ``excel.E010``) or is a number beyond the limits that
openpyxl cannot convert (``excel.E014``), parsing the XML with entities forbidden; ``None``
when it finds none. Neither raises on bad input."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal, InvalidOperation

from monitoreo.errors import Problem
from monitoreo.reference.limits import limits, number_problem, shown

_NUMBER_TYPES = ("n", None)
_TAG = re.compile(r"^\{[^}]*\}")


def zip_problems(content: bytes, file: str) -> list[Problem]:
    """Size, entry count and declared unpacked size of the zip (see module docstring)."""
    lim = limits()
    if len(content) > lim.excel_max_bytes:
        return [
            Problem(
                file,
                "",
                "excel.E006",
                f"el archivo pesa {len(content)} bytes; el máximo admitido es {lim.excel_max_bytes}",
            )
        ]
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except Exception:  # noqa: BLE001 - BadZipFile, NotImplementedError (a forged version), EOFError…
        return [Problem(file, "", "excel.E001", "el archivo no es un libro .xlsx válido (zip dañado)")]
    if len(entries) > lim.excel_max_entries:
        return [
            Problem(
                file,
                "",
                "excel.E009",
                f"el libro tiene {len(entries)} partes; el máximo admitido es {lim.excel_max_entries}",
            )
        ]
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > lim.excel_max_uncompressed_bytes:
        return [
            Problem(
                file,
                "",
                "excel.E009",
                f"el libro ocupa {unpacked} bytes descomprimido; el máximo "
                f"admitido es {lim.excel_max_uncompressed_bytes}",
            )
        ]
    return []


def unreadable_cell(content: bytes, member: str, file: str, sheet: str) -> Problem | None:
    """The first cell of worksheet ``member`` whose value is not of its declared type, as ``excel.E010``
    naming the cell; an XML entity or malformed XML as ``excel.E008`` naming the sheet."""
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    from defusedxml.ElementTree import iterparse  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive, archive.open(member) as stream:
            for _, element in iterparse(stream, forbid_dtd=True):
                if _TAG.sub("", element.tag) != "c":
                    continue
                kind = element.get("t")
                value = next((child.text for child in element if _TAG.sub("", child.tag) == "v"), None)
                if (
                    kind in _NUMBER_TYPES
                    and value is not None
                    and _is_number(value)
                    and _beyond_limits(value)
                ):
                    return Problem(
                        file,
                        f"{sheet}!{element.get('r', '?')}",
                        "excel.E014",
                        f"«{shown(value)}»: número con más dígitos que el máximo admitido",
                    )
                if kind in _NUMBER_TYPES and value is not None and not _is_number(value):
                    return Problem(
                        file,
                        f"{sheet}!{element.get('r', '?')}",
                        "excel.E010",
                        f"«{shown(value)}»: la celda es numérica pero contiene texto; se esperaba un "
                        "número o S/I, N/A, N/C, -",
                    )
                if kind == "d" and value is not None and not re.match(r"^\d{4}-\d{2}-\d{2}", value):
                    return Problem(
                        file,
                        f"{sheet}!{element.get('r', '?')}",
                        "excel.E010",
                        f"«{shown(value)}»: la celda es una fecha ilegible",
                    )
                element.clear()
    except DefusedXmlException:
        return Problem(file, sheet, "excel.E008", "la hoja declara entidades o un DTD XML, que no se admiten")
    except Exception:  # noqa: BLE001 - malformed XML, a missing member: one user-facing problem
        return Problem(file, sheet, "excel.E008", "la hoja no es XML válido")
    return None


def _beyond_limits(text: str) -> bool:
    return number_problem(Decimal(text.strip())) is not None


def _is_number(text: str) -> bool:
    try:
        return Decimal(text.strip()).is_finite()
    except InvalidOperation:
        return False
