"""``validate(submission, checks=None) -> ValidationReport``: run the registered checks (or the named
ones) on a submission and its metrics. Pure; never raises on bad data."""

from __future__ import annotations

from collections.abc import Iterable

from monitoreo.domain.submission import Submission
from monitoreo.metrics import compute_metrics
from monitoreo.validation.issues import Issue, ValidationReport
from monitoreo.validation.registry import checks as registered


def validate(submission: Submission, checks: Iterable[str] | None = None) -> ValidationReport:
    available = registered()
    names = list(checks) if checks is not None else list(available)
    metrics = compute_metrics(submission)
    issues: list[Issue] = []
    for name in names:
        issues.extend(available[name](submission, metrics))
    return ValidationReport.of(submission.id, issues)
