"""``make demo`` opens a 2025 monitoring cycle in which every demo persona has something to do (issue 14):
each reporter's real program is a pre-filled draft and three synthetic reports of its service are submitted,
in review and in right of reply; the evaluator is assigned all of them — built with the cycle services."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "demo-pruebas-1234"


def test_every_persona_has_reports_in_several_states(client: Client) -> None:
    from accounts.personas import create_demo_personas
    from audit.models import LogEntry
    from programs.demo import open_demo_cycle
    from submissions.models import Report

    create_demo_personas(PASSWORD)
    states = open_demo_cycle()
    expected = ["draft", "submitted", "in_review", "right_of_reply"]
    assert states["manager_indap"] == expected and states["manager_prochile"] == expected
    assert sorted(states["evaluador"]) == sorted(expected[1:] * 2)
    reports = Report.objects.filter(cycle__year=2025)
    assert reports.count() == 8 and all(r.evaluator.username == "evaluador" for r in reports)
    drafts = reports.filter(state="draft")
    assert {r.program.slug for r in drafts} == {
        "alianzas-productivas",
        "internacionalizacion-pymes-exportadoras",
    }
    assert all(r.data["synthetic"] for r in reports.exclude(state="draft"))
    assert all(r.program.slug.startswith("ciclo-") for r in reports.exclude(state="draft"))
    replying = reports.get(state="right_of_reply", program__service="Instituto de Desarrollo Agropecuario")
    assert replying.findings.exists()
    assert LogEntry.objects.filter(action="cycle.opened").count() == 1
    assert open_demo_cycle() == {}  # a second run leaves the cycle alone

    for username in ("manager_indap", "manager_prochile", "evaluador", "publicador"):
        client.logout()
        assert client.login(username=username, password=PASSWORD)
        home = client.get("/gestion/").content.decode()
        assert "No tiene reportes asignados" not in home, username
    # The synthetic reports are not public: no published ficha, so the portal does not list them.
    assert client.get("/programas.json?q=ciclo").json()["total"] == 0
