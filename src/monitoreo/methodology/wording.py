"""Wording templates: ``{name}`` placeholders filled with the evaluated years, the indicator number,
the rule's parameters and the values a rule supplies. ``{t}``, ``{t-1}`` and ``{t-2}`` are years."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from monitoreo import formatting

PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")
#: Placeholders every template may use.
COMMON_PLACEHOLDERS = frozenset({"t", "t-1", "t-2", "n"})


def placeholders(template: str) -> set[str]:
    return set(PLACEHOLDER.findall(template))


def show_param(value: object) -> str:
    """A parameter as the ficha prints it inside a sentence («85», «12,5»)."""
    if isinstance(value, Decimal):
        return formatting.number(value, 0 if value == value.to_integral_value() else 1)
    return str(value)


def render(template: str, values: Mapping[str, str]) -> str:
    """``template`` with every known placeholder replaced; unknown ones are left as written (the loader
    refuses templates with unknown placeholders, so this only happens with a rule bug)."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
