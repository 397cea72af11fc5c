"""The ficha's charts live in ``monitoreo.charts`` (one chart module for the ficha and the portal); this
name stays for the sheet's blocks and other callers."""

from __future__ import annotations

from monitoreo.charts.ficha import (
    AXIS_COLOUR,
    SECOND_COLOUR,
    SERVED_COLOUR,
    TARGET_COLOUR,
    Point,
    Rendered,
    bar_chart,
    execution_chart,
    population_chart,
)

__all__ = [
    "AXIS_COLOUR",
    "SECOND_COLOUR",
    "SERVED_COLOUR",
    "TARGET_COLOUR",
    "Point",
    "Rendered",
    "bar_chart",
    "execution_chart",
    "population_chart",
]
