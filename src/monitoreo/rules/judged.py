"""Shared shape of rules that read an evaluator judgement instead of computing (criteria clarity,
indicator pertinence…): the judgement's value picks the outcome; no judgement yet → ``pending``
(not evaluable, nothing printed). The verdict is the evaluator's, never computed (docs/methodology.md §4.3).

Judgements are ``true`` / ``false`` and, where a rule accepts them, ``"insuficiente"`` (information
insufficient to assess) and ``"no_aplica"`` (not applicable by design) — see ``docs/data-format.md``. A
value the rule does not accept leaves it ``pending`` (validation reports it as ``review.E004``)."""

from __future__ import annotations

from monitoreo.domain.findings import INSUFFICIENT, NOT_APPLICABLE, Judgement
from monitoreo.domain.outcomes import OutcomeVerdict
from monitoreo.methodology.context import EvaluationContext
from monitoreo.methodology.rule import Draft, OutcomeSpec

PENDING = OutcomeSpec(OutcomeVerdict.NOT_EVALUABLE, "Sin juicio del evaluador todavía; no se imprime.")


def from_judgement(
    ctx: EvaluationContext,
    code: str,
    *,
    when_true: str,
    when_false: str,
    indicator: int | None = None,
    when_insufficient: str | None = None,
    when_not_applicable: str | None = None,
    wording: tuple[str, ...] = (),
) -> Draft:
    """Draft the outcome the value of judgement ``code`` picks, or ``pending``."""
    judgement = ctx.judgement(code, indicator)
    if judgement is None:
        return Draft("pending", {"judgement": code}, indicator=indicator)
    outcome = pick(
        judgement,
        when_true=when_true,
        when_false=when_false,
        when_insufficient=when_insufficient,
        when_not_applicable=when_not_applicable,
    )
    if outcome is None:
        return Draft("pending", {"judgement": code, "value": str(judgement.value)}, indicator=indicator)
    return Draft(outcome, {"judgement": code, "value": judgement.value}, indicator=indicator, wording=wording)


def pick(
    judgement: Judgement,
    *,
    when_true: str,
    when_false: str,
    when_insufficient: str | None = None,
    when_not_applicable: str | None = None,
) -> str | None:
    """The outcome key for ``judgement``'s value; ``None`` when the rule does not accept that value."""
    if judgement.value is True:
        return when_true
    if judgement.value is False:
        return when_false
    if judgement.value == INSUFFICIENT:
        return when_insufficient
    if judgement.value == NOT_APPLICABLE:
        return when_not_applicable
    return None
