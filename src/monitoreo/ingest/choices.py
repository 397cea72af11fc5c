"""Fields with a fixed list of values in the intake template and the web forms: an indicator's direction, the
«Sí» / «No» flags and the executor types of edition 2025 (``reference/executor_types.yaml``, data, not code).

Contract: ``choices(kind)`` → the values offered (a dropdown in the workbook, a list in the form), ``()`` for
a free field. ``parse_choice(kind, text)`` → (value for the data file or None, problem code or None) for a
non-empty ``text`` of a choice kind: ``direction`` → «ascendente»/«descendente» (``excel.E013``); ``flag``
«Sí» → ``True``, ``none_flag`` «Sí» → ``[]`` (the service reports none, ``docs/data-format.md``), «No» →
None (not stated), anything else ``excel.E016``; ``executor_type`` → the type as the list spells it,
case and spacing aside, else ``excel.E017``. Never raises."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

EXECUTOR_TYPES_FILE = Path(__file__).parents[1] / "reference" / "executor_types.yaml"
CHOICE_KINDS = ("direction", "flag", "none_flag", "executor_type")
_YES, _NO = ("sí", "si"), ("no",)


@cache
def executor_types() -> tuple[str, ...]:
    """The types of executor a service can choose, in the order of the file."""
    raw = yaml.safe_load(EXECUTOR_TYPES_FILE.read_text(encoding="utf-8"))
    return tuple(str(t) for t in raw["types"])


def choices(kind: str) -> tuple[str, ...]:
    """See the module docstring."""
    if kind == "direction":
        return ("ascendente", "descendente")
    if kind in ("flag", "none_flag"):
        return ("Sí", "No")
    if kind == "executor_type":
        return executor_types()
    return ()


def parse_choice(kind: str, text: str) -> tuple[Any, str | None]:
    """See the module docstring (``text`` is stripped and not empty)."""
    key = " ".join(text.split()).casefold()
    if kind == "direction":
        return (key, None) if key in ("ascendente", "descendente") else (None, "excel.E013")
    if kind in ("flag", "none_flag"):
        if key not in _YES + _NO:
            return None, "excel.E016"
        if key in _NO:
            return None, None
        return (True if kind == "flag" else []), None
    known = {t.casefold(): t for t in executor_types()}
    return (known[key], None) if key in known else (None, "excel.E017")
