"""Issue 14, what a journalist must be able to trust on the portal:

* one count of «hallazgos» (no superados of the published edition) on the list, the program page, its
  «Ediciones publicadas», the ``.json``/``.csv`` twins, the API, panorama and the open data — walked over
  every ficha of a demo portfolio;
* no internal id (dotted rule code, English metric id) in any public page;
* synthetic data marked «Datos de demostración (ficticios)» on every synthetic row and page, never on a real
  ficha, and a filter to hide it;
* panorama opens on an edition with a real portfolio; Spanish 404; favicon; licence; login attributes."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from programs.loader import load_submissions
from programs.models import Ficha

from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.metrics import compute_metrics
from monitoreo.synth import generate
from tests.web.conftest import S20_ID, S23_ID

pytestmark = pytest.mark.django_db

MARK = "Datos de demostración (ficticios)"
DIMS = [d.value for d in Dimension]


@pytest.fixture
def demo() -> list[Submission]:
    """A small demo portfolio (two editions, so programs have a history and repeated findings)."""
    subs = [s for edition in (2020, 2023) for s in generate(24, 2023, edition=edition)]
    load_submissions(subs)
    return subs


def expected_counts() -> dict[tuple[str, int], dict[str, int]]:
    """Per (program, edition), the domain's public findings of the stored evaluation."""
    out = {}
    for slug, edition, evaluation in Ficha.objects.public().values_list(
        "program__slug", "edition", "evaluation"
    ):
        counts = Evaluation.model_validate(evaluation).public_finding_counts()
        out[(slug, edition)] = {d.value: counts[d] for d in Dimension}
    return out


def test_every_public_surface_agrees_on_the_findings(
    client: Client, demo: list[Submission], tmp_path: Path
) -> None:
    from monitoreo.publish import publish_bundle

    expected = expected_counts()
    assert expected[(S23_ID, 2023)] == dict.fromkeys(DIMS, 0)  # its one finding was superado
    assert sum(sum(c.values()) for c in expected.values()) > 10  # the portfolio has findings to count
    fichas = list(Ficha.objects.public().select_related("program"))
    superado = sum(1 for f in fichas for o in f.evaluation["outcomes"] if o.get("status") == "superado")
    assert superado >= 1  # … and findings that are not counted

    for edition in (2020, 2023):
        api = client.get(f"/api/programas?edicion={edition}&limit=1000").json()["items"]
        assert {(r["id"], edition): {d: r["findings"][d] for d in DIMS} for r in api} == {
            k: v for k, v in expected.items() if k[1] == edition
        }
        listing = client.get(f"/programas.csv?edicion={edition}").content.decode()
        for row in csv.DictReader(io.StringIO(listing)):
            assert {d: int(row[f"hallazgos_{d}"]) for d in DIMS} == expected[(row["id"], edition)], row["id"]
        page = client.get(f"/programas.json?edicion={edition}&pagina=1").json()["results"]
        for r in page:
            assert r["findings"]["total"] == sum(expected[(r["id"], edition)].values())
        panorama = client.get(f"/panorama.json?edicion={edition}").json()
        assert panorama["totals"] == {
            d: sum(c[d] for k, c in expected.items() if k[1] == edition) for d in DIMS
        }

    for (slug, edition), counts in expected.items():
        data = client.get(f"/programas/{slug}/{edition}.json").json()
        assert data["findings"] == counts, slug
        assert {e["edition"]: e["findings"] for e in data["editions"]} == {
            e: sum(c.values()) for (s, e), c in expected.items() if s == slug
        }
        outcomes = client.get(f"/api/fichas/{slug}/{edition}/resultados").json()
        public = Counter(
            o["dimension"] for o in outcomes if o["verdict"] == "finding" and o["status"] != "superado"
        )
        assert {d: public.get(d, 0) for d in DIMS} == counts, slug
    for slug in {s for s, _ in expected}:
        api = client.get(f"/api/programas/{slug}").json()
        assert {e["edition"]: e["findings_total"] for e in api["editions"]} == {
            e: sum(c.values()) for (s, e), c in expected.items() if s == slug
        }

    # The open data of the same fichas (same evaluations) counts the same.
    subs = [Submission.model_validate(f.submission) for f in fichas]
    evaluations = [Evaluation.model_validate(f.evaluation) for f in fichas]
    from monitoreo.publish.tables import build_rows

    rows = build_rows(subs, evaluations)["programs"]
    assert {(r["program_id"], r["edition"]): {d: r[f"findings_{d}"] for d in DIMS} for r in rows} == expected
    publish_bundle(subs[:3], tmp_path / "bundle", evaluations[:3])  # the columns are in the written schema


