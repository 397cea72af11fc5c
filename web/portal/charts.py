"""The dashboard's histograms live in the core (``monitoreo.charts.histogram``, shared with the ficha's
charts); this module keeps the portal's import path."""

from __future__ import annotations

from monitoreo.charts.histogram import Bin, bins, histogram_svg

__all__ = ["Bin", "bins", "histogram_svg"]
