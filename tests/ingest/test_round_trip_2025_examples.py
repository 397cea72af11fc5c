"""Round trip of edition-2025 examples evaluated by the methodology: rendered with their ``Evaluation`` (labelled
findings blocks, the evaluator's assessments, executors and complementarities), the PDF imports back to the
data the ficha prints, and every findings paragraph comes back under its dimension.

Compared as ``printed.printed_projection`` except ``assessment`` (these fichas print the evaluation's blocks,
compared paragraph by paragraph below) and ``program.regions``: the descriptions of these examples do not
name their regions and they have no regional table, so the ficha does not print them."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitoreo.domain import Dimension
from monitoreo.ingest.api import parse_ficha_text
from monitoreo.ingest.pdf_text import extract_text
from monitoreo.io import read_submission
from monitoreo.methodology import evaluate
from monitoreo.metrics import compute_metrics
from monitoreo.sheet import build_sheet, render_pdf
from monitoreo.sheet.blocks import Context, dimension_results, results_or_placeholder
from monitoreo.sheet.format import SheetFormat
from monitoreo.sheet.layout_2025 import findings_blocks, render_blocks
from monitoreo.sheet.model import Paragraph
from tests.conftest import ROOT
from tests.ingest.printed import printed_projection
from tests.ingest.projection import diff

pytestmark = pytest.mark.slow
EXAMPLES = [
    ROOT / "examples" / "2025" / f"{name}.yaml"
    for name in ("subsidio-calefaccion-eficiente", "vivienda-tutelada", "residencias-familiares")
]
_DIMENSIONS = {
    Dimension.TARGETING: "focalizacion",
    Dimension.EFFICIENCY: "eficiencia",
    Dimension.EFFECTIVENESS: "eficacia",
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _printed_findings(ctx: Context, dimension: Dimension) -> list[str]:
    """The paragraphs the 2025 layout prints under the dimension's heading (label leading its sentence)."""
    blocks = findings_blocks(ctx, dimension)
    if not blocks:
        return results_or_placeholder(dimension_results(ctx, dimension))
    return [
        _flat(f"{p.label} {p.text}" if p.label else p.text)
        for p in render_blocks(blocks)
        if isinstance(p, Paragraph)
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_evaluated_2025_example_round_trips_through_its_pdf(path: Path) -> None:
    source = read_submission(path)
    evaluation = evaluate(source)
    got = extract_text(render_pdf(build_sheet(source, evaluation)))
    result = parse_ficha_text(got.text, path.name, got.extractor, got.metadata)
    assert result.submission is not None, [str(i) for i in result.issues]
    assert result.provenance["layout"] == 2025
    assert not any(i.code == "import.W011" for i in result.issues)
    imported = result.submission
    assert "regiones" not in source.program.description and imported.program.regions == []
    expected, actual = printed_projection(source), printed_projection(imported)
    for side in (expected, actual):
        side.pop("assessment")
        side["program"].pop("regions")
    assert list(diff(expected, actual)) == []
    # the 2025 identification blocks the synthetic fichas do not have
    assert imported.program.executors == source.program.executors
    assert imported.program.complementarities == source.program.complementarities
    ctx = Context(
        sub=source,
        metrics=compute_metrics(source),
        fmt=SheetFormat.for_edition(2025, int(source.price_base_year)),
        evaluation=evaluation,
    )
    assert imported.assessment is not None
    for dimension in Dimension:
        printed = imported.assessment.dimensions.get(dimension)
        assert [_flat(x) for x in (printed.results if printed else [])] == _printed_findings(ctx, dimension)


def test_the_three_examples_cover_findings_executors_and_complementarities() -> None:
    """The examples above exercise a list of executors, a list and an empty list of complementarities, and
    findings blocks in every dimension."""
    subs = [read_submission(p) for p in EXAMPLES]
    assert any(s.program.executors and s.program.executors.items for s in subs)
    assert any(s.program.complementarities and s.program.complementarities.items for s in subs)
    assert any(s.program.complementarities and not s.program.complementarities.items for s in subs)
    evaluation = evaluate(subs[0])
    assert all(evaluation.blocks.get(d) for d in Dimension)
