"""Portfolio analytics on a bundle with known answers (tests/analytics/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from monitoreo.analytics import BundleError, execution, findings, persistent, trends, unit_costs
from monitoreo.cli import app


def test_execution_distribution_by_ministry(portfolio: Path) -> None:
    rows = {(r["edition"], r["ministry"], r["metric"]): r for r in execution(portfolio)}
    a = rows[(2023, "Ministerio A", "execution_initial_pct")]
    assert (a["programs"], a["n"], a["n_missing"]) == (2, 2, 0)
    assert a["median"] == pytest.approx(85.0) and a["share_under_85"] == pytest.approx(0.5)
    everyone = rows[(2023, "(todos)", "execution_initial_pct")]
    assert everyone["programs"] == 3 and everyone["median"] == pytest.approx(80.0)
    assert everyone["p25"] == pytest.approx(75.0) and everyone["p75"] == pytest.approx(85.0)
    assert everyone["share_under_85"] == pytest.approx(2 / 3)
    coverage = rows[(2023, "(todos)", "coverage_pct")]
    assert coverage["median"] == pytest.approx(3389 / 13280 * 100) and coverage["share_under_85"] is None
    s20 = rows[(2020, "(todos)", "execution_initial_pct")]
    assert s20["median"] == pytest.approx(36.0)  # published figure of the 2020 ficha


def test_unit_cost_benchmark_among_comparable_components(portfolio: Path) -> None:
    rows = [
        r for r in unit_costs(portfolio) if r["component_id"] == "asesoria-tecnica" and r["edition"] == 2023
    ]
    assert [(r["program_id"], r["unit_cost_mclp"]) for r in rows] == [
        ("p1", 100.0),
        ("p2", 200.0),
        ("p3", 400.0),
    ]
    assert {r["comparables"] for r in rows} == {3} and {r["group_median"] for r in rows} == {200.0}
    assert [r["percentile"] for r in rows] == [0.0, 0.5, 1.0]
    assert [r["ratio_to_median"] for r in rows] == [0.5, 1.0, 2.0]
    alone = [
        r for r in unit_costs(portfolio) if r["edition"] == 2020 and r["component_id"] == "acciones-promocion"
    ]
    assert alone == []  # the 2020 seed prints no unit of production: no comparables group


def test_persistent_programs(portfolio: Path) -> None:
    rows = {(r["edition"], r["program_id"], r["reason"], r["code"]) for r in persistent(portfolio)}
    assert rows == {
        (2023, "p1", "execution_under_85_three_years", None),
        (2023, "p1", "finding_repeated", "efficiency.initial_execution.under"),
        (2020, "p1", "finding_repeated", "efficiency.initial_execution.under"),
        (2023, "p1", "persistence_rule", "efficiency.execution_persistence.under"),
    }


def test_trends_across_editions(portfolio: Path) -> None:
    rows = trends(portfolio)
    assert [(r["edition"], r["programs"]) for r in rows] == [(2020, 1), (2023, 3)]
    assert rows[1]["share_under_85"] == pytest.approx(2 / 3)
    assert rows[1]["findings_per_program"] == pytest.approx(2 / 3)  # p1's two unresolved findings
    assert rows[0]["price_base_year"] == 2021 and rows[1]["price_base_year"] == 2024


def test_findings_per_ministry_and_dimension(portfolio: Path) -> None:
    rows = {
        (r["edition"], r["ministry"], r["dimension"], r["status"]): (r["findings"], r["programs"])
        for r in findings(portfolio)
    }
    assert rows[(2023, "Ministerio A", "eficiencia", "no_superado")] == (2, 1)
    assert rows[(2023, "Ministerio A", "eficiencia", "superado")] == (1, 1)
    assert rows[(2023, "(todos)", "eficiencia", "no_superado")] == (2, 1)
    assert not any(k[1] == "Ministerio B" for k in rows)


def test_not_a_bundle(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="programs"):
        execution(tmp_path)


def test_cli_json_csv_and_bad_bundle(portfolio: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["analytics", "execution", "--bundle", str(portfolio), "--json"])
    assert result.exit_code == 0, result.output
    assert any(r["ministry"] == "Ministerio B" for r in json.loads(result.stdout))
    result = runner.invoke(app, ["analytics", "unit-costs", "--bundle", str(portfolio), "--csv"])
    assert result.exit_code == 0 and result.stdout.splitlines()[0].startswith("edition,program_id")
    result = runner.invoke(app, ["analytics", "findings", "--bundle", str(portfolio)])
    assert result.exit_code == 0 and "Ministerio A" in result.stdout
    result = runner.invoke(app, ["analytics", "execution", "--bundle", str(tmp_path)])
    assert result.exit_code == 2 and "programs" in result.stderr
    result = runner.invoke(app, ["analytics", "nada", "--bundle", str(portfolio)])
    assert result.exit_code == 2
