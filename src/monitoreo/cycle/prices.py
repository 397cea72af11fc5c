"""The price year of a monitoring cycle checked against the inflator tables (shipped or entered by the unit).

Amounts carried over from last year's report are in last year's price base; they can only appear in a ficha
of another price base when an inflator table with the cycle's base converts them (``cycle.prefill``).
Contract: ``tables()`` → table name → base year; ``price_problem(price_base_year, table,
previous_bases)`` → a Spanish message (code ``cycle.E003``) or None: a chosen table must have the cycle's
base, and without a table every previous report must already be in the cycle's base."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from monitoreo import reference

TABLES_DIR = Path(reference.__file__).with_name("inflators")


def tables() -> dict[str, int]:
    """Inflator tables by name — shipped, then those the unit entered (docs/inflators.md) — with their base."""
    from monitoreo.reference.inflator_tables import all_tables

    return {name: int(table.base) for name, table, _shipped in all_tables()}


def price_problem(price_base_year: int, table: str, previous_bases: Iterable[int]) -> str | None:
    known = tables()
    if table:
        if table not in known:
            return f"No existe la tabla de inflactores «{table}»."
        if known[table] != price_base_year:
            return (
                f"La tabla de inflactores «{table}» tiene base {known[table]}, no {price_base_year}: los montos "
                f"quedarían en M${known[table]} bajo el rótulo M${price_base_year}."
            )
        return None
    others = sorted({int(b) for b in previous_bases if int(b) != price_base_year})
    if others:
        bases = ", ".join(f"M${b}" for b in others)
        choices = ", ".join(f"{name} (base {base})" for name, base in known.items()) or "ninguna"
        return (
            f"Los reportes del año anterior están en {bases} y no hay tabla de inflactores con base "
            f"{price_base_year} para convertirlos a M${price_base_year}. Tablas disponibles: {choices}."
        )
    return None
