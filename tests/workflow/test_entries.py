"""Adding and removing components and purpose indicators (issue 7 follow-up): the reporter adds an empty
entry (flagged until filled), fills it, submits; removing asks for confirmation and keeps the removed data
in the audit log; stale versions change nothing; the Excel template has a blank block per list."""

from __future__ import annotations

import io
from typing import Any

import pytest
from audit.models import LogEntry
from django.test import Client
from django.urls import reverse
from submissions.models import Report, Revision
from submissions.services import perform, save_document

from monitoreo.ingest.entries import add_entry, new_component_id, remove_entry
from monitoreo.ingest.excel import apply_entries, cells, get_path, show
from monitoreo.ingest.excel_book import read_workbook, write_workbook
from tests.workflow.conftest import user
from tests.workflow.filling import filled

pytestmark = pytest.mark.django_db

NEW_NAME = "Capacitación digital en gestión predial"


def _client(persona: str) -> Client:
    client = Client()
    client.force_login(user(persona))
    return client


def _fresh(report: Report) -> Report:
    return Report.objects.select_related("program", "cycle").get(pk=report.pk)


def _filled(report: Report) -> Report:
    save_document(report, filled(report.data), user("manager_indap"), report.version)
    return _fresh(report)


def _add(report: Report, name: str, persona: str = "manager_indap", version: int | None = None) -> Any:
    url = reverse("gestion:entry_add", kwargs={"pk": report.pk, "name": name})
    return _client(persona).post(url, {"version": report.version if version is None else version})


def _form(data: dict[str, Any], section: str, **changes: str) -> dict[str, str]:
    """The section form as the browser posts it (current values), with ``changes`` by field path."""
    out = {c.path: show(c.kind, get_path(data, c.path)) for c in cells(data) if c.section == section}
    return {**out, **changes}


def _audit(action: str) -> list[LogEntry]:
    return list(LogEntry.objects.filter(action=action, program_slug="alianzas-productivas"))


# --- the core operations ---------------------------------------------------------------------------------


def test_new_component_gets_a_fresh_stable_id_and_no_invented_values() -> None:
    data = {"components": [{"id": "componente-3", "name": "a"}, {"id": "b", "name": "b"}]}
    new, entry = add_entry(data, "components", taken=["componente-4"])
    assert entry == {"id": "componente-5"} and new["components"][-1] == entry and len(data["components"]) == 2
    assert new_component_id({}) == "componente-1"
    _, indicator = add_entry({"indicators": [{"name": "x"}]}, "indicators")
    assert indicator == {}


def test_remove_reports_what_was_removed_and_whether_it_had_values() -> None:
    data = {"components": [{"id": "a", "name": "A", "spend": {"2025": "S/I"}}, {"id": "b", "name": "B"}]}
    new, removed = remove_entry(data, "components", "a")
    assert [c["id"] for c in new["components"]] == ["b"]
    assert (removed.position, removed.key, removed.reported, removed.entry["name"]) == (1, "a", True, "A")
    assert remove_entry(new, "components", "b")[1].reported is False
    with pytest.raises(KeyError):
        remove_entry(data, "components", "zz")
    _, second = remove_entry(
        {"indicators": [{"name": "x"}, {"name": "y", "values": {"2025": "50"}}]}, "indicators", "2"
    )
    assert (second.entry["name"], second.reported) == ("y", True)


def test_a_cleared_form_keeps_the_entry_instead_of_dropping_it() -> None:
    data = {"years": [2025], "indicators": [{"name": "x"}, {}]}
    new, problems = apply_entries(data, {"indicators.0.name": "x"}, "indicators")
    assert problems == [] and new["indicators"] == [{"name": "x"}, {}]


# --- web: add, fill, validate, submit --------------------------------------------------------------------


