"""Fields of a report as people see them: a data path named by its form label (never the path itself), a
value shown in a form input in es-CL (``5.100.000``, ``25,5``; the reader ``ingest.excel.parse_number``
takes it back), and the web form's own problem codes (``codes.FORM_CODE_OF``).

Contract: ``label_of(data, path)`` → ``FieldRef`` (section, label, the path of the form field to link to or
None) for any path a check may report: a field of the form, a container of fields (``budget.years.2025``) or
something the form does not show. ``form_value(kind, value)`` never raises."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from monitoreo import formatting
from monitoreo.cycle.codes import CYCLE_CODES, FORM_CODE_OF
from monitoreo.errors import Problem
from monitoreo.ingest.excel import CODES, block_title, cells, mapping, show

#: Top-level keys of the data format that no form field holds, named for people.
OTHER_PARTS = {
    "program": "Identificación del programa",
    "history": "Historial de evaluaciones",
    "budget": "Presupuesto",
    "populations": "Poblaciones",
    "components": "Componentes",
    "indicators": "Indicadores de propósito",
    "observations": "Observaciones de la institución",
    "review": "Revisión",
    "years": "Años del reporte",
    "ods": "Objetivos de Desarrollo Sostenible",
}


@dataclass(frozen=True)
class FieldRef:
    section: str | None
    label: str
    anchor: str | None


def normalize_path(data: Mapping[str, Any], path: str) -> str:
    """The form's path for ``path``: validation names a component by its id (``components.asesoria-tecnica.
    spend.2024``), the form by its position (``components.0.spend.2024``)."""
    parts = path.split(".")
    if len(parts) > 1 and parts[0] == "components" and not parts[1].isdigit():
        ids = [c.get("id") if isinstance(c, dict) else None for c in data.get("components") or []]
        if parts[1] in ids:
            parts[1] = str(ids.index(parts[1]))
    return ".".join(parts)


def label_of(data: Mapping[str, Any], path: str) -> FieldRef:
    """See the module docstring: the label a person reads for ``path``."""
    path = normalize_path(data, path)
    sheets = {s.section: s for s in mapping()}
    all_cells = cells(data)
    exact = next((c for c in all_cells if c.path == path), None)
    if exact is not None:
        block = None if exact.item is None else block_title(sheets[exact.section], data, exact.item)
        return FieldRef(exact.section, f"{block} — {exact.label}" if block else exact.label, exact.path)
    inside = [c for c in all_cells if c.path.startswith(path + ".")] if path else []
    if inside:
        first = inside[0]
        sheet = sheets[first.section]
        block = None if first.item is None else block_title(sheet, data, first.item)
        years = {c.year for c in inside}
        label = block or sheet.title
        if len(years) == 1 and first.year is not None:
            label += f", año {first.year}"
        return FieldRef(first.section, label, first.path)
    top = path.split(".")[0] if path else ""
    section = next((s.section for s in mapping() if s.section == top), None)
    return FieldRef(section, OTHER_PARTS.get(top, "Datos generales del reporte"), None)


def form_value(kind: str, value: Any) -> str:
    """The value as the form shows it: numbers with es-CL thousands and decimal comma, codes as typed."""
    if value is None:
        return ""
    if kind in ("flag", "none_flag"):
        return show(kind, value)
    if kind == "list" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if kind in ("amount", "number") and not (isinstance(value, str) and value.strip().upper() in CODES):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        if not number.is_finite():
            return str(value)
        exponent = number.normalize().as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        return formatting.number(number, decimals)
    return str(value)


_OBSERVATION = re.compile(
    r"^(?:n\s*[°ºo]?\.?\s*|nro\.?\s*|número\s*|observaci[oó]n\s*)?(\d+)$", re.IGNORECASE
)


def parse_observation(text: str, count: int) -> tuple[int | None, str | None]:
    """The observation number a reply cites («3», «N° 3», «Nº3», «n.3», «observación 3») → (3, None); blank →
    (None, None); anything else, or a number with no such observation among ``count`` → (None, "form.E014")."""
    text = " ".join(text.split())
    if not text:
        return None, None
    match = _OBSERVATION.match(text)
    if match is None or not 1 <= int(match.group(1)) <= max(count, 0):
        return None, "form.E014"
    return int(match.group(1)), None


def form_problem(problem: Problem) -> Problem:
    """An Excel-cell problem re-coded for the web form (``excel.E010`` → ``form.E010``), same value quoted."""
    code = FORM_CODE_OF.get(problem.code)
    if code is None:
        return problem
    shown = problem.message.split(":", 1)[0]
    text = CYCLE_CODES[code]
    return Problem(problem.file, problem.path, code, f"{shown}: {text[0].lower()}{text[1:]}")
