"""Login throttling, stored in the database (``LoginFailure``) so it holds across gunicorn workers.

Within ``LOGIN_WINDOW_MINUTES`` a login is refused when there were

* ``LOGIN_MAX_FAILURES`` failures for one user name from one client address (the pair), or
* ``LOGIN_MAX_FAILURES_PER_ACCOUNT`` failures for one user name from any addresses (the account), or
* ``LOGIN_MAX_FAILURES_PER_ADDRESS`` failures from one client address for any user names (the address).

User names are counted by their ``user_key``: NFKC-normalised and case-folded, so «ＥＶＡＬＵＡＤＯＲ» or
«Evaluador» count against «evaluador» (Django's login form already folds the compatibility forms before
authenticating). The client address is ``client_ip``: ``REMOTE_ADDR``, or — only when the request comes
from a proxy listed in ``MONITOREO_TRUSTED_PROXIES`` — the nearest untrusted address of ``X-Forwarded-For``.
A lock lasts until enough failures leave the window; a successful login clears the pair's failures.
docs/monitoring-cycle.md («Safety») describes the policy."""

from __future__ import annotations

import ipaddress
import math
import unicodedata
from datetime import datetime, timedelta
from functools import lru_cache

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import LoginFailure

KEY_MAX = 150  # LoginFailure.username
IP_MAX = 64  # LoginFailure.ip


def user_key(username: str) -> str:
    """The name failures are counted under: NFKC, case-folded, NFKC again (folding can leave
    compatibility forms), stripped, cut to the column's length."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", username).casefold())
    return folded.strip()[:KEY_MAX]


def window() -> timedelta:
    return timedelta(minutes=int(settings.LOGIN_WINDOW_MINUTES))


def _recent() -> QuerySet[LoginFailure]:
    return LoginFailure.objects.filter(at__gte=timezone.now() - window())


def _limits(key: str, ip: str) -> list[tuple[QuerySet[LoginFailure], int]]:
    recent = _recent()
    return [
        (recent.filter(username=key, ip=ip), int(settings.LOGIN_MAX_FAILURES)),
        (recent.filter(username=key), int(settings.LOGIN_MAX_FAILURES_PER_ACCOUNT)),
        (recent.filter(ip=ip), int(settings.LOGIN_MAX_FAILURES_PER_ADDRESS)),
    ]


def locked_until(username: str, ip: str) -> datetime | None:
    """When the lock on this user name / address ends, or ``None`` when it is not locked."""
    key, ends = user_key(username), []
    for failures, limit in _limits(key, ip[:IP_MAX]):
        if limit > 0 and failures.count() >= limit:
            # The lock ends when the (count - limit + 1)-th oldest failure leaves the window.
            times = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
            ends.append(times[limit - 1] + window())
    return max(ends) if ends else None


def is_locked(username: str, ip: str) -> bool:
    return locked_until(username, ip) is not None


def record_failure(username: str, ip: str) -> bool:
    """Record a failure; True when the user name or the address is now locked."""
    LoginFailure.objects.create(username=user_key(username), ip=ip[:IP_MAX])
    LoginFailure.objects.filter(at__lt=timezone.now() - window()).delete()
    return is_locked(username, ip)


def clear(username: str, ip: str) -> None:
    LoginFailure.objects.filter(username=user_key(username), ip=ip[:IP_MAX]).delete()


def minutes_text(until: datetime) -> str:
    """«1 minuto», «15 minutos»: the time left until ``until``, rounded up."""
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return "1 minuto" if minutes == 1 else f"{minutes} minutos"


@lru_cache(maxsize=16)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _trusted(address: str, proxies: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in net for net in _networks(proxies))


def client_ip(meta: dict[str, str]) -> str:
    """The client's address. ``X-Forwarded-For`` is believed only when ``REMOTE_ADDR`` is a trusted proxy,
    and read from the right: each trusted proxy appends the address it saw, so the first untrusted entry
    from the right is the client; anything to its left was written by the client and may be forged."""
    remote = (meta.get("REMOTE_ADDR") or "").strip() or "desconocida"
    proxies = tuple(settings.MONITOREO_TRUSTED_PROXIES)
    forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded or not _trusted(remote, proxies):
        return remote[:IP_MAX]
    hops = [h.strip() for h in forwarded.split(",") if h.strip()]
    for hop in reversed(hops):
        if _trusted(hop, proxies):
            continue
        try:
            return str(ipaddress.ip_address(hop))[:IP_MAX]
        except ValueError:
            return remote[:IP_MAX]  # a malformed hop where the proxy should have written an address
    return (hops[0] if hops else remote)[:IP_MAX]
