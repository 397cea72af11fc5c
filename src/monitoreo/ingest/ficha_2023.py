"""Parser of the 2023 ficha layout (S23, «MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA 2023»): sections I
(antecedentes, propósito, hallazgos no superados, historial), II focalización, III eficiencia, IV eficacia,
V otros atributos, VI observaciones, VII notas técnicas. Returns plain data for the data file; every field it
cannot read becomes an issue in the ``Reader``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from monitoreo.ingest import history, identity, indicators, populations, spending, texts
from monitoreo.ingest.cells import Published, series
from monitoreo.ingest.lines import Line, join, paragraphs
from monitoreo.ingest.reader import Reader, after, until
from monitoreo.ingest.tables import read_rows

ANCHORS = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("antecedentes", r"^I\.\s+ANTECEDENTES"),
        ("proposito", r"^PROP[ÓO]SITO$"),
        ("hallazgos", r"^HALLAZGOS NO SUPERADOS"),
        ("historial", r"^HISTORIAL EVALUATIVO"),
        ("focalizacion", r"^II\.\s+DESEMPE[ÑN]O DEL PROGRAMA: FOCALIZACI"),
        ("cobertura", r"^COBERTURA POR A[ÑN]O"),
        ("eficiencia", r"^III\.\s+DESEMPE[ÑN]O DEL PROGRAMA: EFICIENCIA"),
        ("gxb", r"^EVOLUCI[ÓO]N GASTO POR BENEFICIARIO"),
        ("subtitulos", r"^GASTO POR SUBT[ÍI]TULOS"),
        ("componentes", r"^GASTO Y PRODUCCI[ÓO]N DE COMPONENTES"),
        ("regional", r"^DESAGREGACI[ÓO]N REGIONAL"),
        ("eficacia", r"^IV\.\s+DESEMPE[ÑN]O DEL PROGRAMA: EFICACIA"),
        ("analisis", r"^AN[ÁA]LISIS DESEMPE[ÑN]O"),
        ("otros", r"^V\.\s+OTROS ATRIBUTOS"),
        ("ods", r"^CONTRIBUCI[ÓO]N A LOS OBJETIVOS"),
        ("genero", r"^ENFOQUE DE G[ÉE]NERO"),
        ("observaciones", r"^VI\.\s+OBSERVACIONES"),
        ("notas", r"^VII\.\s+NOTAS T[ÉE]CNICAS"),
        ("inflactores", r"^Inflactores:?$"),
    )
)
_DIMENSIONS = (("focalizacion", r"Focalizaci"), ("eficiencia", r"Eficiencia"), ("eficacia", r"Eficacia"))
_DIM_HEADING = re.compile(r"^([1-3])\.\s+(Focalizaci[óo]n|Eficiencia.*|Eficacia)$", re.IGNORECASE)
_PRICE = re.compile(r"M\$\s?(\d{4})")
_DESCRIPTION = re.compile(r"^Descripci[óo]n:\s*")
_YEARS_END = re.compile(r"^A[ñn]o de (inicio|t[ée]rmino):")


def parse(r: Reader, edition: int) -> dict[str, Any]:
    """Data-file content of a 2023-layout ficha (without id/edition checks, done by the caller)."""
    r.find_sections(ANCHORS)
    data: dict[str, Any] = {}
    years = table_years(r)
    if years:
        data["evaluated_year"] = years[-1]
        data["years"] = years
    price = price_year(r)
    if price:
        data["price_base_year"] = price
    published = Published()
    data["program"] = _program(r)
    data["history"] = _history(r)
    if years:
        data["populations"] = populations.finish(
            populations.read_2023(r, r.section("focalizacion", "populations", True), years)
        )
        data["assessment"] = _assessment(r, read_tables(r, data, years, published))
    return read_closing(r, data, edition, published, ods_required=True, notes_heading="VII. Notas técnicas")


def read_tables(r: Reader, data: dict[str, Any], years: list[int], published: Any) -> Any:
    """The data tables the 2023 and 2025 layouts share — coverage, budget and subtítulos, components,
    regional distribution, purpose indicators — added to ``data``; returns the indicators' printed results."""
    published.add("coverage_pct", coverage(r, years))
    budget: dict[str, Any] = {}
    spending.read_budget(r, r.section("eficiencia", "budget", True), years, budget, published)
    subtitles(r, budget)
    data["components"] = spending.read_components(
        r, r.section("componentes", "components", True), years, budget, published
    )
    data["budget"] = budget
    data["regional"] = spending.read_regional(
        r, r.section("regional", "regional", True), years[-1], published
    )
    data["indicators"], results = indicators.read_2023(r, r.section("eficacia", "indicators", True), years)
    return results


