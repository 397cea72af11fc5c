"""Issue #13 item 3: the cycle's web forms of an edition-2025 report have the «Ejecutores» and
«Complementariedades» sections (the «Población objetivo» text is a field of the identification): direct
implementation or executors with a type chosen from the list, complementarities or «no reporta»; a bad value
is kept beside its ``form.E0nn`` message, saves are audited like every other save."""

from __future__ import annotations

import pytest
from audit.models import LogEntry
from django.urls import reverse
from submissions.models import Report

from tests.workflow.test_forms import _client, _form

pytestmark = pytest.mark.django_db


def _url(report: Report, name: str) -> str:
    return reverse("gestion:section", kwargs={"pk": report.pk, "name": name})


def test_the_2025_report_has_both_sections_with_the_type_list(report: Report) -> None:
    assert report.data["edition"] == 2025
    body = _client().get(_url(report, "executors")).content.decode()
    assert "Implementado directamente por la entidad responsable" in body and "Ejecutor 6" in body
    assert '<select id="f-program.executors.items.0.type"' in body
    for kind in (
        "Municipio",
        "Servicio o Institución Pública",
        "Organismo privado sin fines de lucro",
        "Organismo privado con fines de lucro",
        "Universidad",
        "Otro",
    ):
        assert f"<option>{kind}</option>" in body
    assert "program.executors" not in body.replace('"f-program.executors', "").replace(
        '"program.executors', ""
    )
    page = _client().get(_url(report, "complementarities")).content.decode()
    assert "No reporta complementariedades" in page and "Complementariedad 4" in page
    assert "Población objetivo (texto publicado)" in _client().get(_url(report, "identity")).content.decode()
    assert "Ejecutores" in _client().get(reverse("gestion:report", kwargs={"pk": report.pk})).content.decode()


def test_executors_are_saved_and_audited(report: Report) -> None:
    form = _form(
        report.data,
        "executors",
        **{
            "program.executors.items.0.name": "Municipalidad de Ovalle",
            "program.executors.items.0.type": "Municipio",
            "program.executors.items.1.name": "Universidad de Talca",
            "program.executors.items.1.type": "Universidad",
        },
    )
    before = LogEntry.objects.count()
    assert _client().post(_url(report, "executors"), {**form, "version": report.version}).status_code == 302
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.version == report.version + 1
    assert fresh.data["program"]["executors"] == {
        "items": [
            {"name": "Municipalidad de Ovalle", "type": "Municipio"},
            {"name": "Universidad de Talca", "type": "Universidad"},
        ]
    }
    entry = LogEntry.objects.order_by("-pk").first()
    assert LogEntry.objects.count() == before + 1 and entry is not None and entry.action == "submission.saved"
    page = _client().get(_url(report, "executors")).content.decode()
    assert "<option selected>Universidad</option>" in page


def test_direct_implementation_and_no_complementarities(report: Report) -> None:
    form = _form(report.data, "executors", **{"program.executors.direct": "Sí"})
    assert _client().post(_url(report, "executors"), {**form, "version": report.version}).status_code == 302
    fresh = Report.objects.get(pk=report.pk)
    form = _form(fresh.data, "complementarities", **{"program.complementarities.items": "Sí"})
    assert (
        _client().post(_url(fresh, "complementarities"), {**form, "version": fresh.version}).status_code
        == 302
    )
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.data["program"]["executors"] == {"direct": True}
    assert fresh.data["program"]["complementarities"] == {"items": []}
    budget = _form(
        fresh.data, "budget", **{"budget.years.2025.initial": "5.100.000"}
    )  # another section's save
    assert _client().post(_url(fresh, "budget"), {**budget, "version": fresh.version}).status_code == 302
    assert Report.objects.get(pk=report.pk).data["program"]["complementarities"] == {"items": []}


def test_a_complementarity_is_saved(report: Report) -> None:
    form = _form(
        report.data,
        "complementarities",
        **{
            "program.complementarities.items.0.program": "Programa de Desarrollo Local",
            "program.complementarities.items.0.description": "Atiende a los mismos usuarios en otra etapa.",
        },
    )
    assert (
        _client().post(_url(report, "complementarities"), {**form, "version": report.version}).status_code
        == 302
    )
    assert Report.objects.get(pk=report.pk).data["program"]["complementarities"] == {
        "items": [
            {
                "program": "Programa de Desarrollo Local",
                "description": "Atiende a los mismos usuarios en otra etapa.",
            }
        ]
    }


def test_a_bad_type_is_kept_beside_its_form_code(report: Report) -> None:
    form = _form(
        report.data,
        "executors",
        **{
            "program.executors.items.0.name": "Municipalidad de Ovalle",
            "program.executors.items.0.type": "Municipalidad",
            "program.executors.direct": "Tal vez",
        },
    )
    response = _client().post(_url(report, "executors"), {**form, "version": report.version})
    assert response.status_code == 400
    body = response.content.decode()
    assert "form.E017" in body and "form.E016" in body and "excel.E01" not in body
    assert "<option selected>Municipalidad</option>" in body and "<option selected>Tal vez</option>" in body
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.data["program"].get("executors") == {
        "items": [{"name": "Municipalidad de Ovalle"}]
    }  # the valid part


def test_earlier_editions_have_no_such_section(report: Report) -> None:
    data = {**report.data, "edition": 2023}
    Report.objects.filter(pk=report.pk).update(data=data)
    assert _client().get(_url(report, "executors")).status_code == 404


def test_an_executor_without_type_is_named_by_its_label_and_a_contradiction_is_kept(report: Report) -> None:
    form = _form(
        report.data,
        "executors",
        **{"program.executors.items.0.name": "Municipalidad de Ovalle", "program.executors.direct": "Sí"},
    )
    response = _client().post(_url(report, "executors"), {**form, "version": report.version})
    assert response.status_code == 400
    body = response.content.decode()
    assert "form.E018" in body and "<option selected>Sí</option>" in body
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.data["program"]["executors"] == {
        "items": [{"name": "Municipalidad de Ovalle"}]
    }  # flag not saved
    page = _client().get(_url(fresh, "executors")).content.decode()
    assert "input.E010" in page  # the missing type, beside its field (the check of the saved draft)


def test_problems_are_named_by_label_never_by_path(report: Report) -> None:
    from monitoreo.cycle.fields import label_of

    data = {**report.data, "program": {**report.data["program"], "executors": {"items": [{"name": "X"}]}}}
    ref = label_of(data, "program.executors.items.0.type")
    assert (ref.section, ref.label) == ("executors", "Ejecutor 1 — Tipo de ejecutor")
    assert (
        label_of(data, "program.complementarities").label == "Complementariedades"
    )  # a container: its section
