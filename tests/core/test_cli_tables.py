"""Command-line tables stay readable at 80 columns: a table only when it fits whole, else a list."""

from __future__ import annotations

from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.cli.tables import fits
from tests.conftest import S20_FILE

runner = CliRunner()


def test_fits_counts_borders_and_lets_wrapping_columns_shrink() -> None:
    rows = [["a" * 10, "b" * 200]]
    assert not fits(["x", "y"], rows, 80)
    assert fits(["x", "y"], rows, 80, wrap=(1,))  # 1 + 3·2 + 10 + 30 = 47
    assert not fits(["x", "y"], [["a" * 60, "b" * 200]], 80, wrap=(1,))


def test_evaluate_at_80_columns_cuts_nothing() -> None:
    result = runner.invoke(app, ["evaluate", str(S20_FILE)], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "…" not in result.stdout
    assert "Código: efficiency.initial_execution.under" in result.stdout
    assert "Resultado: hallazgo" in result.stdout and "Estado: no superado" in result.stdout
