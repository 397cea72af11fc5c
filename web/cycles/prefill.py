"""Pre-filling a new cycle's report is pure core logic: ``monitoreo.cycle.prefill`` (re-exported here for
the web app's imports)."""

from monitoreo.cycle.prefill import CLEARED, prefill

__all__ = ["CLEARED", "prefill"]
