"""The root of the data-file format: one program's report for one edition, plus what the published ficha
prints about it. ``monitoreo schema`` prints its JSON Schema; ``docs/data-format.md`` describes it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, model_validator

from monitoreo.domain.base import Model
from monitoreo.domain.budget import Budget
from monitoreo.domain.components import Component, RegionalDistribution
from monitoreo.domain.findings import PrintedAssessment, Review
from monitoreo.domain.indicators import PurposeIndicator
from monitoreo.domain.inflators import InflatorTable
from monitoreo.domain.periods import Edition, EvaluatedYear, PriceYear, Year
from monitoreo.domain.population import Populations
from monitoreo.domain.program import EvaluationHistory, Identity
from monitoreo.domain.texts import InstitutionObservation, OdsContribution, PublishedFigure

SCHEMA_VERSION = 1


class Submission(Model):
    """A program's annual report (*reporte*) for one monitoring edition.

    Money is in thousands of pesos (M$) of ``price_base_year``; years in every series must lie in
    ``years`` (the window the ficha shows, ending at ``evaluated_year``)."""

    schema_version: Literal[1] = 1
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Identificador estable (slug).")
    edition: Edition = Field(description="Edición de la metodología / proceso de monitoreo.")
    evaluated_year: EvaluatedYear = Field(description="Año evaluado t.")
    years: list[Year] = Field(min_length=1, description="Años que muestra la ficha, ascendentes, terminan en t.")
    price_base_year: PriceYear = Field(description="Año de los precios de los montos (M$ del año).")
    program: Identity
    history: EvaluationHistory = Field(default_factory=EvaluationHistory)
    populations: Populations = Field(default_factory=Populations)
    budget: Budget = Field(default_factory=Budget)
    components: list[Component] = Field(default_factory=list)
    regional: RegionalDistribution | None = None
    indicators: list[PurposeIndicator] = Field(default_factory=list)
    ods: list[OdsContribution] = Field(default_factory=list)
    gender_approach: str | None = None
    health_adjustments: str | None = Field(default=None, description="«AJUSTES POR SITUACIÓN SOCIO SANITARIA» (2020).")
    observations: list[InstitutionObservation] = Field(default_factory=list)
    technical_notes: list[str] = Field(default_factory=list)
    inflators: InflatorTable | None = None
    published_at: datetime | None = Field(default=None, description="Fecha de publicación del reporte.")
    published: list[PublishedFigure] = Field(default_factory=list)
    assessment: PrintedAssessment | None = None
    review: Review = Field(default_factory=Review)

    @model_validator(mode="after")
    def _window(self) -> Submission:
        if self.years != sorted(set(self.years)):
            raise ValueError("years debe ser una lista ascendente sin repetidos")
        if self.years[-1] != self.evaluated_year:
            raise ValueError(f"years debe terminar en el año evaluado {self.evaluated_year}")
        if any(b - a != 1 for a, b in zip(self.years, self.years[1:], strict=False)):
            raise ValueError("years debe ser una serie de años consecutivos")
        return self

    def published_series(self, metric: str, key: str | None = None) -> dict[Year, object]:
        """The printed values of ``metric`` (for ``key``), empty when the ficha prints none."""
        for figure in self.published:
            if figure.metric == metric and figure.key == key:
                return dict(figure.values)
        return {}
