"""Section forms never lose input: valid values are saved and a bad one is kept beside its message (with the
form's own code), numbers come back in es-CL, a partial post clears nothing, warnings stay in their section."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from submissions.models import Report

from monitoreo.ingest.excel import cells, get_path, show
from tests.workflow.conftest import user
from tests.workflow.test_dashboard import visible

pytestmark = pytest.mark.django_db


def _client() -> Client:
    client = Client()
    client.force_login(user("manager_indap"))
    return client


def _form(data: dict[str, Any], section: str, **values: str) -> dict[str, str]:
    form = {
        c.path: show(c.kind, get_path(data, c.path))
        for c in cells(data)
        if c.section == section and not c.readonly
    }
    return {**form, **values}


def test_one_bad_cell_keeps_the_rest_of_the_section(report: Report) -> None:
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "budget"})
    form = _form(
        report.data,
        "budget",
        **{
            "budget.years.2025.initial": "5.100.000",
            "budget.years.2025.final": "4700000",
            "budget.years.2025.executed": "cuatro millones",
        },
    )
    response = _client().post(url, {**form, "version": report.version})
    assert response.status_code == 400
    body = response.content.decode()
    assert "form.E010" in body and "excel.E010" not in body
    assert 'value="cuatro millones"' in body  # the bad text stays in its field, beside its message
    assert "Se guardaron los demás valores. 1 valor(es) no se guardaron" in visible(body)
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.version == report.version + 1
    assert fresh.data["budget"]["years"]["2025"] == {"initial": "5100000", "final": "4700000"}
    assert 'value="5.100.000"' in body and 'value="4.700.000"' in body  # saved values shown in es-CL


def test_saved_numbers_come_back_in_es_cl(report: Report) -> None:
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "indicators"})
    form = _form(report.data, "indicators", **{"indicators.0.values.2025": "50,5"})
    assert _client().post(url, {**form, "version": report.version}).status_code == 302
    assert Report.objects.get(pk=report.pk).data["indicators"][0]["values"]["2025"] == "50.5"
    assert 'value="50,5"' in _client().get(url).content.decode()


def test_a_partial_post_clears_nothing(report: Report) -> None:
    before = report.data["populations"]["target"]["quantity"]
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "populations"})
    response = _client().post(url, {"populations.served.quantity.2025": "3.500", "version": report.version})
    assert response.status_code == 302
    fresh = Report.objects.get(pk=report.pk).data["populations"]
    assert fresh["served"]["quantity"]["2025"] == "3500" and fresh["target"]["quantity"] == before


def test_unchanged_form_saves_no_new_version(report: Report) -> None:
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "identity"})
    response = _client().post(url, {**_form(report.data, "identity"), "version": report.version}, follow=True)
    assert "No había cambios que guardar" in response.content.decode()
    assert Report.objects.get(pk=report.pk).version == report.version


def test_warnings_sit_beside_their_field_in_their_section_only(report: Report) -> None:
    budget = visible(
        _client().get(reverse("gestion:section", kwargs={"pk": report.pk, "name": "budget"})).content.decode()
    )
    assert "components.W003" not in budget
    html = (
        _client()
        .get(reverse("gestion:section", kwargs={"pk": report.pk, "name": "components"}))
        .content.decode()
    )
    # the 2025 spend of component 1 (validation names it by id) is flagged beside the form field of that cell
    field = html.index('id="f-components.0.spend.2025"')
    assert "components.W003" in html[field : html.index("</td>", field)]
    assert "components.asesoria-tecnica" not in visible(html)


def test_a_section_lists_its_own_missing_values(report: Report) -> None:
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "budget"})
    html = _client().get(url).content.decode()
    text = visible(html)
    assert "Valores de 2025: 0 de 6 — faltan: Presupuesto inicial (Ley) 2025" in text
    assert 'href="#f-budget.years.2025.executed"' in html and "Población" not in text.split("faltan:")[1]
