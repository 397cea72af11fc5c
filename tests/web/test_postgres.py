"""The whole web suite on PostgreSQL: re-run ``tests/web`` in a subprocess with ``MONITOREO_TEST_PG`` as the
database (Django creates and drops ``test_<name>`` there); the mechanism, shared with the workflow suite, is
``tests/workflow/pgrun.py``, which also checks the run's test database really was PostgreSQL. ``make test``
starts a real PostgreSQL (``scripts/with_postgres.sh``) and sets the variable; in CI (``CI=true``) its absence is a failure, never a silent
skip."""

from __future__ import annotations

import pytest

from tests.workflow.pgrun import run_on_postgresql

pytestmark = pytest.mark.postgres


def test_web_suite_passes_on_postgresql() -> None:
    run_on_postgresql("tests/web", min_passed=70)
