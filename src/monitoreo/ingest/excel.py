"""Excel intake of a program's report: a pre-filled template (``write_workbook``) and reading it back
(``read_workbook``), driven by the mapping table ``excel_mapping.yaml`` (sheet/cell ↔ field path).

Contract: ``cells(data)`` expands the mapping for one report (its year window, its components and
indicators) into ``Cell``s with a sheet, an address (``Presupuesto!C4``) and a field path
(``budget.years.2025.executed``). ``apply_entries(data, entries)`` writes raw entries (form text or Excel cell
values) by path into a copy of ``data`` and returns it with one ``Problem`` (code ``excel.E0nn``) per entry
that is not a value of its kind; the caller then runs ``parse_submission`` and ``validate`` on the result,
so the web form and the workbook are checked the same way. ``read_workbook`` returns every problem with the
cell it came from, and the caller imports nothing when there is any. Never raises on bad input.

Repeated sheets (components, indicators, observations) have one block per entry; a sheet with ``spare: n``
gets ``n`` blank blocks more when ``cells(data, spare=True)`` (the workbook only: the web form adds entries
with its «Agregar» button, ``monitoreo.ingest.entries``). ``apply_entries`` keeps every component and
indicator that ``data`` has even when all its fields are cleared (removing one is an explicit, audited
operation), and drops blank spare blocks and cleared observation slots.

A sheet may declare ``editions`` (only those reports have it: ``sheets_for(data)``) and ``head`` fields that
come once before its blocks (the executors' «implementado directamente» and the «no reporta
complementariedades» flags of edition 2025, ``docs/edition-2025.md``). A ``none_flag`` answered «Sí» stores
an empty list, which ``apply_entries`` keeps (an empty list is data there: «no reporta»)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from monitoreo.domain import MISSING_CODES
from monitoreo.errors import Problem
from monitoreo.formatting import parse_number as es_cl_decimal
from monitoreo.ingest.choices import CHOICE_KINDS, parse_choice
from monitoreo.ingest.entries import assign_component_ids
from monitoreo.reference.limits import number_problem, shown

MAPPING_FILE = Path(__file__).with_name("excel_mapping.yaml")
CODES = MISSING_CODES
EXCEL_CODES: dict[str, str] = {
    "excel.E001": "El archivo no es un libro Excel .xlsx válido.",
    "excel.E002": "La planilla corresponde a otro programa o proceso.",
    "excel.E003": "Los años de la planilla no son los del reporte.",
    "excel.E004": "Falta una hoja de la planilla.",
    "excel.E010": "Se esperaba un número o S/I, N/A, N/C, -.",
    "excel.E011": "Se esperaba un año o «Permanente».",
    "excel.E012": "Se esperaba un número entero.",
    "excel.E013": "Se esperaba «ascendente» o «descendente».",
    "excel.E006": "El archivo supera el tamaño máximo admitido.",
    "excel.E007": "La celda contiene una fórmula: escriba el valor.",
    "excel.E008": "El libro contiene entidades o un DTD XML, o XML dañado.",
    "excel.E009": "El libro tiene demasiadas partes o demasiado contenido descomprimido.",
    "excel.E014": "Número no admitido: no finito o con más dígitos que el máximo.",
    "excel.E015": "Se modificó una celda bloqueada (gris) de la planilla: deje el valor original.",
    "excel.E016": "Se esperaba «Sí» o «No».",
    "excel.E017": "Tipo de ejecutor no admitido: elija uno de la lista.",
    "excel.E018": "Respondió «Sí» y además escribió filas en la misma hoja: deje sólo una de las dos respuestas.",
    "excel.E005": "Los componentes o indicadores de la planilla no son los del reporte (se agregó o quitó uno "
    "después de descargarla): descargue la planilla de nuevo.",
}
#: Repeated lists whose entries are added and removed explicitly (never dropped because they are blank).
KEPT_LISTS = ("components", "indicators")


@dataclass(frozen=True)
class FieldSpec:
    path: str
    label: str
    kind: str
    series: bool = False
    readonly: bool = False


@dataclass(frozen=True)
class SheetSpec:
    name: str
    section: str
    title: str
    fields: tuple[FieldSpec, ...]
    repeat: str | None = None
    item: str = ""
    slots: int | None = None
    spare: int = 0
    head: tuple[FieldSpec, ...] = ()
    editions: tuple[int, ...] = ()


@dataclass(frozen=True)
class Cell:
    """One cell of the template for one report."""

    sheet: str
    section: str
    address: str
    path: str
    label: str
    kind: str
    readonly: bool
    year: int | None = None
    item: int | None = None
    spare: bool = False

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.address}"


@cache
def mapping() -> tuple[SheetSpec, ...]:
    raw = yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))
    return tuple(
        SheetSpec(
            name=s["name"],
            section=s["section"],
            title=s["title"],
            repeat=s.get("repeat"),
            item=s.get("item", ""),
            slots=s.get("slots"),
            spare=s.get("spare", 0),
            fields=tuple(FieldSpec(**f) for f in s["fields"]),
            head=tuple(FieldSpec(**f) for f in s.get("head", ())),
            editions=tuple(int(e) for e in s.get("editions", ())),
        )
        for s in raw["sheets"]
    )


def sheets_for(data: Mapping[str, Any]) -> tuple[SheetSpec, ...]:
    """The sheets of ``data``'s template: those without ``editions`` and those of its edition."""
    edition = data.get("edition")
    return tuple(
        s
        for s in mapping()
        if not s.editions or edition in s.editions or str(edition) in map(str, s.editions)
    )


