"""The report dashboard (section states, missing values and problems by label with a link), the
confirmation page before submitting (with the ficha preview) and the refusal of an incomplete report."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from submissions.models import Report
from submissions.services import perform, save_document
from submissions.workflow import WorkflowError

from tests.workflow.conftest import user
from tests.workflow.filling import filled

pytestmark = pytest.mark.django_db


DATA_PATH = re.compile(r"\b(budget|components|populations|indicators|program)\.(\d|years|[a-z-]+\.)")


def _client(persona: str) -> Client:
    client = Client()
    client.force_login(user(persona))
    return client


def visible(html: str) -> str:
    """The text a person reads (tags, attributes, styles and scripts removed)."""
    html = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_untouched_report_shows_empty_sections_and_missing_values_by_label(report: Report) -> None:
    html = _client("manager_indap").get(reverse("gestion:report", kwargs={"pk": report.pk})).content.decode()
    text = visible(html)
    assert "Estado del reporte" in text and "faltan 14 valores de 2025" in text
    for title in ("Poblaciones", "Presupuesto (M$ del año de precios)", "Indicadores de propósito"):
        assert re.search(rf"{re.escape(title)} Vacía 0 de \d+", text), title
    assert "Presupuesto ejecutado 2025" in text
    link = (
        reverse("gestion:section", kwargs={"pk": report.pk, "name": "budget"})
        + "#f-budget.years.2025.executed"
    )
    assert f'href="{link}"' in html
    assert DATA_PATH.search(text) is None  # no data path is shown (codes such as components.W003 are fine)


def test_an_untouched_report_cannot_be_submitted(report: Report) -> None:
    with pytest.raises(WorkflowError) as refused:
        perform(report, "submit", user("manager_indap"))
    assert refused.value.code == "cycle.E001" and "faltan 14 valor(es)" in str(refused.value)
    response = _client("manager_indap").post(
        reverse("gestion:action", kwargs={"pk": report.pk, "name": "submit"}), follow=True
    )
    assert Report.objects.get(pk=report.pk).state == "draft"
    assert "cycle.E001" in response.content.decode()


def test_confirmation_page_lists_gaps_and_offers_no_button_while_incomplete(report: Report) -> None:
    html = (
        _client("manager_indap")
        .get(reverse("gestion:submit_confirm", kwargs={"pk": report.pk}))
        .content.decode()
    )
    assert "Todavía no se puede enviar" in html and "Confirmar" not in html


def test_complete_report_confirmation_shows_the_ficha_preview_then_submits(report: Report) -> None:
    report = save_document(report, filled(report.data), user("manager_indap"), report.version)
    client = _client("manager_indap")
    page = client.get(reverse("gestion:report", kwargs={"pk": report.pk})).content.decode()
    assert "El reporte está completo y sin errores" in page
    assert reverse("gestion:submit_confirm", kwargs={"pk": report.pk}) in page
    html = client.get(reverse("gestion:submit_confirm", kwargs={"pk": report.pk})).content.decode()
    assert "Confirmar: enviar a revisión" in html and "Programa de Alianzas Productivas" in visible(html)
    assert 'class="preview"' in html and "3.500" in visible(html)  # the ficha with the beneficiaries typed
    response = client.post(reverse("gestion:action", kwargs={"pk": report.pk, "name": "submit"}))
    assert response.status_code == 302 and Report.objects.get(pk=report.pk).state == "submitted"


def test_warnings_are_listed_by_label_apart_from_errors(report: Report) -> None:
    data: dict[str, Any] = filled(report.data)
    data["components"][0]["spend"]["2025"] = "S/I"  # components.W003: a year with no spend, for the reviewer
    report = save_document(report, data, user("manager_indap"), report.version)
    text = visible(
        _client("manager_indap").get(reverse("gestion:report", kwargs={"pk": report.pk})).content.decode()
    )
    assert "para la revisión (no impiden enviar)" in text
    assert "Componente 1 · asesoria-tecnica" in text and "components.W003" in text


def test_the_service_opens_the_preview_and_a_refusal_is_in_spanish(report: Report) -> None:
    response = _client("manager_indap").get(reverse("gestion:preview", kwargs={"pk": report.pk}))
    assert response.status_code == 200 and "Vista previa de la ficha" in response.content.decode()
    refused = _client("evaluador").get(reverse("gestion:submit_confirm", kwargs={"pk": report.pk}))
    assert refused.status_code == 403 and "Acceso no permitido" in refused.content.decode()
    assert "Forbidden" not in refused.content.decode()


def test_a_text_quoting_last_years_figure_is_flagged_beside_its_field(report: Report) -> None:
    html = _client("manager_indap").get(reverse("gestion:report", kwargs={"pk": report.pk})).content.decode()
    assert "Población beneficiada — descripción" in visible(html) and "cita «3.389»" in html
    page = _client("manager_indap").get(
        reverse("gestion:section", kwargs={"pk": report.pk, "name": "populations"})
    )
    body = page.content.decode()
    field = body.index('id="f-populations.served.description"')
    assert "cycle.W001" in body[field : body.index("</td>", field)]
