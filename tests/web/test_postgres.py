"""The whole web suite on PostgreSQL: re-run ``tests/web`` in a subprocess with ``MONITOREO_TEST_PG`` as the
database (Django creates and drops ``test_<name>`` there). ``.ci/run`` starts a real PostgreSQL and sets
the variable; in CI (``CI=true``) its absence is a failure, never a silent skip."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.postgres


def test_web_suite_passes_on_postgresql() -> None:
    url = os.environ.get("MONITOREO_TEST_PG")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI sin MONITOREO_TEST_PG: .ci/run debe iniciar PostgreSQL (ver .ci/postgres.sh)")
        pytest.skip("MONITOREO_TEST_PG no definido (postgres://…); .ci/run lo define")
    env = dict(os.environ, MONITOREO_WEB_TEST_DATABASE_URL=url,
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "web"), os.environ.get("PYTHONPATH")])))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", "-m", "not postgres and not browser",
         "tests/web"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "postgresql" in _engine(env)


def _engine(env: dict[str, str]) -> str:
    code = ("import sys; sys.path.insert(0, 'web'); import os; os.environ['DATABASE_URL'] = "
            "os.environ['MONITOREO_WEB_TEST_DATABASE_URL']; from config.dburl import parse_database_url as p; "
            "print(p(os.environ['DATABASE_URL'])['ENGINE'])")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True).stdout
