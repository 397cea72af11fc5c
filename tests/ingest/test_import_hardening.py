"""Issue #16, row «import»: one bad ficha never stops the batch, nothing is half-written, the summary counts
right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.ingest import batch
from monitoreo.ingest.issues import ImportResult
from tests.conftest import FICHAS

T23 = FICHAS / "ficha_2023_alianzas_productivas.txt"
T20 = FICHAS / "ficha_2020_internacionalizacion_pymes.txt"
runner = CliRunner()


def test_a_5000_digit_number_fails_its_ficha_only(tmp_path: Path) -> None:
    # main: a traceback aborted the batch; the fichas after it were never imported.
    text = T23.read_text(encoding="utf-8")
    assert "4.962.579" in text
    bad = tmp_path / "digitos.txt"
    bad.write_text(text.replace("4.962.579", "7" * 5000, 1), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["import", str(bad), str(T20), "--out", str(out), "--json", "--workers", "1"])
    assert result.exit_code == 1, result.output
    entries = json.loads(result.stdout)
    assert [e["ok"] for e in entries] == [False, True]
    [issue] = [i for i in entries[0]["issues"] if i["code"].startswith("import.E")]
    assert issue["code"] == "import.E007" and issue["path"] == "budget.years.2021.initial"
    assert "input.E015" in issue["message"] and len(issue["message"]) < 300
    assert sorted(p.name for p in out.iterdir()) == [
        "internacionalizacion-pymes-exportadoras-2020.import.json",
        "internacionalizacion-pymes-exportadoras-2020.yaml",
    ]


def test_a_sidecar_path_that_is_a_folder_writes_nothing(tmp_path: Path) -> None:
    # main: the data file was written, the sidecar failed, and the run said «0 de 1».
    out = tmp_path / "out"
    (out / "alianzas-productivas-2023.import.json").mkdir(parents=True)
    result = runner.invoke(app, ["import", str(T23), str(T20), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1
    assert "1 de 2 fichas importadas" in result.stdout
    assert (
        "import.E011" in result.output
        and "alianzas-productivas-2023.import.json: es una carpeta" in result.output
    )
    assert not (out / "alianzas-productivas-2023.yaml").exists()
    assert sorted(p.name for p in out.iterdir()) == [
        "alianzas-productivas-2023.import.json",
        "internacionalizacion-pymes-exportadoras-2020.import.json",
        "internacionalizacion-pymes-exportadoras-2020.yaml",
    ]


def test_a_failed_rename_restores_the_previous_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["import", str(T23), "--out", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_replace = Path.replace

    def failing_replace(self: Path, target: Path) -> Path:  # the second file's rename fails
        if str(target).endswith(".import.json") and self.name.endswith(".tmp"):
            raise PermissionError(13, "Permission denied", str(target))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", failing_replace)
    result = runner.invoke(app, ["import", str(T23), "--out", str(out)])
    assert result.exit_code == 1 and "import.E011" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_unforeseen_error_is_import_e009_for_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch.import_ficha

    def flaky(path: Path) -> ImportResult:
        if path.name == T23.name:
            raise RecursionError("maximum recursion depth exceeded")
        return real(path)

    monkeypatch.setattr(batch, "import_ficha", flaky)
    results = list(batch.import_fichas([T23, T20], workers=1))
    assert [r.ok for _, r in results] == [False, True]
    assert results[0][1].issues[0].code == "import.E009"


def test_a_30000_character_token_is_cut_in_the_messages(tmp_path: Path) -> None:
    # main: the issue quoted the whole cell.
    from monitoreo.ingest import import_ficha

    bad = tmp_path / "larga.txt"
    bad.write_text(T23.read_text(encoding="utf-8").replace("4.962.579", "x" * 30000, 1), encoding="utf-8")
    result = import_ficha(bad)
    assert result.issues and any("xxxxxxxxxx…»" in i.message for i in result.issues)
    assert all(len(i.message) < 400 for i in result.issues)
