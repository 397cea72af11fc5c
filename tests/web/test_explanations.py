"""«¿De dónde sale este número?» on the program page, its ``.json`` twin and the API (docs/explanations.md):
the 2023 seed's coverage opens its hand calculation; its indicator finding says why it is superado."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.test import Client

from tests.web.conftest import S20_ID, S23_ID

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_coverage_opens_its_calculation_without_javascript(client: Client) -> None:
    html = client.get(f"/programas/{S23_ID}/").content.decode()
    # A native disclosure (no script): the summary is the calculation, the body the formula and the data.
    match = re.search(
        r'<details class="por-que"><summary>3\.389 / 13\.280 = 25,52 % → 25,5%</summary>(.*?)</details>',
        html,
        re.S,
    )
    assert match, "the coverage figure has no disclosure with its calculation"
    body = _text(match.group(1))
    assert "Población beneficiada 2023: 3.389" in body and "Población objetivo 2023: 13.280" in body
    assert "redondeado a 1 decimal" in body
    assert "populations." not in html  # people read labels, not field paths


def test_indicator_finding_explains_the_decrease_the_justification_and_why_superado(client: Client) -> None:
    text = _text(client.get(f"/programas/{S23_ID}/").content.decode())
    assert "¿Por qué estos resultados?" in text
    assert "Valor del indicador: 59; Valor del año anterior: 62" in text
    assert "Justificación del Servicio: «Se produjo una disminución" in text
    assert "Hallazgo superado: el evaluador juzgó pertinente la justificación" in text


def test_published_figure_says_it_cannot_be_recomputed(client: Client) -> None:
    text = _text(client.get(f"/programas/{S20_ID}/").content.decode())
    assert "Cifra publicada: 14%" in text and "no se puede recalcular" in text


def test_json_twin_carries_the_same_explanations(client: Client) -> None:
    data = client.get(f"/programas/{S23_ID}.json").json()
    coverage = data["explanations"]["metrics"]["coverage_pct"]
    assert coverage["computation"] == "3.389 / 13.280 = 25,52 % → 25,5%"
    assert [i["path"] for i in coverage["inputs"]] == [
        "populations.served.quantity.2023",
        "populations.target.quantity.2023",
    ]
    [indicator] = [
        o for o in data["explanations"]["outcomes"] if o["rule"] == "effectiveness.purpose_indicator"
    ]
    assert indicator["status"] == "superado" and indicator["why"].startswith("Hallazgo superado")


def test_api_serves_the_explanations(client: Client) -> None:
    data = client.get(f"/api/fichas/{S23_ID}/2023/explicaciones").json()
    assert data["metrics"]["coverage_pct"]["computation"] == "3.389 / 13.280 = 25,52 % → 25,5%"
    assert client.get("/api/fichas/no-existe/2023/explicaciones").status_code == 404


def test_every_figure_of_the_ficha_has_its_calculation_on_the_page(client: Client) -> None:
    text = _text(client.get(f"/programas/{S23_ID}/").content.decode())
    assert "¿De dónde sale cada cifra de la ficha? (33 cálculos)" in text
    assert (
        "Gasto unitario del componente «Asesoría Técnica (Desarrollo de capacidades)» 2023: 2.386.083 / 3.389 = 704,07 → 704,1"
        in text
    )
