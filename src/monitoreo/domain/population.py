"""Populations (docs/methodology.md §2.1): potential (PP), target (PO) and served (PB), PB ≤ PO ≤ PP."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from monitoreo.domain.base import AmountSeries, Model
from monitoreo.domain.periods import Year


class SexSplit(Model):
    """Served population by sex, as printed: percentages («66% … género masculino, 34% … femenino»)
    and, where reported, counts."""

    male_pct: Decimal | None = Field(default=None, ge=0, le=100)
    female_pct: Decimal | None = Field(default=None, ge=0, le=100)
    male: Decimal | None = Field(default=None, ge=0)
    female: Decimal | None = Field(default=None, ge=0)


class Population(Model):
    """One population: the published description, its unit and its quantity per year."""

    description: str | None = Field(default=None, description="Texto publicado que describe la población.")
    unit: str | None = Field(default=None, description="Unidad (personas, empresas, productores…).")
    quantity: AmountSeries = Field(default_factory=dict, description="Cuantificación por año.")
    source: str | None = Field(default=None, description="Fuente de la cuantificación y su año.")


class ServedPopulation(Population):
    """The served population (población beneficiada) with its breakdowns."""

    by_sex: dict[Year, SexSplit] = Field(default_factory=dict)
    new: AmountSeries = Field(default_factory=dict, description="Beneficiarios nuevos por año.")
    carry_over: AmountSeries = Field(default_factory=dict, description="Beneficiarios de arrastre por año.")


class Populations(Model):
    """PP, PO, PB and the criteria that define them. ``None`` = not printed / not reported."""

    potential: Population | None = None
    target: Population | None = None
    served: ServedPopulation | None = None
    universal: bool = Field(default=False, description="El programa se declara universal (PP = PO).")
    focalization_criteria: str | None = None
    prioritization_criteria: str | None = None
