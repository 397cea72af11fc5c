"""The evaluator's reasons reach the public outputs: the API's outcomes carry ``label`` and ``detail``, the
``.json`` twin carries them in the evaluation, and the program page prints each block label once in the
findings with every sentence followed by its reason (the 2025 ficha fragment)."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.test import Client
from programs.loader import load_submissions

from monitoreo.domain import Submission
from monitoreo.domain.outcomes import Evaluation
from tests.sheet import fixture_2025 as fx

pytestmark = pytest.mark.django_db


@pytest.fixture
def program_2025() -> str:
    sub = fx.submission_2025()

    def evaluator(s: Submission, history: tuple[Submission, ...]) -> Evaluation:
        return fx.evaluation_2025(s)

    load_submissions([sub], publish=True, evaluator=evaluator)
    return sub.id


def test_api_outcomes_carry_label_and_detail(client: Client, program_2025: str) -> None:
    rows = client.get(f"/api/fichas/{program_2025}/2025/resultados").json()
    by_code = {(r["code"], r["indicator"]): r for r in rows}
    assert len(rows) == len(fx.OUTCOMES)
    for _, code, _, _, indicator, label, text, detail in fx.OUTCOMES:
        row = by_code[(code, indicator)]
        assert (row["label"], row["text"], row["detail"]) == (label, text, detail)


def test_json_twin_carries_the_reasons(client: Client, program_2025: str) -> None:
    data = client.get(f"/programas/{program_2025}.json").json()
    outcomes = data["evaluation"]["outcomes"]
    assert [(o["label"], o["detail"]) for o in outcomes] == [(o[5], o[7]) for o in fx.OUTCOMES]


def test_program_page_prints_labels_once_and_each_reason(client: Client, program_2025: str) -> None:
    page = client.get(f"/programas/{program_2025}/").content.decode()
    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    text = re.sub(r" ([.,:])", r"\1", text)
    findings = text[text.index("1. Focalización") : text.index("III. OTRAS DIMENSIONES")]
    for label in ("Criterios de priorización:", "Ejecución presupuestaria:", "Indicador de propósito 1:"):
        assert findings.count(label) == 1
    for _, _, _, status, _, _, sentence, detail in fx.OUTCOMES:
        if status is fx.OPEN:
            assert f"{sentence} {detail}" in findings
    assert "se considera pertinente. El aumento se explica" in text[: text.index("1. Focalización")]


def test_every_ficha_answers_label_and_detail_as_text(client: Client) -> None:
    from tests.web.conftest import S23_ID

    rows = client.get(f"/api/fichas/{S23_ID}/2023/resultados").json()
    assert rows and all(isinstance(r["label"], str) and isinstance(r["detail"], str) for r in rows)
