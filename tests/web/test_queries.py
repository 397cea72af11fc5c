"""Queries are bounded: no N+1 on listing, ficha, comparison, dashboard or API pages."""

from __future__ import annotations

import pytest
from django.test import Client
from programs.loader import load_submissions

from monitoreo.domain import Submission
from tests.web.conftest import S23_ID, QueryCounter, variants

pytestmark = pytest.mark.django_db

PAGES = [
    ("/", 6),
    ("/?q=sintetico&orden=-cobertura&pagina=2", 6),
    ("/programas.json", 6),
    ("/programas.csv", 2),
    (f"/programas/{S23_ID}/", 4),
    (f"/programas/{S23_ID}.json", 4),
    # 3: page version, the picker's list of published programs (one query, any portfolio size), the fichas.
    ("/comparar/?ids=sintetico-001,sintetico-002,sintetico-003,alianzas-productivas", 3),
    ("/panorama/", 5),
    ("/panorama.json", 5),
    ("/api/programas?limit=50", 3),
    (f"/api/fichas/{S23_ID}/2023/resultados", 2),
]


@pytest.mark.parametrize(("url", "limit"), PAGES)
def test_query_count_does_not_grow_with_the_portfolio(
    client: Client, s23: Submission, max_queries: QueryCounter, url: str, limit: int
) -> None:
    load_submissions(variants(s23, 80))
    with max_queries(limit):
        response = client.get(url)
    assert response.status_code == 200
