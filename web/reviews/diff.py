"""What changed against last year: a field-by-field diff of two report documents (flattened paths)."""

from __future__ import annotations

from typing import Any

IGNORED = ("published", "assessment", "review", "technical_notes", "published_at", "inflators", "edition",
           "evaluated_year", "years", "price_base_year", "schema_version")


def flatten(node: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(node, list) and node and all(isinstance(v, dict | list) for v in node):
        out = {}
        for i, value in enumerate(node):
            out.update(flatten(value, f"{prefix}.{i}"))
        return out
    return {prefix: node}


def field_changes(previous: dict[str, Any] | None, current: dict[str, Any], limit: int = 300) -> list[dict[str, Any]]:
    """``[{path, before, after}]`` for every leaf that differs (years present in both documents only for
    year series, so the shifted window does not flood the list), ignored top-level keys left out."""
    if not previous:
        return []
    before, after = flatten(previous), flatten(current)
    changes = []
    for path in sorted(set(before) | set(after)):
        if path.split(".")[0] in IGNORED:
            continue
        old, new = before.get(path), after.get(path)
        if old == new or (old in (None, "", [], {}) and new in (None, "", [], {})):
            continue
        try:
            if old is not None and new is not None and float(old) == float(new):
                continue
        except (TypeError, ValueError):
            pass
        changes.append({"path": path, "before": old, "after": new})
        if len(changes) >= limit:
            break
    return changes