def test_add_fill_validate_submit(report: Report) -> None:
    report = _filled(report)
    response = _add(report, "components")
    assert response.status_code == 302 and response["Location"].endswith("#entrada-componente-3")
    report = _fresh(report)
    assert report.data["components"][-1] == {"id": "componente-3"}
    [entry] = _audit("submission.component_added")
    assert entry.after["components"]["key"] == "componente-3" and entry.after["version"] == report.version

    page = _client("manager_indap").get(
        reverse("gestion:section", kwargs={"pk": report.pk, "name": "components"})
    )
    body = page.content.decode()
    assert 'id="entrada-componente-3"' in body and "Componente 3 · componente-3" in body
    assert "input.E010" in body and "falta este campo obligatorio" in body  # the empty name is flagged
    response = _client("manager_indap").post(
        reverse("gestion:action", kwargs={"pk": report.pk, "name": "submit"})
    )
    assert _fresh(report).state == "draft"  # blocked: the new component has no name

    form = _form(
        report.data,
        "components",
        **{
            "components.2.name": NEW_NAME,
            "components.2.unit": "Usuarios capacitados",
            "components.1.spend.2024": "1000000",
            "components.2.spend.2024": "300000",
            "components.1.spend.2025": "1000000",
            "components.2.spend.2025": "300000",
            "components.2.output.2024": "120",
            "components.2.output.2025": "150",
        },
    )
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "components"})
    assert _client("manager_indap").post(url, {**form, "version": report.version}).status_code == 302
    report = _fresh(report)
    assert report.data["components"][2] == {
        "id": "componente-3",
        "name": NEW_NAME,
        "unit": "Usuarios capacitados",
        "spend": {"2024": "300000", "2025": "300000"},
        "output": {"2024": "120", "2025": "150"},
    }

    response = _client("manager_indap").post(
        reverse("gestion:action", kwargs={"pk": report.pk, "name": "submit"})
    )
    assert response.status_code == 302 and _fresh(report).state == "submitted"


def test_added_indicator_is_flagged_until_named_and_survives_an_empty_save(report: Report) -> None:
    report = _filled(report)
    assert _add(report, "indicators").status_code == 302
    report = _fresh(report)
    assert report.data["indicators"][1] == {}
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "indicators"})
    saved = _client("manager_indap").post(
        url, {**_form(report.data, "indicators"), "version": report.version}
    )
    assert saved.status_code == 302
    report = _fresh(report)
    assert len(report.data["indicators"]) == 2  # still there, still flagged
    assert "input.E010" in _client("manager_indap").get(url).content.decode()
    form = _form(
        report.data,
        "indicators",
        **{
            "indicators.1.name": "Porcentaje de usuarios que aumentan sus ventas",
            "indicators.1.unit": "Porcentual",
            "indicators.1.direction": "ascendente",
            "indicators.1.values.2025": "41,5",
        },
    )
    assert _client("manager_indap").post(url, {**form, "version": report.version}).status_code == 302
    report = _fresh(report)
    assert report.data["indicators"][1]["values"] == {"2025": "41.5"}
    assert perform(report, "submit", user("manager_indap")).state == "submitted"


# --- permissions and locking -----------------------------------------------------------------------------


def test_another_services_reporter_gets_404_and_nothing_changes(report: Report) -> None:
    assert _add(report, "components", persona="manager_prochile").status_code == 404
    url = reverse(
        "gestion:entry_remove", kwargs={"pk": report.pk, "name": "components", "key": "asesoria-tecnica"}
    )
    assert _client("manager_prochile").post(url, {"version": report.version}).status_code == 404
    assert _fresh(report).data == report.data


def test_evaluator_cannot_add_or_remove(report: Report) -> None:
    assert _add(report, "components", persona="evaluador").status_code == 403
    url = reverse("gestion:entry_remove", kwargs={"pk": report.pk, "name": "indicators", "key": "1"})
    assert _client("evaluador").post(url, {"version": report.version}).status_code == 403
    assert _fresh(report).version == report.version


def test_no_add_once_submitted_and_no_add_in_other_sections(report: Report) -> None:
    report = _filled(report)
    assert _add(report, "budget").status_code == 404
    perform(report, "submit", user("manager_indap"))
    report = _fresh(report)
    assert _add(report, "components").status_code == 403
    assert len(report.data["components"]) == 2


def test_stale_version_gives_409_and_nothing_changes(report: Report) -> None:
    stale = report.version
    save_document(report, filled(report.data), user("manager_indap"), stale)
    current = _fresh(report)
    response = _add(current, "components", version=stale)
    assert response.status_code == 409 and "no se agregó" in response.content.decode()
    url = reverse(
        "gestion:entry_remove", kwargs={"pk": report.pk, "name": "components", "key": "asesoria-tecnica"}
    )
    response = _client("manager_indap").post(url, {"version": stale})
    assert response.status_code == 409 and "no se quitó" in response.content.decode()
    after = _fresh(report)
    assert (after.version, after.data) == (current.version, current.data)
    assert _audit("submission.component_added") == [] and _audit("submission.component_removed") == []


def test_unknown_entry_is_404(report: Report) -> None:
    url = reverse("gestion:entry_remove", kwargs={"pk": report.pk, "name": "components", "key": "no-existe"})
    assert _client("manager_indap").get(url).status_code == 404
    assert _client("manager_indap").post(url, {"version": report.version}).status_code == 404


# --- removing --------------------------------------------------------------------------------------------


