"""Intake of the service's data, one path for the web form and the Excel file: entries → dict
(``monitoreo.ingest.excel.apply_entries``) → ``parse_submission`` + ``validate`` (``document.check_document``)
→ saved draft with optimistic locking. Entries that are not values of their kind are not saved: the form
shows them back with their problem; the Excel upload imports nothing when any cell has a problem."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from monitoreo import formatting
from monitoreo.cycle.fields import form_problem, normalize_path
from monitoreo.errors import Problem
from monitoreo.ingest.excel import apply_entries, cells, get_path, mapping, show
from monitoreo.ingest.excel_book import is_xlsx, read_workbook
from submissions.document import DocumentCheck, check_document
from submissions.models import Report
from submissions.services import save_document


def check(report: Report) -> DocumentCheck:
    return check_document(report.data, f"{report.program.slug}-{report.cycle.year}")


def save_section(
    report: Report, section: str, entries: dict[str, Any], user: Any, version: int
) -> tuple[Report, list[Problem]]:
    """Save what is valid, keep out what is not: every entry that is a value of its field is saved (a new
    version, when anything changed); an entry that is not keeps the field's stored value and comes back as a
    ``form.E0nn`` problem for the form to show beside the person's text. A field the request does not carry
    is left as it is (a partial post never clears the rest of the section)."""
    current = {
        c.path: show(c.kind, get_path(report.data, c.path))
        for c in cells(report.data)
        if c.section == section and not c.readonly
    }
    data, problems = apply_entries(report.data, {**current, **entries}, section)
    problems = [form_problem(p) for p in problems]
    baseline, _ = apply_entries(report.data, current, section)  # the stored data, normalized the same way
    if data == baseline:
        if version != report.version:
            save_document(report, data, user, version)  # raises ConflictError: the person's input is stale
        return report, problems
    title = next((s.title for s in mapping() if s.section == section), section)
    return save_document(report, data, user, version, note=f"sección «{title}»"), problems


def place(
    by_path: dict[str, list[dict[str, str]]], data: dict[str, Any]
) -> tuple[dict[str, list[dict[str, str]]], list[dict[str, str]]]:
    """Messages per form field: a message on a field goes next to it, a message on a container
    (``budget.years.2025``) next to its first field; messages that fit no field are returned apart."""
    paths = [c.path for c in cells(data)]
    known = set(paths)
    placed: dict[str, list[dict[str, str]]] = {}
    loose = []
    for raw, items in by_path.items():
        path = normalize_path(data, raw)
        target = path if path in known else next((p for p in paths if p.startswith(path + ".")), None)
        if target is None:
            loose.extend({**i, "path": path} for i in items)
        else:
            placed.setdefault(target, []).extend(items)
    return placed, loose


def upload_problems(upload: Any, max_bytes: int) -> list[str]:
    if upload is None:
        return ["Elija un archivo .xlsx."]
    if upload.size > max_bytes:
        size, limit = (
            formatting.number(Decimal(n) / Decimal(10**6), d) for n, d in ((upload.size, 1), (max_bytes, 0))
        )
        return [f"El archivo pesa {size} MB; el máximo es {limit} MB."]
    if not (upload.name or "").lower().endswith(".xlsx"):
        return ["Sólo se aceptan planillas Excel .xlsx."]
    head = upload.read()
    upload.seek(0)
    if not is_xlsx(head):
        return [
            "El archivo no es una planilla Excel .xlsx válida (se revisa el contenido, no sólo el nombre)."
        ]
    return []


def import_workbook(
    report: Report, content: bytes, name: str, user: Any, version: int
) -> tuple[Report, list[str]]:
    data, problems = read_workbook(content, report.data, name)
    if data is None:
        return report, [f"{p.path}: {p.message}" if p.path else p.message for p in problems]
    return save_document(
        report, data, user, version, action="submission.imported", note=f"planilla {name}"
    ), []
