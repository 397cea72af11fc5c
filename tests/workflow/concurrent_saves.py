"""Simultaneous saves of one report, run in a subprocess by ``test_concurrent_saves.py`` (the test database
of the suite is in memory and rolled back; real concurrency needs a database file or server every thread
reaches through its own connection).

``python -m tests.workflow.concurrent_saves DATABASE_URL MODE N`` — a fresh database at ``DATABASE_URL``
(migrated, the seeds, the personas, the 2025 cycle), then, by ``MODE``:

* ``race``: ``N`` threads, each with its own client logged in as ``manager_indap``, post the identity
  section of the same report with the same version and their own program name at the same moment;
* ``busy``: another connection holds the write lock while one save runs (SQLite only), with a short busy
  timeout.

Prints one JSON object: per request the status, whether its own input is shown back, and the message."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "web"))


def _setup(url: str, timeout: float | None) -> Any:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=url,
        ALLOWED_HOSTS="testserver",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    import django

    django.setup()
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    if timeout is not None:
        settings.DATABASES["default"]["OPTIONS"]["timeout"] = timeout
    from accounts.personas import create_demo_personas
    from cycles.services import open_cycle
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from programs.demo import seed_submissions
    from programs.loader import load_submissions
    from programs.models import Program
    from submissions.models import Report

    call_command("migrate", verbosity=0, interactive=False)
    load_submissions(seed_submissions(), publish=True)
    create_demo_personas()
    users = get_user_model().objects
    open_cycle(
        users.get(username="publicador"),
        2025,
        2025,
        2024,
        "base-2024",
        Program.objects.filter(slug="alianzas-productivas"),
        evaluator=users.get(username="evaluador"),
    )
    return Report.objects.get(program__slug="alianzas-productivas", cycle__year=2025)


def _client() -> Any:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="manager_indap"))
    return client


def _post(
    report: Any, name: str, barrier: threading.Barrier | None, out: list[dict[str, Any]], client: Any = None
) -> None:
    from django.db import connection

    try:
        client = client or _client()
        url = f"/gestion/reportes/{report.pk}/seccion/identity/"
        if barrier is not None:
            barrier.wait(timeout=120)
        response = client.post(url, {"program.name": name, "version": report.version})
        body = response.content.decode("utf-8", "replace")
        messages = [
            m for m in ("Otra persona guardó", "El sistema está ocupado", "Borrador guardado") if m in body
        ]
        out.append(
            {"status": response.status_code, "input_shown": f'value="{name}"' in body, "messages": messages}
        )
    finally:
        connection.close()


def race(report: Any, n: int) -> dict[str, Any]:
    from submissions.models import Report

    out: list[dict[str, Any]] = []
    barrier = threading.Barrier(n)
    threads = [
        threading.Thread(target=_post, args=(report, f"Nombre de la persona {i:02d}", barrier, out))
        for i in range(n)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    fresh = Report.objects.get(pk=report.pk)
    return {
        "answers": out,
        "version_before": report.version,
        "version_after": fresh.version,
        "name_after": fresh.data["program"]["name"],
    }


def busy(report: Any, path: str) -> dict[str, Any]:
    from submissions.models import Report

    client = _client()  # logged in before the lock is taken (the login writes the session)
    holder = sqlite3.connect(path, timeout=0, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, held for the whole save
    out: list[dict[str, Any]] = []
    try:
        _post(report, "Nombre que no alcanzó a guardarse", None, out, client)
    finally:
        holder.rollback()
        holder.close()
    fresh = Report.objects.get(pk=report.pk)
    return {"answers": out, "version_before": report.version, "version_after": fresh.version}


def main() -> None:
    url, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    report = _setup(url, 0.2 if mode == "busy" else None)
    result = race(report, n) if mode == "race" else busy(report, url.removeprefix("sqlite:///"))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
