"""Parsing state shared by the layout parsers: the lines, the sections found by their headings, the issues
met and where each field was read (provenance). Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from monitoreo.ingest.issues import IMPORT_CODES, ImportIssue
from monitoreo.ingest.lines import Line
from monitoreo.reference.limits import shown

_QUOTED = re.compile(r"«([^»]{61,})»")


@dataclass
class Reader:
    """Lines of one ficha plus the issues and provenance collected while reading it."""

    lines: list[Line]
    issues: list[ImportIssue] = field(default_factory=list)
    fields: dict[str, dict[str, int]] = field(default_factory=dict)
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: Document metadata of a PDF («title», «author»), used to restore the casing of the heading.
    metadata: dict[str, str] = field(default_factory=dict)

    def issue(self, code: str, path: str, message: str, line: Line | None = None) -> None:
        """Record an issue; a value quoted «…» in ``message`` is cut to the message limit (a 30,000-character
        token is not repeated: ``reference/limits.yaml``)."""
        assert code in IMPORT_CODES, code
        message = _QUOTED.sub(lambda m: f"«{shown(m.group(1))}»", message)
        self.issues.append(
            ImportIssue(code, path, message, line.number if line else None, line.page if line else None)
        )

    def mark(self, path: str, line: Line | None) -> None:
        """Record that ``path`` was read at ``line`` (first mark wins)."""
        if line is not None and path not in self.fields:
            self.fields[path] = {"line": line.number, "page": line.page}

    def find_sections(self, anchors: Sequence[tuple[str, re.Pattern[str]]]) -> None:
        """Locate each section by the first line matching its heading; a section runs to the next heading
        found, whatever the order (the 2020 text prints section II before section I)."""
        starts: list[tuple[int, str]] = []
        for name, pattern in anchors:
            for i, line in enumerate(self.lines):
                if pattern.match(line.text):
                    starts.append((i, name))
                    break
        starts.sort()
        for k, (i, name) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(self.lines)
            self.sections[name] = (i, end)

    def section(self, name: str, path: str = "", required: bool = False, heading: bool = False) -> list[Line]:
        """Lines of section ``name`` (with its heading line if ``heading``); ``[]`` plus a W003 issue
        naming ``path`` if the section is absent and ``required``."""
        if name not in self.sections:
            if required:
                self.issue("import.W003", path, f"no se encontró la sección «{name}»")
            return []
        start, end = self.sections[name]
        return self.lines[start if heading else start + 1 : end]

    def heading(self, name: str) -> Line | None:
        if name not in self.sections:
            return None
        return self.lines[self.sections[name][0]]

    def provenance(self) -> dict[str, Any]:
        return {"fields": dict(sorted(self.fields.items()))}


def after(lines: Sequence[Line], pattern: re.Pattern[str]) -> tuple[Line | None, list[Line]]:
    """The first line matching ``pattern`` and the lines after it."""
    for i, line in enumerate(lines):
        if pattern.search(line.text):
            return line, list(lines[i + 1 :])
    return None, []


def until(lines: Sequence[Line], pattern: re.Pattern[str]) -> list[Line]:
    """Lines before the first one matching ``pattern`` (all of them if none does)."""
    for i, line in enumerate(lines):
        if pattern.search(line.text):
            return list(lines[:i])
    return list(lines)


def first_text(lines: Sequence[Line]) -> Line | None:
    return next((line for line in lines if not line.blank), None)
