"""Review inputs that point at things the report does not have (docs/edition-2025.md, clarification 5):
a justification citing an institution observation that does not exist, and a judgement or decision for a
purpose indicator the report does not list. Errors: the evaluator's input is wrong, not the program.

Checks that need the methodology edition (unknown judgement, value or finding codes) live in
``monitoreo.methodology.review_check``, which registers itself here as a plugin module."""

from __future__ import annotations

from collections.abc import Iterator

from monitoreo.domain.submission import Submission
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make

NO_OBSERVATION = issue_type(
    "review.E001",
    "Justificación cita una observación inexistente",
    "La decisión sobre «{finding}» cita la observación N°{number} de la institución, pero el reporte tiene "
    "{count} observaciones.",
)
NO_INDICATOR = issue_type(
    "review.E003",
    "Indicador de propósito inexistente",
    "«{code}» nombra el indicador de propósito {number}, pero el reporte tiene {count} indicadores.",
)


@check("review.references")
def references(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """Observation numbers within the report's observations; indicator numbers within its indicators."""
    observations, indicators = len(sub.observations), len(sub.indicators)
    for i, decision in enumerate(sub.review.decisions):
        cited = decision.justification.observation if decision.justification else None
        if cited is not None and cited > observations:
            yield make(
                NO_OBSERVATION,
                f"review.decisions.{i}.justification.observation",
                finding=decision.finding,
                number=cited,
                count=observations,
            )
        if decision.indicator is not None and decision.indicator > indicators:
            yield make(
                NO_INDICATOR,
                f"review.decisions.{i}.indicator",
                code=decision.finding,
                number=decision.indicator,
                count=indicators,
            )
    for i, judgement in enumerate(sub.review.judgements):
        if judgement.indicator is not None and judgement.indicator > indicators:
            yield make(
                NO_INDICATOR,
                f"review.judgements.{i}.indicator",
                code=judgement.code,
                number=judgement.indicator,
                count=indicators,
            )
