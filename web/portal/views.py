"""Public pages: search, ficha (HTML/JSON/PDF), comparison, dashboard, docs. Thin: parse the request, call
``portal.search`` / ``portal.panorama`` / ``portal.sheets``, hand a context to ``respond``. Only published
fichas are reachable (``Ficha.objects.public()``); anything else is a 404, whatever the format."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve as static_serve
from programs.figures import KEY_FIGURES, show
from programs.models import Ficha, Program

from monitoreo import reference
from portal import compare, explain, panorama, sheets
from portal.listing import CSV_HEADER, PAGE_SIZE, csv_row, row_data
from portal.pagecache import versioned_page
from portal.respond import respond, with_query
from portal.search import DATA_KINDS, DIMENSIONS, LIGHT_DEFER, SORTS, SearchParams, facets, search


@require_safe
@versioned_page
def search_view(request: HttpRequest, fmt: str = "html") -> HttpResponse:
    params = SearchParams.from_query(request.GET)
    qs = search(params)
    if fmt == "csv":
        rows = (csv_row(f) for f in qs.iterator(chunk_size=500))
        return respond(
            request, fmt, "", {"data": {}}, json_url="", csv_rows=(CSV_HEADER, rows), filename="programas"
        )
    page = Paginator(qs, PAGE_SIZE).get_page(params.pagina)
    results = [row_data(f) for f in page.object_list]
    data = {
        "filters": params.as_dict(),
        "total": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "page_size": PAGE_SIZE,
        "next": f"{reverse('portal:search-twin', args=['json'])}?{params.query_string(pagina=page.number + 1)}"
        if page.has_next()
        else None,
        "previous": f"{reverse('portal:search-twin', args=['json'])}?{params.query_string(pagina=page.number - 1)}"
        if page.has_previous()
        else None,
        "results": results,
    }
    context = {
        "data": data,
        "params": params,
        "page": page,
        "facets": facets(),
        "dimensions": DIMENSIONS,
        "data_kinds": DATA_KINDS,
        "demo_shown": any(r["synthetic"] for r in results),
        "sorts": SORTS,
        "regions": [r for r in reference.regions() if not r.not_a_region],
        "ods_goals": reference.ods_goals(),
        "key_labels": KEY_FIGURES,
        "sort_links": {
            key: params.query_string(orden=("-" if params.orden == key else "") + key, pagina=1)
            for key in SORTS
        },
        "prev_qs": params.query_string(pagina=page.number - 1),
        "next_qs": params.query_string(pagina=page.number + 1),
    }
    return respond(
        request,
        fmt,
        "portal/search.html",
        context,
        json_url=with_query(reverse("portal:search-twin", args=["json"]), request),
        csv_url=with_query(reverse("portal:search-twin", args=["csv"]), request),
    )


def _ficha_or_404(slug: str, edition: int | None) -> tuple[Program, Ficha, list[Ficha]]:
    """The program, the wanted published ficha (latest by default) and every published edition: one query."""
    editions = list(
        Ficha.objects.public()
        .filter(program__slug=slug)
        .select_related("program")
        .defer(*LIGHT_DEFER)
        .order_by("-edition")
    )
    if not editions:
        raise Http404("Programa no encontrado.")
    wanted = editions[0].edition if edition is None else edition
    ficha = next((f for f in editions if f.edition == wanted), None)  # deferred JSON loads only when used
    if ficha is None:
        raise Http404("Ficha no encontrada.")
    return ficha.program, ficha, editions


def _ficha_urls(slug: str, edition: int | None, fmt: str) -> str:
    if edition is None:
        return (
            reverse("portal:ficha", args=[slug])
            if fmt == "html"
            else reverse("portal:ficha-twin", args=[slug, fmt])
        )
    if fmt == "html":
        return reverse("portal:ficha-edition", args=[slug, edition])
    return reverse("portal:ficha-edition-twin", args=[slug, edition, fmt])


@require_safe
@versioned_page
def ficha_view(
    request: HttpRequest, slug: str, edition: int | str | None = None, fmt: str = "html"
) -> HttpResponse:
    edition = int(edition) if edition is not None else None
    program, ficha, editions = _ficha_or_404(slug, edition)
    if fmt != "html":  # the twins need the whole row: one query instead of one per deferred field
        ficha = Ficha.objects.get(pk=ficha.pk)
        ficha.program = program
    if fmt == "pdf":
        try:
            path = sheets.pdf_path(ficha)
        except sheets.SheetUnavailableError as exc:
            raise Http404(str(exc)) from None
        return FileResponse(
            path.open("rb"), content_type="application/pdf", filename=f"ficha-{slug}-{ficha.edition}.pdf"
        )
    history = [
        {
            "edition": f.edition,
            "evaluated_year": f.evaluated_year,
            "url": _ficha_urls(slug, f.edition, "html"),
            "json_url": _ficha_urls(slug, f.edition, "json"),
            "findings": f.findings_total,
        }
        for f in editions
    ]
    if fmt != "html":
        return respond(
            request, fmt, "", {"data": _ficha_data(program, ficha, history, slug, edition)}, json_url=""
        )
    why = explain.page_context(ficha)
    key_rows = [
        (label, show(name, ficha.figures.get(name), ficha.edition), why["figures"].get(name))
        for name, label in KEY_FIGURES.items()
    ]
    context = {
        "program": program,
        "ficha": ficha,
        "history": history,
        "key_rows": key_rows,
        "why_outcomes": why["outcomes"],
        "why_every": why["every"],
        "sheet_html": sheets.fragment(ficha),
        "pdf_url": _ficha_urls(slug, edition, "pdf"),
    }
    return respond(request, fmt, "portal/ficha.html", context, json_url=_ficha_urls(slug, edition, "json"))


def _ficha_data(
    program: Program, ficha: Ficha, history: list[dict[str, Any]], slug: str, edition: int | None
) -> dict[str, Any]:
    """The ``.json`` twin of a ficha page: identity, key figures, metrics, submission and evaluation."""
    return {
        "id": slug,
        "name": program.name,
        "service": program.service,
        "ministry": program.ministry,
        "edition": ficha.edition,
        "evaluated_year": ficha.evaluated_year,
        "price_base_year": ficha.price_base_year,
        "synthetic": ficha.synthetic,
        "published_at": ficha.published_at.isoformat() if ficha.published_at else None,
        "figures": ficha.figures,
        "metrics": ficha.metrics,
        "findings": {
            "focalizacion": ficha.findings_targeting,
            "eficiencia": ficha.findings_efficiency,
            "eficacia": ficha.findings_effectiveness,
        },
        "editions": history,
        "pdf": _ficha_urls(slug, edition, "pdf"),
        "submission": ficha.submission,
        "evaluation": ficha.evaluation,
        "explanations": explain.explanations(ficha),
    }


@require_safe
@versioned_page
def compare_view(request: HttpRequest, fmt: str = "html") -> HttpResponse:
    context = compare.build(request.GET)
    return respond(
        request,
        fmt,
        "portal/compare.html",
        context,
        json_url=with_query(reverse("portal:compare-twin", args=["json"]), request),
        csv_url=with_query(reverse("portal:compare-twin", args=["csv"]), request),
        csv_rows=compare.csv_rows(context["data"]),
        filename="comparacion",
    )


@require_safe
@versioned_page
def panorama_view(request: HttpRequest, fmt: str = "html") -> HttpResponse:
    try:
        edition = int(request.GET.get("edicion", ""))
    except ValueError:
        edition = None
    context = panorama.build(edition)
    return respond(
        request,
        fmt,
        "portal/panorama.html",
        context,
        json_url=with_query(reverse("portal:panorama-twin", args=["json"]), request),
    )


@require_safe
@cache_control(public=True, max_age=3600)
def ficha_css(request: HttpRequest) -> HttpResponse:
    """The ficha stylesheet of the core's sheet package (classes ``ficha-…``)."""
    return HttpResponse(sheets.stylesheet(), content_type="text/css; charset=utf-8")


