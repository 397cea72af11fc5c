"""Read-only public REST API (django-ninja): programs, fichas, metrics and outcomes — published data only.

OpenAPI at ``/api/openapi.json``, interactive docs at ``/api/docs`` (Swagger UI served from django-ninja's
bundled static files because ``ninja`` is in ``INSTALLED_APPS``: no CDN, works offline)."""

from dataclasses import fields
from typing import Any, get_type_hints

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from portal import explain
from portal.listing import row_data
from portal.search import SearchParams, search
from programs.models import Ficha, Outcome, Program
from pydantic import create_model

api = NinjaAPI(
    title="monitoreo — API pública",
    version="1",
    urls_namespace="api",
    description="Datos publicados del monitoreo de programas públicos. Sólo lectura; sólo fichas publicadas.",
)


class ProgramOut(Schema):
    id: str
    name: str
    service: str
    ministry: str
    edition: int
    evaluated_year: int
    price_base_year: int
    synthetic: bool
    url: str
    json_url: str
    figures: dict[str, Any]
    figures_text: dict[str, str]
    findings: dict[str, int]


#: The search filters of ``/programas``: the portal's ``SearchParams`` fields (the page is the API's
#: ``limit``/``offset`` instead of ``pagina``), so the two never drift apart.
Filters = create_model(
    "Filters",
    __base__=Schema,
    **{
        f.name: (get_type_hints(SearchParams)[f.name], f.default)
        for f in fields(SearchParams)
        if f.name != "pagina"
    },
)


class EditionOut(Schema):
    edition: int
    evaluated_year: int
    price_base_year: int
    published_at: str | None
    findings_total: int


class ProgramDetail(Schema):
    id: str
    name: str
    service: str
    ministry: str
    editions: list[EditionOut]


class FichaOut(Schema):
    id: str
    edition: int
    evaluated_year: int
    price_base_year: int
    published_at: str | None
    figures: dict[str, Any]
    submission: dict[str, Any]
    evaluation: dict[str, Any] | None


class OutcomeOut(Schema):
    code: str
    rule: str
    dimension: str
    verdict: str
    status: str
    text: str
    indicator: int | None
    label: str = Field(
        "", description="Rótulo del bloque en que la ficha imprime el resultado; vacío si no hay."
    )
    detail: str = Field(
        "", description="Texto del evaluador que sigue a la frase (sus razones); vacío si no hay."
    )


def _public_ficha(slug: str, edition: int) -> Ficha:
    return get_object_or_404(
        Ficha.objects.public().select_related("program"), program__slug=slug, edition=edition
    )


@api.get("/programas", response=list[ProgramOut], tags=["programas"], summary="Buscar programas")
@paginate(LimitOffsetPagination)
def list_programs(request: HttpRequest, filters: Query[Filters]) -> list[dict[str, Any]]:
    params = SearchParams.from_query(filters.dict())
    return [row_data(f) for f in search(params)]


@api.get(
    "/programas/{slug}", response=ProgramDetail, tags=["programas"], summary="Un programa y sus ediciones"
)
def get_program(request: HttpRequest, slug: str) -> dict[str, Any]:
    program = get_object_or_404(Program, slug=slug)
    editions = [
        {
            "edition": f.edition,
            "evaluated_year": f.evaluated_year,
            "price_base_year": f.price_base_year,
            "published_at": f.published_at.isoformat() if f.published_at else None,
            "findings_total": f.findings_total,
        }
        for f in Ficha.objects.public()
        .filter(program=program)
        .order_by("-edition")
        .only("edition", "evaluated_year", "price_base_year", "published_at", "findings_total")
    ]
    if not editions:
        raise Http404("Programa no encontrado.")
    return {
        "id": program.slug,
        "name": program.name,
        "service": program.service,
        "ministry": program.ministry,
        "editions": editions,
    }


@api.get("/fichas/{slug}/{edition}", response=FichaOut, tags=["fichas"], summary="Datos de una ficha")
def get_ficha(request: HttpRequest, slug: str, edition: int) -> dict[str, Any]:
    f = _public_ficha(slug, edition)
    return {
        "id": slug,
        "edition": f.edition,
        "evaluated_year": f.evaluated_year,
        "price_base_year": f.price_base_year,
        "published_at": f.published_at.isoformat() if f.published_at else None,
        "figures": f.figures,
        "submission": f.submission,
        "evaluation": f.evaluation,
    }


@api.get(
    "/fichas/{slug}/{edition}/metricas",
    response=dict[str, dict[str, Any]],
    tags=["fichas"],
    summary="Métricas anuales sin redondear (o códigos S/I, N/A…)",
)
def get_metrics(request: HttpRequest, slug: str, edition: int) -> dict[str, dict[str, Any]]:
    metrics: dict[str, dict[str, Any]] = _public_ficha(slug, edition).metrics
    return metrics


@api.get(
    "/fichas/{slug}/{edition}/resultados",
    response=list[OutcomeOut],
    tags=["fichas"],
    summary="Resultados de la evaluación (hallazgos y demás)",
)
def get_outcomes(request: HttpRequest, slug: str, edition: int) -> list[Outcome]:
    f = _public_ficha(slug, edition)
    return list(Outcome.objects.filter(ficha=f).order_by("dimension", "id"))


@api.get(
    "/fichas/{slug}/{edition}/explicaciones",
    response=dict[str, Any],
    tags=["fichas"],
    summary="¿De dónde sale este número? Explicación de las cifras clave y de cada resultado",
)
def get_explanations(request: HttpRequest, slug: str, edition: int) -> dict[str, Any]:
    """The same explanations as the program page and its ``.json`` twin (docs/explanations.md)."""
    return explain.explanations(_public_ficha(slug, edition))
