"""Generate docs/data-format-reference.md from the pydantic models (field by field).

Run: ``.venv/bin/python scripts/gen_data_format_doc.py`` (``--check`` exits 1 when the file is stale).
The test suite runs the check so the reference never drifts from the code."""

from __future__ import annotations

import sys
import types
import typing
from pathlib import Path

from pydantic import BaseModel

from monitoreo.domain.submission import Submission

OUT = Path(__file__).resolve().parents[1] / "docs" / "data-format-reference.md"


def _type_name(tp: object) -> str:
    if hasattr(tp, "__supertype__"):  # NewType: EvaluatedYear, PriceYear, Edition
        return f"integer ({tp.__name__})"
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_name(a) for a in args)
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (list, tuple):
        return f"list[{_type_name(args[0])}]"
    if origin is dict:
        return f"dict[{_type_name(args[0])}, {_type_name(args[1])}]"
    if tp is type(None):
        return "null"
    name = getattr(tp, "__name__", str(tp))
    return {"Decimal": "number", "str": "text", "int": "integer", "bool": "boolean", "Missing": "code"}.get(
        name, name
    )


def _models(tp: object) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(tp):
        found.extend(_models(arg))
    return found


def _section(model: type[BaseModel], seen: set[str]) -> list[str]:
    if model.__name__ in seen:
        return []
    seen.add(model.__name__)
    doc = (model.__doc__ or "").strip().splitlines()
    lines = [
        f"## `{model.__name__}`",
        "",
        " ".join(line.strip() for line in doc),
        "",
        "| Field | Type | Required | Description |",
        "|---|---|---|---|",
    ]
    nested: list[type[BaseModel]] = []
    for name, field in model.model_fields.items():
        required = "yes" if field.is_required() else "no"
        desc = (field.description or "").replace("|", "\\|")
        type_text = _type_name(field.annotation).replace("|", "\\|")
        lines.append(f"| `{name}` | {type_text} | {required} | {desc} |")
        nested.extend(_models(field.annotation))
    lines.append("")
    for sub in nested:
        lines.extend(_section(sub, seen))
    return lines


def render() -> str:
    header = [
        "# Data file reference (generated)",
        "",
        "Generated from `monitoreo.domain` by `scripts/gen_data_format_doc.py`; do not edit by hand.",
        "Types: *number* is an exact decimal; *code* is one of `S/I`, `N/A`, `N/C`, `-` (see `data-format.md`);",
        "`dict[integer, …]` is a series keyed by calendar year.",
        "",
    ]
    return "\n".join(header + _section(Submission, set())).rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} está desactualizado: ejecute scripts/gen_data_format_doc.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
