"""Purpose indicators (docs/methodology.md §5, Eficacia) read in their direction."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from monitoreo.domain.base import Model, Series


class Direction(StrEnum):
    """«Sentido de medición»: whether a higher value is better."""

    ASCENDING = "ascendente"
    DESCENDING = "descendente"


class PurposeIndicator(Model):
    """«INDICADOR DE PROPÓSITO». Values are in the indicator's own unit (percent for «Porcentual»)."""

    name: str = Field(min_length=1)
    formula: str | None = None
    unit: str | None = Field(default=None, description="Unidad de medida («Porcentual»).")
    dimension: str | None = Field(default=None, description="Dimensión («Eficacia»).")
    periodicity: str | None = Field(default=None, description="Periodicidad («Anual»).")
    direction: Direction | None = Field(default=None, description="Sentido de medición.")
    values: Series = Field(default_factory=dict, description="Valor efectivo por año.")
    methodological_note: str | None = None
