"""Deadlines of a monitoring cycle as people read them (screens and e-mails).

Contract: ``long_date(d)`` (from ``monitoreo.formatting``) → «30 de abril de 2026»; ``deadline_note(kind, d, today)`` → the sentence shown on
every screen and in every e-mail («Plazo para enviar el reporte: 30 de abril de 2026 (quedan 12 días).»), or
"" when the cycle has no such deadline."""

from __future__ import annotations

from datetime import date

from monitoreo.formatting import long_date

KINDS = {"submission": "Plazo para enviar el reporte", "reply": "Plazo para responder a los hallazgos"}


def deadline_note(kind: str, d: date | None, today: date | None = None) -> str:
    if d is None:
        return ""
    text = f"{KINDS[kind]}: {long_date(d)}"
    if today is not None:
        days = (d - today).days
        text += (
            " (vence hoy)"
            if days == 0
            else f" (quedan {days} día{'s' if days != 1 else ''})"
            if days > 0
            else f" (venció hace {-days} día{'s' if days != -1 else ''})"
        )
    return text + "."
