"""Service membership: a *reporter* belongs to one or more services (``Program.service``) and sees and
edits only the reports of those services' programs. Roles are Django groups (``accounts.roles``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ServiceMembership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="services")
    service = models.CharField(
        max_length=300, db_index=True, help_text="Nombre del servicio, como en Program.service."
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "service"], name="membership_user_service")]

    def __str__(self) -> str:
        return f"{self.user} — {self.service}"


class LoginFailure(models.Model):
    """One failed login (user name + client address), for throttling (``accounts.throttle``)."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
