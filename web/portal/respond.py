"""One view, three formats (Datasette's convention): the same view computes a context whose ``data`` part
is plain JSON; ``respond`` renders it as HTML, as ``.json`` (the data) or as ``.csv`` (``csv_rows``).
Every HTML page links its twin with ``<link rel="alternate" type="application/json">``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

FORMATS = ("html", "json", "csv")


def with_query(path: str, request: HttpRequest) -> str:
    query = request.GET.urlencode()
    return f"{path}?{query}" if query else path


def respond(
    request: HttpRequest,
    fmt: str,
    template: str,
    context: dict[str, Any],
    *,
    json_url: str,
    csv_url: str | None = None,
    csv_rows: tuple[Sequence[str], Iterable[Sequence[Any]]] | None = None,
    filename: str = "datos",
) -> HttpResponse:
    """Render ``context`` (whose ``data`` key is the JSON body) in ``fmt``."""
    if fmt == "json":
        response = JsonResponse(context["data"], json_dumps_params={"ensure_ascii": False, "indent": 1})
        response["Access-Control-Allow-Origin"] = "*"
        return response
    if fmt == "csv":
        if csv_rows is None:
            raise Http404("Esta página no tiene versión CSV.")
        header, rows = csv_rows
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    if fmt != "html":
        raise Http404("Formato desconocido.")
    return render(request, template, context | {"json_url": json_url, "csv_url": csv_url})