def read_closing(
    r: Reader, data: dict[str, Any], edition: int, published: Any, *, ods_required: bool, notes_heading: str
) -> dict[str, Any]:
    """The closing sections the 2023 and 2025 layouts share — ODS, gender approach, the institution's
    observations, technical notes, inflators, publication date — added to ``data``; empty values dropped."""
    data["ods"] = texts.read_ods(r, r.section("ods", "ods", True) if ods_required else r.section("ods"))
    gender = join(r.section("genero"))
    if gender:
        data["gender_approach"] = gender
        r.mark("gender_approach", r.heading("genero"))
    data["observations"] = texts.read_observations(r, r.section("observaciones", "observations", True))
    data["technical_notes"] = texts.read_notes(r, r.section("notas", "technical_notes", True))
    data["inflators"] = texts.read_inflators(r, r.section("inflactores"), edition, notes_heading)
    data["published_at"] = texts.read_published_at(r)
    data["published"] = published.items
    return {k: v for k, v in data.items() if v not in (None, [], {})}


def table_years(r: Reader) -> list[int]:
    for name in ("eficiencia", "cobertura", "componentes"):
        for row in read_rows(r.section(name), lambda key: 99):
            if row.years:
                return row.years
    r.issue("import.E006", "years", "no se encontró la fila de años de las tablas (p. ej. «2021 2022 2023»)")
    return []


def price_year(r: Reader) -> int | None:
    for name in ("eficiencia", "subtitulos", "componentes"):
        heading = r.heading(name)
        for line in ([heading] if heading else []) + r.section(name)[:3]:
            match = _PRICE.search(line.text)
            if match:
                r.mark("price_base_year", line)
                return int(match.group(1))
    r.issue("import.E006", "price_base_year", "no se encontró el año de los precios («M$2024»)")
    return None


def _program(r: Reader) -> dict[str, Any]:
    program: dict[str, Any] = identity.read_heading(r)
    lines = r.section("antecedentes", "program.description", True)
    first, _ = after(lines, _DESCRIPTION)
    body = until(lines, _YEARS_END)
    if first is not None:
        start = body.index(first)
        body = [Line(_DESCRIPTION.sub("", first.text), first.number, first.page), *body[start + 1 :]]
        program["description"] = "\n\n".join(join(p) for p in paragraphs(body))
        r.mark("program.description", first)
        program["regions"] = identity.read_regions(r, program["description"], first)
    identity.read_years(r, lines, program)
    purpose = join(r.section("proposito", "program.purpose", True))
    if purpose:
        program["purpose"] = purpose
        r.mark("program.purpose", r.heading("proposito"))
    return program


def _history(r: Reader) -> dict[str, Any]:
    return history.read_2023(r, r.section("historial", "history", True))


def coverage(r: Reader, years: Sequence[int]) -> dict[int, Any]:
    for row in read_rows(r.section("cobertura", "published.coverage_pct", True), lambda key: len(years)):
        if row.cells and "cobertura" in row.key:
            return series(r, row.cells, years, "published.coverage_pct", row.line, amount=False)
    return {}


def subtitles(r: Reader, budget: dict[str, Any]) -> None:
    lines = r.section("subtitulos", "budget.subtitles", True)
    year = next((int(m.group(1)) for x in lines if (m := re.search(r"ejecutado (\d{4})", x.text))), None)
    if year is None:
        return
    spending.read_subtitles(r, lines, year, budget, with_admin=False)


def _assessment(r: Reader, results: dict[int, str]) -> dict[str, Any]:
    """«HALLAZGOS NO SUPERADOS» per dimension, and per indicator the «Resultado» and the analysis text."""
    dims: dict[str, Any] = {}
    current: list[str] | None = None
    for para in paragraphs(r.section("hallazgos", "assessment", True)):
        match = _DIM_HEADING.match(para[0].text)
        if match:
            name = _DIMENSIONS[int(match.group(1)) - 1][0]
            current = dims.setdefault(name, {"results": []})["results"]
            r.mark(f"assessment.dimensions.{name}", para[0])
            para = para[1:]
            if not para:
                continue
        if current is not None:
            current.extend(bullets(para))
    out: dict[str, Any] = {"dimensions": {k: v for k, v in dims.items() if v["results"]}}
    analyses = indicators.read_analysis_2023(r, r.section("analisis"))
    items = []
    for number in sorted(set(results) | set(analyses)):
        result, analysis = indicators.split_result(results.get(number, ""), analyses.get(number))
        if result or analysis:
            items.append(
                {"indicator": number, "result": result, **({"analysis": analysis} if analysis else {})}
            )
    if items:
        out["indicators"] = items
    return out if out["dimensions"] or items else {}


def bullets(para: Sequence[Line]) -> list[str]:
    items: list[list[str]] = []
    for line in para:
        text = line.text
        if text.startswith(("•", "- ")) or not items:
            items.append([text.lstrip("•- ").strip()])
        else:
            items[-1].append(text)
    return [" ".join(x).strip() for x in items if " ".join(x).strip()]
