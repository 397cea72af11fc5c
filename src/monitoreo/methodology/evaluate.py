"""``evaluate(submission, edition, history) -> Evaluation``: run every active rule of an edition, apply the
review decisions, render the edition's wording and assemble the texts the ficha prints.

Contract: pure; never edits its inputs; the same inputs and edition file give the same ``Evaluation``
(``methodology_hash`` identifies the edition content). Rules are found through the registry only."""

from __future__ import annotations

from collections.abc import Sequence

from monitoreo.domain.findings import Dimension, ReviewDecision, Verdict
from monitoreo.domain.outcomes import Evaluation, FindingStatus, Outcome, OutcomeVerdict
from monitoreo.domain.submission import Submission
from monitoreo.methodology import assemble, registry
from monitoreo.methodology.context import EvaluationContext
from monitoreo.methodology.edition import ActiveRule, EditionSpec
from monitoreo.methodology.loader import load_edition
from monitoreo.methodology.resolve import decision_for, status
from monitoreo.methodology.rule import Draft, RuleSpec
from monitoreo.methodology.wording import render, show_param

#: Rule whose outcomes give the «Resultado» sentence of each purpose indicator.
INDICATOR_RESULT_RULE = "effectiveness.purpose_indicator"


def _fill(ctx: EvaluationContext, active: ActiveRule, draft: Draft) -> dict[str, str]:
    values = {"t": str(ctx.t), "t-1": str(ctx.t - 1), "t-2": str(ctx.t - 2)}
    if draft.indicator is not None:
        values["n"] = str(draft.indicator)
    values.update({name: show_param(v) for name, v in active.params.items() if v is not None})
    values.update(draft.fill)
    return values


def _text(
    active: ActiveRule,
    draft: Draft,
    state: FindingStatus | None,
    decision: ReviewDecision | None,
    fill: dict[str, str],
    clause: str | None = None,
) -> str:
    keys = draft.wording or (draft.outcome,)
    if draft.outcome not in keys:
        keys = (*keys, draft.outcome)
    suffix = None
    if state is FindingStatus.RESOLVED:
        suffix = "_justified"
    elif decision is not None and decision.verdict is Verdict.INSUFFICIENT:
        suffix = "_insufficient"
    candidates = [k + suffix for k in keys] if suffix else []
    for key in candidates:
        if key in active.wording:
            return render(active.wording[key], fill).strip()
    for key in keys:
        if key in active.wording:
            text = render(active.wording[key], fill).strip()
            # A superado finding prints its sentence then the edition's pertinence clause (2025: «No
            # obstante, la justificación … se considera pertinente.», docs/methodology-engine.md).
            return f"{text} {clause}" if text and clause and state is FindingStatus.RESOLVED else text
    return ""


def _detail(ctx: EvaluationContext, draft: Draft, decision: ReviewDecision | None) -> str | None:
    """The evaluator's text printed after the sentence: the judgement's text (for judged rules), then the
    text of the decision on the service's justification."""
    code = draft.values.get("judgement")
    judgement = ctx.judgement(code, draft.indicator) if isinstance(code, str) else None
    parts = [
        t.strip()
        for t in (judgement.text if judgement else None, decision.text if decision else None)
        if t and t.strip()
    ]
    return " ".join(parts) or None


def _outcome(
    ctx: EvaluationContext, spec: RuleSpec, active: ActiveRule, draft: Draft, edition: EditionSpec
) -> Outcome:
    verdict = spec.outcomes[draft.outcome].verdict
    code = spec.outcome_code(draft.outcome)
    decision = state = None
    if verdict is OutcomeVerdict.FINDING:
        decision = decision_for(code, draft.indicator, ctx.submission.review.decisions)
        override = active.params.get("justification_clears")
        clears = override if isinstance(override, bool) else edition.justification_clears_finding
        state = status(decision, clears)
    fill = _fill(ctx, active, draft)
    return Outcome(
        code=code,
        rule=spec.code,
        dimension=spec.dimension,
        verdict=verdict,
        status=state,
        text=_text(active, draft, state, decision, fill, edition.pertinence_clause),
        indicator=draft.indicator,
        values=dict(draft.values),
        label=render(active.label, fill).strip() if active.label else None,
        detail=_detail(ctx, draft, decision),
    )


def _printed(outcome: Outcome, style: str) -> bool:
    """Whether the findings block prints this outcome (labels: ok labels and unresolved findings)."""
    if not outcome.text:
        return False
    if outcome.verdict is OutcomeVerdict.FINDING:
        return outcome.status is FindingStatus.UNRESOLVED
    return style == "labels" and outcome.verdict is OutcomeVerdict.OK


def _block(outcomes: list[Outcome], edition: EditionSpec) -> dict[Dimension, list[str]]:
    block: dict[Dimension, list[str]] = {}
    for dim in Dimension:
        lines = [o.text for o in outcomes if o.dimension is dim and _printed(o, edition.block_style)]
        has_unresolved = any(o.dimension is dim and o.status is FindingStatus.UNRESOLVED for o in outcomes)
        block[dim] = lines if lines or has_unresolved else [edition.no_findings[dim]]
    return block


def evaluate(
    submission: Submission, edition: int | None = None, history: Sequence[Submission] = ()
) -> Evaluation:
    """Outcomes of ``submission`` under ``edition`` (default: the submission's own edition).

    ``history`` holds earlier reports of the same program (persistence and variation rules read the years
    before the ficha's window from them). Raises ``MethodologyError`` only if the edition file is bad."""
    spec = load_edition(int(edition if edition is not None else submission.edition))
    ctx = EvaluationContext.build(submission, tuple(history))
    rules = registry.rules()
    outcomes: list[Outcome] = []
    for active in spec.rules:
        rule_spec = rules[active.code]
        for draft in rule_spec.function(ctx, active.params):
            outcomes.append(_outcome(ctx, rule_spec, active, draft, spec))
    indicator_results = {
        o.indicator: o.text
        for o in outcomes
        if o.rule == INDICATOR_RESULT_RULE and o.indicator is not None and o.text
    }
    if not spec.labelled:
        return Evaluation(
            submission_id=submission.id,
            edition=spec.edition,
            outcomes=outcomes,
            block=_block(outcomes, spec),
            indicator_results=indicator_results,
            methodology_hash=spec.hash,
        )
    outcomes = assemble.in_print_order(outcomes, spec)
    fill = {"t": str(ctx.t), "t-1": str(ctx.t - 1), "t-2": str(ctx.t - 2)}
    blocks = assemble.findings_blocks(outcomes, spec, fill)
    return Evaluation(
        submission_id=submission.id,
        edition=spec.edition,
        outcomes=outcomes,
        block=assemble.block_lines(blocks, spec),
        indicator_results=indicator_results,
        blocks=blocks,
        assessments=assemble.assessments(outcomes, spec, fill),
        methodology_hash=spec.hash,
    )
