"""20 simultaneous saves of one report (issue 16): one is saved, every other answers 409 with the person's
input shown back — never 500, never lost silently — on SQLite (WAL, busy timeout, BEGIN IMMEDIATE) and on
PostgreSQL (row lock). Each run is a subprocess on its own database (``concurrent_saves.py``)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import ROOT
from tests.workflow.pgrun import postgres_url

SAVES = 20


def _run(url: str, mode: str, n: int) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    done = subprocess.run(
        [sys.executable, "-m", "tests.workflow.concurrent_saves", url, mode, str(n)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _check_race(result: dict[str, Any]) -> None:
    answers = result["answers"]
    assert len(answers) == SAVES
    assert Counter(a["status"] for a in answers) == {302: 1, 409: SAVES - 1}, answers
    refused = [a for a in answers if a["status"] == 409]
    assert all(a["input_shown"] and a["messages"] for a in refused), refused
    assert result["version_after"] == result["version_before"] + 1
    assert result["name_after"].startswith("Nombre de la persona ")


def test_twenty_simultaneous_saves_on_sqlite(tmp_path: Path) -> None:
    _check_race(_run(f"sqlite:///{tmp_path / 'portal.sqlite3'}", "race", SAVES))


def test_a_busy_sqlite_database_is_a_409_with_the_input_shown(tmp_path: Path) -> None:
    result = _run(f"sqlite:///{tmp_path / 'portal.sqlite3'}", "busy", 1)
    [answer] = result["answers"]
    assert answer == {"status": 409, "input_shown": True, "messages": ["El sistema está ocupado"]}
    assert result["version_after"] == result["version_before"]


@pytest.mark.postgres
def test_twenty_simultaneous_saves_on_postgresql() -> None:
    import psycopg

    base = postgres_url()
    name = f"monitoreo_concurrencia_{secrets.token_hex(4)}"
    parts = urlsplit(base)
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        _check_race(_run(urlunsplit(parts._replace(path=f"/{name}")), "race", SAVES))
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