def test_the_seed_alianzas_productivas_shows_zero_findings_everywhere(client: Client) -> None:
    page = client.get(f"/programas/{S23_ID}/").content.decode()
    history = page[page.index('id="historial"') :]
    assert re.search(r'<td class="num">0</td>', history)
    row = client.get("/programas.json?q=alianzas").json()["results"][0]
    assert row["findings"] == {"focalizacion": 0, "eficiencia": 0, "eficacia": 0, "total": 0}
    assert client.get("/?hallazgos=alguno&q=alianzas").content.decode().count(S23_ID) == 0


# --- no internal ids ---------------------------------------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a reader sees (and hears: title, aria-label, alt, placeholder), without style/script."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"style", "script"}:
            self._skip += 1
        for name, value in attrs:
            if name in {"title", "aria-label", "alt", "placeholder"} and value:
                self.parts.append(value)
            if tag == "option" and name == "value" and value:
                self.parts.append(value)  # datalist options are shown as suggestions

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


RULE_ID = re.compile(r"\b(?:targeting|efficiency|effectiveness)\.[a-z_]+")
SNAKE = re.compile(
    r"\b[a-z]+_[a-z0-9_]+\b"
)  # English metric ids are snake_case: coverage_pct, total_executed


def internal_ids(text: str, metric_ids: set[str]) -> list[str]:
    words = set(re.findall(r"\b[a-z_]+\b", text))
    return sorted(set(RULE_ID.findall(text)) | set(SNAKE.findall(text)) | (words & metric_ids))


def test_no_public_page_shows_an_internal_id(client: Client, demo: list[Submission], s23: Submission) -> None:
    metric_ids = {m for m in compute_metrics(s23).yearly if "_" in m}
    synthetic = demo[0].id
    persistent = client.get("/panorama.json?edicion=2023").json()["persistent"]
    assert persistent, "the demo portfolio should have persistent findings to list"
    urls = [
        "/",
        "/?datos=demostracion",
        "/?hallazgos=alguno&orden=-hallazgos",
        "/programas/",
        f"/programas/{S23_ID}/",
        f"/programas/{S20_ID}/",
        f"/programas/{synthetic}/",
        f"/programas/{synthetic}/2020/",
        f"/programas/{persistent[0]['id']}/",
        "/panorama/",
        "/panorama/?edicion=2020",
        "/panorama/?edicion=2023",
        f"/comparar/?ids={S23_ID},{S20_ID},{synthetic}",
        "/comparar/",
        "/cuentas/ingresar/",
        "/no-existe/",
    ]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        ids = internal_ids(visible(response.content.decode()), metric_ids)
        if ids:
            found[url] = ids
    assert found == {}


def test_persistent_findings_read_as_rule_titles(client: Client, demo: list[Submission]) -> None:
    persistent = client.get("/panorama.json?edicion=2023").json()["persistent"]
    titles = {t for p in persistent for t in p["rules"]}
    assert titles and all(" " in t and "." not in t for t in titles), titles


# --- synthetic data is unmistakable ------------------------------------------------------------------------


def rows_of(html: str) -> list[str]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return body.split("<tr")[1:]


def test_every_synthetic_row_and_page_is_marked_and_real_ones_never(
    client: Client, demo: list[Submission]
) -> None:
    rows = rows_of(client.get("/?edicion=2023").content.decode())
    assert len(rows) == 25
    for row in rows:
        assert (MARK in row) is (S23_ID not in row), row[:200]
    real = client.get("/?q=alianzas&datos=reales").content.decode()
    assert [r for r in rows_of(real) if MARK in r] == [] and S23_ID in real
    only_demo = client.get("/programas.json?datos=demostracion").json()
    assert only_demo["total"] == 24 and all(r["synthetic"] for r in only_demo["results"])
    assert client.get("/programas.json?datos=reales").json()["total"] == 2
    page = client.get(f"/programas/{demo[0].id}/").content.decode()
    assert page.count(MARK) >= 2  # the page's notice and the ficha's own mark
    assert client.get(f"/programas/{demo[0].id}.json").json()["synthetic"] is True
    for seed in (S23_ID, S20_ID):
        assert "demostración" not in client.get(f"/programas/{seed}/").content.decode()
        assert client.get(f"/programas/{seed}.json").json()["synthetic"] is False
    panorama = client.get("/panorama/?edicion=2023").content.decode()
    assert MARK in panorama and "24 de estas 25 fichas" in panorama


