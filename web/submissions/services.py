"""Every change of a report goes through here: guard (scope, role, state), change inside
``transaction.atomic()`` with the row locked, write an audit entry, queue the notification.

* ``perform(report, action, user, comment)`` runs one transition of ``workflow.TRANSITIONS``.
* ``save_document(report, data, user, expected_version)`` saves a draft with optimistic locking: the
  caller's ``expected_version`` must still be the report's ``version``, else ``ConflictError``.
* ``add_entry(report, kind, user, expected_version)`` / ``remove_entry(report, kind, key, user,
  expected_version)`` add an empty component or purpose indicator / remove one (``monitoreo.ingest.entries``),
  same guards and locking as ``save_document``; a database too busy to take the write raises ``BusyError``
  (a ``ConflictError``); audit codes ``ENTRY_ACTIONS``, the removed entry kept in the
  audit entry's ``before``.

Errors: ``Http404`` when the report is outside ``Report.objects.for_user(user)``, ``PermissionDenied`` when
the user lacks the transition's role, ``WorkflowError`` when the state or a guard forbids it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from accounts.roles import EVALUATOR, REPORTER, has_role
from audit.log import log_action
from config.middleware import is_busy
from django.core.exceptions import PermissionDenied
from django.db import OperationalError, transaction
from django.http import Http404

from monitoreo.cycle.completeness import completeness
from monitoreo.domain.findings import Justification, ReviewDecision, Verdict
from monitoreo.domain.outcomes import Evaluation, OutcomeVerdict
from monitoreo.ingest import entries
from submissions.document import check_document, evaluate_document
from submissions.models import Report, Revision
from submissions.notify import notify
from submissions.workflow import EDITABLE, TRANSITIONS, State, WorkflowError, next_state


class ConflictError(Exception):
    """Someone saved the report since the caller loaded it (optimistic locking)."""

    def __init__(self, current_version: int) -> None:
        super().__init__(f"el reporte cambió (versión actual {current_version})")
        self.current_version = current_version


class BusyError(ConflictError):
    """The database could not take the write in time (other saves held the lock): nothing was saved, and
    the caller answers like a conflict (409, the person's input shown back)."""


@contextmanager
def _busy_is_conflict(expected_version: int) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        raise BusyError(expected_version) from exc


def locked(report: Report, user: Any) -> Report:
    """The report re-read with a row lock, inside the user's scope (404 otherwise)."""
    fresh = Report.objects.for_user(user).select_for_update().filter(pk=report.pk).first()
    if fresh is None:
        raise Http404("reporte no encontrado")
    return fresh


def require_role(user: Any, role: str) -> None:
    if not has_role(user, role):
        raise PermissionDenied("su rol no permite esta acción")


def _revision(report: Report, user: Any, note: str) -> None:
    Revision.objects.create(
        report=report,
        version=report.version,
        data=report.data,
        author=user if user.is_authenticated else None,
        note=note[:200],
    )


#: (kind, "added" | "removed") → audit code of ``add_entry`` / ``remove_entry``.
ENTRY_ACTIONS = {
    ("components", "added"): "submission.component_added",
    ("components", "removed"): "submission.component_removed",
    ("indicators", "added"): "submission.indicator_added",
    ("indicators", "removed"): "submission.indicator_removed",
}


def _editable(report: Report, user: Any, expected_version: int) -> Report:
    """The report locked for a reporter's change: editable state and unchanged version (call inside atomic)."""
    fresh = locked(report, user)
    if State(fresh.state) not in EDITABLE:
        raise WorkflowError(f"El reporte está «{fresh.state_label}»: ya no se puede modificar.")
    if fresh.version != expected_version:
        raise ConflictError(fresh.version)
    return fresh


def _store(
    fresh: Report,
    data: dict[str, Any],
    user: Any,
    action: str,
    note: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Report:
    """New version of the document + revision + audit entry + notification (call inside atomic)."""
    previous = fresh.version
    fresh.data, fresh.version = data, fresh.version + 1
    fresh.save(update_fields=["data", "version", "updated_at"])
    _revision(fresh, user, note or action)
    log_action(
        user,
        action,
        program_slug=fresh.program.slug,
        obj=fresh,
        before={"version": previous, **(before or {})},
        after={"version": fresh.version, **(after or {})},
        comment=note,
    )
    notify(fresh, action, note)
    return fresh


def save_document(
    report: Report,
    data: dict[str, Any],
    user: Any,
    expected_version: int,
    action: str = "submission.saved",
    note: str = "",
) -> Report:
    """Store a new version of the document (reporter, editable states only)."""
    require_role(user, REPORTER)
    with _busy_is_conflict(expected_version), transaction.atomic():
        fresh = _editable(report, user, expected_version)
        return _store(fresh, data, user, action, note)


def add_entry(report: Report, kind: str, user: Any, expected_version: int) -> tuple[Report, str]:
    """Append an empty component / purpose indicator; returns the report and the new entry's key
    (``entries.entry_key``). The entry has no name yet, so the check flags it (``input.E010``) until filled."""
    require_role(user, REPORTER)
    with _busy_is_conflict(expected_version), transaction.atomic():
        fresh = _editable(report, user, expected_version)
        taken = [
            str(c.get("id")) for c in (fresh.previous or {}).get("components") or [] if isinstance(c, dict)
        ]
        data, entry = entries.add_entry(fresh.data, kind, taken)
        position = len(data[kind])
        key = entries.entry_key(kind, position - 1, entry)
        label = f"{entries.KINDS[kind]} {position}" + (f" ({key})" if kind == "components" else "")
        fresh = _store(
            fresh,
            data,
            user,
            ENTRY_ACTIONS[(kind, "added")],
            f"agregado {label}",
            after={kind: {"position": position, "key": key, "entry": entry}},
        )
    return fresh, key


def remove_entry(report: Report, kind: str, key: str, user: Any, expected_version: int) -> Report:
    """Remove the component / purpose indicator ``key``; the audit entry keeps it in ``before`` (with
    ``reported``: whether it had spend, production or values). ``Http404`` when there is no such entry."""
    require_role(user, REPORTER)
    with _busy_is_conflict(expected_version), transaction.atomic():
        fresh = _editable(report, user, expected_version)
        try:
            data, removed = entries.remove_entry(fresh.data, kind, key)
        except KeyError:
            raise Http404("entrada no encontrada") from None
        name = removed.entry.get("name") or "sin nombre"
        fresh = _store(
            fresh,
            data,
            user,
            ENTRY_ACTIONS[(kind, "removed")],
            f"quitado {entries.KINDS[kind]} {removed.position} «{name}»",
            before={
                kind: {
                    "position": removed.position,
                    "key": removed.key,
                    "entry": removed.entry,
                    "reported": removed.reported,
                }
            },
        )
    return fresh


def perform(report: Report, action: str, user: Any, comment: str = "") -> Report:
    """Run transition ``action`` (see ``workflow.TRANSITIONS``); returns the updated report."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise WorkflowError(f"acción desconocida «{action}»")
    with transaction.atomic():
        fresh = locked(report, user)
        require_role(user, transition.role)
        if transition.role == EVALUATOR and fresh.evaluator_id != user.pk:
            raise PermissionDenied("el reporte está asignado a otro evaluador")
        before = State(fresh.state)
        target = next_state(before, action)
        _GUARDS.get(action, _no_guard)(fresh, user, comment)
        fresh.state = target.value
        fresh.version += 1
        fresh.save()
        log_action(
            user,
            transition.audit,
            program_slug=fresh.program.slug,
            obj=fresh,
            before={"state": before.value},
            after={"state": target.value},
            comment=comment,
        )
        notify(fresh, transition.audit, comment)
    return fresh


def _no_guard(report: Report, user: Any, comment: str) -> None:
    return None


def _check_complete(report: Report, user: Any, comment: str) -> None:
    """Submit / resubmit: no blocking error (``cycle.E002``) and every required value of the evaluated year
    present (``monitoreo.cycle.completeness``, ``cycle.E001``)."""
    check = check_document(report.data)
    if check.blocking:
        raise WorkflowError(
            f"El reporte tiene {check.blocking} error(es) por corregir antes de enviarlo.", "cycle.E002"
        )
    gaps = completeness(report.data).gaps
    if gaps:
        shown = "; ".join(g.where for g in gaps[:3]) + ("…" if len(gaps) > 3 else "")
        raise WorkflowError(
            f"El reporte está incompleto: faltan {len(gaps)} valor(es) ({shown}). Llénelos o marque "
            "S/I, N/A, N/C o «-» antes de enviarlo.",
            "cycle.E001",
        )


def _require_comment(report: Report, user: Any, comment: str) -> None:
    if not comment.strip():
        raise WorkflowError("Escriba los comentarios de la devolución: qué debe corregir el servicio.")
    report.return_comment = comment.strip()


def _evaluate(report: Report, user: Any, comment: str) -> None:
    from reviews.services import sync_findings

    check = check_document(report.data)
    if check.submission is None:
        raise WorkflowError("El reporte no es válido: devuélvalo al servicio para que lo corrija.")
    evaluation = evaluate_document(check.submission, report.cycle.methodology_edition, report.previous)
    report.evaluation = evaluation.model_dump(mode="json")
    sync_findings(report, evaluation)


def _open_reply(report: Report, user: Any, comment: str) -> None:
    if not report.findings.exists():
        raise WorkflowError("No hay hallazgos que responder: apruebe el reporte directamente.")


def _replies_complete(report: Report, user: Any, comment: str) -> None:
    """Replying is a right, not a duty: at least one finding answered; the rest stay «no superado»."""
    if not report.findings.exclude(reply="").exists():
        raise WorkflowError("Responda al menos un hallazgo antes de enviar las respuestas.")


def decisions_of(report: Report) -> list[ReviewDecision]:
    return [
        ReviewDecision(
            finding=f.code,
            indicator=f.indicator,
            verdict=Verdict(f.verdict),
            text=f.verdict_text or None,
            justification=Justification(text=f.reply, observation=f.reply_observation) if f.reply else None,
        )
        for f in report.findings.all()
        if f.verdict
    ]


def _approve(report: Report, user: Any, comment: str) -> None:
    from reviews.services import sync_findings

    if State(report.state) is State.REPLIED:
        pending = report.findings.exclude(reply="").filter(verdict="").count()
        if pending:
            raise WorkflowError(f"Falta el veredicto de {pending} hallazgo(s) respondido(s).")
    data = dict(report.data)
    review = dict(data.get("review") or {})
    review["decisions"] = [d.model_dump(mode="json", exclude_none=True) for d in decisions_of(report)]
    data["review"] = review
    check = check_document(data)
    if check.submission is None:
        raise WorkflowError("El reporte dejó de ser válido; devuélvalo al servicio.")
    evaluation = evaluate_document(check.submission, report.cycle.methodology_edition, report.previous)
    report.data, report.evaluation = data, evaluation.model_dump(mode="json")
    sync_findings(report, evaluation)


def _publish(report: Report, user: Any, comment: str) -> None:
    from programs.loader import load_submissions

    from monitoreo.cycle.prices import price_problem

    previous_base = (report.previous or {}).get("price_base_year")
    problem = price_problem(
        report.cycle.price_base_year,
        report.cycle.inflator_table,
        [int(previous_base)] if previous_base else [],
    )
    if problem:
        raise WorkflowError(f"No se puede publicar: {problem[0].lower()}{problem[1:]}", "cycle.E003")
    check = check_document(report.data)
    if check.submission is None or report.evaluation is None:
        raise WorkflowError("El reporte no es válido o no está evaluado.")
    evaluation = Evaluation.model_validate(report.evaluation)
    load_submissions([check.submission], publish=True, evaluator=lambda sub, history: evaluation)


_GUARDS = {
    "submit": _check_complete,
    "resubmit": _check_complete,
    "return": _require_comment,
    "evaluate": _evaluate,
    "open_reply": _open_reply,
    "send_replies": _replies_complete,
    "approve": _approve,
    "publish": _publish,
}


def finding_counts(evaluation: dict[str, Any] | None) -> int:
    if not evaluation:
        return 0
    return sum(1 for o in evaluation.get("outcomes", []) if o.get("verdict") == OutcomeVerdict.FINDING.value)
