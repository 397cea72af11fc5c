"""Shared shape of rules that read an evaluator judgement instead of computing (criteria clarity,
indicator pertinence…): the judgement's value picks the outcome; no judgement yet → ``pending``
(not evaluable, nothing printed). The verdict is the evaluator's, never computed (docs/methodology.md §4.3)."""

from __future__ import annotations

from monitoreo.domain.outcomes import OutcomeVerdict
from monitoreo.methodology.context import EvaluationContext
from monitoreo.methodology.rule import Draft, OutcomeSpec

PENDING = OutcomeSpec(OutcomeVerdict.NOT_EVALUABLE, "Sin juicio del evaluador todavía; no se imprime.")


def from_judgement(
    ctx: EvaluationContext, code: str, *, when_true: str, when_false: str, indicator: int | None = None
) -> Draft:
    """Draft ``when_true`` / ``when_false`` by the value of judgement ``code``, or ``pending``."""
    judgement = ctx.judgement(code, indicator)
    if judgement is None:
        return Draft("pending", {"judgement": code}, indicator=indicator)
    outcome = when_true if judgement.value else when_false
    return Draft(outcome, {"judgement": code, "value": judgement.value}, indicator=indicator)
