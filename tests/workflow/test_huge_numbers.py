"""One number must not break a report for everyone (issue 16): ``10000000000000000000000000000`` typed in a
budget field is refused by the form with the core's limit (``excel.E014``, Spanish, next to the field, the
input kept), and a report that holds such a number anyway (written before the limit existed) still opens
everywhere — report, sections, evaluator workspace, preview — without a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from submissions.models import Report

from tests.workflow.conftest import user
from tests.workflow.filling import filled

pytestmark = pytest.mark.django_db
HUGE = "10000000000000000000000000000"
SECTIONS = ("identity", "budget", "populations", "components", "indicators")


def _client(persona: str) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user(persona))
    return client


@pytest.mark.parametrize(
    "field", ["budget.years.2025.initial", "budget.years.2025.executed", "budget.admin_spend.2025"]
)
def test_the_form_refuses_a_huge_amount(report: Report, field: str) -> None:
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "budget"})
    response = _client("manager_indap").post(url, {field: HUGE, "version": report.version})
    body = response.content.decode()
    assert response.status_code == 400
    assert f'name="{field}" value="{HUGE}"' in body and "excel.E014" in body and "número no admitido" in body
    assert Report.objects.get(pk=report.pk).version == report.version


def test_a_stored_huge_amount_breaks_no_page(report: Report) -> None:
    data = filled(report.data)
    data["budget"]["years"]["2025"]["executed"] = HUGE
    report.data, report.state = data, "in_review"
    report.save()
    pages = [
        reverse(f"gestion:{name}", kwargs={"pk": report.pk}) for name in ("report", "workspace", "preview")
    ]
    pages += [reverse("gestion:section", kwargs={"pk": report.pk, "name": s}) for s in SECTIONS]
    for persona in ("manager_indap", "evaluador", "publicador"):
        client = _client(persona)
        for page in pages:
            status = client.get(page).status_code
            assert status in {200, 302, 403}, (persona, page, status)
    assert _client("evaluador").get(pages[1]).status_code == 200
