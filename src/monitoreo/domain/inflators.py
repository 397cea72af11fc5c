"""Inflator table (docs/methodology.md §2.9): value(M$ of base b) = value(M$ of year y) × factor_b(y)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, model_validator

from monitoreo.domain.base import Model
from monitoreo.domain.periods import PriceYear, Year


class InflatorTable(Model):
    """Cumulative factors that bring pesos of each year to the ``base`` price year (factor(base) = 1)."""

    base: PriceYear
    factors: dict[Year, Decimal] = Field(description="Inflactor por año.")
    source: str | None = None

    @model_validator(mode="after")
    def _base_is_one(self) -> InflatorTable:
        if self.base not in self.factors:
            raise ValueError(f"la tabla no trae el inflactor del año base {self.base}")
        if self.factors[self.base] != 1:
            raise ValueError(f"el inflactor del año base {self.base} debe ser 1")
        if any(f <= 0 for f in self.factors.values()):
            raise ValueError("los inflactores deben ser positivos")
        return self
