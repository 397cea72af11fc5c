"""Persona: a program manager loaded a ficha that is not published yet. The public never sees it —
not on a page, nor in .json, .csv, .pdf, search, comparison, dashboard or API."""

from __future__ import annotations

import pytest
from django.test import Client
from programs.loader import load_submissions
from programs.models import Ficha

from monitoreo.domain import Submission

pytestmark = pytest.mark.django_db

SECRET = "secreto-borrador"


@pytest.fixture
def draft(s23: Submission) -> Submission:
    program = s23.program.model_copy(update={"name": "Programa Borrador Confidencial"})
    sub = s23.model_copy(update={"id": SECRET, "program": program})
    load_submissions([sub], publish=False)
    assert Ficha.objects.filter(program__slug=SECRET, published=False).exists()
    return sub


@pytest.mark.parametrize(
    "url",
    [
        f"/programas/{SECRET}/",
        f"/programas/{SECRET}.json",
        f"/programas/{SECRET}.pdf",
        f"/programas/{SECRET}/2023/",
        f"/programas/{SECRET}/2023.json",
        f"/programas/{SECRET}/2023.pdf",
        f"/api/programas/{SECRET}",
        f"/api/fichas/{SECRET}/2023",
        f"/api/fichas/{SECRET}/2023/metricas",
        f"/api/fichas/{SECRET}/2023/resultados",
    ],
)
def test_unpublished_ficha_is_404(client: Client, draft: Submission, url: str) -> None:
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/?q=borrador",
        "/programas.json?q=borrador",
        "/programas.csv?q=borrador",
        "/programas.csv",
        "/programas.json",
        "/api/programas?q=borrador",
        "/api/programas?limit=1000",
        f"/comparar/?ids={SECRET},alianzas-productivas",
        f"/comparar.json?ids={SECRET},alianzas-productivas",
        f"/comparar.csv?ids={SECRET},alianzas-productivas",
        "/panorama/",
        "/panorama.json",
        "/",
    ],
)
def test_unpublished_ficha_is_absent_from_listings(client: Client, draft: Submission, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Borrador Confidencial" not in body
    if "comparar" not in url:  # the comparison echoes the id the visitor typed, as «not found»
        assert SECRET not in body


def test_comparison_reports_the_unpublished_id_as_not_found(client: Client, draft: Submission) -> None:
    data = client.get(f"/comparar.json?ids={SECRET},alianzas-productivas").json()
    assert data["not_found"] == [SECRET] and [p["id"] for p in data["programs"]] == ["alianzas-productivas"]


def test_publishing_makes_it_visible(client: Client, draft: Submission) -> None:
    load_submissions([draft], publish=True)
    assert client.get(f"/programas/{SECRET}/").status_code == 200
    assert SECRET in client.get("/programas.json?q=borrador").content.decode()


def test_withdrawing_a_cached_ficha_hides_it_at_once(client: Client) -> None:
    from programs.loader import set_published

    for url in ("/programas/alianzas-productivas/", "/?q=alianzas", "/programas.json?q=alianzas"):
        assert "Alianzas Productivas" in client.get(url).content.decode()  # now cached
    set_published(Ficha.objects.get(program__slug="alianzas-productivas"), False)
    assert client.get("/programas/alianzas-productivas/").status_code == 404
    assert "Alianzas Productivas" not in client.get("/?q=alianzas").content.decode()
    assert client.get("/programas.json?q=alianzas").json()["total"] == 0
