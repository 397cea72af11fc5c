"""A monitoring cycle: one edition year with its methodology edition, price base and inflator table.
Programs enter a cycle as reports (``submissions.Report``), pre-filled from last year's data."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MonitoringCycle(models.Model):
    year = models.PositiveSmallIntegerField(unique=True, help_text="Año del proceso (edición de la ficha).")
    evaluated_year = models.PositiveSmallIntegerField(help_text="Año evaluado t.")
    methodology_edition = models.PositiveSmallIntegerField(
        help_text="Edición de la metodología que se aplica."
    )
    price_base_year = models.PositiveSmallIntegerField(help_text="Año de los precios (M$ del año).")
    inflator_table = models.CharField(
        max_length=60,
        blank=True,
        default="",
        help_text="Tabla de inflactores (reference/inflators), vacía si no hay.",
    )
    submission_deadline = models.DateField(
        null=True, blank=True, help_text="Plazo para que los servicios envíen su reporte."
    )
    reply_deadline = models.DateField(
        null=True, blank=True, help_text="Plazo para que los servicios respondan a los hallazgos."
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Ciclo de monitoreo {self.year}"