def test_removing_a_component_with_spend_asks_and_keeps_the_data_in_the_audit_log(report: Report) -> None:
    report = _filled(report)
    url = reverse(
        "gestion:entry_remove",
        kwargs={"pk": report.pk, "name": "components", "key": "cofinanciamiento-proyectos-inversion"},
    )
    page = _client("manager_indap").get(url)
    body = page.content.decode()
    assert page.status_code == 200 and 'id="con-datos"' in body and "Sí, quitar el componente" in body
    assert _fresh(report).version == report.version  # the confirmation page changes nothing
    removed = report.data["components"][1]

    response = _client("manager_indap").post(url, {"version": report.version})
    assert response.status_code == 302
    after = _fresh(report)
    assert [c["id"] for c in after.data["components"]] == ["asesoria-tecnica"]
    [entry] = _audit("submission.component_removed")
    assert entry.actor_name == "manager_indap"
    assert entry.before == {
        "version": report.version,
        "components": {
            "position": 2,
            "key": "cofinanciamiento-proyectos-inversion",
            "entry": removed,
            "reported": True,
        },
    }
    assert entry.after == {"version": after.version}
    assert Revision.objects.filter(report=report, version=after.version).exists()


def test_removing_an_indicator_is_audited(report: Report) -> None:
    url = reverse("gestion:entry_remove", kwargs={"pk": report.pk, "name": "indicators", "key": "1"})
    assert _client("manager_indap").post(url, {"version": report.version}).status_code == 302
    assert "indicators" not in _fresh(report).data
    [entry] = _audit("submission.indicator_removed")
    assert entry.before["indicators"]["entry"]["values"] == {"2023": "59.00"}


# --- ficha preview and Excel -----------------------------------------------------------------------------


def _with_new_component(report: Report) -> Report:
    report = _filled(report)
    data = filled(report.data)
    data["components"].append(
        {
            "id": "componente-3",
            "name": NEW_NAME,
            "unit": "Usuarios",
            "spend": {"2024": "0", "2025": "0"},
            "output": {"2024": "10", "2025": "12"},
        }
    )
    save_document(report, data, user("manager_indap"), report.version)
    return _fresh(report)


def test_ficha_preview_shows_the_new_component(report: Report) -> None:
    report = _with_new_component(report)
    response = _client("evaluador").get(reverse("gestion:preview", kwargs={"pk": report.pk}))
    assert response.status_code == 200 and NEW_NAME in response.content.decode()


def _edit_workbook(content: bytes, sheet: str, values: dict[str, Any]) -> bytes:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    for address, value in values.items():
        book[sheet][address] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_workbook_has_a_block_per_entry_and_a_blank_block_to_add_one(report: Report) -> None:
    from openpyxl import load_workbook

    report = _with_new_component(report)
    sheet = load_workbook(io.BytesIO(write_workbook(report.data)))["Componentes"]
    titles = [row[0].value for row in sheet.iter_rows() if row[0].font.bold and row[0].row > 1]
    assert titles == [
        "Componente 1 · asesoria-tecnica",
        "Componente 2 · cofinanciamiento-proyectos-inversion",
        "Componente 3 · componente-3",
        "Componente nuevo (llénelo para agregar uno)",
    ]
    assert (sheet["A14"].value, sheet["B15"].value) == ("Componente 3 · componente-3", NEW_NAME)


def test_a_component_typed_in_the_blank_block_is_added_with_a_new_id(report: Report) -> None:
    report = _filled(report)
    data = report.data
    content = _edit_workbook(
        write_workbook(data),
        "Componentes",
        {"B15": "Asistencia remota", "B16": "Usuarios", "C17": "S/I", "D17": 0, "E17": 0, "E18": 40},
    )
    new, problems = read_workbook(content, data)
    assert problems == [] and new is not None
    assert new["components"][2] == {
        "id": "componente-3",
        "name": "Asistencia remota",
        "unit": "Usuarios",
        "spend": {"2023": "S/I", "2024": "0", "2025": "0"},
        "output": {"2025": "40"},
    }
    untouched, _ = read_workbook(write_workbook(data), data)
    assert untouched is not None and len(untouched["components"]) == 2  # a blank block adds nothing


def test_a_workbook_downloaded_before_adding_a_component_is_refused(report: Report) -> None:
    report = _filled(report)
    old = write_workbook(report.data)
    assert _add(report, "components").status_code == 302
    data = _fresh(report).data
    new, problems = read_workbook(old, data)
    assert new is None and {p.code for p in problems} == {"excel.E005"}
    assert problems[0].path == "Componentes!A14"
