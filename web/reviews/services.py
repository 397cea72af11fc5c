"""Evaluator and service actions on findings and judgements (each guarded, atomic, audited).

* ``sync_findings(report, evaluation)`` keeps one ``Finding`` per finding outcome (replies and verdicts of
  findings that persist are kept; status follows the evaluation).
* ``save_judgements`` (evaluator, in review or evaluated): ``submission.review.judgements``.
* ``reply`` (service, right of reply) and ``record_verdict`` (evaluator, after the replies)."""

from __future__ import annotations

from typing import Any

from accounts.roles import EVALUATOR, REPORTER
from audit.log import log_action
from django.db import transaction
from submissions.models import Report
from submissions.services import locked, require_role
from submissions.workflow import JUDGING, State, WorkflowError

from monitoreo.domain.findings import Judgement
from monitoreo.domain.outcomes import Evaluation, OutcomeVerdict
from reviews.models import Finding


def sync_findings(report: Report, evaluation: Evaluation) -> None:
    existing = {(f.code, f.indicator): f for f in report.findings.all()}
    seen = set()
    for o in evaluation.outcomes:
        if o.verdict is not OutcomeVerdict.FINDING:
            continue
        key = (o.code, o.indicator)
        seen.add(key)
        finding = existing.get(key) or Finding(report=report, code=o.code, indicator=o.indicator)
        finding.dimension, finding.text = o.dimension.value, o.text
        finding.status = o.status.value if o.status else "no_superado"
        finding.save()
    Finding.objects.filter(pk__in=[f.pk for k, f in existing.items() if k not in seen]).delete()


def _evaluator_of(report: Report, user: Any) -> Report:
    require_role(user, EVALUATOR)
    fresh = locked(report, user)
    if fresh.evaluator_id != user.pk:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("el reporte está asignado a otro evaluador")
    return fresh


def save_judgements(report: Report, judgements: list[Judgement], user: Any) -> Report:
    with transaction.atomic():
        fresh = _evaluator_of(report, user)
        if State(fresh.state) not in JUDGING:
            raise WorkflowError("Los juicios se registran durante la revisión.")
        data = dict(fresh.data)
        review = dict(data.get("review") or {})
        before = review.get("judgements", [])
        review["judgements"] = [j.model_dump(mode="json", exclude_none=True) for j in judgements]
        data["review"] = review
        fresh.data, fresh.version = data, fresh.version + 1
        fresh.save(update_fields=["data", "version", "updated_at"])
        log_action(
            user,
            "review.judgements_saved",
            program_slug=fresh.program.slug,
            obj=fresh,
            before=before,
            after=review["judgements"],
        )
    return fresh


def reply(finding: Finding, text: str, observation: int | None, user: Any) -> Finding:
    require_role(user, REPORTER)
    with transaction.atomic():
        report = locked(finding.report, user)
        if State(report.state) is not State.RIGHT_OF_REPLY:
            raise WorkflowError("Sólo se responde a los hallazgos durante el derecho a respuesta.")
        if not text.strip():
            raise WorkflowError("Escriba la justificación del servicio.")
        fresh = Finding.objects.select_for_update().get(pk=finding.pk, report=report)
        before = fresh.reply
        fresh.reply, fresh.reply_observation = text.strip(), observation
        fresh.save(update_fields=["reply", "reply_observation"])
        log_action(
            user,
            "finding.replied",
            program_slug=report.program.slug,
            obj=fresh,
            before={"reply": before},
            after={"reply": fresh.reply, "finding": fresh.code},
        )
    return fresh


def record_verdict(finding: Finding, verdict: str, text: str, user: Any) -> Finding:
    if verdict not in {"pertinente", "insuficiente"}:
        raise WorkflowError("El veredicto debe ser «pertinente» o «insuficiente».")
    with transaction.atomic():
        report = _evaluator_of(finding.report, user)
        if State(report.state) not in (State.REPLIED, State.EVALUATED):
            raise WorkflowError("El veredicto se registra después de la respuesta del servicio.")
        fresh = Finding.objects.select_for_update().get(pk=finding.pk, report=report)
        before = {"verdict": fresh.verdict, "text": fresh.verdict_text}
        fresh.verdict, fresh.verdict_text = verdict, text.strip()
        fresh.save(update_fields=["verdict", "verdict_text"])
        log_action(
            user,
            "finding.verdict",
            program_slug=report.program.slug,
            obj=fresh,
            before=before,
            after={"verdict": verdict, "text": fresh.verdict_text, "finding": fresh.code},
        )
    return fresh
