"""SVG charts shared by the ficha (PDF and HTML) and the public portal: pure functions returning SVG strings.

``ficha`` draws the ficha's population, spend and execution charts; ``histogram`` the portal's dashboard
histograms; ``svg`` holds the shapes, their bounding boxes and the label placement both use. See
docs/ficha-rendering.md («Charts»)."""

from __future__ import annotations

from monitoreo.charts.ficha import Point, Rendered, bar_chart, execution_chart, population_chart
from monitoreo.charts.histogram import Bin, bins, histogram_svg
from monitoreo.charts.svg import contrast

__all__ = [
    "Bin",
    "Point",
    "Rendered",
    "bar_chart",
    "bins",
    "contrast",
    "execution_chart",
    "histogram_svg",
    "population_chart",
]
