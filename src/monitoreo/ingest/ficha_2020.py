"""Parser of the 2020 ficha layout (S20, «MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA 2020»): propósito and
historial, II análisis de desempeño (a table of results and evaluator observations per dimension), I
antecedentes, III desempeño (budget and execution %, spend by subtítulo with an administrative column,
population descriptions, coverage and spend per beneficiary, components, purpose indicators), IV ODS,
V observaciones, notas técnicas. The PDF text prints section II before the heading; sections are found by
their headings in any order.

Printed figures the 2020 data cannot recompute (execution %, coverage, spend per beneficiary: their inputs
are not printed) are kept under ``published``, as the seed data file does."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from monitoreo.ingest import history, identity, indicators, populations, spending, texts
from monitoreo.ingest.cells import Published, series
from monitoreo.ingest.lines import Line, ascii_fold, join, paragraphs
from monitoreo.ingest.reader import Reader
from monitoreo.ingest.tables import read_rows

ANCHORS = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("proposito", r"^PROP[ÓO]SITO$"),
        ("historial", r"^HISTORIAL EVALUATIVO"),
        ("analisis", r"^II\.\s+AN[ÁA]LISIS DE DESEMPE[ÑN]O"),
        ("encabezado", identity.HEADER.pattern),
        ("antecedentes", r"^I\.\s+ANTECEDENTES"),
        ("descripcion", r"^DESCRIPCI[ÓO]N DEL PROGRAMA"),
        ("desempeno", r"^III\.\s+DESEMPE[ÑN]O"),
        ("presupuesto", r"^PRESUPUESTO Y EJECUCI[ÓO]N"),
        ("subtitulos", r"^GASTO POR SUBT[ÍI]TULOS"),
        ("poblacion", r"^POBLACI[ÓO]N$"),
        ("grafico", r"^Poblaci[óo]n objetivo y beneficiada por a[ñn]o"),
        ("cobertura", r"^COBERTURA POR A[ÑN]O"),
        ("gxb", r"^EVOLUCI[ÓO]N GASTO POR BENEFICIARIO"),
        ("componentes", r"^GASTO Y PRODUCCI[ÓO]N DE COMPONENTES"),
        ("indicadores", r"^INDICADORES DE PROP[ÓO]SITO"),
        ("otros", r"^IV\.\s+OTROS ANTECEDENTES"),
        ("ods", r"^CONTRIBUCI[ÓO]N A LOS OBJETIVOS"),
        ("institucion", r"^V\.\s+OBSERVACIONES"),
        ("ajustes", r"^AJUSTES POR SITUACI[ÓO]N"),
        ("observaciones", r"^OBSERVACIONES DE LA INSTITUCI[ÓO]N"),
        ("notas", r"^Nota t[ée]cnica 1\s*:"),
        ("leyenda", r"^S/I:\s*Valor no informado"),
    )
)
_DIMENSION = re.compile(
    r"^(Focalizaci[óo]n(?: y Cobertura)?|Eficiencia(?: y Ejecuci[óo]n Presupuestaria)?|Eficacia)$",
    re.IGNORECASE,
)
_PRICE = re.compile(r"M\$\s?(\d{4})")


def parse(r: Reader, edition: int) -> dict[str, Any]:
    """Data-file content of a 2020-layout ficha."""
    r.find_sections(ANCHORS)
    data: dict[str, Any] = {"program": _program(r), "history": history.read_2020(r, r.section("historial"))}
    years = _years(r)
    price = _price_year(r)
    if price:
        data["price_base_year"] = price
    published = Published()
    if years:
        data["evaluated_year"], data["years"] = years[-1], years
        budget: dict[str, Any] = {}
        spending.read_budget(r, r.section("presupuesto", "budget", True), years, budget, published)
        _coverage(r, years, published)
        _subtitles(r, years[-1], budget)
        data["populations"] = populations.read_2020(r, r.section("poblacion", "populations", True))
        data["components"] = spending.read_components(
            r, r.section("componentes", "components", True), years, budget, published
        )
        data["budget"] = budget
        data["indicators"] = indicators.read_2020(r, r.section("indicadores", "indicators", True), years)
    data["assessment"] = _assessment(r)
    data["ods"] = texts.read_ods(r, r.section("ods", "ods", True))
    adjustments = join(r.section("ajustes"))
    if adjustments:
        data["health_adjustments"] = adjustments
        r.mark("health_adjustments", r.heading("ajustes"))
    data["observations"] = texts.read_observations(r, r.section("observaciones", "observations", True))
    data["technical_notes"] = texts.read_notes(r, r.section("notas", "technical_notes", True, heading=True))
    data["published"] = published.items
    return {k: v for k, v in data.items() if v not in (None, [], {})}


def _program(r: Reader) -> dict[str, Any]:
    program: dict[str, Any] = identity.read_heading(r)
    paras = paragraphs(r.section("descripcion", "program.description", True))
    if paras:
        program["description"] = "\n\n".join(join(p) for p in paras)
        r.mark("program.description", paras[0][0])
        program["regions"] = identity.read_regions(r, program["description"], paras[0][0])
    identity.read_years(r, r.section("historial"), program)
    purpose = join(r.section("proposito", "program.purpose", True))
    if purpose:
        program["purpose"] = purpose
        r.mark("program.purpose", r.heading("proposito"))
    return {k: v for k, v in program.items() if v not in (None, [])}


def _years(r: Reader) -> list[int]:
    for name in ("presupuesto", "componentes", "indicadores"):
        for row in read_rows(r.section(name), lambda key: 99):
            if row.years:
                years = sorted(set(row.years))
                r.mark("years", row.line)
                return years
    r.issue("import.E006", "years", "no se encontró la fila de años de las tablas (p. ej. «2019 2020»)")
    return []


def _price_year(r: Reader) -> int | None:
    for name in ("presupuesto", "subtitulos", "componentes", "cobertura"):
        for line in [x for x in [r.heading(name)] if x] + r.section(name)[:4]:
            match = _PRICE.search(line.text)
            if match:
                r.mark("price_base_year", line)
                return int(match.group(1))
    r.issue("import.E006", "price_base_year", "no se encontró el año de los precios («M$ 2021»)")
    return None


def _coverage(r: Reader, years: Sequence[int], published: Published) -> None:
    """Coverage and spend per beneficiary per year: one unlabelled row «24% 14% 1.470 1.010» under the two
    headings side by side (S20 text), or a «Cobertura» row and a «Gasto por beneficiario» row."""
    n = len(years)

    def expected(key: str) -> int:
        return n if "cobertura" in key or "beneficiario" in key else 2 * n

    lines = r.section("cobertura", "published.coverage_pct", True) + r.section("gxb")
    for row in read_rows(lines, expected):
        if not row.cells or row.incomplete:
            continue
        if "beneficiario" in row.key:
            cover, spend = [], row.cells
        elif "cobertura" in row.key:
            cover, spend = row.cells, []
        else:
            cover, spend = row.cells[:n], row.cells[n:]
        published.add("coverage_pct", series(r, cover, years, "published.coverage_pct", row.line, False))
        published.add(
            "spend_per_beneficiary", series(r, spend, years, "published.spend_per_beneficiary", row.line)
        )


def _subtitles(r: Reader, year: int, budget: dict[str, Any]) -> None:
    lines = r.section("subtitulos", "budget.subtitles", True)
    if lines:
        r.issue(
            "import.W005",
            f"budget.subtitles.{year}",
            f"la tabla no imprime su año: se asume {year}",
            r.heading("subtitulos"),
        )
        spending.read_subtitles(r, lines, year, budget, with_admin=True)


def _assessment(r: Reader) -> dict[str, Any]:
    """«DIMENSIÓN / RESULTADOS / OBSERVACIONES EVALUADOR(ES)»: per dimension the result lines (a line that
    starts in lowercase continues the previous one) and the evaluator's observations (paragraphs)."""
    blocks: dict[str, tuple[Line, list[Line]]] = {}
    current: list[Line] | None = None
    lines = _join_wrapped_labels(r.section("analisis", "assessment", True))
    for line in lines:
        if _DIMENSION.match(line.text):
            low = ascii_fold(line.text)
            key = (
                "focalizacion"
                if low.startswith("focal")
                else "eficiencia"
                if low.startswith("efici")
                else "eficacia"
            )
            current = []
            blocks[key] = (line, current)
        elif current is not None:
            current.append(line)
    dims: dict[str, Any] = {}
    for key, (head, body) in blocks.items():
        paras = paragraphs(body)
        if not paras:
            continue
        entry: dict[str, Any] = {"results": _result_lines(paras[0])}
        observations = "\n\n".join(join(p) for p in paras[1:])
        if observations:
            entry["observations"] = observations
        dims[key] = entry
        r.mark(f"assessment.dimensions.{key}", head)
    return {"dimensions": dims} if dims else {}


def _join_wrapped_labels(lines: Sequence[Line]) -> list[Line]:
    """«Eficiencia y Ejecución» / «Presupuestaria» (a dimension label wrapped in its cell) → one line."""
    out: list[Line] = []
    for line in lines:
        if (
            out
            and out[-1].text
            and not _DIMENSION.match(out[-1].text)
            and _DIMENSION.match(f"{out[-1].text} {line.text}")
        ):
            out[-1] = Line(f"{out[-1].text} {line.text}", out[-1].number, out[-1].page)
        else:
            out.append(line)
    return out


def _result_lines(para: Sequence[Line]) -> list[str]:
    items: list[str] = []
    for line in para:
        if items and line.text[:1].islower():
            items[-1] = f"{items[-1]} {line.text}"
        else:
            items.append(line.text)
    return items
