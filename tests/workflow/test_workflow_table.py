"""The workflow as a table: (state, action, persona) → new state and audit code, or the error.

``ALLOWED`` is written by hand from the specification (issue 7), independently of ``workflow.TRANSITIONS``;
every other combination of the 10 states × 9 actions × 5 personas must fail: 404 outside the persona's
scope, 403 without the action's role, ``WorkflowError`` in a wrong state."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from audit.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.http import Http404
from reviews.services import sync_findings
from submissions.document import check_document, evaluate_document
from submissions.models import Report
from submissions.services import perform
from submissions.workflow import TRANSITIONS, State, WorkflowError

from monitoreo.domain.outcomes import Evaluation
from tests.workflow.conftest import PERSONAS, user
from tests.workflow.filling import filled

pytestmark = pytest.mark.django_db

ALLOWED: dict[tuple[str, str, str], tuple[str, str]] = {
    ("draft", "submit", "manager_indap"): ("submitted", "submission.submitted"),
    ("returned", "resubmit", "manager_indap"): ("resubmitted", "submission.resubmitted"),
    ("submitted", "start_review", "evaluador"): ("in_review", "submission.review_started"),
    ("resubmitted", "start_review", "evaluador"): ("in_review", "submission.review_started"),
    ("in_review", "return", "evaluador"): ("returned", "submission.returned"),
    ("in_review", "evaluate", "evaluador"): ("evaluated", "submission.evaluated"),
    ("evaluated", "open_reply", "evaluador"): ("right_of_reply", "submission.reply_opened"),
    ("right_of_reply", "send_replies", "manager_indap"): ("replied", "submission.replies_sent"),
    ("evaluated", "approve", "evaluador"): ("approved", "submission.approved"),
    ("replied", "approve", "evaluador"): ("approved", "submission.approved"),
    ("approved", "publish", "publicador"): ("published", "submission.published"),
}
IN_SCOPE = {"manager_indap", "evaluador", "publicador"}
ROLE = {"manager_indap": "reportero", "evaluador": "evaluador", "publicador": "publicador"}
STATES = [s.value for s in State]
ACTIONS = list(TRANSITIONS)


def _prepare(report: Report, state: str) -> Report:
    """Put the report in ``state`` with what that state implies (values, findings, replies, verdicts)."""
    data = filled(report.data)
    report.data, report.state = data, state
    order = STATES.index(state)
    if order >= STATES.index("evaluated") and state not in ("returned", "resubmitted"):
        sub = check_document(data).submission
        assert sub is not None
        evaluation = evaluate_document(sub, report.cycle.methodology_edition, report.previous)
        report.evaluation = evaluation.model_dump(mode="json")
        sync_findings(report, Evaluation.model_validate(report.evaluation))
        if state in ("right_of_reply", "replied", "approved", "published"):
            report.findings.update(reply="Justificación del servicio.")
        if state in ("replied", "approved", "published"):
            report.findings.update(verdict="pertinente", verdict_text="la justificación es pertinente.")
    report.save()
    return report


def _expected(state: str, action: str, persona: str) -> tuple[str, str] | type[Exception]:
    if (state, action, persona) in ALLOWED:
        return ALLOWED[(state, action, persona)]
    if persona not in IN_SCOPE:
        return Http404
    if ROLE[persona] != TRANSITIONS[action].role:
        return PermissionDenied
    return WorkflowError


CASES = [pytest.param(s, a, p, id=f"{s}-{a}-{p}") for s, a, p in itertools.product(STATES, ACTIONS, PERSONAS)]


@pytest.mark.parametrize(("state", "action", "persona"), CASES)
def test_transition(report: Report, state: str, action: str, persona: str) -> None:
    _prepare(report, state)
    expected = _expected(state, action, persona)
    comment = "Corrija el presupuesto." if action == "return" else ""
    entries = LogEntry.objects.count()
    if isinstance(expected, tuple):
        done = perform(report, action, user(persona), comment)
        assert (done.state, LogEntry.objects.last().action) == expected  # type: ignore[union-attr]
        assert LogEntry.objects.last().before == {"state": state}  # type: ignore[union-attr]
        return
    with pytest.raises(expected):
        perform(report, action, user(persona), comment)
    assert Report.objects.get(pk=report.pk).state == state
    assert LogEntry.objects.count() == entries


def test_every_allowed_row_is_a_transition() -> None:
    """The hand-written table and the code's table name the same transitions."""
    declared = {(s.value, a, t.role) for a, t in TRANSITIONS.items() for s in t.sources}
    assert {(s, a, ROLE[p]) for s, a, p in ALLOWED} == declared


def test_return_needs_a_comment(report: Report) -> None:
    _prepare(report, "in_review")
    with pytest.raises(WorkflowError, match="comentarios"):
        perform(report, "return", user("evaluador"), "  ")


def test_submit_refuses_an_invalid_document(report: Report) -> None:
    report.data = {**report.data, "budget": {"years": {"2025": {"initial": "-5"}}}}
    report.save()
    with pytest.raises(WorkflowError, match="error"):
        perform(report, "submit", user("manager_indap"))
    assert Report.objects.get(pk=report.pk).state == "draft"


def test_other_evaluator_is_refused(report: Report, django_user_model: Any) -> None:
    from accounts.roles import EVALUATOR, ensure_groups

    other = django_user_model.objects.create_user("otro_evaluador")
    other.groups.add(ensure_groups()[EVALUATOR])
    _prepare(report, "submitted")
    with pytest.raises(Http404):  # not assigned: outside the evaluator's scope
        perform(report, "start_review", other)
