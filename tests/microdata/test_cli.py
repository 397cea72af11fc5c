"""``monitoreo beneficiaries-synth`` then ``monitoreo beneficiaries --json``; bad input exits 2."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from monitoreo.cli import app

runner = CliRunner()


def test_synth_then_beneficiaries(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    result = runner.invoke(
        app, ["beneficiaries-synth", "--records", "3000", "--programs", "3", "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["records"] == 3000 and pq.read_metadata(out).num_rows == 3000
    cut = tmp_path / "cortes.csv"
    cut.write_text("program_id,cutoff_percentile\nprog-0001,60\n", encoding="utf-8")
    result = runner.invoke(app, ["beneficiaries", str(out), "--cutoff-file", str(cut), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    p1 = [p for p in data["programs"] if p["program_id"] == "prog-0001"]
    assert len(p1) == 3 and all(p["cutoff"] == 60 and 0 < p["share_above_cutoff"] < 1 for p in p1)
    assert all(p["served"] == p["new"] + p["carry_over"] for p in data["programs"])


def test_bad_cutoff_file_exits_2(tmp_path: Path) -> None:
    cut = tmp_path / "cortes.csv"
    cut.write_text("programa,corte\nx,1\n", encoding="utf-8")
    result = runner.invoke(app, ["beneficiaries", str(tmp_path / "r.parquet"), "--cutoff-file", str(cut)])
    assert result.exit_code == 2 and "cortes.csv" in result.stderr
