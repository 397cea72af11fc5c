"""Opening a cycle with choices, not free text: the price year checked against the inflator tables, unknown
program ids reported with the form kept, deadlines stored and shown, e-mails on opening; programs added and
removed after opening; publishing behind a confirmation page with links to the public fichas."""

from __future__ import annotations

from typing import Any

import pytest
from cycles.models import MonitoringCycle
from cycles.services import add_programs, open_cycle, remove_program
from django.core import mail
from django.test import Client
from django.urls import reverse
from programs.models import Program
from submissions.models import Report
from submissions.services import perform
from submissions.workflow import WorkflowError

from tests.workflow.conftest import S20_ID, S23_ID, user
from tests.workflow.test_dashboard import visible
from tests.workflow.test_workflow_table import _prepare

pytestmark = pytest.mark.django_db


def _client() -> Client:
    client = Client()
    client.force_login(user("publicador"))
    return client


def test_the_wizard_offers_choices_and_keeps_the_form_on_unknown_ids() -> None:
    page = _client().get(reverse("gestion:cycles")).content.decode()
    assert '<option value="base-2024"' in page and "M$2024 (tabla de inflactores base 2024)" in page
    response = _client().post(
        reverse("gestion:cycles"),
        {
            "year": "2023",
            "methodology_edition": "2023",
            "price": "base-2024",
            "programs": "no-existe\nalianzas",
            "submission_deadline": "2026-04-30",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "cycle.E004" in body and "no-existe, alianzas" in visible(body)
    assert 'value="2026-04-30"' in body and "no-existe" in body  # the form comes back as typed
    assert not MonitoringCycle.objects.filter(year=2023).exists()


def test_a_price_year_without_its_inflator_table_cannot_open() -> None:
    programs = Program.objects.filter(slug=S23_ID)
    with pytest.raises(WorkflowError, match="cycle.E003") as refused:
        open_cycle(user("publicador"), 2025, 2025, 2026, "", programs)
    assert "M$2024" in str(refused.value) and "base 2026" in str(refused.value)
    with pytest.raises(WorkflowError, match="cycle.E003"):
        open_cycle(user("publicador"), 2025, 2025, 2026, "base-2024", programs)


def test_opening_stores_deadlines_and_tells_the_services(django_capture_on_commit_callbacks: Any) -> None:
    Report.objects.filter(cycle__year=2025).delete()
    MonitoringCycle.objects.filter(year=2025).delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _client().post(
            reverse("gestion:cycles"),
            {
                "year": "2025",
                "methodology_edition": "2025",
                "price": "base-2024",
                "program": [S23_ID],
                "submission_deadline": "2026-04-30",
                "reply_deadline": "2026-06-15",
            },
        )
    assert response.status_code == 302
    cycle = MonitoringCycle.objects.get(year=2025)
    assert (cycle.price_base_year, cycle.inflator_table) == (2024, "base-2024")
    assert str(cycle.submission_deadline) == "2026-04-30" and str(cycle.reply_deadline) == "2026-06-15"
    [message] = mail.outbox
    assert message.to == ["manager_indap@demo.invalid"] and "Se abrió el ciclo" in message.subject
    report = cycle.reports.get()
    assert f"/gestion/reportes/{report.pk}/" in message.body
    assert "Plazo para enviar el reporte: 30 de abril de 2026" in message.body
    page = Client()
    page.force_login(user("manager_indap"))
    text = visible(
        page.get(reverse("gestion:section", kwargs={"pk": report.pk, "name": "budget"})).content.decode()
    )
    assert "Plazo para enviar el reporte: 30 de abril de 2026" in text  # on every screen of the report


def test_programs_are_added_and_an_untouched_one_removed(report: Report) -> None:
    cycle = report.cycle
    other = Report.objects.get(cycle=cycle, program__slug=S20_ID)
    remove_program(other, user("publicador"))
    assert not cycle.reports.filter(program__slug=S20_ID).exists()
    [added] = add_programs(cycle, Program.objects.filter(slug=S20_ID), user("publicador"))
    assert added.program.slug == S20_ID and added.state == "draft"
    report.version = 2
    report.save()
    with pytest.raises(WorkflowError, match="trabajo guardado"):
        remove_program(report, user("publicador"))


def test_publishing_goes_through_a_confirmation_with_links(report: Report) -> None:
    report = _prepare(report, "approved")
    cycle_page = _client().get(reverse("gestion:cycle", kwargs={"year": 2025})).content.decode()
    assert "Revisar y publicar los marcados" in cycle_page
    url = reverse("gestion:publish_confirm", kwargs={"year": 2025})
    confirm = _client().get(url, {"report": report.pk}).content.decode()
    assert (
        "Confirmar: publicar 1 ficha(s)" in confirm and Report.objects.get(pk=report.pk).state == "approved"
    )
    done = _client().post(url, {"report": report.pk, "confirm": "si"}).content.decode()
    assert Report.objects.get(pk=report.pk).state == "published"
    assert "/programas/alianzas-productivas/2025/" in done


def test_a_cycle_without_a_matching_table_cannot_publish(report: Report) -> None:
    report = _prepare(report, "approved")
    MonitoringCycle.objects.filter(pk=report.cycle_id).update(price_base_year=2026, inflator_table="")
    report = Report.objects.get(pk=report.pk)
    with pytest.raises(WorkflowError, match="cycle.E003"):
        perform(report, "publish", user("publicador"))


def test_home_shows_the_deadline_and_the_audit_log_reads_in_spanish(report: Report) -> None:
    import datetime

    MonitoringCycle.objects.filter(pk=report.cycle_id).update(submission_deadline=datetime.date(2027, 4, 30))
    client = Client()
    client.force_login(user("manager_indap"))
    assert "envío: 30 de abril de 2027" in visible(client.get(reverse("gestion:home")).content.decode())
    report = _prepare(report, "in_review")
    perform(report, "return", user("evaluador"), "Falta la observación del indicador.")
    text = visible(client.get(reverse("gestion:audit", kwargs={"pk": report.pk})).content.decode())
    assert "Devolvió el reporte con observaciones" in text and "Estado: Devuelto con observaciones" in text
    assert "submission.returned" not in text and "'state'" not in text and "{" not in text


def test_the_audit_log_hides_rule_codes(report: Report) -> None:
    from audit.labels import describe

    assert (
        describe(
            {"verdict": "pertinente", "text": "Bien.", "finding": "effectiveness.purpose_indicator.worse"}
        )
        == "Veredicto: pertinente; Texto: Bien."
    )
    assert describe({"state": "returned"}) == "Estado: Devuelto con observaciones"
    assert (
        describe({"version": 3, "components": {"position": 3, "key": "componente-3", "reported": False}})
        == "Versión: 3; Componente: N°: 3; Con valores: no"
    )
