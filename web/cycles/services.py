"""Opening a cycle and assigning evaluators (administrator / publisher only; atomic and audited).

``open_cycle`` creates the cycle and one draft report per program, pre-filled (``cycles.prefill``) from the
program's report in the latest earlier cycle, or else from its latest published ficha, or else with the
identity alone."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from accounts.roles import EVALUATOR, PUBLISHER, has_role
from audit.log import log_action
from django.db import transaction
from programs.models import Ficha, Program
from submissions.models import Report, Revision
from submissions.services import require_role
from submissions.workflow import WorkflowError

from cycles.models import MonitoringCycle
from cycles.prefill import prefill
from monitoreo import reference
from monitoreo.methodology import known_editions


def previous_data(program: Program, year: int) -> dict[str, Any] | None:
    """Last year's document of ``program``: an earlier cycle's report, else the latest published ficha."""
    report = (Report.objects.filter(program=program, cycle__year__lt=year).order_by("-cycle__year")
              .values_list("data", flat=True).first())
    if report:
        return dict(report)
    ficha = (Ficha.objects.public().filter(program=program, edition__lt=year).order_by("-edition")
             .values_list("submission", flat=True).first())
    return dict(ficha) if ficha else None


def _blank(program: Program, year: int, price_base_year: int) -> dict[str, Any]:
    return {"schema_version": 1, "id": program.slug, "edition": year, "evaluated_year": year, "years": [year],
            "price_base_year": price_base_year,
            "program": {"name": program.name, "service": program.service, "ministry": program.ministry,
                        "description": "", "purpose": "", "start_year": year}}


def check_cycle(year: int, methodology_edition: int, inflator_table: str) -> list[str]:
    """Spanish messages of what is wrong with the cycle's parameters (empty when they are fine)."""
    errors = []
    if year not in reference.known_editions():
        errors.append(f"El año {year} no tiene convenciones de cálculo (editions.yaml): "
                      f"use uno de {', '.join(map(str, reference.known_editions()))}.")
    if methodology_edition not in known_editions():
        errors.append(f"La metodología {methodology_edition} no existe.")
    if inflator_table:
        try:
            reference.inflator_table(inflator_table)
        except reference.ReferenceError:
            errors.append(f"No existe la tabla de inflactores «{inflator_table}».")
    if MonitoringCycle.objects.filter(year=year).exists():
        errors.append(f"Ya existe el ciclo {year}.")
    return errors


def _factors(price_base_year: int, inflator_table: str) -> dict[int, Decimal] | None:
    """Factors of the table with the cycle's price base (the one named, else the one of that base)."""
    table = reference.inflator_table(inflator_table) if inflator_table else reference.inflators_for_base(price_base_year)
    return dict(table.factors) if table is not None and int(table.base) == price_base_year else None


def inflators_warning(price_base_year: int, inflator_table: str) -> str | None:
    """What the publisher must know when no table of the cycle's price base exists (docs/inflators.md)."""
    if _factors(price_base_year, inflator_table) is not None:
        return None
    return (f"No hay tabla de inflactores base {price_base_year}: los montos de años anteriores en otra base no "
            f"se precargaron (el servicio los ingresa en M${price_base_year}). Ingrese la tabla en «Tablas de "
            f"inflactores» antes de abrir el ciclo para re-expresarlos. [inflators.W001]")


def open_cycle(user: Any, year: int, methodology_edition: int, price_base_year: int, inflator_table: str,
               programs: Iterable[Program], evaluator: Any = None) -> MonitoringCycle:
    require_role(user, PUBLISHER)
    errors = check_cycle(year, methodology_edition, inflator_table)
    if errors:
        raise WorkflowError(" ".join(errors))
    factors = _factors(price_base_year, inflator_table)
    years_shown = reference.edition_conventions(year).years_shown
    with transaction.atomic():
        cycle = MonitoringCycle.objects.create(year=year, evaluated_year=year, methodology_edition=methodology_edition,
                                               price_base_year=price_base_year, inflator_table=inflator_table,
                                               opened_by=user)
        log_action(user, "cycle.opened", obj=cycle, after={"year": year, "methodology_edition": methodology_edition,
                                                            "price_base_year": price_base_year,
                                                            "inflator_table": inflator_table})
        for program in programs:
            last = previous_data(program, year)
            data = (prefill(last, year, year, price_base_year, years_shown, factors) if last
                    else _blank(program, year, price_base_year))
            report = Report.objects.create(cycle=cycle, program=program, data=data, previous=last,
                                           evaluator=evaluator)
            Revision.objects.create(report=report, version=1, data=data, author=user, note="precargado")
            log_action(user, "submission.created", program_slug=program.slug, obj=report,
                       after={"state": report.state, "prefilled_from": last.get("edition") if last else None})
    return cycle


def assign(report: Report, evaluator: Any, user: Any) -> Report:
    require_role(user, PUBLISHER)
    if not has_role(evaluator, EVALUATOR):
        raise WorkflowError(f"«{evaluator}» no tiene el rol de evaluador.")
    with transaction.atomic():
        fresh = Report.objects.select_for_update().get(pk=report.pk)
        before = fresh.evaluator.get_username() if fresh.evaluator else None
        fresh.evaluator = evaluator
        fresh.save(update_fields=["evaluator", "updated_at"])
        log_action(user, "submission.assigned", program_slug=fresh.program.slug, obj=fresh,
                   before={"evaluator": before}, after={"evaluator": evaluator.get_username()})
        from submissions.notify import notify

        notify(fresh, "submission.assigned")
    return fresh
