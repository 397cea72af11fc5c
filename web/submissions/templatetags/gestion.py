"""Template filters of the gestión pages: dates in Spanish (``USE_I18N`` is off, so Django's «F» would print
English month names)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

from monitoreo.cycle.deadlines import deadline_note, long_date

register = template.Library()


@register.filter
def fecha(value: Any) -> str:
    """«30 de abril de 2026»; empty for no date."""
    return long_date(value) if isinstance(value, date) else ""


@register.simple_tag
def deadlines(cycle: Any) -> list[str]:
    """The cycle's deadline sentences (submission, reply), counted from today."""
    today = date.today()
    notes = [
        deadline_note("submission", getattr(cycle, "submission_deadline", None), today),
        deadline_note("reply", getattr(cycle, "reply_deadline", None), today),
    ]
    return [n for n in notes if n]


@register.filter
def accion(code: str) -> str:
    """An audit action code in Spanish."""
    from audit.labels import action_label

    return action_label(code)


@register.filter
def describir(value: Any) -> str:
    """An audit before/after value in words."""
    from audit.labels import describe

    return describe(value)
