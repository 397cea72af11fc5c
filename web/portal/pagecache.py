"""Whole-page cache of the public pages, keyed by the public-data version (``programs.models.DataVersion``)
and the full path with its query string. A hit costs one tiny query; any load, publication or withdrawal
bumps the version, so cached pages never show data that is no longer public. Only 200 responses of the
HTML and ``.json`` formats are cached (the CSV streams; the PDF has its own cache on disk)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from programs.models import current_version

PAGE_TTL_S = 3600
_KEPT_HEADERS = ("Content-Type", "Access-Control-Allow-Origin")


def versioned_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs.get("fmt", "html") not in {"html", "json"}:
            return view(request, *args, **kwargs)
        path = hashlib.sha1(request.get_full_path().encode("utf-8")).hexdigest()
        key = f"page:{current_version()}:{path}"
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            headers = {h: response[h] for h in _KEPT_HEADERS if response.has_header(h)}
            cache.set(key, (response.content, headers), PAGE_TTL_S)
        return response

    return wrapper
