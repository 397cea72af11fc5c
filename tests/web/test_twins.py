"""Every page has a working ``.json`` twin (``<link rel="alternate" type="application/json">``), found by
crawling the links of the home page, a ficha page and the dashboard."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.web.conftest import S23_ID

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.alternates: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        if tag == "link" and a.get("rel") == "alternate" and a.get("type") and a.get("href"):
            self.alternates[str(a["type"])] = str(a["href"])


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def is_page(url: str, base: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("#"):
        return False
    path = parts.path or base
    return not path.startswith(("/api/", "/static/")) and not path.endswith((".json", ".csv", ".pdf", ".css"))


@pytest.mark.parametrize("start", ["/", f"/programas/{S23_ID}/", "/panorama/"])
def test_every_linked_page_has_a_json_twin(client: Client, start: str) -> None:
    first = client.get(start)
    assert first.status_code == 200
    pages = {start} | {
        u if u.startswith("/") else start + u
        for u in parse(first.content.decode()).links
        if is_page(u, start)
    }
    assert len(pages) >= 5
    for url in sorted(pages):
        response = client.get(url)
        assert response.status_code == 200, url
        twin = parse(response.content.decode()).alternates.get("application/json")
        assert twin, f"{url} has no JSON twin"
        data = client.get(twin)
        assert data.status_code == 200 and data["Content-Type"].startswith("application/json"), twin
        assert isinstance(data.json(), dict)


def test_listing_twin_keeps_the_query(client: Client) -> None:
    html = client.get("/?q=alianzas&orden=-cobertura").content.decode()
    links = parse(html)
    assert links.alternates["application/json"] == "/programas.json?q=alianzas&amp;orden=-cobertura".replace(
        "&amp;", "&"
    )
    assert links.alternates["text/csv"].startswith("/programas.csv?q=alianzas")
