"""Which files a command reads when given files and folders: the one rule every batch command shares."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from monitoreo.errors import Problem

DATA_SUFFIXES = (".yaml", ".yml", ".json")
#: Files that live beside data files but are not data files (the importer's provenance sidecars, the expected
#: ``evaluate --json`` output of the examples).
SIDECAR_SUFFIXES = (".import.json", ".expected.json")


def is_data_file(path: Path) -> bool:
    """A data file by name: a YAML/JSON suffix, not hidden (temporary files are ``.name.tmp``), not a sidecar."""
    name = path.name.lower()
    return (
        path.suffix.lower() in DATA_SUFFIXES
        and not name.startswith(".")
        and not name.endswith(SIDECAR_SUFFIXES)
    )


def data_files(
    paths: Iterable[str | Path], missing_code: str = "input.E001"
) -> tuple[list[Path], list[Problem]]:
    """Files as given; a folder stands for the data files under it (recursive, sorted). A path that does
    not exist becomes a ``Problem`` with ``missing_code``."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_data_file(p)))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), "", missing_code, "no existe el archivo o carpeta"))
    return files, problems
