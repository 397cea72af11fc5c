"""Findings a service understands: the figures and form fields behind each one, the reply deadline, an
observation selector («N° 3» read, not dropped), replies that survive «Enviar las respuestas», verdicts
reflected at once as pending approval."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from reviews.models import Finding
from submissions.models import Report
from submissions.services import perform, save_document

from tests.workflow.conftest import user
from tests.workflow.filling import filled
from tests.workflow.test_dashboard import visible

pytestmark = pytest.mark.django_db
PURPOSE = "effectiveness.purpose_indicator.worse"
OBSERVATIONS = [
    {"topic": "Presupuesto", "text": "Recorte de 2025."},
    {"topic": "Población", "text": "Sequía."},
    {"topic": "Indicador", "text": "La sequía de 2025 redujo las ventas."},
]


def _client(persona: str) -> Client:
    client = Client()
    client.force_login(user(persona))
    return client


def _in_right_of_reply(report: Report, gore: str = "-") -> Report:
    data: dict[str, Any] = filled(report.data)
    data["budget"]["years"]["2025"]["regional_government"] = gore
    data["observations"] = OBSERVATIONS
    report = save_document(report, data, user("manager_indap"), report.version)
    report = perform(report, "submit", user("manager_indap"))
    for action in ("start_review", "evaluate", "open_reply"):
        report = perform(report, action, user("evaluador"))
    return report


def test_a_finding_shows_the_figures_and_fields_behind_it(report: Report) -> None:
    cycle = report.cycle
    cycle.reply_deadline = datetime.date(2026, 5, 15)
    cycle.save()
    report = _in_right_of_reply(report)
    text = visible(
        _client("manager_indap").get(reverse("gestion:report", kwargs={"pk": report.pk})).content.decode()
    )
    assert "Plazo para responder a los hallazgos: 15 de mayo de 2026" in text  # on every screen
    assert "Plazo para responder: 15 de mayo de 2026" in text  # beside the findings
    assert (
        "Valor del indicador en el año evaluado: 50" in text
        and "Valor del indicador el año anterior: 58" in text
    )
    assert "Sentido del indicador: ascendente (más es mejor)" in text
    assert "N° 3 — Indicador" in text  # the observation selector lists the institution's observations


def test_reply_survives_send_and_observation_number_is_read(report: Report) -> None:
    report = _in_right_of_reply(report)
    finding = Finding.objects.get(report=report, code=PURPOSE)
    response = _client("manager_indap").post(
        reverse("gestion:action", kwargs={"pk": report.pk, "name": "send_replies"}),
        {f"text-{finding.pk}": "La sequía explica la baja.", f"observation-{finding.pk}": "N° 3"},
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.reply, finding.reply_observation) == ("La sequía explica la baja.", 3)
    assert Report.objects.get(pk=report.pk).state == "replied"


def test_an_unreadable_observation_is_refused_with_its_code(report: Report) -> None:
    report = _in_right_of_reply(report)
    finding = Finding.objects.get(report=report, code=PURPOSE)
    url = reverse("gestion:reply", kwargs={"pk": report.pk, "finding": finding.pk})
    page = (
        _client("manager_indap")
        .post(url, {f"text-{finding.pk}": "x", f"observation-{finding.pk}": "N° 7"}, follow=True)
        .content.decode()
    )
    assert "form.E014" in page and "Se guardó el texto sin esa observación" in page
    finding.refresh_from_db()
    assert (finding.reply, finding.reply_observation) == ("x", None)  # the text is kept, the number is not


def test_send_stops_on_an_unreadable_observation_but_keeps_the_text(report: Report) -> None:
    report = _in_right_of_reply(report)
    finding = Finding.objects.get(report=report, code=PURPOSE)
    _client("manager_indap").post(
        reverse("gestion:action", kwargs={"pk": report.pk, "name": "send_replies"}),
        {f"text-{finding.pk}": "La sequía.", f"observation-{finding.pk}": "la tercera"},
    )
    finding.refresh_from_db()
    assert finding.reply == "La sequía." and Report.objects.get(pk=report.pk).state == "right_of_reply"


def test_a_verdict_shows_at_once_as_pending_approval(report: Report) -> None:
    report = _in_right_of_reply(report)
    finding = Finding.objects.get(report=report, code=PURPOSE)
    _client("manager_indap").post(
        reverse("gestion:action", kwargs={"pk": report.pk, "name": "send_replies"}),
        {f"text-{finding.pk}": "La sequía explica la baja."},
    )
    assert (
        _client("evaluador")
        .post(
            reverse("gestion:verdict", kwargs={"pk": report.pk, "finding": finding.pk}),
            {"verdict": "pertinente", "text": "Justificado."},
        )
        .status_code
        == 302
    )
    workspace = visible(
        _client("evaluador").get(reverse("gestion:workspace", kwargs={"pk": report.pk})).content.decode()
    )
    assert "(superado (veredicto «pertinente», pendiente de aprobación))" in workspace
    service = visible(
        _client("manager_indap").get(reverse("gestion:report", kwargs={"pk": report.pk})).content.decode()
    )
    assert (
        "pendiente de aprobación" in service
        and "Veredicto del evaluador: Pertinente — Justificado." in service
    )


def test_before_replying_the_service_reads_why_each_finding_is_one(report: Report) -> None:
    """«¿De dónde sale este número?» in the cycle (docs/explanations.md): the rule's comparison, the edition's
    parameters and the status reason, in Spanish, without edition-file sources or rule codes."""
    report = _in_right_of_reply(report)
    html = _client("manager_indap").get(reverse("gestion:report", kwargs={"pk": report.pk})).content.decode()
    text = visible(html)
    assert "¿Por qué es un hallazgo?" in text
    assert "Valores comparados: Valor del indicador: 50; Valor del año anterior: 58" in text
    assert "Hallazgo no superado: no hay una justificación del Servicio evaluada como pertinente." in text
    assert "fuente:" not in text and PURPOSE not in text
