"""The 2025 layout parser (``ingest/ficha_2025.py``) on the text of one rendered synthetic ficha, and on
variants of it for the identification blocks the synthetic set does not print."""

from __future__ import annotations

import pytest

from monitoreo.ingest import api
from monitoreo.ingest.api import parse_ficha_text
from monitoreo.ingest.pdf_text import extract_text
from monitoreo.sheet import build_sheet, render_pdf
from monitoreo.synth import generate

_EXECUTORS_DIRECT = "Ejecutores: El programa es implementado directamente por la entidad responsable, sin la ejecución de terceros."
_NONE = "El programa no reporta complementariedades con otros programas de la oferta pública vigente al 2025."


@pytest.fixture(scope="module")
def text() -> str:
    source = next(iter(generate(1, seed=11, edition=2025)))
    return extract_text(render_pdf(build_sheet(source))).text


def _with_blocks(text: str, blocks: str) -> str:
    """The text with ``blocks`` printed after the «Población Objetivo:» paragraph, as the layout does."""
    head, tail = text.split("\nII. HALLAZGOS DEL DESEMPEÑO", 1)
    return f"{head}\n{blocks}\n\nII. HALLAZGOS DEL DESEMPEÑO{tail}"


def test_a_2025_ficha_reads_with_its_own_layout(text: str) -> None:
    result = parse_ficha_text(text)
    assert result.submission is not None, [str(i) for i in result.issues]
    assert result.provenance["layout"] == 2025
    # only the name recased from capitals (no PDF metadata here) and the unit guessed from a description
    assert {i.code for i in result.issues} <= {"import.W001", "import.W005"}
    sub = result.submission
    assert sub.synthetic is True  # the demonstration notice under the title
    assert sub.program.ministry == "Ministerio del Medio Ambiente"  # the notice does not leak into it
    assert sub.program.offer_type == "Programa no social"
    # «Población Objetivo:» printed the target description: not kept twice
    assert sub.program.target_population is None
    assert sub.populations.target is not None and sub.populations.target.description
    assert sub.history.ex_ante is None  # the 2025 report prints no evaluation history


def test_executors_and_complementarities_are_read(text: str) -> None:
    listed = _with_blocks(
        text,
        "Ejecutores:\n• Municipalidad de Temuco (Municipio)\n• Fundación Las Rosas (ex Hogar)\n"
        "(Organización sin fines de lucro)\n\nComplementariedades informadas:\n"
        "• Programa de Protección del Patrimonio Familiar: Acondicionamiento térmico.\n"
        "• Programa Hogar Mejor",
    )
    sub = parse_ficha_text(listed).submission
    assert sub is not None and sub.program.executors is not None and sub.program.complementarities is not None
    assert [(e.name, e.type) for e in sub.program.executors.items] == [
        ("Municipalidad de Temuco", "Municipio"),
        ("Fundación Las Rosas (ex Hogar)", "Organización sin fines de lucro"),
    ]
    assert [(c.program, c.description) for c in sub.program.complementarities.items] == [
        ("Programa de Protección del Patrimonio Familiar", "Acondicionamiento térmico."),
        ("Programa Hogar Mejor", None),
    ]

    plain = parse_ficha_text(
        _with_blocks(text, f"{_EXECUTORS_DIRECT}\n\nComplementariedades informadas: {_NONE}")
    )
    sub = plain.submission
    assert sub is not None and sub.program.executors is not None and sub.program.complementarities is not None
    assert sub.program.executors.direct is True and sub.program.executors.items == []
    assert sub.program.complementarities.items == []


def test_an_executor_without_type_is_w012(text: str) -> None:
    result = parse_ficha_text(_with_blocks(text, "Ejecutores:\n• Municipalidad de Temuco"))
    assert result.submission is not None and result.submission.program.executors is None
    assert [i.path for i in result.issues if i.code == "import.W012"] == ["program.executors"]


def test_an_edition_without_its_own_parser_reads_with_the_2025_layout(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "known_editions", lambda: (2020, 2023, 2025, 2026))
    result = parse_ficha_text(text.replace("OFERTA PÚBLICA 2025", "OFERTA PÚBLICA 2026", 1))
    assert result.provenance["layout"] == 2025
    assert [i.message for i in result.issues if i.code == "import.W011"] == [
        "la edición 2026 se leyó con la diagramación 2025"
    ]
