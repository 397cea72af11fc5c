"""Login with throttling (``accounts.throttle``) and logout (POST only)."""

from __future__ import annotations

from audit.log import log_action
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse

from accounts import throttle

LOCKED_MESSAGE = ("Demasiados intentos fallidos para este usuario desde esta dirección. "
                  "Espere 15 minutos e intente de nuevo.")


class ThrottledLoginForm(AuthenticationForm):
    def clean(self) -> dict[str, object]:
        username = (self.data.get("username") or "").strip()
        ip = throttle.client_ip(self.request.META if self.request is not None else {})
        if username and throttle.is_locked(username, ip):
            raise self.get_invalid_login_error().__class__(LOCKED_MESSAGE, code="locked")
        try:
            cleaned = super().clean()
        except Exception:
            if username:
                locked = throttle.record_failure(username, ip)
                log_action(None, "auth.locked" if locked else "auth.login_failed", comment=f"{username} {ip}")
            raise
        throttle.clear(username, ip)
        return cleaned


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        log_action(self.request.user, "auth.login")
        return response


class LogoutView(auth_views.LogoutView):
    pass
