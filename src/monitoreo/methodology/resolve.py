"""Review decisions applied to findings (docs/methodology.md §4.3-§4.4).

A finding with an evaluator decision ``pertinente`` on its justification is *superado* when the edition's
``justification_clears_finding`` is true; every other finding is *no superado*. Decisions are matched by
finding code and purpose-indicator number; they are inputs stored beside the evaluation and a re-run
never changes them."""

from __future__ import annotations

from collections.abc import Iterable

from monitoreo.domain.findings import ReviewDecision, Verdict
from monitoreo.domain.outcomes import FindingStatus


def decision_for(
    code: str, indicator: int | None, decisions: Iterable[ReviewDecision]
) -> ReviewDecision | None:
    """The last decision on finding ``code`` (for ``indicator``), if any."""
    found = None
    for decision in decisions:
        if decision.finding == code and decision.indicator == indicator:
            found = decision
    return found


def status(decision: ReviewDecision | None, clears: bool) -> FindingStatus:
    """Status of a finding given its decision and whether the edition lets a justification clear it."""
    if clears and decision is not None and decision.verdict is Verdict.PERTINENT:
        return FindingStatus.RESOLVED
    return FindingStatus.UNRESOLVED
