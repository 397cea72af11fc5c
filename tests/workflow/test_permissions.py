"""Every URL of ``/gestion/`` × every persona → expected status. Reporter A (``manager_indap``) owns the
report under test (Alianzas Productivas); reporter B (``manager_prochile``) gets 404 for it; the evaluator is
assigned; the publisher administers; anonymous users are sent to the login page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from reviews.models import Finding

from tests.workflow.conftest import CYCLE_YEAR, PERSONAS, user

pytestmark = pytest.mark.django_db

#: url name → (method, extra kwargs, post data, {persona: status}); personas in PERSONAS order. A post value
#: ``VERSION`` is replaced by the report's current version.
VERSION = "<version>"
A, B, E, P, X = PERSONAS  # manager_indap, manager_prochile, evaluador, publicador, anonimo
REPORT_READ = {A: 200, B: 404, E: 200, P: 200, X: 302}
REVIEW_READ = {A: 403, B: 404, E: 200, P: 200, X: 302}
TABLE: dict[str, tuple[str, dict[str, Any], dict[str, str], dict[str, int]]] = {
    "home": ("get", {}, {}, {A: 200, B: 200, E: 200, P: 200, X: 302}),
    "cycles": ("get", {}, {}, {A: 403, B: 403, E: 403, P: 200, X: 302}),
    "cycle": ("get", {"year": CYCLE_YEAR}, {}, {A: 403, B: 403, E: 403, P: 200, X: 302}),
    "inflators": ("get", {}, {}, {A: 403, B: 403, E: 403, P: 200, X: 302}),
    "publish_confirm": ("get", {"year": CYCLE_YEAR}, {}, {A: 403, B: 403, E: 403, P: 200, X: 302}),
    "report": ("get", {"pk": None}, {}, REPORT_READ),
    "section": ("get", {"pk": None, "name": "budget"}, {}, REPORT_READ),
    "entry_remove": (
        "get",
        {"pk": None, "name": "components", "key": "asesoria-tecnica"},
        {},
        {A: 200, B: 404, E: 403, P: 403, X: 302},
    ),
    "entry_add": (
        "post",
        {"pk": None, "name": "indicators"},
        {"version": VERSION},
        {A: 302, B: 404, E: 403, P: 403, X: 302},
    ),
    "excel_download": ("get", {"pk": None}, {}, REPORT_READ),
    "audit": ("get", {"pk": None}, {}, REPORT_READ),
    "workspace": ("get", {"pk": None}, {}, REVIEW_READ),
    "preview": ("get", {"pk": None}, {}, REPORT_READ),  # the service sees the preview of its own report
    "preview_pdf": ("get", {"pk": None}, {}, REPORT_READ),
    "submit_confirm": ("get", {"pk": None}, {}, {A: 200, B: 404, E: 403, P: 403, X: 302}),
    "action": ("post", {"pk": None, "name": "submit"}, {}, {A: 302, B: 404, E: 403, P: 403, X: 302}),
    "excel_upload": ("post", {"pk": None}, {}, {A: 400, B: 404, E: 403, P: 403, X: 302}),
    "judgements": ("post", {"pk": None}, {}, {A: 403, B: 404, E: 302, P: 403, X: 302}),
    "reply": ("post", {"pk": None, "finding": None}, {"text": "x"}, {A: 302, B: 404, E: 403, P: 403, X: 302}),
    "verdict": (
        "post",
        {"pk": None, "finding": None},
        {"verdict": "pertinente"},
        {A: 403, B: 404, E: 302, P: 403, X: 302},
    ),
}
SECTION_POST = {A: 302, B: 404, E: 403, P: 403, X: 302}


def test_table_covers_every_url_name() -> None:
    from submissions.urls import urlpatterns

    assert {p.name for p in urlpatterns} == set(TABLE)


def _client(persona: str) -> Client:
    client = Client()
    if persona != "anonimo":
        client.force_login(user(persona))
    return client


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", list(TABLE))
def test_status(report: Any, name: str, persona: str) -> None:
    method, kwargs, data, expected = TABLE[name]
    finding = Finding.objects.create(
        report=report, code="efficiency.x.under", dimension="eficiencia", text="t"
    )
    kwargs = {k: (report.pk if k == "pk" else finding.pk if k == "finding" else v) for k, v in kwargs.items()}
    data = {k: (report.version if v == VERSION else v) for k, v in data.items()}
    response = getattr(_client(persona), method)(reverse(f"gestion:{name}", kwargs=kwargs), data)
    assert response.status_code == expected[persona], response.content[:300]
    if persona == "anonimo":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_section_post(report: Any, persona: str) -> None:
    from monitoreo.ingest.excel import cells, get_path, show

    data = {
        c.path: show(c.kind, get_path(report.data, c.path))
        for c in cells(report.data)
        if c.section == "identity"
    }
    url = reverse("gestion:section", kwargs={"pk": report.pk, "name": "identity"})
    response = _client(persona).post(url, {**data, "version": report.version})
    assert response.status_code == SECTION_POST[persona]


def test_reporter_b_sees_only_their_report(report: Any, other_report: Any) -> None:
    response = _client("manager_prochile").get(reverse("gestion:home"))
    assert other_report.program.name.encode() in response.content
    assert report.program.name.encode() not in response.content
    assert (
        _client("manager_prochile").get(reverse("gestion:report", kwargs={"pk": other_report.pk})).status_code
        == 200
    )


def test_csrf_is_enforced(report: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("manager_indap"))
    response = client.post(reverse("gestion:action", kwargs={"pk": report.pk, "name": "submit"}))
    assert response.status_code == 403
