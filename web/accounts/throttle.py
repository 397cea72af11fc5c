"""Login throttling: ``MAX_FAILURES`` failed logins for one user name from one address within ``WINDOW``
lock that pair until the oldest failure leaves the window. Stored in the database (``LoginFailure``), so
it holds across processes; a successful login clears the pair's failures."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import LoginFailure

MAX_FAILURES = int(getattr(settings, "LOGIN_MAX_FAILURES", 5))
WINDOW = timedelta(minutes=int(getattr(settings, "LOGIN_WINDOW_MINUTES", 15)))


def _recent(username: str, ip: str) -> int:
    since = timezone.now() - WINDOW
    return LoginFailure.objects.filter(username=username.lower(), ip=ip, at__gte=since).count()


def is_locked(username: str, ip: str) -> bool:
    return _recent(username, ip) >= MAX_FAILURES


def record_failure(username: str, ip: str) -> bool:
    """Record a failure; True when the pair is now locked."""
    LoginFailure.objects.create(username=username.lower(), ip=ip)
    LoginFailure.objects.filter(at__lt=timezone.now() - WINDOW).delete()
    return is_locked(username, ip)


def clear(username: str, ip: str) -> None:
    LoginFailure.objects.filter(username=username.lower(), ip=ip).delete()


def client_ip(meta: dict[str, str]) -> str:
    return meta.get("REMOTE_ADDR", "") or "desconocida"