def test_comparison_picks_by_name_and_labels_each_column(client: Client, demo: list[Submission]) -> None:
    options = client.get("/comparar/").content.decode()
    assert '<datalist id="programas-publicados">' in options
    label = "Programa de Alianzas Productivas — Instituto de Desarrollo Agropecuario"
    assert f'<option value="{label}">' in options
    placeholder = re.search(r'placeholder="p\. ej\. ([^"]+)"', options)
    assert placeholder and f'<option value="{placeholder.group(1)}">' in options  # the example exists
    demo_label = next(
        o
        for o in re.findall(r'<option value="([^"]+)">', options)
        if o.startswith(demo[0].program.name + " — ")
    )
    assert demo_label.endswith("datos de demostración")
    response = client.get("/comparar/", {"programa": [label, demo_label]})
    html = response.content.decode()
    assert [p["id"] for p in response.context["programs"]] == [S23_ID, demo[0].id]
    assert "edición 2023 · M$ de 2024" in html and MARK in html
    assert client.get("/comparar.json", {"programa": ["No existe — Nadie"]}).json()["not_found"] == [
        "No existe — Nadie"
    ]


def test_comparison_warns_when_price_bases_differ(client: Client) -> None:
    html = client.get(f"/comparar/?ids={S23_ID},{S20_ID}").content.decode()
    assert "M$ de 2024" in html and "M$ de 2021" in html and "no son directamente comparables" in html
    assert html.count("no son directamente comparables") == 2  # the two money tables, not the percentages


# --- panorama after a publication ---------------------------------------------------------------------------


def test_one_published_2025_ficha_does_not_become_the_panorama(
    client: Client, demo: list[Submission]
) -> None:
    load_submissions(list(generate(1, 99, edition=2025)))
    data = client.get("/panorama.json").json()
    assert data["edition"] == 2023 and data["programs"] == 25
    assert {e["edition"]: e["programs"] for e in data["editions"]} == {2025: 1, 2023: 25, 2020: 25}
    assert client.get("/panorama.json?edicion=2025").json()["programs"] == 1


# --- rough edges ----------------------------------------------------------------------------------------------


def test_spanish_404_favicon_licence_login(client: Client, settings: Any) -> None:
    settings.DEBUG = False
    missing = client.get("/programas/no-existe/")
    body = missing.content.decode()
    assert missing.status_code == 404 and '<html lang="es">' in body and "Página no encontrada" in body
    assert "Not Found" not in body
    home = client.get("/").content.decode()
    icon = re.search(r'<link rel="icon" href="/static/([^"]+)"', home)
    assert icon and (Path(settings.BASE_DIR) / "portal" / "static" / icon.group(1)).is_file()
    assert "Apache-2.0" in home and "AGPL" not in home
    assert "Monitoreo y Seguimiento de la Oferta Pública" in home  # the introduction says what the site is
    login = client.get("/cuentas/ingresar/").content.decode()
    assert 'autocomplete="username"' in login and 'autocomplete="current-password"' in login
    assert '<label for="id_username">' in login and "portal.css" in login


def test_500_page_is_spanish() -> None:
    text = (Path(settings.BASE_DIR) / "portal" / "templates" / "500.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in text and "Error del servidor" in text


def test_the_migration_recounts_fichas_loaded_before(client: Client) -> None:
    """Databases loaded before issue 14 counted superados; migration 0005 recounts them."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("programs.migrations.0005_recount_public_findings")
    Ficha.objects.filter(program__slug=S23_ID).update(
        findings_effectiveness=1, findings_total=1, synthetic=True
    )
    migration.recount(apps, None)
    ficha = Ficha.objects.get(program__slug=S23_ID)
    assert (ficha.findings_effectiveness, ficha.findings_total, ficha.synthetic) == (0, 0, False)
    s20 = Ficha.objects.get(program__slug=S20_ID)
    assert s20.findings_total == s20.findings_efficiency == 3  # the no superados stay counted


def test_comparison_headers_are_never_identical(client: Client, s23: Submission) -> None:
    twin = s23.model_copy(update={"id": "homonimo", "synthetic": True})
    load_submissions([twin])
    response = client.get(f"/comparar/?ids={S23_ID},homonimo")
    headers = re.findall(r'<th scope="col" class="num">(.*?)</th>', response.content.decode())
    assert len(headers) == 2 * 5 and len(set(headers[:2])) == 2
    assert "(homonimo)" in headers[1] and MARK in response.content.decode()
