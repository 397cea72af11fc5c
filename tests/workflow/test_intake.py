"""Intake and safety: pre-fill, form and Excel through the same checks, problems named by cell, nothing
imported from a bad file, optimistic locking, upload limits, login throttling, append-only audit, e-mail."""

from __future__ import annotations

import io
import logging
from typing import Any

import pytest
from audit.models import AuditError, LogEntry
from django.core import mail
from django.test import Client
from django.urls import reverse
from submissions.models import Report
from submissions.services import ConflictError, perform, save_document

from monitoreo.ingest.excel_book import read_workbook, write_workbook
from monitoreo.io.read import parse_submission
from tests.workflow.conftest import PASSWORD, user
from tests.workflow.filling import filled
from tests.workflow.test_dashboard import visible

pytestmark = pytest.mark.django_db


def test_prefill_shifts_the_window_and_clears_the_new_year(report: Report) -> None:
    data = report.data
    assert (data["edition"], data["evaluated_year"], data["years"], data["price_base_year"]) == (
        2025,
        2025,
        [2023, 2024, 2025],
        2024,
    )
    assert data["program"]["name"] == "Programa de Alianzas Productivas"
    assert [c["id"] for c in data["components"]] == [
        "asesoria-tecnica",
        "cofinanciamiento-proyectos-inversion",
    ]
    # The cycle is in M$2024 like last year's report: the 2023 amounts carry over as they are (without a
    # table of the cycle's base they would not, docs/inflators.md; tests/workflow/test_inflators_page.py).
    assert data["budget"]["years"]["2023"]["executed"] == "4219214"
    assert "2025" not in data["budget"]["years"] and data["indicators"][0]["values"] == {"2023": "59.00"}
    assert data["populations"]["served"]["description"].startswith("La población beneficiada")
    assert "published" not in data and "review" not in data and "assessment" not in data
    assert report.previous["edition"] == 2023


def test_prefill_reexpresses_money_with_the_inflator_table() -> None:
    from cycles.prefill import prefill

    new = prefill(
        {"price_base_year": 2024, "evaluated_year": 2023, "budget": {"years": {"2023": {"initial": "1000"}}}},
        2025,
        2025,
        2026,
        3,
        {2024: __import__("decimal").Decimal("1.05")},
    )
    assert new["budget"]["years"]["2023"]["initial"] == "1050"


def _client(persona: str) -> Client:
    client = Client()
    client.force_login(user(persona))
    return client


def test_form_shows_coded_problems_next_to_the_field_and_keeps_the_input(report: Report) -> None:
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "budget"})
    response = _client("manager_indap").post(
        url, {"budget.years.2025.initial": "mucho", "version": report.version}
    )
    assert response.status_code == 400
    body = response.content.decode()  # the web form's own code (form.E010), never the Excel one
    assert "form.E010" in body and "excel.E010" not in body and 'value="mucho"' in body
    assert Report.objects.get(pk=report.pk).version == report.version


def test_form_shows_validation_issues_by_field(report: Report) -> None:
    data = filled(report.data)
    data["budget"]["years"]["2025"]["executed"] = "9999999"
    save_document(report, data, user("manager_indap"), report.version)
    response = _client("manager_indap").get(
        reverse("gestion:section", kwargs={"pk": report.pk, "name": "budget"})
    )
    assert "budget.E001" in response.content.decode()


def test_excel_round_trip_gives_the_same_submission(report: Report) -> None:
    data = filled(report.data)
    new, problems = read_workbook(write_workbook(data), data)
    assert problems == [] and new is not None
    assert parse_submission(new) == parse_submission(data)


