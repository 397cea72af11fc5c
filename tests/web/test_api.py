"""The read-only REST API (django-ninja) and its offline OpenAPI docs."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.web.conftest import S23_ID

pytestmark = pytest.mark.django_db


def test_programs_list_with_search_and_pagination(client: Client) -> None:
    data = client.get("/api/programas", {"q": "alianzas"}).json()
    assert data["count"] == 1 and data["items"][0]["id"] == S23_ID
    assert data["items"][0]["figures_text"]["coverage_pct"] == "25,5%"
    page = client.get("/api/programas", {"limit": 1, "offset": 1, "orden": "nombre"}).json()
    assert page["count"] == 2 and [i["id"] for i in page["items"]] == [
        S23_ID
    ]  # «Internacionalización» < «Programa»


def test_program_ficha_metrics_and_outcomes(client: Client) -> None:
    program = client.get(f"/api/programas/{S23_ID}").json()
    assert program["ministry"] == "Ministerio de Agricultura" and program["editions"][0]["edition"] == 2023
    ficha = client.get(f"/api/fichas/{S23_ID}/2023").json()
    assert ficha["submission"]["id"] == S23_ID and ficha["price_base_year"] == 2024
    metrics = client.get(f"/api/fichas/{S23_ID}/2023/metricas").json()
    assert metrics["total_executed"]["2023"] == 4219214
    outcomes = client.get(f"/api/fichas/{S23_ID}/2023/resultados").json()
    assert outcomes and {o["dimension"] for o in outcomes} <= {"focalizacion", "eficiencia", "eficacia"}
    assert any(o["verdict"] == "finding" and o["dimension"] == "eficacia" for o in outcomes)


def test_api_is_read_only(client: Client) -> None:
    assert client.post("/api/programas", {}).status_code == 405
    assert client.delete(f"/api/programas/{S23_ID}").status_code == 405
    assert client.post("/", {}).status_code == 405


def test_openapi_docs_work_offline(client: Client) -> None:
    html = client.get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn." not in html and "https://" not in html  # no CDN: Swagger UI comes from local static files
    for asset in ("/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui.css"):
        response = client.get(asset)
        assert response.status_code == 200, asset
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
    schema = client.get("/api/openapi.json").json()
    assert "/api/programas" in schema["paths"] and "/api/fichas/{slug}/{edition}" in schema["paths"]


def test_the_api_filters_are_the_portal_search_params(client: Client) -> None:
    """``/api/programas`` filters with the validated parameters (one list of names, the portal's), and the
    OpenAPI document declares each of them."""
    from dataclasses import fields

    from portal.search import SearchParams

    by_ministry = client.get("/api/programas", {"ministerio": "Ministerio de Agricultura"}).json()
    assert [i["id"] for i in by_ministry["items"]] == [S23_ID]
    with_findings = client.get("/api/programas", {"hallazgos": "eficiencia"}).json()
    assert S23_ID not in [i["id"] for i in with_findings["items"]]
    assert client.get("/api/programas", {"ods": "no-es-numero"}).status_code == 422
    schema = client.get("/api/openapi.json").json()
    declared = {p["name"] for p in schema["paths"]["/api/programas"]["get"]["parameters"]}
    assert {f.name for f in fields(SearchParams)} - {"pagina"} <= declared
