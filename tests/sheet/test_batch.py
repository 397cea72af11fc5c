"""Batch rendering and the ``monitoreo render`` command."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.sheet.batch import render_batch
from tests.conftest import S20_FILE, S23_FILE

pytestmark = pytest.mark.slow


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(S23_FILE, folder / "a.yaml")
    shutil.copy(S20_FILE, folder / "b.yml")
    (folder / "broken.yaml").write_text("schema_version: 1\nid: roto\nedition: 2023\n", encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    return folder


def test_batch_renders_good_files_and_reports_broken(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seen: list[str] = []
    result = render_batch([inputs], out, ("pdf", "html"), workers=1, progress=lambda o: seen.append(o.file))
    assert sorted(p.name for p in out.iterdir()) == [
        ".monitoreo-render.json",  # the manifest of incremental rendering (sheet/manifest.py)
        "alianzas-productivas.html",
        "alianzas-productivas.pdf",
        "internacionalizacion-pymes-exportadoras.html",
        "internacionalizacion-pymes-exportadoras.pdf",
    ]
    assert len(seen) == 3 and len(result.rendered) == 2
    [failed] = result.failed
    assert failed.file.endswith("broken.yaml")
    assert {(p.path, p.code) for p in failed.problems} >= {
        ("evaluated_year", "input.E010"),
        ("program", "input.E010"),
    }
    assert (out / "alianzas-productivas.pdf").read_bytes().startswith(b"%PDF-")


def test_batch_in_two_processes_matches_one(inputs: Path, tmp_path: Path) -> None:
    one = render_batch([inputs / "a.yaml", inputs / "b.yml"], tmp_path / "one", ("pdf",), workers=1)
    two = render_batch([inputs / "a.yaml", inputs / "b.yml"], tmp_path / "two", ("pdf",), workers=2)
    assert [f.id for f in one.files] == [f.id for f in two.files]
    for name in ("alianzas-productivas.pdf", "internacionalizacion-pymes-exportadoras.pdf"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_duplicate_ids_and_missing_paths_are_reported(tmp_path: Path) -> None:
    result = render_batch(
        [S23_FILE, S23_FILE.with_name("copia.yaml"), tmp_path / "nada"],
        tmp_path / "out",
        ("html",),
        workers=1,
    )
    codes = [p.code for p in result.problems]
    assert codes == ["render.E002", "render.E002"]  # the copy does not exist either
    shutil.copy(S23_FILE, tmp_path / "copia.yaml")
    result = render_batch([S23_FILE, tmp_path / "copia.yaml"], tmp_path / "out", ("html",), workers=1)
    assert [p.code for p in result.problems] == ["render.E003"]


def test_cli_render_json_and_exit_code(inputs: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli"
    res = runner.invoke(
        app, ["render", str(inputs), "--out", str(out), "--format", "html", "--workers", "1", "--json"]
    )
    assert res.exit_code == 2  # a broken input is bad input (issue #16: README promises 2)
    data = json.loads(res.stdout)
    assert data["rendered"] == 2 and data["failed"] == 1
    broken = next(f for f in data["files"] if not f["ok"])
    assert broken["errors"][0]["code"].startswith("input.E")
    assert sorted(p.name for p in out.iterdir()) == [
        ".monitoreo-render.json",
        "alianzas-productivas.html",
        "internacionalizacion-pymes-exportadoras.html",
    ]
    ok = runner.invoke(app, ["render", str(inputs / "a.yaml"), "--out", str(out), "-f", "pdf", "-w", "1"])
    assert ok.exit_code == 0, ok.output
    summary = re.search(r"\((\S+) s, (\S+) fichas/s\); 0 con errores", ok.stdout)
    assert summary is not None, ok.stdout
    assert all(re.fullmatch(r"\d+,\d", figure) for figure in summary.groups())  # es-CL: «1,2 s»
    bad = runner.invoke(app, ["render", str(inputs / "a.yaml"), "--out", str(out), "-f", "docx"])
    assert bad.exit_code == 2
