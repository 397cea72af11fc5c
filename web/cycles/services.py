"""Opening a cycle and assigning evaluators (administrator / publisher only; atomic and audited).

``open_cycle`` creates the cycle and one draft report per program, pre-filled (``cycles.prefill``) from the
program's report in the latest earlier cycle, or else from its latest published ficha, or else with the
identity alone."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
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
from monitoreo.cycle.prices import price_problem, tables
from monitoreo.methodology import known_editions


def previous_data(program: Program, year: int) -> dict[str, Any] | None:
    """Last year's document of ``program``: an earlier cycle's report, else the latest published ficha."""
    report = (
        Report.objects.filter(program=program, cycle__year__lt=year)
        .order_by("-cycle__year")
        .values_list("data", flat=True)
        .first()
    )
    if report:
        return dict(report)
    ficha = (
        Ficha.objects.public()
        .filter(program=program, edition__lt=year)
        .order_by("-edition")
        .values_list("submission", flat=True)
        .first()
    )
    return dict(ficha) if ficha else None


def _blank(program: Program, year: int, price_base_year: int) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "id": program.slug,
        "edition": year,
        "evaluated_year": year,
        "years": [year],
        "price_base_year": price_base_year,
        "program": {
            "name": program.name,
            "service": program.service,
            "ministry": program.ministry,
            "description": "",
            "purpose": "",
            "start_year": year,
        },
    }


def check_cycle(
    year: int,
    methodology_edition: int,
    inflator_table: str,
    price_base_year: int | None = None,
    programs: Iterable[Program] = (),
) -> list[str]:
    """Spanish messages of what is wrong with the cycle's parameters (empty when they are fine); with
    ``price_base_year``, the price year is checked against the inflator tables (``cycle.E003``)."""
    errors = []
    if price_base_year is not None:
        bases = [
            int(d.get("price_base_year"))
            for d in (previous_data(p, year) for p in programs)
            if d and d.get("price_base_year")
        ]
        problem = price_problem(price_base_year, inflator_table, bases)
        if problem:
            errors.append(f"{problem} [cycle.E003]")
    if year not in reference.known_editions():
        errors.append(
            f"El año {year} no tiene convenciones de cálculo (editions.yaml): "
            f"use uno de {', '.join(map(str, reference.known_editions()))}."
        )
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


def open_cycle(
    user: Any,
    year: int,
    methodology_edition: int,
    price_base_year: int,
    inflator_table: str,
    programs: Iterable[Program],
    evaluator: Any = None,
    submission_deadline: date | None = None,
    reply_deadline: date | None = None,
) -> MonitoringCycle:
    """Create the cycle and one pre-filled draft per program; the services of those programs get an e-mail
    (``cycle.opened``) with the link to their report and the deadlines."""
    require_role(user, PUBLISHER)
    programs = list(programs)
    # No table named: the one of the cycle's price base, shipped or entered by the unit (docs/inflators.md).
    inflator_table = inflator_table or next(
        (name for name, base in tables().items() if base == price_base_year), ""
    )
    errors = check_cycle(year, methodology_edition, inflator_table, price_base_year, programs)
    if errors:
        raise WorkflowError(" ".join(errors))
    with transaction.atomic():
        cycle = MonitoringCycle.objects.create(
            year=year,
            evaluated_year=year,
            methodology_edition=methodology_edition,
            price_base_year=price_base_year,
            inflator_table=inflator_table,
            submission_deadline=submission_deadline,
            reply_deadline=reply_deadline,
            opened_by=user,
        )
        log_action(
            user,
            "cycle.opened",
            obj=cycle,
            after={
                "year": year,
                "methodology_edition": methodology_edition,
                "price_base_year": price_base_year,
                "inflator_table": inflator_table,
                "submission_deadline": _iso(submission_deadline),
                "reply_deadline": _iso(reply_deadline),
            },
        )
        for program in programs:
            _create_report(cycle, program, user, evaluator)
    return cycle


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _create_report(cycle: MonitoringCycle, program: Program, user: Any, evaluator: Any) -> Report:
    """One pre-filled draft of ``program`` in ``cycle`` (audited; its service is told by e-mail)."""
    from submissions.notify import notify

    factors: dict[int, Decimal] | None = None
    if cycle.inflator_table:
        table = reference.inflator_table(cycle.inflator_table)
        factors = dict(table.factors) if int(table.base) == cycle.price_base_year else None
    years_shown = reference.edition_conventions(cycle.year).years_shown
    last = previous_data(program, cycle.year)
    data = (
        prefill(last, cycle.year, cycle.year, cycle.price_base_year, years_shown, factors)
        if last
        else _blank(program, cycle.year, cycle.price_base_year)
    )
    report = Report.objects.create(
        cycle=cycle, program=program, data=data, previous=last, evaluator=evaluator
    )
    Revision.objects.create(report=report, version=1, data=data, author=user, note="precargado")
    log_action(
        user,
        "submission.created",
        program_slug=program.slug,
        obj=report,
        after={"state": report.state, "prefilled_from": last.get("edition") if last else None},
    )
    notify(report, "cycle.opened")
    return report


def add_programs(
    cycle: MonitoringCycle, programs: Iterable[Program], user: Any, evaluator: Any = None
) -> list[Report]:
    """Add programs to an open cycle (pre-filled drafts); programs already in it are skipped. The price year
    is checked for the new programs as at opening (``cycle.E003``)."""
    require_role(user, PUBLISHER)
    new = [p for p in programs if not cycle.reports.filter(program=p).exists()]
    bases = [
        int(d.get("price_base_year"))
        for d in (previous_data(p, cycle.year) for p in new)
        if d and d.get("price_base_year")
    ]
    problem = price_problem(cycle.price_base_year, cycle.inflator_table, bases)
    if problem:
        raise WorkflowError(problem, "cycle.E003")
    with transaction.atomic():
        reports = [_create_report(cycle, p, user, evaluator) for p in new]
        if reports:
            log_action(user, "cycle.programs_added", obj=cycle, after={"programs": [p.slug for p in new]})
    return reports


def remove_program(report: Report, user: Any) -> None:
    """Take a program out of the cycle: only a draft nobody has saved yet (version 1), so no work is lost;
    the audit entry keeps the program."""
    require_role(user, PUBLISHER)
    with transaction.atomic():
        fresh = Report.objects.select_for_update().select_related("program", "cycle").get(pk=report.pk)
        if fresh.state != "draft" or fresh.version != 1:
            raise WorkflowError(
                f"«{fresh.program.name}» ya tiene trabajo guardado o enviado: no se puede quitar del ciclo."
            )
        log_action(
            user,
            "cycle.program_removed",
            program_slug=fresh.program.slug,
            obj=fresh.cycle,
            before={"program": fresh.program.slug, "state": fresh.state},
        )
        fresh.delete()


def set_deadlines(
    cycle: MonitoringCycle, user: Any, submission_deadline: date | None, reply_deadline: date | None
) -> MonitoringCycle:
    require_role(user, PUBLISHER)
    with transaction.atomic():
        before = {
            "submission_deadline": _iso(cycle.submission_deadline),
            "reply_deadline": _iso(cycle.reply_deadline),
        }
        cycle.submission_deadline, cycle.reply_deadline = submission_deadline, reply_deadline
        cycle.save(update_fields=["submission_deadline", "reply_deadline"])
        log_action(
            user,
            "cycle.deadlines_set",
            obj=cycle,
            before=before,
            after={"submission_deadline": _iso(submission_deadline), "reply_deadline": _iso(reply_deadline)},
        )
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
        log_action(
            user,
            "submission.assigned",
            program_slug=fresh.program.slug,
            obj=fresh,
            before={"evaluator": before},
            after={"evaluator": evaluator.get_username()},
        )
        from submissions.notify import notify

        notify(fresh, "submission.assigned")
    return fresh
