"""Parser of the 2025 ficha layout (edition 2025 and later, docs/ficha-rendering.md «The 2025 layout»):
I antecedentes (tipo de oferta, años, descripción, propósito, «Población Objetivo:», «Ejecutores:»,
«Complementariedades informadas:», the evaluator's assessments), II hallazgos del desempeño (1. Focalización /
2. Eficiencia / 3. Eficacia), «Otras dimensiones» (ODS, género; left out when empty), then the programme's
figures — the 2023 tables, read with the 2023 readers — observaciones and notas técnicas. Sections are
numbered in printed order, so they are found by their titles, whatever their Roman numeral.

Returns plain data for the data file; every field it cannot read becomes an issue in the ``Reader``. The
evaluator's assessments printed with the antecedentes («Criterios de focalización:», «Criterios de
priorización:», «Gasto por beneficiario:») are outputs of the methodology, not data of the programme: they
are recognised (so they do not leak into another field) and not imported."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from monitoreo.ingest import ficha_2023, identity, indicators, populations
from monitoreo.ingest.cells import Published
from monitoreo.ingest.lines import Line, join, paragraphs
from monitoreo.ingest.reader import Reader, after

_SECTION = r"^[IVX]+\.\s+"
ANCHORS = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("antecedentes", _SECTION + r"ANTECEDENTES"),
        ("proposito", r"^PROP[ÓO]SITO$"),
        ("hallazgos", _SECTION + r"HALLAZGOS DEL DESEMPE[ÑN]O"),
        ("otras", _SECTION + r"OTRAS DIMENSIONES"),
        ("ods", r"^CONTRIBUCI[ÓO]N A LOS OBJETIVOS"),
        ("genero", r"^ENFOQUE DE G[ÉE]NERO"),
        ("focalizacion", _SECTION + r"DATOS DEL PROGRAMA: FOCALIZACI"),
        ("cobertura", r"^COBERTURA POR A[ÑN]O"),
        ("eficiencia", _SECTION + r"DATOS DEL PROGRAMA: EFICIENCIA"),
        ("gxb", r"^EVOLUCI[ÓO]N GASTO POR BENEFICIARIO"),
        ("subtitulos", r"^GASTO POR SUBT[ÍI]TULOS"),
        ("componentes", r"^GASTO Y PRODUCCI[ÓO]N DE COMPONENTES"),
        ("regional", r"^DESAGREGACI[ÓO]N REGIONAL"),
        ("eficacia", _SECTION + r"DATOS DEL PROGRAMA: EFICACIA"),
        ("observaciones", _SECTION + r"OBSERVACIONES"),
        ("notas", _SECTION + r"NOTAS T[ÉE]CNICAS"),
        ("inflactores", r"^Inflactores:"),
    )
)
#: Labels that open a paragraph of section I after the purpose (layout_2025 / wording_2025 print them).
_LABELS = (
    ("target_population", r"Poblaci[óo]n Objetivo:"),
    ("executors", r"Ejecutores:"),
    ("complementarities", r"Complementariedades informadas:"),
    ("assessment", r"Criterios de focalizaci[óo]n:"),
    ("assessment", r"Criterios de priorizaci[óo]n:"),
    ("assessment", r"Gasto por beneficiario:"),
)
_LABEL = re.compile(
    r"^(" + "|".join(f"(?P<l{i}>{p})" for i, (_, p) in enumerate(_LABELS)) + r")\s*", re.IGNORECASE
)
_OFFER_TYPE = re.compile(r"^Tipo de oferta:\s*(\S.*)$")
_DESCRIPTION = re.compile(r"^Descripci[óo]n:\s*")
_DIRECT = re.compile(r"^El programa es implementado directamente", re.IGNORECASE)
_NO_COMPLEMENTARITIES = re.compile(r"^El programa no reporta complementariedades", re.IGNORECASE)
_EXECUTOR = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
_DIM_HEADING = re.compile(r"^([1-3])\.\s+(Focalizaci[óo]n|Eficiencia|Eficacia)$", re.IGNORECASE)
_DIMENSIONS = ("focalizacion", "eficiencia", "eficacia")


def parse(r: Reader, edition: int) -> dict[str, Any]:
    """Data-file content of a 2025-layout ficha (without id/edition checks, done by the caller)."""
    r.find_sections(ANCHORS)
    data: dict[str, Any] = {}
    years = ficha_2023.table_years(r)
    if years:
        data["evaluated_year"] = years[-1]
        data["years"] = years
    price = ficha_2023.price_year(r)
    if price:
        data["price_base_year"] = price
    published = Published()
    data["program"] = program = _program(r)
    if years:
        pops = populations.finish(
            populations.read_2023(r, r.section("focalizacion", "populations", True), years)
        )
        data["populations"] = pops
        _drop_printed_target(program, pops)
        data["assessment"] = _assessment(r, ficha_2023.read_tables(r, data, years, published))
    # «Otras dimensiones» is left out when the programme declares neither ODS nor a gender approach.
    return ficha_2023.read_closing(
        r, data, edition, published, ods_required=False, notes_heading="Notas técnicas"
    )


# ---- section I -----------------------------------------------------------------------------------------------


def _program(r: Reader) -> dict[str, Any]:
    program: dict[str, Any] = identity.read_heading(r)
    lines = r.section("antecedentes", "program.description", True)
    for line in lines:
        offer = _OFFER_TYPE.match(line.text)
        if offer:
            program["offer_type"] = offer.group(1).strip()
            r.mark("program.offer_type", line)
    identity.read_years(r, lines, program)
    first, rest = after(lines, _DESCRIPTION)
    if first is not None:
        body = [Line(_DESCRIPTION.sub("", first.text), first.number, first.page), *rest]
        program["description"] = _text(body)
        r.mark("program.description", first)
        program["regions"] = identity.read_regions(r, program["description"], first)
    purpose, labelled = _split_labelled(r.section("proposito", "program.purpose", True))
    if purpose:
        program["purpose"] = _text(purpose)
        r.mark("program.purpose", r.heading("proposito"))
    for key, (head, body) in labelled.items():
        if key == "target_population":
            if _text(body):
                program[key] = _text(body)
                r.mark(f"program.{key}", head)
        elif key == "executors":
            program[key] = _executors(r, head, body)
        elif key == "complementarities":
            program[key] = _complementarities(r, head, body)
    return program


def _text(lines: Sequence[Line]) -> str:
    return "\n\n".join(join(p) for p in paragraphs(lines))


def _split_labelled(lines: Sequence[Line]) -> tuple[list[Line], dict[str, tuple[Line, list[Line]]]]:
    """The lines before the first label, and per label key (first occurrence) its heading line and the
    lines it leads, the text after the label on the heading line first."""
    head: list[Line] = []
    labelled: dict[str, tuple[Line, list[Line]]] = {}
    current = head
    for line in lines:
        match = _LABEL.match(line.text)
        if match:
            index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
            key = _LABELS[index][0]
            current = (
                [Line(line.text[match.end() :], line.number, line.page)] if line.text[match.end() :] else []
            )
            if key in labelled:  # a second assessment label: its text is not imported either
                continue
            labelled[key] = (line, current)
        else:
            current.append(line)
    return head, labelled


def _items(body: Sequence[Line]) -> list[str]:
    """The bullet items of a labelled list («• Municipalidad de Arica (Municipio)»)."""
    return [item for para in paragraphs(body) for item in ficha_2023.bullets(para)]


def _executors(r: Reader, head: Line, body: Sequence[Line]) -> dict[str, Any] | None:
    text = join(body)
    r.mark("program.executors", head)
    if _DIRECT.match(text):
        # The layout prints the same sentence for «direct» and for an empty list: read as direct.
        return {"direct": True}
    items = []
    for item in _items(body):
        match = _EXECUTOR.match(item)
        if match:
            items.append({"name": match.group(1).strip(), "type": match.group(2).strip()})
        else:
            r.issue("import.W012", "program.executors", f"ejecutor sin tipo «(…)»: «{item}»; se omitió", head)
    return {"items": items} if items else None


def _complementarities(r: Reader, head: Line, body: Sequence[Line]) -> dict[str, Any]:
    r.mark("program.complementarities", head)
    if _NO_COMPLEMENTARITIES.match(join(body)):
        return {"items": []}
    items = []
    for item in _items(body):
        name, sep, description = item.partition(": ")
        items.append({"program": name.strip(), **({"description": description.strip()} if sep else {})})
    return {"items": items}


def _drop_printed_target(program: dict[str, Any], pops: dict[str, Any]) -> None:
    """«Población Objetivo:» prints the programme's own text, else the target population's description
    (layout_2025.antecedentes): the latter is not a text of its own, so it is not kept twice."""
    target = pops.get("target") or {}
    if program.get("target_population") and program["target_population"] == target.get("description"):
        program.pop("target_population")


# ---- findings ------------------------------------------------------------------------------------------------


def _assessment(r: Reader, results: dict[int, str]) -> dict[str, Any]:
    """Per dimension the paragraphs of «HALLAZGOS DEL DESEMPEÑO» (one finding each, its label kept in the
    text), and per indicator the «Resultado» cell (the 2025 layout prints no separate analysis)."""
    dims: dict[str, Any] = {}
    current: list[str] | None = None
    for para in paragraphs(r.section("hallazgos", "assessment", True)):
        match = _DIM_HEADING.match(para[0].text)
        if match:
            name = _DIMENSIONS[int(match.group(1)) - 1]
            current = dims.setdefault(name, {"results": []})["results"]
            r.mark(f"assessment.dimensions.{name}", para[0])
            para = para[1:]
            if not para:
                continue
        if current is not None and join(para):
            current.append(join(para))
    out: dict[str, Any] = {"dimensions": {k: v for k, v in dims.items() if v["results"]}}
    items = []
    for number in sorted(results):
        result, _ = indicators.split_result(results[number], None)
        if result:
            items.append({"indicator": number, "result": result})
    if items:
        out["indicators"] = items
    return out if out["dimensions"] or items else {}
