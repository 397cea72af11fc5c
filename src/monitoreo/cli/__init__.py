"""The ``monitoreo`` command: a thin Typer shell over the core. Each command lives in its own module with a
``register(app)`` function, so features add commands without touching each other."""

from __future__ import annotations

import os
import sys

import typer

from monitoreo.cli import spanish

spanish.install()  # before any command is built: the help and Click's messages in Spanish

from monitoreo.cli import (  # noqa: E402 - after the Spanish texts are in place
    analytics_cmd,
    beneficiaries_cmd,
    evaluate_cmd,
    explain_cmd,
    import_cmd,
    inflators_cmd,
    methodology_cmd,
    metrics_cmd,
    publish_cmd,
    render_cmd,
    schema_cmd,
    serve_cmd,
    synth_cmd,
    validate_cmd,
)

app = typer.Typer(
    name="monitoreo",
    help="Seguimiento anual de programas públicos: datos, métricas, hallazgos y fichas.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (
    metrics_cmd,
    schema_cmd,
    publish_cmd,
    analytics_cmd,
    render_cmd,
    import_cmd,
    serve_cmd,
    synth_cmd,
    evaluate_cmd,
    methodology_cmd,
    validate_cmd,
    beneficiaries_cmd,
    explain_cmd,
    inflators_cmd,
):
    module.register(app)


def main() -> None:
    """Console-script entry point. An exception no command foresaw is a bug, not «found errors»: one line
    with ``monitoreo.E000`` and exit 3 (``MONITOREO_DEBUG=1`` shows the traceback)."""
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - the last line of defence of the command line
        if os.environ.get("MONITOREO_DEBUG"):
            raise
        from rich.markup import escape

        from monitoreo.cli.output import EXIT_INTERNAL, stderr

        message = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        stderr.print(
            f"[bold red]error interno[/]: {escape(message)} \\[monitoreo.E000] — repórtelo junto con "
            "el archivo de entrada",
            highlight=False,
        )
        sys.exit(EXIT_INTERNAL)
