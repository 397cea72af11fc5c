"""«POBLACIONES» texts into ``Populations`` data.

2023 prints only year *t*: «Población objetivo / 13.280 pequeños productores acreditados como …» and
«Población beneficiada / La población beneficiada fue de 3.389 personas usuarios de INDAP. Del total …, el
66% correspondió al género masculino, 34% al género femenino. … criterios de priorización …: 1) …». The
other years of the window are not printed: they are S/I, as the seed data file encodes them. The unit of
the target population is not printed apart from its description: it is guessed (W005) as the leading noun
phrase («pequeños productores»)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from monitoreo.domain.values import Missing
from monitoreo.ingest.es_numbers import parse_value
from monitoreo.ingest.lines import Line, ascii_fold, join, paragraphs
from monitoreo.ingest.reader import Reader

_HEADINGS = (
    ("potential", re.compile(r"^Poblaci[óo]n potencial(?::\s*(.*)|\s*)$", re.IGNORECASE)),
    ("target", re.compile(r"^Poblaci[óo]n objetivo(?::\s*(.*)|\s*)$", re.IGNORECASE)),
    ("served", re.compile(r"^Poblaci[óo]n beneficiada(?::\s*(.*)|\s*)$", re.IGNORECASE)),
    ("prioritization", re.compile(r"^Criterios de priorizaci[óo]n(?::\s*(.*)|\s*)$", re.IGNORECASE)),
    ("focalization", re.compile(r"^Criterios de focalizaci[óo]n(?::\s*(.*)|\s*)$", re.IGNORECASE)),
)
_CRITERIA = {"prioritization": "prioritization_criteria", "focalization": "focalization_criteria"}
_LEADING_QUANTITY = re.compile(r"^(S/I|\d{1,3}(?:\.\d{3})+|\d+)\s+(\S.*)$", re.DOTALL)
_SERVED = re.compile(r"fue de (S/I|\d{1,3}(?:\.\d{3})+|\d+)\s+([^.]+)\.")
_MALE = re.compile(r"(\d+(?:,\d+)?)%\s+(?:correspondi[óo]\s+)?al g[ée]nero masculino")
_FEMALE = re.compile(r"(\d+(?:,\d+)?)%\s+(?:correspondi[óo]\s+)?al g[ée]nero femenino")
_PRIORITY = re.compile(r"criterios de priorizaci[óo]n[^:]*:\s*(.+)$", re.DOTALL)
_UNIT_STOP = re.compile(
    r"^(que|de|del|con|en|para|por|y|o|a|al|según|cuyo|cuya|,)$|(ados|idos|adas|idas|antes|entes),?$"
)


def _blocks(lines: Sequence[Line]) -> dict[str, tuple[Line, list[Line]]]:
    blocks: dict[str, tuple[Line, list[Line]]] = {}
    current: list[Line] | None = None
    for line in lines:
        for key, pattern in _HEADINGS:
            match = pattern.match(line.text)
            if match:
                current = [Line(match.group(1), line.number, line.page)] if match.group(1) else []
                blocks[key] = (line, current)
                break
        else:
            if current is not None:
                current.append(line)
    return blocks


def read_2023(r: Reader, lines: Sequence[Line], years: Sequence[int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    t = years[-1]
    earlier = {year: Missing.NOT_REPORTED for year in years[:-1]}
    for key, (head, body) in _blocks(lines).items():
        text = "\n\n".join(join(p) for p in paragraphs(body))
        path = f"populations.{key}"
        if not text:
            r.issue("import.W012", path, "población sin texto", head)
            continue
        r.mark(path, head)
        if key in _CRITERIA:  # printed apart when the served description does not contain them
            out[_CRITERIA[key]] = text
            continue
        if key == "served":
            out[key] = _served(r, text, head, t, earlier)
            continue
        entry: dict[str, Any] = {}
        match = _LEADING_QUANTITY.match(text)
        alone = parse_value(text) if " " not in text else None
        if alone is not None and (not isinstance(alone, Decimal) or alone >= 0):
            entry["quantity"] = {**earlier, t: alone}  # «Población potencial / 157»: no description printed
        elif match and parse_value(match.group(1)) is not None and _only_unit(match.group(2)):
            entry["unit"] = match.group(2)  # «63.044 hogares»: the unit, no description
            entry["quantity"] = {**earlier, t: parse_value(match.group(1))}
        elif match and parse_value(match.group(1)) is not None:
            unit = guess_unit(match.group(2))
            if unit:
                entry["unit"] = unit
                r.issue("import.W005", f"{path}.unit", f"unidad «{unit}» inferida del texto", head)
            entry["description"] = match.group(2)
            entry["quantity"] = {**earlier, t: parse_value(match.group(1))}
        else:
            entry["description"] = text
            r.issue("import.W002", f"{path}.quantity", "no se encontró la cuantificación", head)
        out[key] = entry
    return out


def _served(r: Reader, text: str, head: Line, t: int, earlier: dict[int, Missing]) -> dict[str, Any]:
    match = _SERVED.search(text)
    # A text that only states the quantity («La población beneficiada fue de 33 empresas.») is no description.
    only_quantity = (
        match is not None and match.start() <= len("La población beneficiada ") and match.end() == len(text)
    )
    entry: dict[str, Any] = {} if only_quantity else {"description": text}
    if match and parse_value(match.group(1)) is not None:
        entry["unit"] = match.group(2).strip()
        entry["quantity"] = {**earlier, t: parse_value(match.group(1))}
    else:
        r.issue("import.W002", "populations.served.quantity", "no se encontró la cuantificación", head)
    male, female = _MALE.search(text), _FEMALE.search(text)
    if male or female:
        split: dict[str, Decimal] = {}
        if male:
            split["male_pct"] = Decimal(male.group(1).replace(",", "."))
        if female:
            split["female_pct"] = Decimal(female.group(1).replace(",", "."))
        entry["by_sex"] = {t: split}
    priority = _PRIORITY.search(text)
    if priority:
        out_priority = priority.group(1).strip()
        entry["_prioritization"] = out_priority
    return entry


def _only_unit(text: str) -> bool:
    """A short noun phrase with no sentence in it («hogares», «niñas, niños y adolescentes»)."""
    return len(text.split()) <= 4 and not re.search(r"[.;:]", text)


def guess_unit(text: str) -> str | None:
    """Leading noun phrase of a population description: words up to the first preposition, relative or
    participle («pequeños productores acreditados como…» → «pequeños productores»)."""
    words: list[str] = []
    for word in text.split()[:6]:
        if _UNIT_STOP.search(ascii_fold(word)) and words:
            break
        words.append(word.rstrip(",.;:"))
        if word.endswith((",", ".", ";", ":")):
            break
    return " ".join(words) or None


def finish(populations: dict[str, Any]) -> dict[str, Any]:
    """Move the prioritization criteria found in the served text to the ``Populations`` level."""
    served = populations.get("served")
    if served and "_prioritization" in served:
        found = served.pop("_prioritization")
        populations.setdefault("prioritization_criteria", found)
    return populations


def read_2020(r: Reader, lines: Sequence[Line]) -> dict[str, Any]:
    """2020 prints descriptions only («Población objetivo: / Empresas que …»); quantities are not printed."""
    out: dict[str, Any] = {}
    for key, (head, body) in _blocks(lines).items():
        paras = [p for p in paragraphs(body) if not (len(p) == 1 and p[0].text.isdigit())]
        text = "\n\n".join(join(p) for p in paras)
        if text:
            out[key] = {"description": text}
            r.mark(f"populations.{key}", head)
    return out
