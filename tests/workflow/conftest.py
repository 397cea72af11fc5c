"""Workflow tests: Django configured as in ``tests/web/conftest.py`` (pattern copied, not shared), SQLite in
memory unless ``MONITOREO_WEB_TEST_DATABASE_URL`` says otherwise. Once per session: the two seed fichas
(published), the demo personas and the 2025 cycle with both seed programs, assigned to ``evaluador``.
Each test runs in a transaction rolled back at the end."""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from typing import Any

import pytest

from tests.conftest import ROOT

WEB = ROOT / "web"
if str(WEB) not in sys.path:
    sys.path.insert(0, str(WEB))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(32))
os.environ["DATABASE_URL"] = os.environ.get("MONITOREO_WEB_TEST_DATABASE_URL", "sqlite://:memory:")
os.environ.setdefault("MONITOREO_CACHE_DIR", tempfile.mkdtemp(prefix="monitoreo-wf-cache-"))
os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="monitoreo-wf-static-"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests only
settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

from django.contrib.auth import get_user_model  # noqa: E402
from programs.demo import seed_submissions  # noqa: E402
from programs.loader import load_submissions  # noqa: E402

S23_ID = "alianzas-productivas"
S20_ID = "internacionalizacion-pymes-exportadoras"
CYCLE_YEAR = 2025
PASSWORD = secrets.token_urlsafe(16)
PERSONAS = ("manager_indap", "manager_prochile", "evaluador", "publicador", "anonimo")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Seeds (published), personas and the 2025 cycle with both seed programs, in M$2024: the only shipped
    inflator table has base 2024, and a cycle whose price year has no table cannot open (``cycle.E003``)."""
    from accounts.personas import create_demo_personas
    from cycles.services import open_cycle
    from programs.models import Program

    with django_db_blocker.unblock():
        load_submissions(seed_submissions(), publish=True)
        create_demo_personas(PASSWORD)
        users = get_user_model().objects
        open_cycle(
            users.get(username="publicador"),
            CYCLE_YEAR,
            2025,
            2024,
            "base-2024",
            Program.objects.filter(slug__in=[S23_ID, S20_ID]),
            evaluator=users.get(username="evaluador"),
        )


def user(name: str) -> Any:
    from django.contrib.auth.models import AnonymousUser

    if name == "anonimo":
        return AnonymousUser()
    return get_user_model().objects.get(username=name)


@pytest.fixture
def report(db: None) -> Any:
    """The Alianzas Productivas report of the 2025 cycle (service INDAP)."""
    from submissions.models import Report

    return Report.objects.select_related("program", "cycle").get(program__slug=S23_ID, cycle__year=CYCLE_YEAR)


@pytest.fixture
def other_report(db: None) -> Any:
    from submissions.models import Report

    return Report.objects.select_related("program", "cycle").get(program__slug=S20_ID, cycle__year=CYCLE_YEAR)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    from django.core.cache import cache

    cache.clear()