def column(index: int) -> str:
    """Spreadsheet column letters of a 0-based index (0 → A)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _entries(sheet: SheetSpec, data: Mapping[str, Any]) -> int:
    items = get_path(data, sheet.repeat or "") or []
    return len(items) if isinstance(items, list) else 0


def _items(sheet: SheetSpec, data: Mapping[str, Any], spare: bool = False) -> int:
    if sheet.slots is not None:
        return max(sheet.slots, _entries(sheet, data))
    return _entries(sheet, data) + (sheet.spare if spare else 0)


def block_title(sheet: SheetSpec, data: Mapping[str, Any], item: int) -> str:
    """Title of block ``item`` (0-based) of a repeated sheet: «Componente 1 · asesoria-tecnica» (a
    component names its id), «Indicador 2»; a spare block «Componente nuevo (llénelo para agregar uno)»."""
    if sheet.slots is None and item >= _entries(sheet, data):
        return f"{sheet.item} nuevo (llénelo para agregar uno)"
    entry = (get_path(data, sheet.repeat or "") or [])[item] if item < _entries(sheet, data) else None
    key = entry.get("id") if sheet.repeat == "components" and isinstance(entry, dict) else None
    return f"{sheet.item} {item + 1}" + (f" · {key}" if key else "")


def sheet_cells(sheet: SheetSpec, data: Mapping[str, Any], spare: bool = False) -> Iterator[Cell]:
    years = [int(y) for y in data.get("years", [])]
    blocks: list[int | None] = list(range(_items(sheet, data, spare))) if sheet.repeat else [None]
    existing = _entries(sheet, data)
    row = 2
    for f in sheet.head:
        yield Cell(sheet.name, sheet.section, f"B{row}", f.path, f.label, f.kind, f.readonly)
        row += 1
    row += 1 if sheet.head else 0  # blank row between the head fields and the first block
    for i in blocks:
        if i is not None:
            row += 1  # the block's title row
        extra = i is not None and sheet.slots is None and i >= existing
        for f in sheet.fields:
            path = f.path.replace("{i}", str(i)) if i is not None else f.path
            if f.series:
                for j, year in enumerate(years):
                    yield Cell(
                        sheet.name,
                        sheet.section,
                        f"{column(2 + j)}{row}",
                        path.replace("{year}", str(year)),
                        f"{f.label} {year}",
                        f.kind,
                        f.readonly,
                        year,
                        i,
                        extra,
                    )
            else:
                yield Cell(
                    sheet.name, sheet.section, f"B{row}", path, f.label, f.kind, f.readonly, None, i, extra
                )
            row += 1
        if i is not None:
            row += 1  # blank row between blocks


def cells(data: Mapping[str, Any], spare: bool = False) -> list[Cell]:
    """Every cell of the template for ``data`` (see the module docstring); ``spare`` adds the blank blocks
    of the sheets that declare them (the workbook)."""
    return [c for sheet in sheets_for(data) for c in sheet_cells(sheet, data, spare)]


def _keys(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() and len(p) < 4 else p for p in path.split(".")]


def get_path(data: Any, path: str) -> Any:
    node = data
    for key in _keys(path):
        if isinstance(node, dict):
            node = node.get(str(key))
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            return None
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set (or, when ``value`` is None, remove) the value at ``path``, creating containers on the way."""
    keys = _keys(path)
    node: Any = data
    for key, nxt in zip(keys, keys[1:], strict=False):
        if isinstance(node, list):
            assert isinstance(key, int)
            while len(node) <= key:
                node.append({})
            node = node[key]
            continue
        child = node.get(str(key))
        if child is None:
            if value is None:
                return
            child = [] if isinstance(nxt, int) else {}
            node[str(key)] = child
        node = child
    last = keys[-1]
    if isinstance(node, list):
        assert isinstance(last, int)
        while len(node) <= last:
            node.append(None)
        node[last] = value
    elif value is None:
        node.pop(str(last), None)
    else:
        node[str(last)] = value


