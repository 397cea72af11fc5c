"""Completeness of a program's report and the state of each section (the report dashboard).

Contract: ``completeness(data, errors)`` takes the report's JSON data (possibly incomplete) and, optionally,
the number of blocking errors per section (``section_of`` maps a problem's field path to its section), and
returns a ``Completeness``: one ``SectionState`` per section of the intake mapping (``excel_mapping.yaml``)
in order, each ``complete`` / ``problems`` / ``empty``, with the ``Gap``s (fields of the evaluated year left
blank) named by their label, never by their data path. The rule — which years and which sections — is data
per edition (``completeness.yaml``). A value is present when it is a number or a code (S/I, N/A, N/C, «-»).
Never raises on odd data: a value that is not where the mapping expects it counts as blank."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from monitoreo.ingest.excel import Cell, block_title, cells, get_path, mapping, sheets_for

RULES_FILE = Path(__file__).with_name("completeness.yaml")


class SectionStatus(StrEnum):
    COMPLETE = "complete"
    PROBLEMS = "problems"
    EMPTY = "empty"


STATUS_LABELS = {
    SectionStatus.COMPLETE: "Completa",
    SectionStatus.PROBLEMS: "Con problemas",
    SectionStatus.EMPTY: "Vacía",
}


@dataclass(frozen=True)
class Rule:
    offsets: tuple[int, ...]
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Gap:
    """A required value left blank: its field path (for the form's anchor) and its label for people."""

    path: str
    section: str
    label: str
    block: str | None = None

    @property
    def where(self) -> str:
        """«Componente 1 · asesoria-tecnica — Gasto ejecutado 2025», or just the label."""
        return f"{self.block} — {self.label}" if self.block else self.label


@dataclass(frozen=True)
class SectionState:
    section: str
    title: str
    status: SectionStatus
    required: int
    filled: int
    errors: int
    gaps: tuple[Gap, ...]
    optional: bool

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Completeness:
    sections: tuple[SectionState, ...]

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(g for s in self.sections for g in s.gaps)

    @property
    def complete(self) -> bool:
        """Every required value present (errors are counted apart, by the caller's check)."""
        return not self.gaps


@cache
def _rules() -> tuple[Rule, dict[int, Rule]]:
    raw = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))

    def rule(r: Mapping[str, Any]) -> Rule:
        return Rule(tuple(int(o) for o in r["offsets"]), tuple(str(s) for s in r["sections"]))

    return rule(raw["default"]), {int(e): rule(r) for e, r in raw["editions"].items()}


def rule_for(edition: Any) -> Rule:
    """The edition's rule (the default rule for an edition the file does not list)."""
    default, editions = _rules()
    try:
        return editions.get(int(edition), default)
    except (TypeError, ValueError):
        return default


def present(value: Any) -> bool:
    """A value or a code: not absent, not blank text."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def _evaluated_year(data: Mapping[str, Any]) -> int | None:
    for key in ("evaluated_year", "edition"):
        try:
            return int(data.get(key))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
    return None


def required_cells(data: Mapping[str, Any]) -> list[Cell]:
    """The cells the edition's rule requires for this report (year series of the evaluated year…)."""
    rule = rule_for(data.get("edition"))
    year = _evaluated_year(data)
    if year is None:
        return []
    years = {year - o for o in rule.offsets}
    return [c for c in cells(data) if not c.readonly and c.year in years and c.section in rule.sections]


def section_of(data: Mapping[str, Any], path: str) -> str | None:
    """The section whose form holds ``path`` (or its first field, for a container path), else None."""
    for cell in cells(data):
        if cell.path == path or cell.path.startswith(path + "."):
            return cell.section
    return None


def completeness(data: Mapping[str, Any], errors: Mapping[str, int] | None = None) -> Completeness:
    """See the module docstring; ``errors`` = blocking problems per section."""
    errors = errors or {}
    rule = rule_for(data.get("edition"))
    required = {c.path for c in required_cells(data)}
    sheets = {s.section: s for s in mapping()}
    states = []
    for sheet in sheets_for(data):
        mine = [c for c in cells(data) if c.section == sheet.section and not c.readonly]
        needed = [c for c in mine if c.path in required]
        gaps = tuple(
            Gap(
                c.path,
                c.section,
                c.label,
                None if c.item is None else block_title(sheets[c.section], data, c.item),
            )
            for c in needed
            if not present(get_path(data, c.path))
        )
        any_value = any(present(get_path(data, c.path)) for c in mine)
        n_errors = int(errors.get(sheet.section, 0))
        if n_errors or (gaps and len(gaps) < len(needed)):
            status = SectionStatus.PROBLEMS
        elif (needed and len(gaps) == len(needed)) or (not needed and not any_value):
            status = SectionStatus.EMPTY
        else:
            status = SectionStatus.COMPLETE
        states.append(
            SectionState(
                sheet.section,
                sheet.title,
                status,
                len(needed),
                len(needed) - len(gaps),
                n_errors,
                gaps,
                sheet.section not in rule.sections,
            )
        )
    return Completeness(tuple(states))
