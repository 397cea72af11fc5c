"""Administrator pages: open a cycle (a wizard with choices, a program picker with search, deadlines, the
price year checked against the inflator tables), then on the cycle page: deadlines, programs added or
removed, evaluators assigned, approved reports published after a confirmation. Publisher role only (403
otherwise); the «Tablas de inflactores» page adds a table (CSV checked by the core, docs/inflators.md);
every change goes through ``cycles.services`` / ``submissions.services``."""

from __future__ import annotations

from datetime import date
from typing import Any

from accounts.roles import EVALUATOR, PUBLISHER, has_role
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from programs.models import Program
from submissions.models import Report
from submissions.services import perform
from submissions.workflow import WorkflowError

from cycles import inflators as inflator_pages
from cycles.models import MonitoringCycle
from cycles.services import add_programs, assign, open_cycle, remove_program, set_deadlines
from monitoreo import reference
from monitoreo.cycle.prices import tables
from monitoreo.methodology import known_editions


def _publisher(request: HttpRequest) -> None:
    if not has_role(request.user, PUBLISHER):
        raise PermissionDenied("sólo el administrador del ciclo")


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _evaluators() -> Any:
    return get_user_model().objects.filter(groups__name=EVALUATOR).order_by("username")


def chosen_programs(post: Any) -> tuple[list[Program], list[str]]:
    """Programs ticked in the picker plus identifiers pasted in «programs»; the identifiers that match no
    program are returned apart (reported with ``cycle.E004``, never dropped silently)."""
    ticked = post.getlist("program")
    pasted = [s.strip() for s in post.get("programs", "").replace(",", "\n").splitlines() if s.strip()]
    wanted = list(dict.fromkeys([*ticked, *pasted]))
    found = {p.slug: p for p in Program.objects.filter(slug__in=wanted)}
    return [found[s] for s in wanted if s in found], [s for s in wanted if s not in found]


def _choices() -> dict[str, Any]:
    opened = set(MonitoringCycle.objects.values_list("year", flat=True))
    return {
        "years": [y for y in reference.known_editions() if y not in opened],
        "methodologies": known_editions(),
        "tables": tables(),
        "programs": Program.objects.order_by("name"),
    }


@login_required
def cycles(request: HttpRequest) -> HttpResponse:
    _publisher(request)
    form: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = {
            k: request.POST.get(k, "")
            for k in (
                "year",
                "methodology_edition",
                "price",
                "programs",
                "evaluator",
                "submission_deadline",
                "reply_deadline",
            )
        }
        form["ticked"] = request.POST.getlist("program")
        programs, unknown = chosen_programs(request.POST)
        evaluator = _evaluators().filter(pk=_int(form["evaluator"])).first()
        year = _int(form["year"])
        table = form["price"] if form["price"] in tables() else ""
        price_year = tables().get(table) or _int(request.POST.get("price_base_year"), year + 1)
        try:
            if unknown:
                raise WorkflowError(
                    "Estos identificadores no corresponden a ningún programa: "
                    f"{', '.join(unknown)}. Corríjalos o quítelos.",
                    "cycle.E004",
                )
            if not programs:
                raise WorkflowError("Elija al menos un programa.")
            cycle = open_cycle(
                request.user,
                year,
                _int(form["methodology_edition"], year),
                price_year,
                table,
                programs,
                evaluator,
                _date(form["submission_deadline"]),
                _date(form["reply_deadline"]),
            )
        except WorkflowError as exc:
            messages.error(request, str(exc))
            status = 400  # the form comes back with everything the person chose
        else:
            messages.success(
                request,
                f"Ciclo {cycle.year} abierto con {cycle.reports.count()} programa(s). Se avisó "
                "por correo a sus servicios.",
            )
            return redirect("gestion:cycle", year=cycle.year)
    return render(
        request,
        "gestion/cycles.html",
        {"cycles": MonitoringCycle.objects.all(), "evaluators": _evaluators(), "form": form, **_choices()},
        status=status,
    )


