"""Output files are written whole or not at all (``monitoreo.io.atomic``) and leave no temporary file."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitoreo.io import atomic
from monitoreo.sheet.fingerprint import fingerprint


def test_write_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("viejo", encoding="utf-8")
    atomic.write_text(target, "nuevo ñ")
    assert target.read_text(encoding="utf-8") == "nuevo ñ"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
    assert target.stat().st_mode & 0o044  # default permissions, readable by others as before


def test_a_failure_keeps_the_old_file_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"viejo")
    with pytest.raises(RuntimeError), atomic.replacing(target) as tmp:
        tmp.write_bytes(b"a medias")
        raise RuntimeError("falla al escribir")
    assert target.read_bytes() == b"viejo"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_two_writers_of_one_file_use_two_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    with atomic.replacing(target) as one, atomic.replacing(target) as two:
        assert one != two and one.name.startswith(".a.txt.") and one.suffix == ".tmp"
        one.write_text("1")
        two.write_text("2")
    assert target.read_text() == "1"  # the outer block ends last


def test_write_all_is_all_or_nothing(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "sub" / "b.json"  # b's folder does not exist: its write fails
    a.write_text("viejo")
    with pytest.raises(FileNotFoundError):
        atomic.write_all({a: "nuevo", b: "{}"})
    assert a.read_text() == "viejo" and sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]
    atomic.write_all({a: "nuevo", tmp_path / "c.json": b"{}"})
    assert a.read_text() == "nuevo" and (tmp_path / "c.json").read_bytes() == b"{}"


def test_the_sheet_fingerprint_is_stable_and_short() -> None:
    assert fingerprint() == fingerprint() and len(fingerprint()) == 16
