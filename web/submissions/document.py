"""The same checks for every intake path (web form, Excel, API): the document goes through
``monitoreo.io.parse_submission`` (typed problems ``input.E0nn`` by field path) and, when it parses, through
``monitoreo.validation.validate`` (issues ``<area>.E/Wnnn`` by field path). Only errors block submission."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.errors import InputError, Problem
from monitoreo.io.read import parse_submission
from monitoreo.methodology import evaluate
from monitoreo.validation import Issue, validate


@dataclass
class DocumentCheck:
    submission: Submission | None
    problems: list[Problem] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def blocking(self) -> int:
        """Number of errors that forbid submitting (input problems + validation errors)."""
        return len(self.problems) + sum(1 for i in self.issues if i.severity.value == "error")

    def by_path(self) -> dict[str, list[dict[str, str]]]:
        """Messages grouped by field path (for inline display next to each field)."""
        out: dict[str, list[dict[str, str]]] = {}
        for p in self.problems:
            out.setdefault(p.path, []).append({"code": p.code, "message": p.message, "severity": "error"})
        for i in self.issues:
            out.setdefault(i.path, []).append(
                {"code": i.code, "message": i.message, "severity": i.severity.value}
            )
        return out


def check_document(data: dict[str, Any], file: str = "reporte") -> DocumentCheck:
    try:
        submission = parse_submission(data, file)
    except InputError as exc:
        return DocumentCheck(None, list(exc.problems))
    return DocumentCheck(submission, [], list(validate(submission).issues))


def parse_or_none(data: dict[str, Any] | None) -> Submission | None:
    if not data:
        return None
    try:
        return parse_submission(data)
    except InputError:
        return None


def evaluate_document(
    submission: Submission, methodology_edition: int, previous: dict[str, Any] | None
) -> Evaluation:
    """The evaluation under the cycle's methodology, with last year's report as history when it parses."""
    prior = parse_or_none(previous)
    history = (prior,) if prior is not None and prior.evaluated_year < submission.evaluated_year else ()
    return evaluate(submission, edition=methodology_edition, history=history)