@login_required
def cycle_detail(request: HttpRequest, year: int) -> HttpResponse:
    _publisher(request)
    cycle = get_object_or_404(MonitoringCycle, year=year)
    evaluators = _evaluators()
    if request.method == "POST":
        _cycle_post(request, cycle, evaluators)
        return redirect("gestion:cycle", year=year)
    reports = cycle.reports.select_related("program", "evaluator")
    taken = set(reports.values_list("program_id", flat=True))
    return render(
        request,
        "gestion/cycle.html",
        {
            "cycle": cycle,
            "reports": reports,
            "evaluators": evaluators,
            "approved": [r for r in reports if r.state == "approved"],
            "others": Program.objects.exclude(pk__in=taken).order_by("name"),
        },
    )


def _cycle_post(request: HttpRequest, cycle: MonitoringCycle, evaluators: Any) -> None:
    what = request.POST.get("do", "assign")
    try:
        if what == "deadlines":
            set_deadlines(
                cycle,
                request.user,
                _date(request.POST.get("submission_deadline")),
                _date(request.POST.get("reply_deadline")),
            )
            messages.success(request, "Plazos guardados.")
        elif what == "add":
            programs, unknown = chosen_programs(request.POST)
            if unknown:
                raise WorkflowError(
                    f"Estos identificadores no corresponden a ningún programa: {', '.join(unknown)}.",
                    "cycle.E004",
                )
            added = add_programs(
                cycle,
                programs,
                request.user,
                evaluators.filter(pk=_int(request.POST.get("evaluator"))).first(),
            )
            messages.success(
                request, f"Se agregaron {len(added)} programa(s); se avisó por correo a sus servicios."
            )
        elif what == "remove":
            report = get_object_or_404(Report, pk=_int(request.POST.get("report")), cycle=cycle)
            remove_program(report, request.user)
            messages.success(request, f"Se quitó «{report.program.name}» del ciclo.")
        else:
            report = get_object_or_404(Report, pk=_int(request.POST.get("report")), cycle=cycle)
            evaluator = get_object_or_404(evaluators, pk=_int(request.POST.get("evaluator")))
            assign(report, evaluator, request.user)
            messages.success(request, f"{report.program.name}: asignado a {evaluator.get_username()}.")
    except WorkflowError as exc:
        messages.error(request, str(exc))


@login_required
def publish_confirm(request: HttpRequest, year: int) -> HttpResponse:
    """The second look before publishing: GET lists what will be published (the reports ticked on the cycle
    page, or one report) with links to their previews; POST ``confirm`` publishes each and links to the
    public fichas. Nothing is published without this page."""
    _publisher(request)
    cycle = get_object_or_404(MonitoringCycle, year=year)
    ids = [_int(i) for i in request.POST.getlist("report") or request.GET.getlist("report")]
    reports = list(cycle.reports.select_related("program").filter(pk__in=ids, state="approved"))
    if request.method == "POST" and request.POST.get("confirm") == "si":
        done, failed = [], []
        for report in reports:
            try:
                done.append(perform(report, "publish", request.user))
            except WorkflowError as exc:
                failed.append((report, str(exc)))
        return render(request, "gestion/published.html", {"cycle": cycle, "done": done, "failed": failed})
    return render(
        request,
        "gestion/publish_confirm.html",
        {"cycle": cycle, "reports": reports, "summaries": [_summary(r) for r in reports]},
    )


def _summary(report: Report) -> dict[str, Any]:
    from reviews.explain import finding_views

    from monitoreo.cycle.narrative import stale_texts

    views = finding_views(report)
    return {
        "report": report,
        "findings": len(views),
        "overcome": sum(1 for v in views if v.status.startswith("superado")),
        "price": f"M${report.cycle.price_base_year}",
        "stale": stale_texts(report.previous, report.data),
    }


@login_required
def inflators(request: HttpRequest) -> HttpResponse:
    """«Tablas de inflactores»: the known tables and a form to add one from a CSV (nothing stored on error)."""
    _publisher(request)
    problems: list[str] = []
    if request.method == "POST":
        saved, problems = inflator_pages.add_table(
            request.user, request.FILES.get("archivo"), request.POST.get("source", "").strip()
        )
        if saved is not None:
            messages.success(request, saved)
            return redirect("gestion:inflators")
    tables, broken = inflator_pages.listing()
    return render(
        request,
        "gestion/inflators.html",
        {"tables": tables, "problems": problems, "broken": broken},
        status=400 if problems else 200,
    )
