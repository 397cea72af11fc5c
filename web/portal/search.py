"""Search and filters of the program listing (``/``, ``/programas.json``, ``/programas.csv``, API).

``SearchParams.from_query(request.GET)`` parses the query string (unknown or malformed values are ignored,
never a 500); ``search(params)`` returns the queryset of *published* fichas, light columns only (the
submission JSON is deferred), with the program joined — one query per page whatever the page size."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from django.core.cache import cache
from django.db.models import F, QuerySet
from django.http import QueryDict
from programs.figures import normalise
from programs.models import Ficha

DIMENSIONS = {
    "focalizacion": "Focalización",
    "eficiencia": "Eficiencia y ejecución presupuestaria",
    "eficacia": "Eficacia",
}
_FINDING_FIELD = Ficha.FINDINGS_FIELD
SORTS = {
    "nombre": ("program__name", "Nombre"),
    "presupuesto": ("executed_budget", "Presupuesto ejecutado"),
    "cobertura": ("coverage_pct", "Cobertura"),
    "ejecucion": ("execution_initial_pct", "Ejecución presupuestaria inicial"),
    "gasto": ("spend_per_beneficiary", "Gasto por beneficiario"),
    "hallazgos": ("findings_total", "Hallazgos"),
}
#: The «Datos» filter: real published fichas only, or only the synthetic demo portfolio.
DATA_KINDS = {"reales": "Sólo fichas reales", "demostracion": "Sólo datos de demostración (ficticios)"}
LIGHT_DEFER = ("submission", "evaluation", "metrics", "search_text")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    ministerio: str = ""
    servicio: str = ""
    region: str = ""
    ods: int | None = None
    edicion: int | None = None
    hallazgos: str = ""
    datos: str = ""
    orden: str = "nombre"
    pagina: int = 1

    @classmethod
    def from_query(cls, query: QueryDict | Mapping[str, Any]) -> SearchParams:
        """From a query string, or from the API's validated filters (the same names)."""

        def integer(name: str) -> int | None:
            try:
                return int(query.get(name, ""))
            except (TypeError, ValueError):
                return None

        orden = query.get("orden", "nombre")
        hallazgos = query.get("hallazgos", "")
        return cls(
            q=query.get("q", "").strip()[:200],
            ministerio=query.get("ministerio", ""),
            servicio=query.get("servicio", ""),
            region=query.get("region", ""),
            ods=integer("ods"),
            edicion=integer("edicion"),
            hallazgos=hallazgos if hallazgos in DIMENSIONS or hallazgos in {"alguno", "ninguno"} else "",
            datos=query.get("datos", "") if query.get("datos", "") in DATA_KINDS else "",
            orden=orden if orden.lstrip("-") in SORTS else "nombre",
            pagina=max(integer("pagina") or 1, 1),
        )

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def query_string(self, **changes: Any) -> str:
        """The query string of these params with ``changes`` (defaults left out)."""
        values = self.as_dict() | changes
        defaults = SearchParams().as_dict()
        q = QueryDict(mutable=True)
        for key, value in values.items():
            if value not in (None, "") and value != defaults[key]:
                q[key] = str(value)
        return q.urlencode()


def search(params: SearchParams) -> QuerySet[Ficha]:
    """Published fichas matching ``params``, sorted (NULLs — S/I values — always last)."""
    qs = Ficha.objects.public().select_related("program").defer(*LIGHT_DEFER)
    qs = qs.filter(edition=params.edicion) if params.edicion else qs.filter(is_latest=True)
    for word in normalise(params.q).split():
        qs = qs.filter(search_text__contains=word)
    if params.ministerio:
        qs = qs.filter(program__ministry=params.ministerio)
    if params.servicio:
        qs = qs.filter(program__service=params.servicio)
    if params.region:
        qs = qs.filter(regions__contains=f"|{params.region}|")
    if params.ods:
        qs = qs.filter(ods_goals__contains=f"|{params.ods}|")
    if params.hallazgos in _FINDING_FIELD:
        qs = qs.filter(**{f"{_FINDING_FIELD[params.hallazgos]}__gt": 0})
    elif params.hallazgos == "alguno":
        qs = qs.filter(findings_total__gt=0)
    elif params.hallazgos == "ninguno":
        qs = qs.filter(findings_total=0)
    if params.datos:
        qs = qs.filter(synthetic=params.datos == "demostracion")
    column = SORTS[params.orden.lstrip("-")][0]
    order = (
        F(column).desc(nulls_last=True) if params.orden.startswith("-") else F(column).asc(nulls_last=True)
    )
    return qs.order_by(order, "program__name", "id")


FACETS_TTL_S = 60


def facets() -> dict[str, list[Any]]:
    """Options of the filters, from published data (three small queries, cached ``FACETS_TTL_S``)."""
    cached: dict[str, list[Any]] | None = cache.get("portal:facets")
    if cached is None:
        cached = _facets()
        cache.set("portal:facets", cached, FACETS_TTL_S)
    return cached


def _facets() -> dict[str, list[Any]]:
    public = Ficha.objects.public()

    def distinct(column: str) -> list[Any]:
        return list(public.order_by(column).values_list(column, flat=True).distinct())

    return {
        "ministerios": distinct("program__ministry"),
        "servicios": distinct("program__service"),
        "ediciones": distinct("edition")[::-1],
    }