def parse_number(raw: Any) -> str | None:
    """A number (es-CL «1.234.567,8» or a plain «59.5») or a code, as data text; ``None`` when empty.
    Raises ``ValueError`` when it is neither."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, int | float | Decimal):
        if raw != raw:  # NaN: an empty numeric cell in some writers
            return None
        return _plain(_within_limits(Decimal(raw) if isinstance(raw, int) else Decimal(str(raw)), raw))
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if text.upper() in CODES:
        return text.upper()
    try:
        value = es_cl_decimal(text)
    except ValueError:
        raise ValueError(raw) from None
    if not value.is_finite():
        raise ValueError(raw)
    return _plain(_within_limits(value, raw))


class NumberLimitError(ValueError):
    """A well-formed number beyond ``reference/limits.yaml``; ``reason`` says which limit (Spanish)."""

    def __init__(self, raw: Any, reason: str) -> None:
        super().__init__(raw)
        self.reason = reason


def _within_limits(value: Decimal, raw: Any) -> Decimal:
    reason = number_problem(value)
    if reason is not None:
        raise NumberLimitError(raw, reason)
    return value


def _plain(value: Decimal) -> str:
    """Decimal text without exponent or trailing zeros (``5E+6`` → ``5000000``, ``59.50`` → ``59.5``)."""
    if not value.is_finite():
        raise ValueError(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def parse_entry(kind: str, raw: Any) -> tuple[Any, str | None]:
    """(value for the data file, or None when empty; problem code or None)."""
    text = "" if raw is None else str(raw).strip()
    try:
        if kind in ("amount", "number"):
            return parse_number(raw), None
        if not text:
            return None, None
        if kind == "integer":
            return _integer(Decimal(text.replace(".", "")) if isinstance(raw, str) else raw), None
        if kind == "end_year":
            return (
                ("Permanente", None) if text.casefold() == "permanente" else (_integer(Decimal(text)), None)
            )
        if kind == "list":
            return [part.strip() for part in text.split(",") if part.strip()], None
        if kind in CHOICE_KINDS:
            return parse_choice(kind, text)
    except NumberLimitError:
        return None, "excel.E014"
    except (ValueError, ArithmeticError, TypeError):
        return None, {"amount": "excel.E010", "number": "excel.E010", "end_year": "excel.E011"}.get(
            kind, "excel.E012"
        )
    return text, None


def _integer(raw: Any) -> int:
    """An integral number within the limits; raises ``ValueError`` (or ``NumberLimitError``) otherwise."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise ValueError(raw)
    value = _within_limits(Decimal(raw) if isinstance(raw, int) else Decimal(str(raw)), raw)
    if value != value.to_integral_value():
        raise ValueError(raw)
    return int(value)


