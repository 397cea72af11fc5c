"""Ficha defects of issue #14: empty ODS heading, «Inflactores» said twice, PDF dates, the 2020 section order."""

from __future__ import annotations

import re
from datetime import timedelta

from monitoreo.domain import Submission
from monitoreo.sheet import SheetModel, build_sheet
from monitoreo.sheet.model import Paragraph, Table
from monitoreo.sheet.pdf import timestamp


def test_no_ods_says_no_informa(s23: Submission) -> None:
    blocks = build_sheet(s23.model_copy(update={"ods": []})).section("otros_atributos").blocks
    assert [getattr(b, "text", None) for b in blocks[:2]] == [
        "CONTRIBUCIÓN A LOS OBJETIVOS DE DESARROLLO SOSTENIBLE (ODS)",
        "No informa.",
    ]


def test_inflactores_is_said_once(m23: SheetModel) -> None:
    section = m23.section("notas_tecnicas")
    assert not [b for b in section.blocks if isinstance(b, Paragraph) and b.label == "Inflactores:"]
    assert [b.caption for b in section.blocks if isinstance(b, Table)] == ["Inflactores:"]


def test_pdf_date_is_santiago_time_with_its_offset(m23: SheetModel, pdf23: bytes) -> None:
    moment = timestamp(m23)
    assert (
        moment is not None and moment.isoformat() == "2024-04-24T17:51:00-04:00"
    )  # Chile: UTC−4 in April 2024
    # Typst writes the same instant in UTC: 17:51 in Santiago is 21:51Z (it used to write 17:51Z)
    assert re.findall(rb"/CreationDate\s*\(([^)]*)\)", pdf23) == [b"D:20240424215100Z"]
    summer = m23.model_copy(update={"published_at_iso": "2024-01-15T10:00:00"})
    assert timestamp(summer).utcoffset() == timedelta(hours=-3)  # type: ignore[union-attr]


def test_pdf_without_publication_date_has_no_date_and_same_bytes(m20: SheetModel, pdf20: bytes) -> None:
    from monitoreo.sheet import render_pdf

    assert b"/CreationDate" not in pdf20 and b"CreateDate" not in pdf20 and b"D:1970" not in pdf20
    assert render_pdf(m20) == pdf20


def test_2020_prints_section_ii_before_i_as_published(m20: SheetModel) -> None:
    # Decision (docs/ficha-rendering.md, «Layouts»): the real 2020 ficha's text puts «II. ANÁLISIS DE
    # DESEMPEÑO» before «I. ANTECEDENTES DEL PROGRAMA»; the 2020 layout keeps that order and numbering.
    titles = [s.title for s in m20.sections if s.level == 1 and s.title]
    assert titles[:3] == [
        "II. ANÁLISIS DE DESEMPEÑO",
        "I. ANTECEDENTES DEL PROGRAMA",
        "III. DESEMPEÑO 2020 DEL PROGRAMA",
    ]
