"""Texts a ficha prints that come from the service or the unit: institution observations, technical
notes, ODS contribution, gender approach, and figures published without their inputs."""

from __future__ import annotations

from pydantic import Field

from monitoreo.domain.base import Model, Series


class InstitutionObservation(Model):
    """«OBSERVACIONES DE LA INSTITUCIÓN», topic-tagged («Población:», «Presupuesto:»). Numbered by
    position from 1: justifications refer to them as «Observación de la Institución N°…»."""

    topic: str | None = None
    text: str = Field(min_length=1)


class OdsContribution(Model):
    """A Sustainable Development Goal the program contributes to, with the targets it names."""

    goal: int = Field(ge=1, le=17)
    targets: list[str] = Field(default_factory=list, description="Metas («5.5», «8.1», «1.a»).")


class PublishedFigure(Model):
    """A derived figure as the ficha prints it, by metric name (the keys of ``compute_metrics``).

    Two uses: (1) the seed prints a figure without its inputs (S20 coverage «24% 14%»): the metric is then
    reported as *published*, not computed; (2) validation compares printed figures with computed ones.
    ``key`` names the component id or region key for per-component / per-region metrics."""

    metric: str
    key: str | None = None
    values: Series
