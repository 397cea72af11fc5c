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

    schema_version: Literal[1] = Field(default=1, description="Versión del formato de archivo.")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Identificador estable (slug).")
    edition: Edition = Field(description="Edición de la metodología / proceso de monitoreo.")
    evaluated_year: EvaluatedYear = Field(description="Año evaluado t.")
    years: list[Year] = Field(
        min_length=1, description="Años que muestra la ficha, ascendentes, terminan en t."
    )
    price_base_year: PriceYear = Field(description="Año de los precios de los montos (M$ del año).")
    program: Identity = Field(description="Identificación y diseño del programa.")
    history: EvaluationHistory = Field(default_factory=EvaluationHistory, description="Historial evaluativo.")
    populations: Populations = Field(
        default_factory=Populations, description="Poblaciones potencial, objetivo y beneficiada."
    )
    budget: Budget = Field(
        default_factory=Budget, description="Presupuesto, subtítulos y gasto administrativo."
    )
    components: list[Component] = Field(default_factory=list, description="Componentes: gasto y producción.")
    regional: RegionalDistribution | None = Field(
        default=None, description="Desagregación regional del año t."
    )
    indicators: list[PurposeIndicator] = Field(default_factory=list, description="Indicadores de propósito.")
    ods: list[OdsContribution] = Field(default_factory=list, description="Contribución a los ODS.")
    gender_approach: str | None = Field(default=None, description="Enfoque de género (texto publicado).")
    health_adjustments: str | None = Field(
        default=None, description="«AJUSTES POR SITUACIÓN SOCIO SANITARIA» (2020)."
    )
    observations: list[InstitutionObservation] = Field(
        default_factory=list, description="Observaciones de la institución."
    )
    technical_notes: list[str] = Field(default_factory=list, description="Notas técnicas, en orden.")
    inflators: InflatorTable | None = Field(default=None, description="Tabla de inflactores impresa.")
    published_at: datetime | None = Field(default=None, description="Fecha de publicación del reporte.")
    synthetic: bool = Field(
        default=False,
        description="Datos de demostración ficticios (monitoreo synth): la ficha y el portal los marcan como tales.",
    )
    published: list[PublishedFigure] = Field(
        default_factory=list, description="Cifras derivadas tal como se imprimen."
    )
    assessment: PrintedAssessment | None = Field(default=None, description="Textos de resultados impresos.")
    review: Review = Field(
        default_factory=Review, description="Juicios del evaluador y decisiones sobre hallazgos."
    )

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
