"""Login with throttling (``accounts.throttle``) and logout (POST only).

The login form counts failures under the normalised user name (``throttle.user_key``) and authenticates the
account that name designates (exact, else the one account equal to it once case-folded), so no other
spelling of a locked name gets a fresh counter. A database error while checking is not a failed login: the
form answers 503 «intente de nuevo» and records nothing."""

from __future__ import annotations

import logging

from audit.log import log_action
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import HttpResponse

from accounts import throttle

logger = logging.getLogger("monitoreo.accounts")

LOCKED_MESSAGE = (
    "Demasiados intentos fallidos de ingreso para este usuario o desde esta dirección. "
    "Por seguridad el ingreso queda bloqueado: espere {minutes} e intente de nuevo."
)
UNAVAILABLE_MESSAGE = (
    "No se pudo verificar el ingreso en este momento (la base de datos no respondió). "
    "No cuenta como intento fallido: intente de nuevo en unos segundos."
)


def canonical_username(name: str) -> str:
    """The stored user name ``name`` designates: itself when it exists, else the only account whose name
    has the same ``user_key`` (``Evaluador`` → ``evaluador``); unchanged when none or several match."""
    users = get_user_model().objects
    if len(name) > throttle.KEY_MAX or users.filter(username=name).exists():
        return name  # longer than any stored name (and than SQLite's LIKE pattern limit)
    key = throttle.user_key(name)
    candidates = [
        u
        for u in users.filter(username__iexact=name).values_list("username", flat=True)
        if throttle.user_key(u) == key
    ]
    return candidates[0] if len(candidates) == 1 else name


class ThrottledLoginForm(AuthenticationForm):
    def clean(self) -> dict[str, object]:
        raw = str(self.data.get("username") or "")
        ip = throttle.client_ip(self.request.META if self.request is not None else {})
        try:
            return self._checked(raw, ip)
        except DatabaseError:
            logger.exception("error de base de datos al verificar un ingreso")
            raise ValidationError(UNAVAILABLE_MESSAGE, code="unavailable") from None

    def _checked(self, raw: str, ip: str) -> dict[str, object]:
        until = throttle.locked_until(raw, ip) if raw.strip() else None
        if until is not None:
            raise ValidationError(LOCKED_MESSAGE.format(minutes=throttle.minutes_text(until)), code="locked")
        name = self.cleaned_data.get("username")
        if isinstance(name, str) and name:
            self.cleaned_data["username"] = canonical_username(name)
        try:
            cleaned = super().clean()
        except ValidationError:
            if raw.strip():
                locked = throttle.record_failure(raw, ip)
                log_action(
                    None,
                    "auth.locked" if locked else "auth.login_failed",
                    comment=f"{throttle.user_key(raw)} {ip}",
                )
            raise
        throttle.clear(raw, ip)
        return cleaned


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        log_action(self.request.user, "auth.login")
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error("__all__", "unavailable"):
            response.status_code = 503
        return response


class LogoutView(auth_views.LogoutView):
    pass
