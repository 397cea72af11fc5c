"""Adding and removing the repeated entries of a report document: components (docs/methodology.md §2.5) and
purpose indicators (docs/methodology.md §5). Pure functions on the data-file dict (``docs/data-format.md``); the web service
layer (``web/submissions/services.py``) guards, stores and audits them, the Excel intake uses
``assign_component_ids`` for components typed into the template's blank block.

Contract:

* ``add_entry(data, kind)`` returns a copy of ``data`` with one more entry at the end, and the entry. A new
  component gets a new stable ``id`` (``componente-N``, unused in ``data`` and in ``taken``) and nothing else;
  a new indicator is empty. Both lack the required ``name``, so ``parse_submission`` reports
  ``input.E010`` on ``<kind>.<i>.name`` until the person fills it: nothing is invented.
* ``remove_entry(data, kind, key)`` returns a copy without the entry and a ``Removed`` record (position,
  the entry as it was, whether it had values reported) for the audit log; ``KeyError`` when no entry has
  that key.
* An entry's ``key`` is stable while the report is edited: a component's ``id``; for indicators, which the
  format identifies by their number (the «N°» the ficha prints and ``review.decisions[].indicator`` uses),
  the 1-based position. Callers pair the key with the report's version (optimistic locking), so a position
  cannot point at another indicator than the one the person saw.

Never raises on a malformed document except ``KeyError`` for an unknown key / ``ValueError`` for an
unknown kind."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: kind (top-level list of the document) → what one entry is called in the interface.
KINDS: dict[str, str] = {"components": "componente", "indicators": "indicador"}


@dataclass(frozen=True)
class Removed:
    """What ``remove_entry`` took out: ``position`` is 1-based, ``entry`` the stored dict as it was."""

    kind: str
    key: str
    position: int
    entry: dict[str, Any]
    reported: bool


def _items(data: Mapping[str, Any], kind: str) -> list[Any]:
    if kind not in KINDS:
        raise ValueError(f"tipo de entrada desconocido «{kind}»")
    items = data.get(kind) or []
    return list(items) if isinstance(items, list) else []


def entry_key(kind: str, index: int, entry: Any) -> str:
    """The key of the entry at 0-based ``index`` (see the module docstring)."""
    if kind == "components" and isinstance(entry, dict) and entry.get("id"):
        return str(entry["id"])
    return str(index + 1)


def keys(data: Mapping[str, Any], kind: str) -> list[str]:
    return [entry_key(kind, i, e) for i, e in enumerate(_items(data, kind))]


def find(data: Mapping[str, Any], kind: str, key: str) -> int | None:
    """0-based index of the entry with ``key``, or None."""
    found = keys(data, kind)
    return found.index(key) if key in found else None


def new_component_id(data: Mapping[str, Any], taken: Iterable[str] = ()) -> str:
    """``componente-N`` with the smallest N above the number of components that have an id, that no
    component of ``data`` and no id in ``taken`` (e.g. last year's components) uses."""
    ids = [str(c["id"]) for c in _items(data, "components") if isinstance(c, dict) and c.get("id")]
    used = set(ids) | set(taken)
    n = len(ids) + 1
    while f"componente-{n}" in used:
        n += 1
    return f"componente-{n}"


def add_entry(
    data: Mapping[str, Any], kind: str, taken: Iterable[str] = ()
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(copy of ``data`` with a new empty entry of ``kind`` at the end, the new entry)."""
    out = copy.deepcopy(dict(data))
    items = _items(out, kind)
    entry: dict[str, Any] = {"id": new_component_id(out, taken)} if kind == "components" else {}
    out[kind] = [*items, entry]
    return out, copy.deepcopy(entry)


def has_reported_values(kind: str, entry: Any) -> bool:
    """True when the entry carries any year value (spend or production; an indicator's values), codes
    such as S/I included: removing it loses reported data."""
    if not isinstance(entry, dict):
        return False
    series = ("spend", "output") if kind == "components" else ("values",)
    return any(
        isinstance(entry.get(s), dict) and any(v not in (None, "") for v in entry[s].values()) for s in series
    )


def remove_entry(data: Mapping[str, Any], kind: str, key: str) -> tuple[dict[str, Any], Removed]:
    """(copy of ``data`` without the entry ``key``, what was removed); ``KeyError`` when not found."""
    index = find(data, kind, key)
    if index is None:
        raise KeyError(key)
    out = copy.deepcopy(dict(data))
    items = _items(out, kind)
    entry = items.pop(index)
    out[kind] = items
    if not items:
        out.pop(kind)
    kept = entry if isinstance(entry, dict) else {"valor": entry}
    return out, Removed(kind, key, index + 1, kept, has_reported_values(kind, entry))


def assign_component_ids(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (changed in place and returned) with a new id for every component that has none (a
    component typed into the Excel template's blank block)."""
    for comp in _items(data, "components"):
        if isinstance(comp, dict) and not comp.get("id"):
            comp["id"] = new_component_id(data)
    return data
