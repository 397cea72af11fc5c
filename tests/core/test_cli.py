"""The CLI is a thin shell: readable table, ``--json`` shape, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from monitoreo.cli import app
from tests.conftest import S20_FILE, S23_FILE

runner = CliRunner()


def test_metrics_json_shape() -> None:
    result = runner.invoke(app, ["metrics", "--json", str(S23_FILE), str(S20_FILE)])
    assert result.exit_code == 0, result.output
    s23, s20 = json.loads(result.stdout)
    assert s23["metrics"]["coverage_pct"]["2021"] == "S/I"
    assert abs(s23["metrics"]["coverage_pct"]["2023"] - 25.5196) < 1e-4
    assert abs(s23["metrics"]["spend_per_beneficiary"]["2023"] - 1244.9731) < 1e-4
    for name in (
        "coverage_pct",
        "execution_initial_pct",
        "execution_final_pct",
        "spend_per_beneficiary",
        "components_spend",
        "admin_spend",
        "component_share_pct",
        "admin_share_pct",
    ):
        assert set(s23["metrics"][name]) == {"2021", "2022", "2023"}
    assert s23["components"][0] == {
        "id": "asesoria-tecnica",
        "name": "Asesoría Técnica (Desarrollo de capacidades)",
        "unit": "N° de usuarios atendidos con asesoría técnica",
        "unit_cost": {"2021": 2427155 / 4121, "2022": 2401392 / 3634, "2023": 2386083 / 3389},
    }
    assert s20["metrics"]["execution_initial_pct"] == {"2019": 89.0, "2020": 36.0}
    assert s20["provenance"]["execution_initial_pct"] == {"2019": "published", "2020": "published"}


def test_metrics_table_is_es_cl() -> None:
    result = runner.invoke(app, ["metrics", str(S23_FILE)])
    assert result.exit_code == 0
    for text in ("25,5%", "704,1", "2.094,6", "4.219.214", "1.245,0", "S/I"):
        assert text in result.stdout


def test_bad_file_exit_2_names_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "malo.yaml"
    bad.write_text(
        S23_FILE.read_text(encoding="utf-8").replace("final: 4283131", "final: -1"), encoding="utf-8"
    )
    result = runner.invoke(app, ["metrics", str(bad), str(S20_FILE)])
    assert result.exit_code == 2
    assert "malo.yaml: budget.years.2021.final" in result.stderr and "input.E013" in result.stderr
    assert "Traceback" not in result.output
    assert "internacionalizacion-pymes-exportadoras" in result.stdout  # the good file still reported


def test_bad_file_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["metrics", "--json", str(tmp_path / "nada.yaml")])
    assert result.exit_code == 2
    [entry] = json.loads(result.stdout)
    assert entry["errors"][0]["code"] == "input.E001"


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Submission"
    assert {"id", "edition", "evaluated_year", "years", "price_base_year", "program"} <= set(
        schema["required"]
    )