DOCS = [
    ("Guía del portal web (despliegue, API)", "docs/web-portal.md"),
    ("Arquitectura", "docs/architecture.md"),
    ("Formato de los datos", "docs/data-format.md"),
    ("Métricas", "docs/metrics.md"),
    ("Glosario", "docs/glossary.md"),
]


def _docs_site_built() -> bool:
    return bool((settings.MONITOREO_DOCS_SITE / "index.html").is_file())


@require_safe
def docs_site(request: HttpRequest, path: str) -> HttpResponse:
    """The MkDocs site built by ``make docs`` (static files; 404 when it has not been built)."""
    if not _docs_site_built():
        raise Http404("El sitio de documentación no está construido (make docs).")
    if path == "" or path.endswith("/"):
        path += "index.html"
    site = settings.MONITOREO_DOCS_SITE.resolve()
    if not (site / path).resolve().is_relative_to(site):
        raise Http404("Ruta fuera del sitio de documentación.")
    return static_serve(request, path, document_root=str(settings.MONITOREO_DOCS_SITE))


@require_safe
@versioned_page
def docs_view(request: HttpRequest, fmt: str = "html") -> HttpResponse:
    site = reverse("portal:docs-site", args=["index.html"]) if _docs_site_built() else None
    data = {
        "documents": [{"title": t, "path": p} for t, p in DOCS],
        "api_docs": reverse("api:openapi-view"),
        "openapi": reverse("api:openapi-json"),
        "site": site,
    }
    return respond(
        request,
        fmt,
        "portal/docs.html",
        {"data": data, "docs": DOCS},
        json_url=reverse("portal:docs-twin", args=["json"]),
    )
