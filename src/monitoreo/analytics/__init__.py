"""Portfolio analytics over an open-data bundle (DuckDB on its Parquet files). See ``portfolio``."""

from monitoreo.analytics.portfolio import (
    QUESTIONS,
    BundleError,
    connect,
    execution,
    findings,
    persistent,
    trends,
    unit_costs,
)

__all__ = ["QUESTIONS", "BundleError", "connect", "execution", "findings", "persistent", "trends", "unit_costs"]
