"""Demo personas for ``monitoreo serve --demo`` and the tests: two services' reporters, an evaluator and a
publisher. Passwords are generated (``secrets``) unless given; nothing secret is stored in the repository."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from accounts.models import ServiceMembership
from accounts.roles import EVALUATOR, PUBLISHER, REPORTER, ensure_groups


@dataclass(frozen=True)
class Persona:
    username: str
    role: str
    service: str | None
    description: str


PERSONAS = (
    Persona(
        "manager_indap",
        REPORTER,
        "Instituto de Desarrollo Agropecuario",
        "Encargada del Programa de Alianzas Productivas (INDAP)",
    ),
    Persona(
        "manager_prochile",
        REPORTER,
        "Dirección General de Promoción de Exportaciones",
        "Encargado de Internacionalización de las Pymes Exportadoras (ProChile)",
    ),
    Persona("evaluador", EVALUATOR, None, "Evaluadora de la unidad de monitoreo"),
    Persona("publicador", PUBLISHER, None, "Administrador del ciclo: abre, asigna y publica"),
)


def create_demo_personas(password: str | None = None) -> dict[str, str]:
    """Create (or reset) the personas; returns ``{username: password}``."""
    groups = ensure_groups()
    users = get_user_model().objects
    logins = {}
    for persona in PERSONAS:
        secret = password or secrets.token_urlsafe(12)
        user, _ = users.get_or_create(
            username=persona.username, defaults={"email": f"{persona.username}@demo.invalid"}
        )
        user.first_name = persona.description[:150]
        user.set_password(secret)
        user.save()
        user.groups.set([groups[persona.role]])
        if persona.service:
            ServiceMembership.objects.get_or_create(user=user, service=persona.service)
        logins[persona.username] = secret
    return logins
