"""``monitoreo publish``: folders and files in, bundle out; bad input → exit 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from monitoreo.cli import app
from tests.conftest import S20_FILE, S23_FILE, SEEDS

runner = CliRunner()


def test_publish_a_folder_as_json(tmp_path: Path) -> None:
    out = tmp_path / "datos"
    result = runner.invoke(app, ["publish", str(SEEDS), "--out", str(out), "--no-evaluate", "--json"])
    assert result.exit_code == 0, result.output
    manifest = json.loads(result.stdout)
    assert manifest["programs"] == 2 and manifest["editions"] == [2020, 2023]
    assert manifest["rows"]["program_years"] == 5  # 3 years of S23 + 2 of S20
    assert set(manifest["files"]) >= {"datapackage.json", "data/budgets.csv", "data/budgets.parquet"}
    assert (out / "datapackage.json").is_file()


def test_bad_input_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "malo.yaml"
    bad.write_text("id: X\n", encoding="utf-8")
    out = tmp_path / "datos"
    result = runner.invoke(app, ["publish", str(S23_FILE), str(bad), "--out", str(out), "--no-evaluate"])
    assert result.exit_code == 2
    assert "malo.yaml" in result.stderr and "input.E0" in result.stderr
    assert not out.exists()


def test_the_same_program_twice_is_bad_input(tmp_path: Path) -> None:
    out = tmp_path / "datos"
    result = runner.invoke(app, ["publish", str(S20_FILE), str(S20_FILE), "--out", str(out), "--no-evaluate"])
    assert result.exit_code == 2
    assert "publish.E001" in result.stderr
    assert not out.exists()
