"""Which files batch commands read, and YAML output without aliases."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from monitoreo.io import yamlio
from monitoreo.io.files import data_files


def test_folders_expand_to_data_files_without_sidecars_or_hidden(tmp_path: Path) -> None:
    for name in (
        "a.yaml",
        "b.json",
        "b.import.json",
        ".a.yaml.tmp",
        ".hidden.yaml",
        "notes.txt",
        "sub/c.yml",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, problems = data_files([tmp_path, tmp_path / "missing.yaml"], missing_code="render.E002")
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.yaml", "b.json", "sub/c.yml"]
    assert [(p.file, p.code) for p in problems] == [(str(tmp_path / "missing.yaml"), "render.E002")]


def test_shared_values_are_written_in_full_not_as_aliases() -> None:
    shared = {"2021": Decimal("1.5")}
    text = yamlio.dumps({"a": shared, "b": shared})
    assert "&" not in text and "*" not in text
    assert yamlio.loads(text) == {"a": {"2021": Decimal("1.5")}, "b": {"2021": Decimal("1.5")}}
