"""Views of the monitoring cycle (``/gestion/``): every report comes from ``Report.objects.for_user`` (404
outside the user's scope), every change goes through ``services`` (403 without the role, a message when the
workflow forbids it). Spanish UI."""

from __future__ import annotations

from typing import Any

from accounts.roles import EVALUATOR, PUBLISHER, REPORTER, has_role, roles_of
from audit.models import LogEntry
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from reviews.explain import finding_views

from monitoreo.cycle.completeness import completeness
from monitoreo.cycle.fields import form_value, label_of
from monitoreo.cycle.narrative import CODE as STALE
from monitoreo.cycle.narrative import stale_texts
from monitoreo.ingest import entries as entry_ops
from monitoreo.ingest.choices import choices
from monitoreo.ingest.excel import block_title, cells, get_path, mapping, sheets_for, show
from submissions import intake, services
from submissions.dashboard import dashboard
from submissions.models import Report
from submissions.services import BusyError, ConflictError, perform
from submissions.workflow import EDITABLE, TRANSITIONS, State, WorkflowError, actions_from

SECTIONS = {s.section: s.title for s in mapping()}
SHEETS = {s.section: s for s in mapping()}


def _sections(report: Report) -> dict[str, str]:
    """The form sections of ``report`` (section → title): the executors and complementarities are 2025's."""
    return {s.section: s.title for s in sheets_for(report.data)}


CONFLICT = (
    "Otra persona guardó este reporte mientras usted lo editaba (versión {version}). "
    "Sus datos se muestran abajo sin guardar: revíselos y guarde de nuevo."
)
BUSY = (
    "El sistema está ocupado guardando otros cambios y no alcanzó a guardar los suyos. "
    "Sus datos se muestran abajo sin guardar: guarde de nuevo en unos segundos."
)


