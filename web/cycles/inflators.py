"""The cycle app's inflator tables (docs/inflators.md): list them and add one from an uploaded CSV through
the core (``monitoreo.reference.inflator_tables``), so the web and ``monitoreo inflators import`` apply the
same checks and store the table where the reference loader finds it. Adding is audited."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from audit.log import log_action
from django.conf import settings
from django.db import transaction

from monitoreo.errors import InputError
from monitoreo.reference.inflator_tables import (
    BrokenTableError,
    all_tables,
    read_inflator_csv,
    save_table,
    shipped_tables,
)
from monitoreo.sheet.format import factor


def listing() -> tuple[list[dict[str, Any]], str | None]:
    """Every table, for the page (name, base, origin, the factors as printed «2024: 1,035»), and a message
    when an entered table file cannot be read (the shipped ones are still listed)."""
    broken = None
    try:
        tables = all_tables()
    except BrokenTableError:
        tables = shipped_tables()
        broken = "Una tabla de inflactores ingresada está dañada: vuelva a importarla. [inflators.E011]"
    return [
        {
            "name": name,
            "base": int(table.base),
            "shipped": shipped,
            "source": table.source or "",
            "factors": ", ".join(f"{y}: {factor(f)}" for y, f in sorted(table.factors.items())),
        }
        for name, table, shipped in tables
    ], broken


def add_table(user: Any, upload: Any, source: str) -> tuple[str | None, list[str]]:
    """Validate and store the uploaded CSV; (success message, []) or (None, Spanish problems with codes)."""
    if upload is None:
        return None, ["Elija un archivo CSV con las columnas anio e inflactor. [inflators.E001]"]
    if upload.size > settings.MONITOREO_UPLOAD_MAX_BYTES:
        return None, [
            f"El archivo pesa más de {settings.MONITOREO_UPLOAD_MAX_BYTES // 1_000_000} MB. [inflators.E001]"
        ]
    name = Path(upload.name or "inflactores.csv").name
    with tempfile.TemporaryDirectory(prefix="monitoreo-inflators-") as folder:
        path = Path(folder) / name
        path.write_bytes(upload.read())
        try:
            table = read_inflator_csv(path, source=source or None)
            with transaction.atomic():
                saved = save_table(table)
                log_action(
                    user,
                    "inflators.table_added",
                    after={
                        "name": saved.name.removesuffix(".yaml"),
                        "base": int(table.base),
                        "source": table.source,
                        "factors": {str(y): str(f) for y, f in sorted(table.factors.items())},
                    },
                )
        except InputError as exc:
            return None, [f"{p.path + ': ' if p.path else ''}{p.message} [{p.code}]" for p in exc.problems]
    years = sorted(table.factors)
    return (f"Tabla de inflactores base {int(table.base)} guardada ({years[0]}–{years[-1]}).", [])
