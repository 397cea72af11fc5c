"""Metrics as pure functions (docs/methodology.md §2): coverage, execution, spending, unit costs, shares, deflation."""

from monitoreo.metrics.compute import ComponentMetrics, Metrics, RegionMetrics, compute_metrics
from monitoreo.metrics.deflation import convert, to_price_year

__all__ = ["ComponentMetrics", "Metrics", "RegionMetrics", "compute_metrics", "convert", "to_price_year"]
