"""Dimensions, printed assessment texts and the review decisions that go with findings
(docs/methodology.md §4). Rules produce outcomes; the decisions here are inputs that a re-run never overwrites."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field

from monitoreo.domain.base import Model


class Dimension(StrEnum):
    """The three dimensions of the analysis (codes as the open data and the JSON output use them)."""

    TARGETING = "focalizacion"
    EFFICIENCY = "eficiencia"
    EFFECTIVENESS = "eficacia"

    @property
    def label(self) -> str:
        """The dimension's name as people read it («Focalización»); the ficha's own headings are in
        ``sheet/wording.py``."""
        return {"focalizacion": "Focalización", "eficiencia": "Eficiencia", "eficacia": "Eficacia"}[
            self.value
        ]


class Verdict(StrEnum):
    """Evaluator's verdict on the service's justification of a finding."""

    PERTINENT = "pertinente"
    INSUFFICIENT = "insuficiente"


class Justification(Model):
    """The service's answer to a finding, linked to an institution observation when there is one."""

    observation: int | None = Field(default=None, ge=1, description="N° de la observación de la institución.")
    text: str | None = None


class ReviewDecision(Model):
    """The evaluator's verdict on one candidate finding. ``finding`` is the finding code
    (``efficiency.initial_execution.under``); ``indicator`` is the purpose indicator number for eficacia."""

    finding: str
    indicator: int | None = Field(default=None, ge=1)
    justification: Justification | None = None
    verdict: Verdict
    text: str | None = Field(default=None, description="Texto del evaluador tal como se imprime.")


#: Values an evaluator judgement takes. ``true`` / ``false`` as always (correct / incorrect, clear / unclear…);
#: edition 2025 adds ``"insuficiente"`` (the information is insufficient to assess: the «No es posible
#: evaluar…» / «no reporta la información requerida…» sentences) and ``"no_aplica"`` (not applicable by the
#: program's design). Which values a judgement accepts is declared by the rule that reads it.
JudgementValue = bool | Literal["insuficiente", "no_aplica"]
#: The non-boolean judgement values, as the data file writes them.
INSUFFICIENT: Literal["insuficiente"] = "insuficiente"
NOT_APPLICABLE: Literal["no_aplica"] = "no_aplica"


class Judgement(Model):
    """An evaluator judgement a rule reads instead of computing (pertinence of an indicator, clarity of
    criteria…). ``code`` names the judgement; the methodology edition says which codes exist.

    ``text`` is the evaluator's reasons, printed after the standard sentence (the outcome's ``detail``);
    ``reason`` completes the standard sentence itself where the edition's wording asks for it (2025
    ADM-EST: «…correctamente estimado, dado que {reason}»)."""

    code: str
    value: JudgementValue
    indicator: int | None = Field(default=None, ge=1)
    text: str | None = None
    reason: str | None = Field(default=None, description="Continuación de la frase estándar («dado que …»).")


class Review(Model):
    """Human inputs to the evaluation: judgements and decisions on findings."""

    judgements: list[Judgement] = Field(default_factory=list)
    decisions: list[ReviewDecision] = Field(default_factory=list)


class DimensionTexts(Model):
    """What the ficha prints for one dimension: result labels / sentences and the evaluator's column."""

    results: list[str] = Field(default_factory=list)
    observations: str | None = Field(default=None, description="«OBSERVACIONES EVALUADOR(ES)» (2020).")


class IndicatorTexts(Model):
    """The «Resultado» sentence of a purpose indicator and the analysis text that follows it."""

    indicator: int = Field(ge=1)
    result: str
    analysis: str | None = None


class PrintedAssessment(Model):
    """The assessment as published, kept verbatim so tests can compare the engine with the ficha."""

    dimensions: dict[Dimension, DimensionTexts] = Field(default_factory=dict)
    indicators: list[IndicatorTexts] = Field(default_factory=list)
