"""The audit log is append-only in the database too (``audit/migrations/0002_append_only_triggers.py``): raw SQL
and bulk operations that bypass ``LogEntry``'s manager are refused by triggers, on SQLite and, through
``test_postgres.py``, on PostgreSQL; inserting still works. Each statement that must fail runs in its own
savepoint so the test's transaction stays usable on PostgreSQL."""

from __future__ import annotations

import importlib
from types import SimpleNamespace
from typing import Any

import pytest
from audit.log import log_action
from audit.models import LogEntry
from django.core.management.color import no_style
from django.db import IntegrityError, connection, models, transaction

from tests.workflow.conftest import user

pytestmark = pytest.mark.django_db

TABLE = LogEntry._meta.db_table
MIGRATION = importlib.import_module("audit.migrations.0002_append_only_triggers")


def _entry() -> LogEntry:
    return log_action(
        user("manager_indap"),
        "submission.saved",
        program_slug="alianzas-productivas",
        before={"state": "draft"},
        after={"state": "draft"},
        comment="original",
    )


def _refused(sql: str, params: tuple[Any, ...] = (), match: str = "no se puede") -> None:
    with pytest.raises(IntegrityError, match=match), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def _row(pk: int) -> tuple[Any, ...]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT action, actor_name, comment, program_slug FROM {TABLE} WHERE id = %s", [pk])
        return tuple(cursor.fetchone())


def test_raw_update_is_refused_and_the_row_unchanged() -> None:
    entry = _entry()
    before = _row(entry.pk)
    _refused(
        f"UPDATE {TABLE} SET comment = %s WHERE id = %s",
        ("cambiado", entry.pk),
        match="el registro de auditoría no se puede modificar",
    )
    _refused(f"UPDATE {TABLE} SET actor_name = %s", ("otro",), match="no se puede modificar")
    assert (
        _row(entry.pk) == before == ("submission.saved", "manager_indap", "original", "alianzas-productivas")
    )


def test_raw_delete_is_refused_and_the_row_kept() -> None:
    entry = _entry()
    count = LogEntry.objects.count()
    _refused(
        f"DELETE FROM {TABLE} WHERE id = %s", (entry.pk,), match="el registro de auditoría no se puede borrar"
    )
    _refused(f"DELETE FROM {TABLE}", match="no se puede borrar")
    assert LogEntry.objects.count() == count and _row(entry.pk)[2] == "original"


def test_bulk_operations_bypassing_the_manager_are_refused() -> None:
    entry = _entry()
    plain = models.QuerySet(model=LogEntry)  # not LogEntryQuerySet: no Python guard left
    with pytest.raises(IntegrityError, match="no se puede modificar"), transaction.atomic():
        plain.filter(pk=entry.pk).update(comment="cambiado")
    with pytest.raises(IntegrityError, match="no se puede borrar"), transaction.atomic():
        plain.filter(pk=entry.pk)._raw_delete(connection.alias)
    assert LogEntry.objects.get(pk=entry.pk).comment == "original"


def test_flushing_the_audit_table_is_refused() -> None:
    """Django's own flush SQL (``TRUNCATE`` on PostgreSQL, ``DELETE`` on SQLite) cannot empty the log. The
    entries are the session's (``cycle.opened``…): a row inserted in this transaction would leave PostgreSQL
    a pending foreign-key check, and ``TRUNCATE`` would fail for that reason instead."""
    count = LogEntry.objects.count()
    assert LogEntry.objects.filter(action="cycle.opened").exists()
    for sql in connection.ops.sql_flush(no_style(), [TABLE]):
        _refused(sql)
    assert LogEntry.objects.count() == count


def test_inserting_still_works() -> None:
    count = LogEntry.objects.count()
    entry = _entry()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (at, actor_name, action, program_slug, object_type, object_id, comment) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [entry.at, "sistema", "cycle.opened", "", "", "", "insertado con SQL"],
        )
    assert LogEntry.objects.count() == count + 2
    assert LogEntry.objects.filter(comment="insertado con SQL").get().actor_name == "sistema"


def test_the_reverse_migration_drops_the_triggers_and_forward_installs_them() -> None:
    entry = _entry()
    with connection.cursor() as cursor:
        editor = SimpleNamespace(connection=connection, execute=lambda sql, params=None: cursor.execute(sql))
        MIGRATION.drop(None, editor)
        cursor.execute(f"UPDATE {TABLE} SET comment = %s WHERE id = %s", ["sin disparador", entry.pk])
        assert _row(entry.pk)[2] == "sin disparador"
        MIGRATION.install(None, editor)
    _refused(
        f"UPDATE {TABLE} SET comment = %s WHERE id = %s",
        ("otra vez", entry.pk),
        match="no se puede modificar",
    )
    assert _row(entry.pk)[2] == "sin disparador"


def test_an_unknown_database_is_refused_by_the_migration() -> None:
    with pytest.raises(ValueError, match="motor de base de datos no soportado"):
        MIGRATION.statements("mysql", install=True)