def show(kind: str, value: Any) -> str:
    """The value as a person types it (es-CL decimal comma, lists comma-separated)."""
    if value is None:
        return ""
    if kind == "flag":
        return "Sí" if value is True else ""
    if kind == "none_flag":
        return "Sí" if value == [] else ""
    if kind == "list" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if kind in ("amount", "number") and not (isinstance(value, str) and value in CODES):
        try:
            return _plain(Decimal(str(value))).replace(".", ",")
        except ArithmeticError:
            return str(value)
    return str(value)


def _prune(node: Any) -> Any:
    """Drop empty containers and list items left empty by cleared entries."""
    if isinstance(node, dict):
        return {
            k: _prune(v)
            for k, v in node.items()
            if not (isinstance(v, dict | list) and not _prune(v)) or k in ("years",)
        }
    if isinstance(node, list):
        return [_prune(v) for v in node if not (v is None or (isinstance(v, dict) and not _prune(v)))]
    return node


def _prune_document(out: dict[str, Any], original: Mapping[str, Any]) -> dict[str, Any]:
    """``_prune(out)``, but the components and indicators ``original`` has stay (as ``{}`` when cleared)."""
    pruned: dict[str, Any] = _prune(out)
    for kind in KEPT_LISTS:
        had = original.get(kind)
        items = out.get(kind)
        if not isinstance(had, list) or not had or not isinstance(items, list):
            continue
        head = [_prune(v) if v is not None else {} for v in items[: len(had)]]
        tail = _prune(items[len(had) :])
        pruned[kind] = head + tail
    return pruned


def _rows_typed(cell: Cell, entries: Mapping[str, Any]) -> bool:
    """True when ``entries`` has a value in a block of ``cell``'s sheet (a flag «Sí» that contradicts rows)."""
    repeat = next((s.repeat for s in mapping() if s.name == cell.sheet), None)
    return repeat is not None and any(
        k.startswith(f"{repeat}.") and v is not None and str(v).strip() for k, v in entries.items()
    )


def apply_entries(
    data: Mapping[str, Any],
    entries: Mapping[str, Any],
    section: str | None = None,
    file: str = "reporte",
    spare: bool = False,
) -> tuple[dict[str, Any], list[Problem]]:
    """``data`` with the entries of ``section`` (every section when None) written in; see the module docstring.
    Entries absent from ``entries`` clear their field. Problems carry the field path. ``spare`` reads the
    blank blocks too (the workbook); a component typed there gets a new id (``entries.assign_component_ids``)."""
    import copy

    out = copy.deepcopy(dict(data))
    problems: list[Problem] = []
    empty: list[str] = []
    for cell in cells(data, spare):
        if cell.readonly or (section is not None and cell.section != section):
            if cell.kind == "none_flag" and get_path(data, cell.path) == []:
                empty.append(cell.path)
            continue
        value, code = parse_entry(cell.kind, entries.get(cell.path))
        if (
            code is None
            and value is not None
            and cell.kind in ("flag", "none_flag")
            and _rows_typed(cell, entries)
        ):
            code = "excel.E018"
        if code is None and cell.kind == "none_flag" and value == []:
            empty.append(cell.path)
        if code is not None:
            quoted = shown(entries.get(cell.path))
            problems.append(
                Problem(
                    file,
                    cell.path,
                    code,
                    f"«{quoted}»: {EXCEL_CODES[code][0].lower()}{EXCEL_CODES[code][1:].rstrip('.')}",
                )
            )
            continue
        set_path(out, cell.path, value)
    pruned = _prune_document(out, data)
    for path in empty:  # «no reporta»: the empty list is the answer, not a blank to drop
        if get_path(pruned, path) is None:
            set_path(pruned, path, [])
    return assign_component_ids(pruned), problems
