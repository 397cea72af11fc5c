"""Text sections both layouts print alike: ODS contribution, institution observations, technical notes,
the inflator table and the publication date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from monitoreo import formatting, reference
from monitoreo.ingest.lines import Line, join, paragraphs
from monitoreo.ingest.reader import Reader

_GOAL = re.compile(r"^(\d{1,2})\.\s+\S.*:")
_TARGET = re.compile(r"^(\d{1,2})\.(\d{1,2}|[a-z])\s")
_TOPIC = re.compile(r"^([A-ZÁÉÍÓÚÑ][\wáéíóúñÁÉÍÓÚÑ/ ]{0,40}?):\s*(.*)$")
_NOTE = re.compile(r"^Nota t[ée]cnica (\d+):\s*(.*)$")
_NOTES_END = re.compile(r"^(Inflactores:?|Fecha de publicaci[óo]n|S/I: Valor no informado)", re.IGNORECASE)
_INFLATOR_ROW = re.compile(r"^(\d{4})\s+(\d+(?:,\d+)?)$")
_DATE = re.compile(
    r"Fecha de publicaci[óo]n(?: del reporte)?:\s*(\d{1,2}) de (\w+) de (\d{4})(?:\s+(\d{1,2}):(\d{2}))?",
    re.IGNORECASE,
)
_MONTHS = formatting.MONTHS


def read_ods(r: Reader, lines: Sequence[Line]) -> list[dict[str, Any]]:
    """Goals «N. Título: texto» and their targets «N.M texto» (continuation lines ignored)."""
    goals = reference.ods_goals()
    out: list[dict[str, Any]] = []
    for line in lines:
        target = _TARGET.match(line.text)
        goal = _GOAL.match(line.text)
        if target and out and int(target.group(1)) == out[-1]["goal"]:
            tid = f"{target.group(1)}.{target.group(2)}"
            if goals[out[-1]["goal"]].target(tid) is None:
                r.issue("import.W008", f"ods.{len(out) - 1}.targets", f"meta ODS «{tid}» desconocida", line)
                continue
            out[-1].setdefault("targets", []).append(tid)
        elif goal and not target:
            number = int(goal.group(1))
            if number not in goals:
                r.issue("import.W008", f"ods.{len(out)}", f"objetivo ODS «{number}» desconocido", line)
                continue
            r.mark(f"ods.{len(out)}", line)
            out.append({"goal": number})
    return out


def read_observations(r: Reader, lines: Sequence[Line]) -> list[dict[str, Any]]:
    """«Tema: texto» paragraphs; a paragraph without a topic continues the previous observation."""
    out: list[dict[str, Any]] = []
    texts: list[list[str]] = []
    for para in paragraphs(lines):
        topic = _TOPIC.match(para[0].text)
        if topic and len(topic.group(1).split()) <= 4:
            rest = [Line(topic.group(2), para[0].number, para[0].page), *para[1:]]
            out.append({"topic": topic.group(1).strip()})
            texts.append([join(rest)] if join(rest) else [])
            r.mark(f"observations.{len(out) - 1}", para[0])
        elif out:
            texts[-1].append(join(para))
        else:
            out.append({})
            texts.append([join(para)])
            r.mark(f"observations.{len(out) - 1}", para[0])
    result = []
    for obs, parts in zip(out, texts, strict=True):
        text = "\n\n".join(p for p in parts if p)
        if text:
            result.append({**obs, "text": text})
    return result


def read_notes(r: Reader, lines: Sequence[Line]) -> list[str]:
    """«Nota técnica N: texto», each note to the next one (paragraphs of a note joined)."""
    notes: list[list[Line]] = []
    for line in lines:
        if _NOTES_END.match(line.text):
            break
        match = _NOTE.match(line.text)
        if match:
            notes.append([Line(match.group(2), line.number, line.page)])
            r.mark(f"technical_notes.{len(notes) - 1}", line)
        elif notes:
            notes[-1].append(line)
    return ["\n\n".join(join(p) for p in paragraphs(note)) for note in notes if join(note)]


def read_inflators(r: Reader, lines: Sequence[Line], edition: int, section: str) -> dict[str, Any] | None:
    """The «Inflactores:» table («2020 1,2252» rows); base = the year whose factor is 1."""
    factors: dict[int, str] = {}
    first: Line | None = None
    for line in lines:
        match = _INFLATOR_ROW.match(line.text)
        if match:
            factors[int(match.group(1))] = match.group(2).replace(",", ".")
            first = first or line
    if not factors:
        return None
    base = [year for year, factor in factors.items() if float(factor) == 1]
    if len(base) != 1:
        r.issue(
            "import.W012", "inflators", "la tabla de inflactores no tiene un único año base (factor 1)", first
        )
        return None
    r.mark("inflators", first)
    return {
        "base": base[0],
        "factors": {year: Decimal(f) for year, f in factors.items()},
        "source": f"Ficha MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA {edition}, {section}, «Inflactores»",
    }


def read_published_at(r: Reader) -> datetime | None:
    """«Fecha de publicación del reporte:24 de Abril de 2024 17:51»."""
    for line in r.lines:
        match = _DATE.search(line.text)
        if not match:
            continue
        day, month, year, hour, minute = match.groups()
        if month.lower() not in _MONTHS:
            r.issue("import.W012", "published_at", f"mes «{month}» no reconocido", line)
            return None
        try:
            moment = datetime(
                int(year), _MONTHS.index(month.lower()) + 1, int(day), int(hour or 0), int(minute or 0)
            )
        except ValueError:
            r.issue("import.W012", "published_at", "fecha de publicación inválida", line)
            return None
        r.mark("published_at", line)
        return moment
    return None