def get_report(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(
        Report.objects.for_user(request.user).select_related("program", "cycle", "evaluator"), pk=pk
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    reports = Report.objects.for_user(request.user).select_related("program", "cycle", "evaluator")
    return render(
        request,
        "gestion/home.html",
        {
            "reports": reports,
            "roles": roles_of(request.user),
            "is_publisher": has_role(request.user, PUBLISHER),
        },
    )


def _actions(report: Report, user: Any) -> list[Any]:
    out = []
    for t in actions_from(State(report.state)):
        if not has_role(user, t.role):
            continue
        if t.role == EVALUATOR and report.evaluator_id != user.pk:
            continue
        out.append(t)
    return out


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report(request, pk)
    check = intake.check(report)
    return render(
        request,
        "gestion/report.html",
        {
            "report": report,
            "actions": _actions(report, request.user),
            "sections": _sections(report),
            "check": check,
            "board": dashboard(report.pk, report.data, check, report.previous),
            "editable": State(report.state) in EDITABLE and has_role(request.user, REPORTER),
            "is_reviewer": has_role(request.user, EVALUATOR) or has_role(request.user, PUBLISHER),
            "findings": finding_views(report),
            "can_reply": State(report.state) is State.RIGHT_OF_REPLY and has_role(request.user, REPORTER),
            "observations": [
                (i + 1, o.get("topic") or "")
                for i, o in enumerate(report.data.get("observations") or [])
                if isinstance(o, dict)
            ],
        },
    )


def _can_edit(report: Report, user: Any) -> bool:
    return State(report.state) in EDITABLE and has_role(user, REPORTER)


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", "0") or 0)
    except ValueError:
        return 0


@login_required
def section(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    report = get_report(request, pk)
    if name not in _sections(report):
        raise _not_found()
    status, entries, problems = 200, None, []
    if request.method == "POST":
        if not _can_edit(report, request.user):
            raise PermissionDenied("no puede modificar este reporte")
        entries = {k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "version")}
        try:
            saved, problems = intake.save_section(report, name, entries, request.user, _version(request))
        except ConflictError as exc:
            messages.error(
                request, BUSY if isinstance(exc, BusyError) else CONFLICT.format(version=exc.current_version)
            )
            status = 409
            report = get_report(request, pk)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            status = 409
        else:
            changed = saved.version != report.version
            report = saved
            if not problems:
                messages.success(
                    request, "Borrador guardado." if changed else "No había cambios que guardar."
                )
                return redirect("gestion:section", pk=report.pk, name=name)
            status = 400
            bad = {p.path for p in problems}
            entries = {k: v for k, v in entries.items() if k in bad}  # the rest shows what was saved
            messages.error(
                request,
                (
                    f"{'Se guardaron los demás valores. ' if changed else ''}"
                    f"{len(bad)} valor(es) no se guardaron: corríjalos junto a su mensaje."
                ),
            )
    return _section_page(request, report, name, entries, problems, status)


def _section_page(
    request: HttpRequest,
    report: Report,
    name: str,
    entries: dict[str, Any] | None = None,
    problems: list[Any] | tuple[Any, ...] = (),
    status: int = 200,
) -> HttpResponse:
    """The section's form: fields grouped in blocks (one per component / indicator), messages by field."""
    can_edit = _can_edit(report, request.user)
    check = intake.check(report)
    by_path = check.by_path()
    for stale in stale_texts(report.previous, report.data):
        by_path.setdefault(stale.path, []).append(
            {"code": STALE, "message": stale.message, "severity": "warning"}
        )
    for p in problems:
        by_path.setdefault(p.path, []).insert(0, {"code": p.code, "message": p.message, "severity": "error"})
    by_path, loose = intake.place(by_path, report.data)
    loose = [
        {**u, "label": ref.label} for u in loose if (ref := label_of(report.data, u["path"])).section == name
    ]  # in their section only (the rest: dashboard)
    blocks: list[dict[str, Any]] = []
    kind = name if name in entry_ops.KINDS else None  # entry sections are named after their list
    for cell in cells(report.data):
        if cell.section != name:
            continue
        if not blocks or blocks[-1]["item"] != cell.item:
            item = cell.item
            blocks.append(
                {
                    "item": item,
                    "fields": [],
                    "key": None
                    if item is None or kind is None
                    else entry_ops.entry_key(kind, item, (report.data.get(kind) or [])[item]),
                    "title": None if item is None else block_title(SHEETS[name], report.data, item),
                }
            )
        value = (
            entries[cell.path]
            if entries is not None and cell.path in entries
            else form_value(cell.kind, get_path(report.data, cell.path))
        )
        blocks[-1]["fields"].append(
            {
                "cell": cell,
                "value": value,
                "issues": by_path.get(cell.path, []),
                "choices": choices(cell.kind),
            }
        )
    state = next(st for st in completeness(report.data).sections if st.section == name)
    return render(
        request,
        "gestion/section.html",
        {
            "report": report,
            "name": name,
            "title": SECTIONS[name],
            "sections": _sections(report),
            "blocks": blocks,
            "state": state,
            "year": report.data.get("evaluated_year"),
            "can_edit": can_edit,
            "check": check,
            "unplaced": loose,
            "kind": kind,
            "item_label": entry_ops.KINDS.get(kind or ""),
        },
        status=status,
    )


def _entry_section(request: HttpRequest, pk: int, name: str) -> tuple[Report, str]:
    """The report (404 outside the scope) and the list of an entry section; 403 unless editable by its reporter."""
    report = get_report(request, pk)
    kind = name if name in entry_ops.KINDS else None  # entry sections are named after their list
    if kind is None:
        raise _not_found()
    if not _can_edit(report, request.user):
        raise PermissionDenied("no puede modificar este reporte")
    return report, kind


@login_required
@require_POST
def entry_add(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    report, kind = _entry_section(request, pk, name)
    try:
        report, key = services.add_entry(report, kind, request.user, _version(request))
    except ConflictError as exc:
        messages.error(
            request,
            f"Otra persona guardó este reporte (versión {exc.current_version}): no se agregó "
            "nada. Revise la versión actual y vuelva a intentarlo.",
        )
        return _section_page(request, get_report(request, pk), name, status=409)
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return _section_page(request, get_report(request, pk), name, status=409)
    messages.success(
        request,
        f"Se agregó el {entry_ops.KINDS[kind]} {len(report.data[kind])}: complete sus "
        "datos y guarde (mientras no tenga nombre, el reporte no se puede enviar).",
    )
    return redirect(reverse("gestion:section", kwargs={"pk": report.pk, "name": name}) + f"#entrada-{key}")


@login_required
def entry_remove(request: HttpRequest, pk: int, name: str, key: str) -> HttpResponse:
    """GET: the confirmation page (what will be removed); POST: remove it (version checked)."""
    report, kind = _entry_section(request, pk, name)
    status = 200
    if request.method == "POST":
        try:
            services.remove_entry(report, kind, key, request.user, _version(request))
        except ConflictError as exc:
            messages.error(
                request,
                f"Otra persona guardó este reporte (versión {exc.current_version}): no se quitó "
                "nada. Revise abajo la versión actual antes de confirmar.",
            )
            report, status = get_report(request, pk), 409
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect("gestion:report", pk=report.pk)
        else:
            messages.success(
                request, f"Se quitó el {entry_ops.KINDS[kind]}. Queda constancia en el registro de auditoría."
            )
            return redirect("gestion:section", pk=report.pk, name=name)
    index = entry_ops.find(report.data, kind, key)
    if index is None and status == 409:
        return _section_page(request, report, name, status=409)
    if index is None:
        raise Http404("entrada no encontrada")
    entry = (report.data.get(kind) or [])[index]
    shown = [
        {"label": c.label, "value": show(c.kind, get_path(report.data, c.path))}
        for c in cells(report.data)
        if c.section == name and c.item == index
    ]
    return render(
        request,
        "gestion/remove_entry.html",
        {
            "report": report,
            "name": name,
            "key": key,
            "title": block_title(SHEETS[name], report.data, index),
            "entry_name": entry.get("name") if isinstance(entry, dict) else None,
            "fields": shown,
            "item_label": entry_ops.KINDS[kind],
            "reported": entry_ops.has_reported_values(kind, entry),
        },
        status=status,
    )


#: Actions that send the report to the evaluator: the report page links to a confirmation page first.
SENDING = ("submit", "resubmit")


@login_required
def submit_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """«Revisar y enviar»: what will be sent (the dashboard and the ficha preview) and the send button, which
    only shows when the report is complete and without errors (the service refuses it anyway, ``cycle.E001``)."""
    report = get_report(request, pk)
    action_ = next((t for t in _actions(report, request.user) if t.action in SENDING), None)
    if action_ is None:
        raise PermissionDenied("no puede enviar este reporte")
    check = intake.check(report)
    board = dashboard(report.pk, report.data, check, report.previous)
    fragment, css = None, None
    if board.ready and check.submission is not None:
        from reviews.views import sheet_fragment

        fragment, css = sheet_fragment(report, check.submission)
    return render(
        request,
        "gestion/submit_confirm.html",
        {
            "report": report,
            "board": board,
            "action": action_,
            "fragment": fragment,
            "css": css,
            "check": check,
            "editable": True,
        },
    )


def _not_found() -> Exception:
    return Http404("sección desconocida")


@login_required
@require_POST
def action(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    report = get_report(request, pk)
    if name not in TRANSITIONS:
        raise _not_found()
    if name == "send_replies" and has_role(request.user, REPORTER):
        # «Enviar las respuestas» carries the replies typed on the page: saved first, so none is lost; a reply
        # whose observation could not be read stops the sending, for the person to choose it (form.E014)
        from reviews.views import save_reply

        results = []
        for item in report.findings.all():
            try:
                results.append(save_reply(request, item))
            except WorkflowError:
                pass  # blank or not in the right of reply: perform() says why
        if "refused" in results:
            return redirect(reverse("gestion:report", kwargs={"pk": report.pk}) + "#hallazgos")
    try:
        report = perform(report, name, request.user, request.POST.get("comment", ""))
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Listo: el reporte quedó «{report.state_label}».")
    return redirect("gestion:report", pk=report.pk)


@login_required
def excel_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report(request, pk)
    from monitoreo.ingest.excel_book import write_workbook

    response = HttpResponse(
        write_workbook(report.data),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{report.program.slug}-{report.cycle.year}.xlsx"'
    return response


@login_required
@require_POST
def excel_upload(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report(request, pk)
    if not (State(report.state) in EDITABLE and has_role(request.user, REPORTER)):
        raise PermissionDenied("no puede modificar este reporte")
    upload = request.FILES.get("planilla")
    problems = intake.upload_problems(upload, settings.MONITOREO_UPLOAD_MAX_BYTES)
    if not problems and upload is not None:
        try:
            report, problems = intake.import_workbook(
                report,
                upload.read(),
                upload.name or "planilla.xlsx",
                request.user,
                int(request.POST.get("version", "0") or 0),
            )
        except ConflictError as exc:
            problems = [
                "El sistema está ocupado guardando otros cambios y no alcanzó a importar la planilla: "
                "súbala de nuevo en unos segundos."
                if isinstance(exc, BusyError)
                else "El reporte cambió mientras usted subía la planilla: descargue la versión actual."
            ]
        except WorkflowError as exc:
            problems = [str(exc)]
    if problems:
        return render(
            request, "gestion/upload_errors.html", {"report": report, "problems": problems}, status=400
        )
    messages.success(request, "Planilla importada.")
    return redirect("gestion:report", pk=report.pk)


@login_required
def audit_log(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report(request, pk)
    entries = LogEntry.objects.filter(program_slug=report.program.slug).order_by("-at", "-id")
    return render(request, "gestion/audit.html", {"report": report, "entries": entries})
