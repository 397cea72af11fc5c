"""The append-only audit log: who did what to which report, when, with the state before and after.

``LogEntry.save`` refuses to update an existing row and ``delete`` is refused (also on querysets), so the
log only grows. Below the ORM, database triggers (``migrations/0002_append_only_triggers.py``) refuse
``UPDATE``, ``DELETE`` and, on PostgreSQL, ``TRUNCATE`` of a non-empty table (``IntegrityError``). Write
entries with ``audit.log.log_action`` inside the transaction of the change."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AuditError(Exception):
    """An attempt to change or delete the audit log."""


class LogEntryQuerySet(models.QuerySet["LogEntry"]):
    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditError("el registro de auditoría no se puede borrar")

    def update(self, **kwargs: Any) -> int:
        raise AuditError("el registro de auditoría no se puede modificar")


class LogEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(
        max_length=150, default="", help_text="Nombre de usuario al momento de actuar."
    )
    action = models.CharField(max_length=60, db_index=True, help_text="Código estable: submission.submitted…")
    program_slug = models.CharField(max_length=120, default="", db_index=True)
    object_type = models.CharField(max_length=40, default="")
    object_id = models.CharField(max_length=40, default="")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    comment = models.TextField(default="", blank=True)

    objects = LogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditError("el registro de auditoría no se puede modificar")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditError("el registro de auditoría no se puede borrar")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.program_slug}"
