"""Incremental rendering (issue #19): a rerun renders only what changed, and what it skips is byte-identical
to a cold render; ``--force`` renders everything (docs/ficha-rendering.md, «Incremental rendering»)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.sheet.batch import render_batch
from monitoreo.sheet.manifest import NAME
from tests.conftest import S20_FILE, S23_FILE


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(S23_FILE, folder / "a.yaml")
    shutil.copy(S20_FILE, folder / "b.yaml")
    return folder


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != NAME}


def test_rerun_skips_unchanged_and_renders_changed(tmp_path: Path) -> None:
    folder, out = _inputs(tmp_path), tmp_path / "out"
    first = render_batch([folder], out, ("pdf", "html"))
    assert [f.skipped for f in first.files] == [False, False]
    again = render_batch([folder], out, ("pdf", "html"))
    assert [f.skipped for f in again.files] == [True, True] and len(again.rendered) == 2
    text = (folder / "a.yaml").read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(
        text.replace(
            "name: Programa de Alianzas Productivas", "name: Programa de Alianzas Productivas II", 1
        ),
        encoding="utf-8",
    )
    changed = render_batch([folder], out, ("pdf", "html"))
    assert [f.skipped for f in changed.files] == [False, True]
    assert "Alianzas Productivas II" in (out / "alianzas-productivas.html").read_text(encoding="utf-8")


def test_skipped_outputs_are_byte_identical_to_a_cold_render(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    render_batch([folder], tmp_path / "warm", ("pdf", "html"))
    rerun = render_batch([folder], tmp_path / "warm", ("pdf", "html"))
    assert all(f.skipped for f in rerun.files)
    render_batch([folder], tmp_path / "cold", ("pdf", "html"), force=True)
    assert _outputs(tmp_path / "warm") == _outputs(tmp_path / "cold")


def test_a_touched_output_other_formats_or_force_render_again(tmp_path: Path) -> None:
    folder, out = _inputs(tmp_path), tmp_path / "out"
    render_batch([folder], out, ("pdf", "html"))
    (out / "alianzas-productivas.pdf").write_bytes(b"editado a mano")
    result = render_batch([folder], out, ("pdf", "html"))
    assert [f.skipped for f in result.files] == [False, True]
    assert (out / "alianzas-productivas.pdf").read_bytes().startswith(b"%PDF-")
    assert not any(f.skipped for f in render_batch([folder], out, ("html",)).files)
    assert not any(f.skipped for f in render_batch([folder], out, ("html",), force=True).files)


def test_a_broken_manifest_renders_everything(tmp_path: Path) -> None:
    folder, out = _inputs(tmp_path), tmp_path / "out"
    render_batch([folder], out, ("html",))
    (out / NAME).write_text("{no es json", encoding="utf-8")
    assert not any(f.skipped for f in render_batch([folder], out, ("html",)).files)
    assert json.loads((out / NAME).read_text(encoding="utf-8"))["files"]


def test_cli_says_how_many_it_skipped_and_force_renders_all(tmp_path: Path) -> None:
    folder, out = _inputs(tmp_path), tmp_path / "out"
    runner = CliRunner()
    args = ["render", str(folder), "--out", str(out), "-f", "html", "-w", "1"]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert "0 fichas generadas" in again.stdout and "2 sin cambios" in again.stdout
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert (data["rendered"], data["skipped"]) == (0, 2)
    forced = json.loads(runner.invoke(app, [*args, "--json", "--force"]).stdout)
    assert (forced["rendered"], forced["skipped"]) == (2, 0)


def test_the_summary_agrees_in_number(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(S23_FILE, folder / "a.yaml")
    result = CliRunner().invoke(
        app, ["render", str(folder), "--out", str(tmp_path / "out"), "-f", "html", "-w", "1"]
    )
    assert result.stdout.startswith("1 ficha generada en ")
