"""Names of the metrics the core computes (keys of ``--json`` output and of published figures)."""

from __future__ import annotations

#: Metrics with one value per year.
YEARLY_METRICS: tuple[str, ...] = (
    "coverage_pct",
    "execution_initial_pct",
    "execution_final_pct",
    "total_executed",
    "components_spend",
    "admin_spend",
    "component_share_pct",
    "admin_share_pct",
    "spend_per_beneficiary",
)
#: Metrics per component (``key`` = component id).
COMPONENT_METRICS: tuple[str, ...] = ("unit_cost",)
#: Metrics per region (``key`` = region key) in the regional table's year.
REGION_METRICS: tuple[str, ...] = ("region_spend_share_pct", "region_served_share_pct")
#: Totals of the regional table.
REGION_TOTAL_METRICS: tuple[str, ...] = ("region_spend_total", "region_served_total")

ALL_METRICS: tuple[str, ...] = YEARLY_METRICS + COMPONENT_METRICS + REGION_METRICS + REGION_TOTAL_METRICS
