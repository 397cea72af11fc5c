"""The 2025 layout: the report's order, the labelled findings blocks with the evaluator's reasons, the
superado assessment with the pertinence clause, in the model, the HTML and the PDF (the importer's PDF text)."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from monitoreo.domain.program import Complementarities, Executors
from monitoreo.sheet import SheetModel, build_sheet, render_html, render_pdf
from monitoreo.sheet.model import BulletList, Paragraph
from monitoreo.sheet.wording_2025 import NO_COMPLEMENTARITIES, PERTINENT_JUSTIFICATION
from tests.sheet import fixture_2025 as fx
from tests.sheet.test_pdf import pdf_text

LABELS = [
    "Criterios de priorización:",
    "Ejecución presupuestaria:",
    "Gasto Administrativo:",
    "Indicador de propósito 1:",
    "Indicador de propósito 2:",
]


@pytest.fixture(scope="module")
def model() -> SheetModel:
    sub = fx.submission_2025()
    return build_sheet(sub, fx.evaluation_2025(sub))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _findings_part(text: str) -> str:
    """From «1. Focalización» to «Otras dimensiones» (the labels also lead the assessments above)."""
    start, end = text.index("1. Focalización"), text.upper().index("III. OTRAS DIMENSIONES")
    return text[start:end]


def _check_findings_text(text: str) -> None:
    part = _findings_part(text)
    for label in LABELS:
        assert part.count(label) == 1, label
    open_findings = [o for o in fx.OUTCOMES if o[3] is fx.OPEN]
    position = -1
    for _, _, _, _, _, _label, sentence, detail in open_findings:
        at = part.index(_flat(sentence))
        assert at > position, sentence  # print order
        assert part.index(_flat(sentence) + " " + _flat(detail)) == at, (
            f"{sentence} not followed by its reason"
        )
        position = at
    for label in LABELS:  # the label leads its block's first sentence
        first = next(o for o in open_findings if o[5] == label)
        assert _flat(f"{label} {first[6]}") in part


def _check_assessments_text(text: str) -> None:
    head = text[: text.index("1. Focalización")]
    superado = _flat(f"Gasto por beneficiario: {fx.GXB_OUT} {PERTINENT_JUSTIFICATION} {fx.OUTCOMES[5][7]}")
    assert superado in head
    assert _flat(f"Criterios de focalización: {fx.FOC_PO_OK} {fx.OUTCOMES[0][7]}") in head
    assert fx.GXB_OUT not in _findings_part(text)  # superado: not a finding of the block


def test_sections_in_the_order_of_the_2025_report(model: SheetModel) -> None:
    assert model.section_keys == [
        "antecedentes",
        "hallazgos",
        "otras_dimensiones",
        "focalizacion",
        "eficiencia",
        "eficacia",
        "observaciones",
        "notas_tecnicas",
    ]
    first = model.section("antecedentes").blocks
    labels = [b.label for b in first if isinstance(b, Paragraph) and b.label]
    assert labels == [
        "Descripción:",
        "Población Objetivo:",
        "Ejecutores:",
        "Complementariedades informadas:",
        "Criterios de focalización:",
        "Gasto por beneficiario:",
    ]
    fields = next(b for b in first if b.kind == "fields")
    assert [(f.label, f.value) for f in fields.items][-2:] == [
        ("Año de inicio:", "2006"),
        ("Año de término:", "Permanente"),
    ]
    lists = [b.items for b in first if isinstance(b, BulletList)]
    assert lists[0] == [
        "Municipalidad de Valdivia (Municipio)",
        "Fundación Teatro a Mil (Organismo privado sin fines de lucro)",
    ]
    assert lists[1][0].startswith("Fondo Nacional de Desarrollo Cultural y las Artes: Financia la creación")
    headings = [b.text for b in model.section("hallazgos").blocks if b.kind == "heading"]
    assert headings == ["1. Focalización", "2. Eficiencia", "3. Eficacia"]


def test_direct_execution_and_no_complementarities_are_said_in_words() -> None:
    sub = fx.submission_2025()
    program = sub.program.model_copy(
        update={"executors": Executors(direct=True), "complementarities": Complementarities()}
    )
    sub = sub.model_copy(update={"program": program})
    texts = {
        b.label: b.text
        for b in build_sheet(sub, fx.evaluation_2025(sub)).section("antecedentes").blocks
        if isinstance(b, Paragraph) and b.label
    }
    assert texts["Ejecutores:"] == (
        "El programa es implementado directamente por la entidad responsable, sin la ejecución de terceros."
    )
    assert texts["Complementariedades informadas:"] == NO_COMPLEMENTARITIES.format(t=2025)
    assert texts["Complementariedades informadas:"].endswith("vigente al 2025.")


def test_a_dimension_without_findings_prints_the_editions_sentence() -> None:
    sub = fx.submission_2025()
    ev = fx.evaluation_2025(sub)
    ev = ev.model_copy(
        update={
            "outcomes": [o for o in ev.outcomes if o.dimension is not fx.EFC],
            "block": {fx.EFC: ["Sin hallazgos en la dimensión de Eficacia."]},
        }
    )
    blocks = build_sheet(sub, ev).section("hallazgos").blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts[-1] == "Sin hallazgos en la dimensión de Eficacia."


def test_no_inflator_table_for_the_price_base_is_said_not_mislabelled(model: SheetModel) -> None:
    notes = model.section("notas_tecnicas").blocks
    inflators = next(b for b in notes if isinstance(b, Paragraph) and b.label == "Inflactores:")
    assert "No se dispone de una tabla de inflactores base 2026" in inflators.text
    assert not any(b.kind == "table" for b in notes)


def test_html_prints_each_label_once_and_each_sentence_with_its_reason(model: SheetModel) -> None:
    page = render_html(model)
    text = _flat(html_lib.unescape(re.sub(r"<[^>]+>", " ", page)))
    text = re.sub(r" ([.,:])", r"\1", text)
    _check_findings_text(text)
    _check_assessments_text(text)


@pytest.mark.slow
def test_pdf_prints_each_label_once_and_each_sentence_with_its_reason(model: SheetModel) -> None:
    text = _flat(pdf_text(render_pdf(model)))
    _check_findings_text(text)
    _check_assessments_text(text)


def test_otras_dimensiones_is_left_out_when_empty_and_numbers_have_no_gap() -> None:
    sub = fx.submission_2025().model_copy(update={"ods": [], "gender_approach": None})
    model = build_sheet(sub, fx.evaluation_2025(sub))
    assert "otras_dimensiones" not in model.section_keys
    assert [s.title.split(".")[0] for s in model.sections if s.title] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
    ]
    assert model.section("focalizacion").title == "III. DATOS DEL PROGRAMA: FOCALIZACIÓN"


def test_the_2023_and_2020_layouts_are_not_the_2025_one(m23: SheetModel, m20: SheetModel) -> None:
    assert "hallazgos" not in m23.section_keys and "hallazgos" not in m20.section_keys
