"""Database triggers that keep the audit log append-only below the ORM.

``LogEntry`` already refuses updates and deletes in Python; these triggers refuse them in the database too,
so a raw ``UPDATE``/``DELETE``, a bulk operation or another client cannot rewrite history:

- PostgreSQL: one plpgsql function raising ``restrict_violation`` (Django: ``IntegrityError``) with a Spanish
  message, ``BEFORE UPDATE`` and ``BEFORE DELETE`` row triggers, and a ``BEFORE TRUNCATE`` statement trigger
  that refuses to empty a table holding entries (row triggers do not fire on ``TRUNCATE``).
- SQLite: ``BEFORE UPDATE`` / ``BEFORE DELETE`` triggers with ``RAISE(ABORT, …)`` (``IntegrityError``).
  SQLite has no ``TRUNCATE``; ``DELETE FROM`` without ``WHERE`` fires the delete trigger for every row.

Consequence: ``manage.py flush`` and Django's ``TransactionTestCase`` flush fail once the table has entries;
tests must use rollback-style ``TestCase`` / ``django_db`` (``transaction=False``). Caveat for future
migrations: SQLite rebuilds a table to alter it (create, copy, ``DROP TABLE``, rename), which drops its
triggers; a migration altering ``audit_logentry`` must install them again (``tests/workflow/test_audit_db.py``
fails when they are missing). The reverse drops the triggers (and the PostgreSQL function).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

TABLE = "audit_logentry"
UPDATE_MESSAGE = "el registro de auditoría no se puede modificar"
DELETE_MESSAGE = "el registro de auditoría no se puede borrar"

POSTGRESQL_INSTALL = (
    f"""
    CREATE OR REPLACE FUNCTION audit_logentry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION '{UPDATE_MESSAGE}' USING ERRCODE = 'restrict_violation';
        ELSIF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION '{DELETE_MESSAGE}' USING ERRCODE = 'restrict_violation';
        ELSIF EXISTS (SELECT 1 FROM {TABLE}) THEN
            RAISE EXCEPTION '{DELETE_MESSAGE}' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NULL;
    END;
    $$
    """,
    f"CREATE TRIGGER audit_logentry_no_update BEFORE UPDATE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_logentry_append_only()",
    f"CREATE TRIGGER audit_logentry_no_delete BEFORE DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_logentry_append_only()",
    f"CREATE TRIGGER audit_logentry_no_truncate BEFORE TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_logentry_append_only()",
)
POSTGRESQL_DROP = (
    f"DROP TRIGGER IF EXISTS audit_logentry_no_truncate ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_logentry_no_delete ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_logentry_no_update ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_logentry_append_only()",
)
SQLITE_INSTALL = (
    f"CREATE TRIGGER audit_logentry_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{UPDATE_MESSAGE}'); END",
    f"CREATE TRIGGER audit_logentry_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{DELETE_MESSAGE}'); END",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS audit_logentry_no_delete",
    "DROP TRIGGER IF EXISTS audit_logentry_no_update",
)
STATEMENTS = {"postgresql": (POSTGRESQL_INSTALL, POSTGRESQL_DROP), "sqlite": (SQLITE_INSTALL, SQLITE_DROP)}


def statements(vendor: str, *, install: bool) -> tuple[str, ...]:
    """The SQL installing (or dropping) the triggers on ``vendor``; ``ValueError`` for another database."""
    if vendor not in STATEMENTS:
        raise ValueError(
            f"registro de auditoría: motor de base de datos no soportado ({vendor}); "
            "se espera postgresql o sqlite"
        )
    return STATEMENTS[vendor][0 if install else 1]


def install(apps: Any, schema_editor: Any) -> None:
    for sql in statements(schema_editor.connection.vendor, install=True):
        schema_editor.execute(sql, params=None)


def drop(apps: Any, schema_editor: Any) -> None:
    for sql in statements(schema_editor.connection.vendor, install=False):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, drop),
    ]
