"""The evaluator's judgement form takes the 2025 values beyond Sí / No where the rule accepts them
(«insuficiente», «no_aplica») and the sentence-completing reason (docs/data-format.md)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.workflow.conftest import user

pytestmark = pytest.mark.django_db


def _in_review(report: Any) -> Any:
    from submissions.models import Report

    Report.objects.filter(pk=report.pk).update(state="in_review")
    return Report.objects.get(pk=report.pk)


def test_workspace_offers_the_values_the_rule_accepts(report: Any) -> None:
    client = Client()
    client.force_login(user("evaluador"))
    page = client.get(reverse("gestion:workspace", kwargs={"pk": _in_review(report).pk})).content.decode()
    assert 'name="j-targeting.prioritization_criteria_clear"' in page
    assert page.count('value="no_aplica"') == 2  # focalisation and prioritisation criteria only
    assert page.count('value="insuficiente"') == 4  # those two and the admin-spend description and estimate


def test_saving_three_valued_judgements_and_a_reason(report: Any) -> None:
    client = Client()
    client.force_login(user("evaluador"))
    report = _in_review(report)
    response = client.post(
        reverse("gestion:judgements", kwargs={"pk": report.pk}),
        {
            "j-targeting.prioritization_criteria_clear": "no_aplica",
            "t-targeting.prioritization_criteria_clear": "La selección la hace un comité.",
            "j-efficiency.admin_estimation_correct": "no",
            "r-efficiency.admin_estimation_correct": "imputa el arriendo de la sede",
            "j-targeting.universal_pertinent": "no_aplica",  # not accepted by its rule: ignored
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.data["review"]["judgements"] == [
        {
            "code": "targeting.prioritization_criteria_clear",
            "value": "no_aplica",
            "text": "La selección la hace un comité.",
        },
        {
            "code": "efficiency.admin_estimation_correct",
            "value": False,
            "reason": "imputa el arriendo de la sede",
        },
    ]
