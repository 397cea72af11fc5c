"""Incremental rendering: what a folder of rendered fichas was made from, so a rerun renders only what
changed (docs/ficha-rendering.md, «Incremental rendering»).

Contract: ``RenderManifest.load(out)`` reads ``out/.monitoreo-render.json`` (a missing or unreadable file is
an empty manifest: everything renders). ``key(file)`` is the SHA-256 of the input file's bytes plus
``engine_key()``; ``current(file, key, formats)`` is the earlier outcome when that key was rendered in those
formats and every output still exists as written (size and modification time), else None; ``record`` notes a fresh render;
``save()`` writes the manifest atomically. Output is deterministic (docs/ficha-rendering.md), so a skipped
ficha is byte-identical to what a cold render would write.

``engine_key()`` changes with anything else a ficha depends on: the package version, templates and fonts
(``fingerprint``), every methodology edition file, the reference data and the inflator tables the unit
entered — a change there re-renders everything, which is the safe direction."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from monitoreo.io import atomic
from monitoreo.sheet.fingerprint import fingerprint

NAME = ".monitoreo-render.json"
_DATA_PACKAGES = ("monitoreo.methodologies", "monitoreo.reference")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree_files(root: Any) -> list[Any]:
    files = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            files += _tree_files(entry)
        elif entry.name.endswith((".yaml", ".yml", ".csv")):
            files.append(entry)
    return files


def _entered_tables() -> list[Path]:
    """Inflator tables the unit entered (docs/inflators.md): they change what a 2025 ficha prints."""
    from monitoreo.reference.inflator_tables import user_directory

    folder = user_directory()
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _output(path: Path) -> dict[str, Any]:
    stat = path.stat()
    return {"path": str(path), "sha256": _digest(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


@cache
def engine_key() -> str:
    """Everything but the input file that a rendered ficha depends on (see module docstring)."""
    digest = hashlib.sha256(fingerprint().encode())
    for package in _DATA_PACKAGES:
        for entry in _tree_files(resources.files(package)):
            digest.update(f"\0{package}/{entry.name}\0".encode())
            digest.update(entry.read_bytes())
    for path in _entered_tables():
        digest.update(f"\0entered/{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


@dataclass
class RenderManifest:
    """Per input file: its key, the ficha id and each output's path and SHA-256."""

    out: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path) -> RenderManifest:
        try:
            data = json.loads((out / NAME).read_text(encoding="utf-8"))
            entries = data["files"] if isinstance(data, dict) and isinstance(data.get("files"), dict) else {}
        except (OSError, ValueError):
            entries = {}
        return cls(out, entries)

    @staticmethod
    def key(file: str) -> str | None:
        """The input's key, or None when it cannot be read (then it renders, and reports the problem)."""
        try:
            return hashlib.sha256(Path(file).read_bytes() + engine_key().encode()).hexdigest()
        except OSError:
            return None

    def current(self, file: str, key: str, formats: tuple[str, ...]) -> dict[str, Any] | None:
        """The recorded outcome of ``file`` when it is still valid (see module docstring), else None."""
        entry = self.entries.get(os.path.abspath(file))
        if not entry or entry.get("key") != key or tuple(entry.get("formats", ())) != formats:
            return None
        for output in entry.get("outputs", []):
            # Size and modification time as written: any edit or replacement of an output changes them, and
            # checking them costs a stat, not a read of every PDF (the SHA-256 stays in the manifest).
            try:
                stat = Path(output["path"]).stat()
            except OSError:
                return None
            if [stat.st_size, stat.st_mtime_ns] != [output.get("size"), output.get("mtime_ns")]:
                return None
        return entry

    def record(
        self, file: str, key: str, formats: tuple[str, ...], ficha_id: str | None, outputs: tuple[str, ...]
    ) -> None:
        self.entries[os.path.abspath(file)] = {
            "key": key,
            "formats": list(formats),
            "id": ficha_id,
            "outputs": [_output(Path(path)) for path in outputs],
        }

    def save(self) -> None:
        body = {"engine": engine_key(), "files": self.entries}
        atomic.write_text(
            self.out / NAME, json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        )
