"""Evaluator workspace (report next to metrics, validation issues, candidate findings, last year's diff),
judgements, verdicts, the service's replies and the ficha preview (HTML and PDF)."""

from __future__ import annotations

from typing import Any

from accounts.roles import EVALUATOR, PUBLISHER, has_role
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from submissions import intake
from submissions.dashboard import dashboard
from submissions.views import get_report
from submissions.workflow import WorkflowError

from monitoreo.cycle.codes import CYCLE_CODES
from monitoreo.cycle.fields import parse_observation
from monitoreo.cycle.labels import figures, judgement_label, metric_label
from monitoreo.domain.findings import Judgement
from monitoreo.domain.outcomes import Evaluation
from monitoreo.methodology import load_edition
from monitoreo.methodology.registry import judgement_values
from reviews import diff
from reviews.explain import finding_views
from reviews.models import Finding
from reviews.services import record_verdict, reply, save_judgements

#: How the form shows the judgement values beyond Sí / No (docs/data-format.md, «review.judgements»).
EXTRA_LABELS = {"insuficiente": "Información insuficiente", "no_aplica": "No aplica"}


def _reviewer(request: HttpRequest) -> None:
    if not (has_role(request.user, EVALUATOR) or has_role(request.user, PUBLISHER)):
        raise PermissionDenied("sólo evaluadores y administradores")


