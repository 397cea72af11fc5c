"""Project-wide HTTP hardening (docs/web-portal.md, «Security headers and limits»).

* ``BodyLimitMiddleware`` — first in the chain: a request whose declared ``Content-Length`` exceeds
  ``MONITOREO_REQUEST_MAX_BYTES`` is answered 413 **before any byte of the body is read** (Django's own
  ``DATA_UPLOAD_MAX_MEMORY_SIZE`` does not apply to file uploads, which it streams to disk whole first).
* ``SecurityHeadersMiddleware`` — a ``Content-Security-Policy`` on every response (scripts only from this
  origin; the static documentation site also gets the hashes of its own inline scripts), and
  ``Cache-Control: private, no-store`` on the pages behind the login (``MONITOREO_PRIVATE_PREFIXES``).
* ``BusyDatabaseMiddleware`` — a write the database could not take in time («database is locked» on SQLite,
  a serialization failure or lock timeout on PostgreSQL) answers 409 with a Spanish message instead of a 500;
  the cycle's forms catch it earlier and show the person's input back (``submissions.services.BusyError``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from monitoreo.formatting import number

Handler = Callable[[HttpRequest], HttpResponseBase]

#: Policy of every page. Styles may be inline (the ficha's HTML and the cycle's pages carry ``style``
#: attributes and ``<style>`` blocks; Swagger UI sets styles from script); scripts never are.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def inline_script_hashes(html: bytes) -> list[str]:
    """CSP source expressions (``'sha256-…'``) of the inline ``<script>`` blocks of ``html``."""
    out = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
        out.append(f"'sha256-{digest}'")
    return sorted(set(out))


def policy_with_hashes(hashes: list[str]) -> str:
    """``CSP`` with ``hashes`` added to ``script-src``."""
    if not hashes:
        return CSP
    return CSP.replace("script-src 'self'", "script-src 'self' " + " ".join(hashes), 1)


class BodyLimitMiddleware:
    """413 for a declared body larger than ``MONITOREO_REQUEST_MAX_BYTES``, without reading it."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        limit = int(settings.MONITOREO_REQUEST_MAX_BYTES)
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _plain(400, "Solicitud mal formada: el largo declarado del contenido no es un número.")
        if declared > limit:
            response = _plain(
                413, f"La solicitud es demasiado grande ({_mb(declared)}); el máximo es {_mb(limit)}."
            )
            response["Connection"] = "close"  # the unread body must not be taken for the next request
            return response
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """CSP everywhere; ``Cache-Control: private, no-store`` on the authenticated part of the site."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        path = request.path_info
        if any(path.startswith(p) for p in settings.MONITOREO_PRIVATE_PREFIXES):
            response["Cache-Control"] = "private, no-store"
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self._policy(path, response)
        return response

    @staticmethod
    def _policy(path: str, response: HttpResponseBase) -> str:
        # The documentation site is static HTML built by MkDocs from this repository (no user input), and
        # its theme needs a few inline scripts: allow exactly those, by hash, on its pages only.
        if not path.startswith(settings.MONITOREO_DOCS_SITE_PREFIX):
            return CSP
        if not response.get("Content-Type", "").startswith("text/html"):
            return CSP
        if response.streaming:
            body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
            response.streaming_content = [body]  # type: ignore[attr-defined]
        else:
            body = response.content  # type: ignore[attr-defined]
        return policy_with_hashes(inline_script_hashes(body))


BUSY_MESSAGE = (
    "La base de datos está ocupada con otros cambios y no se pudo guardar. Nada se perdió de lo "
    "guardado antes; vuelva atrás y guarde de nuevo."
)


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is the database refusing a write for now (lock contention), not a real fault."""
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    code = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if code in {"40001", "40P01", "55P03"}:  # serialization failure, deadlock, lock not available
        return True
    text = str(exc).lower()
    return "database is locked" in text or "database table is locked" in text  # SQLite's SQLITE_BUSY/LOCKED


class BusyDatabaseMiddleware:
    """A busy database on any request answers 409 (Spanish message), never 500."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_busy(exception):
            return _plain(409, BUSY_MESSAGE)
        return None


def _plain(status: int, message: str) -> HttpResponse:
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def _mb(size: int) -> str:
    return f"{number(Decimal(size) / 10**6, 1)} MB"  # es-CL, MB of 10⁶ bytes as the upload form says
