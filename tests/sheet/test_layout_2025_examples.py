"""The 2025 layout on the engine's own output: the examples of ``examples/2025`` evaluated by the methodology
and rendered; every block label of the findings is printed once and every sentence is followed by the
evaluator's text, in HTML (all examples) and PDF (the one with findings in all three dimensions; the importer's PDF text)."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from monitoreo.domain.outcomes import Evaluation
from monitoreo.io import read_submission
from monitoreo.methodology import evaluate
from monitoreo.sheet import build_sheet, render_html, render_pdf
from tests.conftest import ROOT
from tests.sheet.test_pdf import pdf_text

EXAMPLES = sorted((ROOT / "examples" / "2025").glob("*.yaml"))
ALL_THREE = ROOT / "examples" / "2025" / "subsidio-calefaccion-eficiente.yaml"
PERTINENT = "No obstante, la justificación proporcionada por el Servicio se considera pertinente."


def _flat(text: str) -> str:
    return " ".join(text.split())


def _html_text(page: str) -> str:
    return re.sub(r" ([.,:;])", r"\1", _flat(html_lib.unescape(re.sub(r"<[^>]+>", " ", page))))


def _check(text: str, ev: Evaluation) -> None:
    findings = text[text.index("1. Focalización") : text.index("DATOS DEL PROGRAMA: FOCALIZACIÓN")]
    head = text[: text.index("1. Focalización")]
    for blocks in ev.blocks.values():
        for block in blocks:
            if block.label:
                assert findings.count(block.label) == 1, block.label
            for i, s in enumerate(block.sentences):
                printed = _flat(" ".join(x for x in (block.label if i == 0 else None, s.text, s.detail) if x))
                assert printed in findings, printed
    for block in ev.assessments:
        for i, s in enumerate(block.sentences):
            if block.label in {
                "Criterios de focalización:",
                "Criterios de priorización:",
                "Gasto por beneficiario:",
            }:
                printed = _flat(" ".join(x for x in (block.label if i == 0 else None, s.text, s.detail) if x))
                assert printed in head, printed
            elif block.indicator is not None and s.text == ev.indicator_results.get(block.indicator):
                # the indicator's «Resultado» cell: the sentence once, then the evaluator's text
                assert text.count(_flat(s.text)) == 1 and _flat(f"{s.text} {s.detail or ''}") in text
            else:
                printed = _flat(" ".join(x for x in (block.label if i == 0 else None, s.text, s.detail) if x))
                assert printed in text, printed


@pytest.mark.skipif(not EXAMPLES, reason="no edition-2025 examples in this tree")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_prints_its_blocks_and_reasons_in_html(path: Path) -> None:
    sub = read_submission(path)
    ev = evaluate(sub)
    _check(_html_text(render_html(build_sheet(sub, ev))), ev)


@pytest.mark.skipif(not ALL_THREE.is_file(), reason="example not in this tree")
def test_superado_assessments_carry_the_pertinence_clause_once() -> None:
    cleared = 0
    for path in EXAMPLES:
        sub = read_submission(path)
        ev = evaluate(sub)
        text = _html_text(render_html(build_sheet(sub, ev)))
        for block in ev.assessments:
            for s in block.sentences:
                if PERTINENT in s.text:
                    cleared += 1
                    assert text.count(_flat(s.text)) == 1 and _flat(PERTINENT + PERTINENT) not in text
    assert cleared >= 2


@pytest.mark.slow
@pytest.mark.skipif(not ALL_THREE.is_file(), reason="example not in this tree")
def test_pdf_of_the_example_with_findings_in_all_three_dimensions() -> None:
    sub = read_submission(ALL_THREE)
    ev = evaluate(sub)
    assert all(ev.blocks[d] for d in ev.blocks)  # findings in all three dimensions
    _check(_flat(pdf_text(render_pdf(build_sheet(sub, ev)))), ev)
