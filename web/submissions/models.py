"""A program's report in a monitoring cycle: the submission document (JSON, may be incomplete while it is a
draft), its workflow state, an optimistic-locking ``version`` and its revisions.

``Report.objects.for_user(user)`` is the one scope every view starts from: publishers see every report,
evaluators the reports assigned to them, reporters the reports of their services' programs, anyone else
nothing. A report outside the scope is a 404, never a 403."""

from __future__ import annotations

from typing import Any

from accounts.roles import EVALUATOR, PUBLISHER, REPORTER, roles_of, services_of
from cycles.models import MonitoringCycle
from django.conf import settings
from django.db import models
from programs.models import Program

from submissions.workflow import STATE_LABELS, State


class ReportQuerySet(models.QuerySet["Report"]):
    def for_user(self, user: Any) -> ReportQuerySet:
        roles = roles_of(user)
        if PUBLISHER in roles:
            return self
        scope = models.Q(pk__in=[])
        if EVALUATOR in roles:
            scope |= models.Q(evaluator=user)
        if REPORTER in roles:
            scope |= models.Q(program__service__in=services_of(user))
        return self.filter(scope)


class Report(models.Model):
    cycle = models.ForeignKey(MonitoringCycle, on_delete=models.PROTECT, related_name="reports")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="reports")
    state = models.CharField(
        max_length=20,
        choices=[(s.value, STATE_LABELS[s]) for s in State],
        default=State.DRAFT.value,
        db_index=True,
    )
    data = models.JSONField(help_text="Documento del reporte (formato de datos de monitoreo, JSON).")
    previous = models.JSONField(null=True, blank=True, help_text="Reporte del año anterior (para comparar).")
    evaluation = models.JSONField(null=True, blank=True, help_text="Evaluation.model_dump(mode='json').")
    version = models.PositiveIntegerField(default=1, help_text="Bloqueo optimista: sube en cada cambio.")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_reports",
    )
    return_comment = models.TextField(
        blank=True, default="", help_text="Comentarios de la última devolución."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["cycle", "program__name"]
        constraints = [models.UniqueConstraint(fields=["cycle", "program"], name="report_cycle_program")]

    def __str__(self) -> str:
        return f"{self.program.name} ({self.cycle.year})"

    @property
    def state_label(self) -> str:
        return STATE_LABELS[State(self.state)]


class Revision(models.Model):
    """Every saved version of a report's document (who, when, why)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    data = models.JSONField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["report", "version"]
        constraints = [models.UniqueConstraint(fields=["report", "version"], name="revision_report_version")]
