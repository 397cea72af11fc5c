"""Components (docs/methodology.md §2.5) and regional distribution (docs/methodology.md §2.8)."""

from __future__ import annotations

from pydantic import Field

from monitoreo.domain.base import AmountSeries, Model
from monitoreo.domain.values import Amount


class Component(Model):
    """A good or service the program produces: spend and production per year in its unit."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Clave estable del componente.")
    name: str = Field(min_length=1)
    unit: str | None = Field(default=None, description="Unidad de producción.")
    spend: AmountSeries = Field(default_factory=dict, description="Gasto ejecutado por año (M$).")
    output: AmountSeries = Field(default_factory=dict, description="Producción por año.")


class RegionRow(Model):
    """One row of «DESAGREGACIÓN REGIONAL…»; ``region`` is a key of reference/regions.yaml, including
    ``nivel-central`` for spend not attributable to a region."""

    region: str
    spend: Amount
    served: Amount


class RegionalDistribution(Model):
    """Regional breakdown of component spend and served population for one year."""

    year: int
    rows: list[RegionRow] = Field(default_factory=list)
