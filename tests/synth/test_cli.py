"""``monitoreo synth``: writes the files, ``--json`` lists them, bad input exits 2 with a Spanish message."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.io import read_submission
from monitoreo.synth import generate

runner = CliRunner()


def test_synth_writes_the_portfolio_and_lists_it_as_json(tmp_path: Path) -> None:
    out = tmp_path / "cartera"
    result = runner.invoke(
        app, ["synth", "--programs", "4", "--seed", "9", "--out", str(out), "--edition", "2020", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    expected = list(generate(4, seed=9, edition=2020))
    assert report["programs"] == 4 and report["edition"] == 2020 and report["seed"] == 9
    assert report["files"] == [str(out / f"{s.id}.yaml") for s in expected]
    assert [read_submission(f) for f in report["files"]] == expected


def test_synth_readable_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "-n", "2", "--seed", "1", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "2 programas sintéticos (edición 2023, semilla 1)" in result.stdout
    assert len(list(tmp_path.glob("*.yaml"))) == 2


def test_unknown_edition_is_bad_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "-n", "2", "--out", str(tmp_path), "--edition", "2019"])
    assert result.exit_code == 2
    assert "edición 2019 no soportada" in result.stderr
    assert "[synth.E001]" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bad_input_with_json_reports_the_error_as_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "-n", "2", "--out", str(tmp_path), "--edition", "1999", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["errors"][0]["code"] == "synth.E001"


def test_output_that_is_a_file_is_bad_input(tmp_path: Path) -> None:
    target = tmp_path / "archivo.txt"
    target.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["synth", "-n", "1", "--out", str(target)])
    assert result.exit_code == 2
    assert "no es una carpeta" in result.stderr


def test_negative_count_is_bad_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "-n", "-3", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--programs" in result.stderr
