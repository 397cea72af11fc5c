"""Candidate findings of a report, with the service's reply (right of reply) and the evaluator's final
verdict. They become ``submission.review.decisions`` (``ReviewDecision``) when the report is approved."""

from __future__ import annotations

from django.db import models
from submissions.models import Report

VERDICTS = [("pertinente", "Pertinente"), ("insuficiente", "Insuficiente")]


class Finding(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="findings")
    code = models.CharField(max_length=120)
    indicator = models.PositiveSmallIntegerField(null=True, blank=True)
    dimension = models.CharField(max_length=20)
    text = models.TextField()
    status = models.CharField(max_length=20, default="no_superado")
    reply = models.TextField(blank=True, default="", help_text="Justificación del servicio.")
    reply_observation = models.PositiveSmallIntegerField(null=True, blank=True)
    verdict = models.CharField(max_length=20, choices=VERDICTS, blank=True, default="")
    verdict_text = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["report", "dimension", "id"]

    def __str__(self) -> str:
        return f"{self.code}" + (f" (indicador {self.indicator})" if self.indicator else "")

    @property
    def status_label(self) -> str:
        return "superado" if self.status == "superado" else "no superado"
