"""Every column an analytics question returns has a Spanish heading for the readable table."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from monitoreo.analytics import QUESTIONS
from monitoreo.analytics.labels import COLUMN_LABELS
from monitoreo.cli import app


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_every_column_has_a_spanish_heading(portfolio: Path, question: str) -> None:
    rows = QUESTIONS[question](portfolio)
    assert rows, f"{question}: la cartera de prueba debe dar filas"
    assert [c for c in rows[0] if c not in COLUMN_LABELS] == []


def test_the_readable_table_uses_the_headings_and_csv_keeps_the_keys(portfolio: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["analytics", "trends", "--bundle", str(portfolio)], env={"COLUMNS": "300"})
    assert table.exit_code == 0 and "Año evaluado" in table.stdout and "evaluated_year" not in table.stdout
    csv = runner.invoke(app, ["analytics", "trends", "--bundle", str(portfolio), "--csv"])
    assert csv.stdout.splitlines()[0].startswith("edition,evaluated_year")


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_the_readable_table_shows_no_internal_id(portfolio: Path, question: str) -> None:
    """Issue 14: metric ids (``coverage_pct``), reasons and rule codes read in Spanish in the table."""
    import re

    out = CliRunner().invoke(app, ["analytics", question, "--bundle", str(portfolio)], env={"COLUMNS": "400"})
    assert out.exit_code == 0
    text = out.stdout
    for row in QUESTIONS[question](
        portfolio
    ):  # free text (the fixture's outcome texts are codes) is not ours
        text = text.replace(str(row.get("detail")), "")
    assert re.findall(r"\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\.[a-z_.]+\b", text) == []


def test_the_table_becomes_a_list_when_it_would_not_fit(portfolio: Path) -> None:
    """At 80 columns (a narrow terminal, or a pipe or file without COLUMNS) one «Etiqueta: valor» line per
    cell; a table only where it fits whole."""
    result = CliRunner().invoke(
        app, ["analytics", "execution", "--bundle", str(portfolio)], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Ejecución presupuestaria")
    assert max(len(line) for line in lines) <= 80 or all(": " in line for line in lines if len(line) > 80)
    assert any(line.startswith("Ministerio: ") for line in lines)
    assert "┃" not in result.stdout and "│" not in result.stdout


def test_a_table_that_fits_stays_a_table(portfolio: Path) -> None:
    result = CliRunner().invoke(
        app, ["analytics", "trends", "--bundle", str(portfolio)], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 0 and "┃" in result.stdout and "…" not in result.stdout
