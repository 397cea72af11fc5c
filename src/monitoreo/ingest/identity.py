"""Section I of a ficha, common to both layouts: the heading (edition, program, service, ministry), the
description and the regions it names, start and end year. Each function reads a ``Reader`` and returns plain
data for the data file, recording issues and provenance."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from monitoreo import reference
from monitoreo.ingest.lines import Line, is_upper, join, paragraphs, recase
from monitoreo.ingest.reader import Reader

HEADER = re.compile(r"^MONITOREO Y SEGUIMIENTO (?:DE LA )?OFERTA P[ÚU]BLICA (\d{4})\b", re.IGNORECASE)
SECTION_HEADING = re.compile(r"^[IVX]+\.\s")
_REGION_LIST = re.compile(r"en las regiones(?:\s+de)?\s*:?\s*([^.]+)", re.IGNORECASE)
_START = re.compile(r"^A[ñn]o de inicio:\s*(\d{4})")
_END = re.compile(r"^A[ñn]o de t[ée]rmino:\s*(\S.*)$")
#: The notice printed under the title of a ficha of synthetic (demonstration) data (docs/ficha-rendering.md).
DEMO_NOTICE = re.compile(r"^Datos de demostraci[óo]n \(ficticios\)", re.IGNORECASE)


def header_line(lines: Sequence[Line]) -> Line | None:
    """The «MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA <año>» line, or ``None``."""
    return next((line for line in lines if HEADER.match(line.text)), None)


def read_heading(r: Reader) -> dict[str, str]:
    """Program name, service and ministry under the edition heading: the name is the first paragraph, the
    ministry the last line of the next block (the one starting «MINISTERIO» if any), the service the lines
    between them (a long name wraps over several lines)."""
    head = header_line(r.lines)
    if head is None:
        return {}
    block: list[Line] = []
    for line in r.lines[r.lines.index(head) + 1 :]:
        if (
            SECTION_HEADING.match(line.text)
            or DEMO_NOTICE.match(line.text)
            or len([x for x in block if x.text]) >= 8
        ):
            break
        block.append(line)
    paras = [p for p in paragraphs(block) if not DEMO_NOTICE.match(p[0].text)]
    if not paras:
        return {}
    rest = [line for para in paras[1:] for line in para]
    if len(paras) == 1 and len(paras[0]) >= 3:  # no blank line after the name: one line each
        paras, rest = [paras[0][:1]], paras[0][1:]
    found: dict[str, list[Line]] = {"name": paras[0]}
    if rest:
        ministry = max(
            (i for i, x in enumerate(rest) if x.text.upper().startswith("MINISTERIO")), default=len(rest) - 1
        )
        found["service"], found["ministry"] = rest[:ministry], rest[ministry:]
    hints = {
        "name": r.metadata.get("title", "").split(" — ")[0].strip(),
        "service": r.metadata.get("author", ""),
    }
    out: dict[str, str] = {}
    for key, lines in found.items():
        text = join(lines)
        if not text:
            continue
        if hints.get(key) and hints[key].casefold() == text.casefold():
            text = hints[key]  # the PDF's metadata keeps the casing the printed heading loses
        elif is_upper(text):
            text = recase(text)
            if key == "name":
                r.issue(
                    "import.W001",
                    "program.name",
                    f"el nombre se imprime en mayúsculas; se leyó «{text}»",
                    lines[0],
                )
        out[key] = text
        r.mark(f"program.{key}", lines[0])
    return out


def is_synthetic(r: Reader) -> bool:
    """Whether the ficha prints the demonstration-data notice under its title (then the data file is
    ``synthetic: true``, as the file it was drawn from)."""
    head = header_line(r.lines)
    if head is None:
        return False
    for line in r.lines[r.lines.index(head) + 1 :]:
        if SECTION_HEADING.match(line.text):
            return False
        if DEMO_NOTICE.match(line.text):
            r.mark("synthetic", line)
            return True
    return False


def read_regions(r: Reader, description: str, line: Line | None) -> list[str]:
    """Region keys named in the description («Se implementa en las regiones: A, B, …»)."""
    match = _REGION_LIST.search(description)
    if match is None:
        return []
    keys: list[str] = []
    for raw in match.group(1).split(","):
        name = raw.strip().removeprefix("y ").strip()
        if not name:
            continue
        keys.extend(_region_keys(r, name, line))
    r.mark("program.regions", line)
    return list(dict.fromkeys(keys))


def _region_keys(r: Reader, name: str, line: Line | None) -> list[str]:
    region = reference.find_region(name)
    if region is not None and not region.not_a_region:
        return [region.key]
    parts = [reference.find_region(p) for p in name.split(" y ")]
    if len(parts) > 1 and all(p is not None and not p.not_a_region for p in parts):
        return [p.key for p in parts if p is not None]
    r.issue("import.W004", "program.regions", f"región «{name}» no reconocida en la descripción", line)
    return []


def read_years(r: Reader, lines: Sequence[Line], out: dict[str, Any]) -> None:
    """«Año de inicio: 2007» and «Año de término: Permanente | 2025» into ``out``."""
    for line in lines:
        start = _START.match(line.text)
        if start:
            out["start_year"] = int(start.group(1))
            r.mark("program.start_year", line)
        end = _END.match(line.text)
        if end:
            value = end.group(1).strip()
            if value.isdigit() and len(value) == 4:
                out["end_year"] = int(value)
            elif value.casefold() == "permanente":
                out["end_year"] = "Permanente"
            elif value not in ("S/I", "-", "N/A"):
                r.issue("import.W012", "program.end_year", f"año de término «{value}» ilegible", line)
                continue
            r.mark("program.end_year", line)


def description_text(paras: Sequence[Sequence[Line]]) -> str:
    return "\n\n".join(join(p) for p in paras)
