"""Beneficiary microdata: served persons, breakdowns, targeting and overlaps per program and year, on
DuckDB or Spark through the same Ibis expressions; and a synthetic record generator. See docs/open-data.md."""

from monitoreo.microdata.engine import (
    RECORD_COLUMNS,
    MicrodataError,
    MicrodataResult,
    Overlap,
    ProgramYear,
    beneficiaries,
)

__all__ = ["RECORD_COLUMNS", "MicrodataError", "MicrodataResult", "Overlap", "ProgramYear", "beneficiaries"]
