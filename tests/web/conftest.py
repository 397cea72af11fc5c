"""Web tests: Django is configured here, for ``tests/web`` only (the core tests never load Django).

Database: SQLite in memory by default; ``MONITOREO_WEB_TEST_DATABASE_URL`` points the whole web suite at
another database (``test_postgres.py`` re-runs the suite on PostgreSQL that way). The two seed fichas are
loaded once per session into the test database; each test runs in a transaction rolled back at the end."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

from monitoreo.domain import Submission
from tests import browser as browser_support
from tests.conftest import ROOT

WEB = ROOT / "web"
if str(WEB) not in sys.path:
    sys.path.insert(0, str(WEB))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ.setdefault("SECRET_KEY", "pruebas-no-secreto")
os.environ["DATABASE_URL"] = os.environ.get("MONITOREO_WEB_TEST_DATABASE_URL", "sqlite://:memory:")
os.environ["MONITOREO_CACHE_DIR"] = tempfile.mkdtemp(prefix="monitoreo-web-cache-")
os.environ["STATIC_ROOT"] = tempfile.mkdtemp(prefix="monitoreo-web-static-")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from programs.demo import seed_submissions  # noqa: E402
from programs.loader import load_submissions  # noqa: E402

S23_ID = "alianzas-productivas"
S20_ID = "internacionalizacion-pymes-exportadoras"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The test database with the two seed fichas, published."""
    with django_db_blocker.unblock():
        load_submissions(seed_submissions(), publish=True)


def variants(base: Submission, n: int, prefix: str = "sintetico") -> list[Submission]:
    """``n`` copies of ``base`` under other ids and names (enough to test listings and query counts)."""
    out = []
    for i in range(n):
        program = base.program.model_copy(
            update={"name": f"{prefix.capitalize()} {i:03d} {base.program.name}"}
        )
        out.append(base.model_copy(update={"id": f"{prefix}-{i:03d}", "program": program}))
    return out


class QueryCounter:
    """``with max_queries(n): …`` fails when the block runs more than ``n`` SQL queries."""

    def __call__(self, n: int) -> Any:
        return _Bounded(n)


class _Bounded(CaptureQueriesContext):
    def __init__(self, limit: int) -> None:
        super().__init__(connection)
        self.limit = limit

    def __exit__(self, *exc: Any) -> None:
        super().__exit__(*exc)
        if exc[0] is None and len(self) > self.limit:
            sql = "\n".join(q["sql"][:200] for q in self.captured_queries)
            pytest.fail(f"{len(self)} consultas SQL (máximo {self.limit}):\n{sql}")


@pytest.fixture
def max_queries() -> QueryCounter:
    return QueryCounter()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Per-process caches (filter options, ficha fragments) never leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """``monitoreo serve --demo`` (small synthetic portfolio) in its own process group, shared by the browser
    tests of the session (``test_browser``, ``test_accessibility``)."""
    data_dir = tmp_path_factory.mktemp("demo")
    with browser_support.demo_server(data_dir, "--size", "20") as address:
        yield address | {"data_dir": data_dir}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per test module (Playwright's sync API allows one running instance at a time, and other
    modules start their own)."""
    with browser_support.chromium() as b:
        yield b
