"""Administrator pages: open a cycle (year, methodology, price base, inflator table, programs), assign
evaluators and add an inflator table (CSV, validated by the core: docs/inflators.md). Publisher role only
(403 otherwise)."""

from __future__ import annotations

from accounts.roles import EVALUATOR, PUBLISHER, has_role
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from programs.models import Program
from submissions.models import Report
from submissions.workflow import WorkflowError

from cycles import inflators as inflator_pages
from cycles.models import MonitoringCycle
from cycles.services import assign, inflators_warning, open_cycle


def _publisher(request: HttpRequest) -> None:
    if not has_role(request.user, PUBLISHER):
        raise PermissionDenied("sólo el administrador del ciclo")


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


@login_required
def cycles(request: HttpRequest) -> HttpResponse:
    _publisher(request)
    evaluators = get_user_model().objects.filter(groups__name=EVALUATOR).order_by("username")
    if request.method == "POST":
        slugs = [s.strip() for s in request.POST.get("programs", "").replace(",", "\n").splitlines() if s.strip()]
        programs = Program.objects.filter(slug__in=slugs) if slugs else Program.objects.none()
        evaluator = evaluators.filter(pk=_int(request.POST.get("evaluator"))).first()
        year = _int(request.POST.get("year"))
        try:
            cycle = open_cycle(request.user, year, _int(request.POST.get("methodology_edition"), year),
                               _int(request.POST.get("price_base_year"), year + 1),
                               request.POST.get("inflator_table", "").strip(), programs, evaluator)
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Ciclo {cycle.year} abierto con {cycle.reports.count()} programa(s).")
            warning = inflators_warning(cycle.price_base_year, cycle.inflator_table)
            if warning:
                messages.warning(request, warning)
            return redirect("gestion:cycle", year=cycle.year)
    return render(request, "gestion/cycles.html", {"cycles": MonitoringCycle.objects.all(), "evaluators": evaluators})


@login_required
def cycle_detail(request: HttpRequest, year: int) -> HttpResponse:
    _publisher(request)
    cycle = get_object_or_404(MonitoringCycle, year=year)
    evaluators = get_user_model().objects.filter(groups__name=EVALUATOR).order_by("username")
    if request.method == "POST":
        report = get_object_or_404(Report, pk=_int(request.POST.get("report")), cycle=cycle)
        evaluator = get_object_or_404(evaluators, pk=_int(request.POST.get("evaluator")))
        try:
            assign(report, evaluator, request.user)
            messages.success(request, f"{report.program.name}: asignado a {evaluator.get_username()}.")
        except WorkflowError as exc:
            messages.error(request, str(exc))
        return redirect("gestion:cycle", year=year)
    return render(request, "gestion/cycle.html", {
        "cycle": cycle, "reports": cycle.reports.select_related("program", "evaluator"), "evaluators": evaluators})


@login_required
def inflators(request: HttpRequest) -> HttpResponse:
    """«Tablas de inflactores»: the known tables and a form to add one from a CSV (nothing stored on error)."""
    _publisher(request)
    problems: list[str] = []
    if request.method == "POST":
        saved, problems = inflator_pages.add_table(request.user, request.FILES.get("archivo"),
                                                   request.POST.get("source", "").strip())
        if saved is not None:
            messages.success(request, saved)
            return redirect("gestion:inflators")
    tables, broken = inflator_pages.listing()
    return render(request, "gestion/inflators.html", {"tables": tables, "problems": problems, "broken": broken},
                  status=400 if problems else 200)
