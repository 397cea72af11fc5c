"""``monitoreo schema``: the JSON Schema of the data-file format."""

from __future__ import annotations

from typing import Annotated

import typer

from monitoreo.cli.output import emit_json
from monitoreo.domain.submission import Submission


def schema(
    as_json: Annotated[
        bool, typer.Option("--json", help="Salida JSON (siempre lo es; por uniformidad).")
    ] = True,
) -> None:
    """Imprime el JSON Schema del formato de archivo de datos de un programa."""
    emit_json(Submission.model_json_schema())


def register(app: typer.Typer) -> None:
    app.command()(schema)
