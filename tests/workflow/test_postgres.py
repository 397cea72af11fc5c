"""The whole workflow suite on PostgreSQL: ``tests/workflow`` (roles and ``for_user()`` scoping, the 450-case
transition table, optimistic locking with ``select_for_update``, intake, the audit triggers of
``test_audit_db.py``) re-run in a subprocess on ``MONITOREO_TEST_PG`` (Django creates and drops
``test_<name>`` there); see ``pgrun.py``. ``make test`` starts a real PostgreSQL and sets the variable; in CI
(``CI=true``) its absence is a failure, never a silent skip."""

from __future__ import annotations

import pytest

from tests.workflow.pgrun import run_on_postgresql

pytestmark = pytest.mark.postgres


def test_workflow_suite_passes_on_postgresql() -> None:
    out = run_on_postgresql("tests/workflow", min_passed=500)  # 450 transitions + the rest
    assert "test_audit_db.py" in out
