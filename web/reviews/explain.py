"""Findings as the service and the evaluator read them: the figures and form fields behind each one
(``monitoreo.cycle.labels.figures``, from the rule's recorded values), its dimension in Spanish, and its
status with the verdicts recorded so far applied at once (``provisional_statuses``: «superado, pendiente de
aprobación» until the evaluator approves). Thin: the wording is core data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from monitoreo.cycle.labels import Figure, figures
from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import Evaluation, Outcome
from monitoreo.explain import explain_outcome
from monitoreo.explain.text import outcome_lines
from reviews.models import Finding

#: States after approval: a status shown then is final.
FINAL = ("approved", "published")


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    dimension: str
    figures: list[Figure]
    status: str
    pending: bool
    label: str  # the block label the finding prints under («Indicador de propósito 1:»), or ""
    why: list[str]  # the rule, values compared, edition parameters and what decided it (docs/explanations.md)


def _outcomes(evaluation: dict[str, Any] | Evaluation | None) -> dict[tuple[str, int | None], Outcome]:
    if evaluation is None:
        return {}
    ev = evaluation if isinstance(evaluation, Evaluation) else Evaluation.model_validate(evaluation)
    return {(o.code, o.indicator): o for o in ev.outcomes}


def provisional_evaluation(report: Any) -> Evaluation | None:
    """The evaluation with the verdicts recorded so far, before approval (None when there is none to apply)."""
    if report.state in FINAL or not report.findings.exclude(verdict="").exists():
        return None
    from submissions.document import check_document, evaluate_document
    from submissions.services import decisions_of

    data = dict(report.data)
    review = dict(data.get("review") or {})
    review["decisions"] = [d.model_dump(mode="json", exclude_none=True) for d in decisions_of(report)]
    data["review"] = review
    check = check_document(data)
    if check.submission is None:
        return None
    return evaluate_document(check.submission, report.cycle.methodology_edition, report.previous)


def _why(report: Any, evaluation: Evaluation | None) -> dict[tuple[str, int | None], list[str]]:
    """Each candidate finding's explanation lines, as the service reads them before replying."""
    if evaluation is None:
        return {}
    from submissions.document import check_document

    sub = check_document(report.data).submission
    if sub is None:
        return {}
    return {
        (o.code, o.indicator): [
            line.strip() for line in outcome_lines(explain_outcome(sub, evaluation, o), sources=False)[1:]
        ]
        for o in evaluation.findings()
    }


def finding_views(report: Any) -> list[FindingView]:
    evaluation = Evaluation.model_validate(report.evaluation) if isinstance(report.evaluation, dict) else None
    why = _why(report, evaluation)
    stored = _outcomes(report.evaluation)
    provisional = _outcomes(provisional_evaluation(report))
    year = int(report.data.get("evaluated_year") or report.cycle.evaluated_year)
    out = []
    for f in report.findings.all():
        outcome = stored.get((f.code, f.indicator))
        after = provisional.get((f.code, f.indicator))
        pending = bool(f.verdict) and report.state not in FINAL
        status = (
            (after.status.value if after is not None and after.status else f.status) if pending else f.status
        )
        status_text = "superado" if status == "superado" else "no superado"
        if pending:
            status_text += f" (veredicto «{f.verdict}», pendiente de aprobación)"
        out.append(
            FindingView(
                f,
                Dimension(f.dimension).label if f.dimension in set(Dimension) else f.dimension,
                figures(outcome.values, report.data, year, outcome.rule) if outcome else [],
                status_text,
                pending,
                (outcome.label or "") if outcome else "",
                why.get((f.code, f.indicator), []),
            )
        )
    return out
