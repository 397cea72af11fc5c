"""Re-run a Django test directory on the PostgreSQL of ``MONITOREO_TEST_PG`` in a subprocess (used by
``tests/web/test_postgres.py`` and ``tests/workflow/test_postgres.py``), and check it really ran there.

The subprocess gets the URL as ``MONITOREO_WEB_TEST_DATABASE_URL`` *and* ``DATABASE_URL``, and loses the
parent's ``DJANGO_SETTINGS_MODULE``: when the parent has already configured Django, pytest-django would
otherwise set Django up in the child before its ``conftest.py`` runs, from the parent's inherited
``DATABASE_URL`` (SQLite in memory), and the "PostgreSQL" run would silently be a second SQLite run. This
module is also loaded into the child as a plugin (``-p tests.workflow.pgrun``): its report header names the
engine of the test database, and ``run_on_postgresql`` fails unless it is ``postgresql``.

Without ``MONITOREO_TEST_PG`` the calling test is skipped, except in CI (``CI=true``), where it fails."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import pytest

from tests.conftest import ROOT

HEADER = "base de datos de prueba:"


def pytest_report_header(config: Any) -> str:
    """In the child run: the engine Django's test database uses."""
    from django.conf import settings

    if not settings.configured:
        return f"{HEADER} (Django sin configurar)"
    from django.db import connection

    return f"{HEADER} {connection.vendor} ({connection.settings_dict['NAME']})"


def postgres_url() -> str:
    """``MONITOREO_TEST_PG``; skip without it, fail without it in CI."""
    url = os.environ.get("MONITOREO_TEST_PG")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI sin MONITOREO_TEST_PG: make test lo inicia (scripts/with_postgres.sh)")
        pytest.skip("MONITOREO_TEST_PG no definido (postgres://…); make test lo define")
    return url


def run_on_postgresql(directory: str, min_passed: int) -> str:
    """Run ``directory`` (``not postgres and not browser``) on PostgreSQL; fail unless it passed with at least
    ``min_passed`` tests on a ``postgresql`` test database. Returns pytest's output."""
    url = postgres_url()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        MONITOREO_WEB_TEST_DATABASE_URL=url,
        DATABASE_URL=url,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "web"), os.environ.get("PYTHONPATH")])),
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.workflow.pgrun",
            "-x",
            "-m",
            "not postgres and not browser",
            directory,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    out = done.stdout
    assert done.returncode == 0, out[-4000:] + done.stderr[-2000:]
    engine = re.search(rf"^{HEADER} (\S+)", out, re.MULTILINE)
    assert engine is not None and engine.group(1) == "postgresql", out[:1500]
    last = out.strip().splitlines()[-1] if out.strip() else ""
    passed = re.search(r"(\d+) passed", last)
    assert passed is not None and int(passed.group(1)) >= min_passed, out[-2000:]
    return out