def _workbook_with(data: dict[str, Any], sheet: str, cell: str, value: Any) -> bytes:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(write_workbook(data)))
    book[sheet][cell] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_excel_problems_name_sheet_and_cell_and_nothing_is_imported(report: Report) -> None:
    content = _workbook_with(filled(report.data), "Presupuesto", "C4", "cuatro millones")
    response = _client("manager_indap").post(
        reverse("gestion:excel_upload", kwargs={"pk": report.pk}),
        {"planilla": _upload("alianzas.xlsx", content), "version": report.version},
    )
    assert response.status_code == 400
    assert (
        "Presupuesto!C4: «cuatro millones»: se esperaba un número o S/I, N/A, N/C, -"
        in response.content.decode()
    )
    assert Report.objects.get(pk=report.pk).data == report.data


def test_excel_upload_imports_a_good_file(report: Report) -> None:
    content = write_workbook(filled(report.data))
    response = _client("manager_indap").post(
        reverse("gestion:excel_upload", kwargs={"pk": report.pk}),
        {"planilla": _upload("alianzas.xlsx", content), "version": report.version},
    )
    assert response.status_code == 302
    saved = Report.objects.get(pk=report.pk)
    assert saved.data["budget"]["years"]["2025"]["executed"] == "4230000"
    assert LogEntry.objects.filter(action="submission.imported", program_slug="alianzas-productivas").exists()


def test_excel_of_another_program_is_refused(report: Report, other_report: Report) -> None:
    _, problems = read_workbook(write_workbook(other_report.data), report.data)
    assert [p.code for p in problems] == ["excel.E002"] and problems[0].path == "Identificación!B2"


def _upload(name: str, content: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("planilla.xlsx", b"esto no es un zip", "no es una planilla Excel .xlsx"),
        ("planilla.csv", b"a,b\n", "Sólo se aceptan planillas Excel .xlsx"),
        ("planilla.xlsx", b"PK\x03\x04" + b"0" * 64, "no es una planilla Excel .xlsx"),
    ],
)
def test_upload_type_is_checked_by_content(report: Report, name: str, content: bytes, message: str) -> None:
    response = _client("manager_indap").post(
        reverse("gestion:excel_upload", kwargs={"pk": report.pk}),
        {"planilla": _upload(name, content), "version": report.version},
    )
    assert response.status_code == 400 and message in response.content.decode()


def test_upload_size_limit(report: Report, settings: Any) -> None:
    settings.MONITOREO_UPLOAD_MAX_BYTES = 1000
    response = _client("manager_indap").post(
        reverse("gestion:excel_upload", kwargs={"pk": report.pk}),
        {"planilla": _upload("p.xlsx", write_workbook(report.data)), "version": report.version},
    )
    assert response.status_code == 400 and "el máximo es" in response.content.decode()


def test_optimistic_locking_keeps_the_second_persons_input(report: Report) -> None:
    first = filled(report.data)
    save_document(report, first, user("manager_indap"), report.version)
    with pytest.raises(ConflictError):
        save_document(report, first, user("manager_indap"), report.version)
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "identity"})
    response = _client("manager_indap").post(
        url, {"program.name": "Nombre nuevo de la segunda persona", "version": report.version}
    )
    body = response.content.decode()
    assert response.status_code == 409 and "Otra persona guardó" in body
    assert 'value="Nombre nuevo de la segunda persona"' in body
    assert Report.objects.get(pk=report.pk).data["program"]["name"] == "Programa de Alianzas Productivas"


def test_login_throttling_locks_user_and_address() -> None:
    url = reverse("accounts:login")
    client = Client()
    for _ in range(5):
        assert client.post(url, {"username": "evaluador", "password": "mala"}).status_code == 200
    locked = client.post(url, {"username": "evaluador", "password": PASSWORD})
    assert locked.status_code == 200 and "Demasiados intentos" in locked.content.decode()
    other_address = Client(REMOTE_ADDR="10.0.0.9").post(url, {"username": "evaluador", "password": PASSWORD})
    assert other_address.status_code == 302
    assert LogEntry.objects.filter(action="auth.locked").count() == 1


