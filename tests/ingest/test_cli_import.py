"""``monitoreo import``: data file + sidecar per ficha, broken files reported and skipped, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.io import read_submission
from tests.conftest import FICHAS, S23_FILE
from tests.ingest.projection import differences

T23 = FICHAS / "ficha_2023_alianzas_productivas.txt"
runner = CliRunner()


def test_import_writes_data_file_and_sidecar(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(T23), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = read_submission(tmp_path / "alianzas-productivas-2023.yaml")
    assert differences(read_submission(S23_FILE), written) == []
    side = json.loads((tmp_path / "alianzas-productivas-2023.import.json").read_text(encoding="utf-8"))
    assert side["provenance"]["source"] == str(T23)
    assert {i["code"] for i in side["issues"]} == {"import.W001", "import.W005"}


def test_a_broken_file_is_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    broken = tmp_path / "rota.txt"
    broken.write_text(T23.read_text(encoding="utf-8")[:200], encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["import", str(broken), str(T23), "--out", str(out), "--json"])
    assert result.exit_code == 1
    entries = json.loads(result.stdout)
    assert [e["ok"] for e in entries] == [False, True]
    assert entries[0]["issues"][0]["code"].startswith("import.E")
    assert sorted(p.name for p in out.iterdir()) == [
        "alianzas-productivas-2023.import.json",
        "alianzas-productivas-2023.yaml",
    ]


def test_the_same_ficha_twice_in_a_batch_fails_the_second(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(T23), str(T23), "--out", str(tmp_path), "--json"])
    assert result.exit_code == 1
    entries = json.loads(result.stdout)
    assert entries[1]["issues"][-1]["code"] == "import.E010"


def test_import_reads_a_pdf_with_two_workers(tmp_path: Path) -> None:
    from monitoreo.sheet import build_sheet
    from monitoreo.sheet.pdf import render_pdf

    pdf = tmp_path / "s23.pdf"
    pdf.write_bytes(render_pdf(build_sheet(read_submission(S23_FILE))))
    out = tmp_path / "out"
    result = runner.invoke(app, ["import", str(pdf), str(T23), "--out", str(out), "--json", "--workers", "2"])
    entries = json.loads(result.stdout)
    assert [e["ok"] for e in entries] == [True, False]  # same id and edition twice: the second is refused
    assert entries[0]["provenance"]["extractor"] == "pypdfium2"
    assert entries[0]["provenance"]["fields"]["program.name"]["page"] == 1
