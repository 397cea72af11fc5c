"""Roles as Django groups. ``reporter`` (a service's program manager), ``evaluator`` (reviews assigned
reports), ``publisher`` (administrator: opens cycles, assigns, publishes). Anyone else is *public*."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group

REPORTER = "reportero"
EVALUATOR = "evaluador"
PUBLISHER = "publicador"
ROLES = (REPORTER, EVALUATOR, PUBLISHER)
ROLE_LABELS = {
    REPORTER: "Servicio (reportero)",
    EVALUATOR: "Evaluador",
    PUBLISHER: "Administrador / publicador",
}


def ensure_groups() -> dict[str, Group]:
    return {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}


def roles_of(user: Any) -> frozenset[str]:
    """The role names of ``user`` (cached on the user object for the request)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_monitoreo_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._monitoreo_roles = cached
    return frozenset(cached)


def has_role(user: Any, role: str) -> bool:
    return role in roles_of(user)


def services_of(user: Any) -> list[str]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(user.services.values_list("service", flat=True))