def test_login_success_redirects_to_home() -> None:
    response = Client().post(reverse("accounts:login"), {"username": "manager_indap", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("gestion:home")


def test_audit_log_is_append_only(report: Report) -> None:
    report.data = filled(report.data)  # an untouched report cannot be submitted (cycle.E001)
    report.save()
    perform(report, "submit", user("manager_indap"))
    entry = LogEntry.objects.filter(action="submission.submitted").get()
    assert (entry.actor_name, entry.before, entry.after) == (
        "manager_indap",
        {"state": "draft"},
        {"state": "submitted"},
    )
    entry.comment = "cambiado"
    with pytest.raises(AuditError):
        entry.save()
    with pytest.raises(AuditError):
        entry.delete()
    with pytest.raises(AuditError):
        LogEntry.objects.all().delete()
    with pytest.raises(AuditError):
        LogEntry.objects.update(comment="x")


def test_notification_after_commit(report: Report, django_capture_on_commit_callbacks: Any) -> None:
    report.data = filled(report.data)
    report.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        perform(report, "submit", user("manager_indap"))
    # the evaluator is told, and the service gets a receipt; both carry the link to the report
    assert [m.to for m in mail.outbox] == [["evaluador@demo.invalid"], ["manager_indap@demo.invalid"]]
    assert (
        "Reporte enviado a revisión" in mail.outbox[0].subject
        and "Recibimos su reporte" in mail.outbox[1].subject
    )
    link = f"/gestion/reportes/{report.pk}/"
    assert all(link in m.body for m in mail.outbox)


def test_failed_email_is_logged_not_raised(
    report: Report,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import submissions.notify as notify

    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("servidor de correo caído")

    monkeypatch.setattr(notify, "send_mail", broken)
    report.data = filled(report.data)  # an untouched report cannot be submitted (cycle.E001)
    report.save()
    with (
        caplog.at_level(logging.ERROR, logger="monitoreo.notify"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        done = perform(report, "submit", user("manager_indap"))
    assert done.state == "submitted" and "no se pudo enviar" in caplog.text


def test_workspace_shows_metrics_issues_findings_and_diff(report: Report) -> None:
    # labels from the domain, never internal ids (coverage_pct, effectiveness.purpose_indicator.worse, data paths)
    data = filled(report.data)
    # A change against last year's 4.219.214. Without a base-2026 inflator table, prefill no longer carries
    # last year's M$2024 amounts under the new label (inflators.W001), so the year may start empty.
    data["budget"]["years"].setdefault("2023", {})["executed"] = "4300000"
    data["budget"]["admin_spend"].pop("2023", None)  # last year's 517.918 dropped
    report.data, report.state = data, "in_review"
    report.save()
    body = _client("evaluador").get(reverse("gestion:workspace", kwargs={"pk": report.pk})).content.decode()
    text = visible(body)
    assert "Eficacia —" in text  # the candidate finding of the purpose indicator, by dimension and sentence
    assert "effectiveness.purpose_indicator.worse" not in body and "coverage_pct" not in body
    assert "Cobertura (población beneficiada / objetivo, %)" in body  # metrics table
    assert "Presupuesto ejecutado 2023" in body and "4.219.214" in body and "4.300.000" in body
    assert "Gasto administrativo 2023" in body and "este reporte lo deja vacío" in body
    assert "budget.years" not in text and "targeting.universal_pertinent" not in text
    assert "La declaración de programa universal es pertinente." in text  # judgement by its wording


def test_preview_pdf_is_a_pdf(report: Report) -> None:
    response = _client("evaluador").get(reverse("gestion:preview_pdf", kwargs={"pk": report.pk}))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_upload_size_message_uses_es_cl_numbers() -> None:
    from submissions.intake import upload_problems

    problems = upload_problems(_upload("p.xlsx", b"x" * 2_345_678), 2_000_000)
    assert problems == ["El archivo pesa 2,3 MB; el máximo es 2 MB."]
