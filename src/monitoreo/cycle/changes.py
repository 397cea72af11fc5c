"""What a report changes against last year's, field by field, as the evaluator reads it.

Contract: ``changes(previous, current)`` → ``Change``s in form order, each with the field's label (never a data
path), both values in es-CL and a ``kind``: ``changed`` (both years hold a value and they differ),
``dropped`` (last year's report had a value for a year still in this report's window and this one leaves it
blank — shown as such, not as a plain edit) or ``removed`` (a component of last year's report that this one
no longer has). Components are matched by id, purpose indicators by position; only years both windows hold
are compared (the window shifts every year). ``previous`` None → no changes. Never raises on odd data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from monitoreo.cycle.completeness import present
from monitoreo.cycle.fields import form_value, label_of
from monitoreo.ingest.excel import cells, get_path

KIND_LABELS = {
    "changed": "cambió",
    "dropped": "el año anterior tenía un valor; este reporte lo deja vacío",
    "removed": "componente del año anterior que este reporte ya no tiene",
}


#: Sections written anew every year (the institution's observations are this year's notes, never carried over).
FRESH = ("observations",)


@dataclass(frozen=True)
class Change:
    section: str | None
    label: str
    before: str
    after: str
    kind: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _same(a: Any, b: Any) -> bool:
    if a == b:
        return True
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (InvalidOperation, ValueError):
        return str(a).strip() == str(b).strip()


def _previous_path(previous: Mapping[str, Any], current: Mapping[str, Any], path: str) -> str | None:
    """The path of the same field in last year's report (components matched by id)."""
    parts = path.split(".")
    if parts[0] != "components" or len(parts) < 2 or not parts[1].isdigit():
        return path
    mine = (current.get("components") or [])[int(parts[1])]
    ids = [c.get("id") if isinstance(c, dict) else None for c in previous.get("components") or []]
    key = mine.get("id") if isinstance(mine, dict) else None
    if key is None or key not in ids:
        return None
    return ".".join(["components", str(ids.index(key)), *parts[2:]])


def changes(previous: Mapping[str, Any] | None, current: Mapping[str, Any]) -> list[Change]:
    """See the module docstring."""
    if not previous:
        return []
    shared = {int(y) for y in previous.get("years") or []} & {int(y) for y in current.get("years") or []}
    out = []
    for cell in cells(current):
        if cell.readonly or cell.section in FRESH or (cell.year is not None and cell.year not in shared):
            continue
        old_path = _previous_path(previous, current, cell.path)
        if old_path is None:
            continue
        old, new = get_path(previous, old_path), get_path(current, cell.path)
        if not present(old) and not present(new):
            continue
        if present(old) and not present(new):
            kind = "dropped"
        elif present(old) and _same(old, new):
            continue
        elif not present(old):
            continue  # a value the previous report did not have: new information, not a change
        else:
            kind = "changed"
        ref = label_of(current, cell.path)
        out.append(
            Change(ref.section, ref.label, form_value(cell.kind, old), form_value(cell.kind, new), kind)
        )
    kept = {c.get("id") for c in current.get("components") or [] if isinstance(c, dict)}
    for comp in previous.get("components") or []:
        if isinstance(comp, dict) and comp.get("id") not in kept:
            out.append(
                Change(
                    "components",
                    f"Componente «{comp.get('name') or comp.get('id')}»",
                    str(comp.get("name") or ""),
                    "",
                    "removed",
                )
            )
    return out
