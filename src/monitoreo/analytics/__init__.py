"""Portfolio analytics over an open-data bundle (DuckDB on its Parquet files). See ``portfolio``.

The names below load ``portfolio`` (Ibis, DuckDB, Arrow) on first use, not on import, so that importing
``monitoreo.analytics.labels`` — what the CLI needs at start-up — stays light (issue #19)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "QUESTIONS",
    "BundleError",
    "connect",
    "execution",
    "findings",
    "persistent",
    "trends",
    "unit_costs",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("monitoreo.analytics.portfolio"), name)
    raise AttributeError(f"module 'monitoreo.analytics' has no attribute {name!r}")