@login_required
def workspace(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report(request, pk)
    _reviewer(request)
    check = intake.check(report)
    judgement_codes: list[str] = list(load_edition(report.cycle.methodology_edition).judgements)
    extra = judgement_values()
    current = {j.get("code"): j for j in (report.data.get("review") or {}).get("judgements", [])}
    evaluation = Evaluation.model_validate(report.evaluation) if report.evaluation else None
    candidate = None
    if evaluation is None and check.submission is not None:
        from submissions.document import evaluate_document

        candidate = evaluate_document(check.submission, report.cycle.methodology_edition, report.previous)
    return render(
        request,
        "gestion/workspace.html",
        {
            "report": report,
            "check": check,
            "metrics": _metric_table(check.submission),
            "evaluation": evaluation or candidate,
            "is_candidate": evaluation is None,
            "findings": finding_views(report),
            "changes": diff.changes(report.previous, report.data),
            "candidates": [
                {
                    "dimension": o.dimension.label,
                    "text": o.text,
                    "figures": figures(o.values, report.data, report.cycle.evaluated_year, o.rule),
                }
                for o in (evaluation or candidate).findings()
            ]
            if (evaluation or candidate)
            else [],
            "board": dashboard(report.pk, report.data, check, report.previous),
            "judgements": [
                {
                    "code": c,
                    "label": judgement_label(c),
                    "value": (current.get(c) or {}).get("value"),
                    "text": (current.get(c) or {}).get("text", ""),
                    "reason": (current.get(c) or {}).get("reason", ""),
                    "extra": [(v, EXTRA_LABELS[v]) for v in sorted(extra.get(c, ()))],
                }
                for c in judgement_codes
            ],
            "is_assigned": report.evaluator_id == request.user.pk,
        },
    )


def _metric_table(submission: Any) -> list[dict[str, Any]]:
    if submission is None:
        return []
    from monitoreo.metrics import compute_metrics
    from monitoreo.validation.format import show

    metrics = compute_metrics(submission)
    return [
        {
            "name": metric_label(name),
            "values": [show(series[y]) if y in series else "" for y in submission.years],
        }
        for name, series in metrics.yearly.items()
    ]


@login_required
@require_POST
def judgements(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report(request, pk)
    _reviewer(request)
    items = []
    extra = judgement_values()
    for code in load_edition(report.cycle.methodology_edition).judgements:
        value = request.POST.get(f"j-{code}", "")
        text, reason = request.POST.get(f"t-{code}") or None, request.POST.get(f"r-{code}") or None
        if value in ("si", "no"):
            items.append(Judgement(code=code, value=value == "si", text=text, reason=reason))
        elif value in extra.get(code, ()):
            items.append(Judgement(code=code, value=value, text=text, reason=reason))  # type: ignore[arg-type]
    try:
        save_judgements(report, items, request.user)
        messages.success(request, "Juicios guardados.")
    except WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("gestion:workspace", pk=report.pk)


def _finding(request: HttpRequest, pk: int, finding: int) -> Finding:
    report = get_report(request, pk)
    return get_object_or_404(Finding.objects.select_related("report"), pk=finding, report=report)


def observation_count(report: Any) -> int:
    return len([o for o in report.data.get("observations") or [] if isinstance(o, dict)])


def save_reply(request: HttpRequest, item: Finding) -> str:
    """Save the reply of ``item`` posted as ``text-<id>`` / ``observation-<id>`` (or ``text`` / ``observation``).
    Returns ``"saved"``, ``"unchanged"`` or ``"refused"``: an unreadable observation number (``form.E014``) keeps
    the observation as it was but still saves the text, so nothing typed is lost, and says so."""
    text = request.POST.get(f"text-{item.pk}", request.POST.get("text", ""))
    raw = request.POST.get(f"observation-{item.pk}", request.POST.get("observation", ""))
    observation, code = parse_observation(raw, observation_count(item.report))
    if code is not None:
        messages.error(
            request,
            f"Hallazgo «{item.text[:60]}…»: «{raw}»: {CYCLE_CODES[code][0].lower()}"
            f"{CYCLE_CODES[code][1:]} Se guardó el texto sin esa observación: elíjala de la lista. [{code}]",
        )
        observation = item.reply_observation
    if text.strip() == item.reply and observation == item.reply_observation:
        return "refused" if code else "unchanged"
    if text.strip():
        reply(item, text, observation, request.user)
    return "refused" if code else "saved"


@login_required
@require_POST
def reply_view(request: HttpRequest, pk: int, finding: int) -> HttpResponse:
    item = _finding(request, pk, finding)
    try:
        if save_reply(request, item) == "saved":
            messages.success(request, "Respuesta guardada.")
    except WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect(reverse("gestion:report", kwargs={"pk": pk}) + f"#hallazgo-{item.pk}")


@login_required
@require_POST
def verdict_view(request: HttpRequest, pk: int, finding: int) -> HttpResponse:
    item = _finding(request, pk, finding)
    try:
        record_verdict(item, request.POST.get("verdict", ""), request.POST.get("text", ""), request.user)
        messages.success(request, "Veredicto registrado.")
    except WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("gestion:workspace", pk=pk)


def sheet_fragment(report: Any, submission: Any) -> tuple[str, str]:
    """The ficha of an unpublished report as an HTML fragment and its stylesheet (stored evaluation, else the
    candidate one)."""
    from submissions.document import evaluate_document

    from monitoreo.sheet import build_sheet, render_html_fragment, stylesheet
    from reviews.explain import provisional_evaluation

    evaluation = provisional_evaluation(report) or (
        Evaluation.model_validate(report.evaluation)
        if report.evaluation
        else evaluate_document(submission, report.cycle.methodology_edition, report.previous)
    )
    return render_html_fragment(build_sheet(submission, evaluation)), stylesheet()


def _sheet(request: HttpRequest, pk: int) -> Any:
    """The report (in the user's scope: the service sees the preview of its own report) and its ficha model."""
    report = get_report(request, pk)
    check = intake.check(report)
    if check.submission is None:
        raise WorkflowError("El reporte no es válido: no hay vista previa.")
    from submissions.document import evaluate_document

    from monitoreo.sheet import build_sheet
    from reviews.explain import provisional_evaluation

    evaluation = provisional_evaluation(report) or (
        Evaluation.model_validate(report.evaluation)
        if report.evaluation
        else evaluate_document(check.submission, report.cycle.methodology_edition, report.previous)
    )
    return report, build_sheet(check.submission, evaluation)


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        report, model = _sheet(request, pk)
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("gestion:report", pk=pk)
    from monitoreo.sheet import render_html_fragment, stylesheet

    return render(
        request,
        "gestion/preview.html",
        {
            "report": report,
            "fragment": render_html_fragment(model),
            "css": stylesheet(),
            "pending": report.state not in ("approved", "published")
            and report.findings.exclude(verdict="").exists(),
            "perms_review": has_role(request.user, EVALUATOR) or has_role(request.user, PUBLISHER),
        },
    )


@login_required
def preview_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        report, model = _sheet(request, pk)
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("gestion:report", pk=pk)
    from monitoreo.sheet import render_pdf

    response = HttpResponse(render_pdf(model), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="borrador-{report.program.slug}-{report.cycle.year}.pdf"'
    )
    return response
