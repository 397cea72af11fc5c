"""Review inputs naming things that do not exist are data errors with their own codes
(docs/edition-2025.md, clarification 5): review.E001 observation, E002 judgement, E003 indicator number,
E004 judgement value, E005 finding code, E006 indicator number against the rule's scope."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.domain import Judgement, Justification, Review, ReviewDecision, Submission, Verdict
from monitoreo.io import read_submission
from monitoreo.validation import validate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "2025" / "transporte-rural-subsidiado.yaml"


@pytest.fixture(scope="module")
def sub() -> Submission:
    return read_submission(EXAMPLE)


def _with(
    sub: Submission, judgements: list[Judgement] | None = None, decisions: list[ReviewDecision] | None = None
) -> Submission:
    return sub.model_copy(update={"review": Review(judgements=judgements or [], decisions=decisions or [])})


def _review_codes(sub: Submission) -> list[tuple[str, str]]:
    return [(i.code, i.path) for i in validate(sub).issues if i.code.startswith("review.")]


def test_the_examples_have_valid_reviews(sub: Submission) -> None:
    assert _review_codes(sub) == []
    for path in sorted((ROOT / "examples" / "2025").glob("*.yaml")):
        assert _review_codes(read_submission(path)) == [], path.name


def test_observation_that_does_not_exist(sub: Submission) -> None:
    decision = ReviewDecision(
        finding="efficiency.final_execution.under",
        verdict=Verdict.INSUFFICIENT,
        justification=Justification(observation=5),
    )
    issues = [i for i in validate(_with(sub, decisions=[decision])).issues if i.code == "review.E001"]
    assert [(i.path, i.values["number"], i.values["count"]) for i in issues] == [
        ("review.decisions.0.justification.observation", 5, 1)
    ]
    assert "observación N°5" in issues[0].message


def test_unknown_judgement_and_finding_codes(sub: Submission) -> None:
    bad = _with(
        sub,
        judgements=[Judgement(code="targeting.criterios_claros", value=True)],
        decisions=[ReviewDecision(finding="efficiency.final_execution.bajo", verdict=Verdict.PERTINENT)],
    )
    assert _review_codes(bad) == [
        ("review.E002", "review.judgements.0.code"),
        ("review.E005", "review.decisions.0.finding"),
    ]


def test_a_2020_judgement_is_unknown_in_2025(sub: Submission) -> None:
    bad = _with(sub, judgements=[Judgement(code="targeting.new_criteria", value=False)])
    assert _review_codes(bad) == [("review.E002", "review.judgements.0.code")]


@pytest.mark.parametrize(
    ("code", "value", "ok"),
    [
        ("targeting.prioritization_criteria_clear", "no_aplica", True),
        ("targeting.focalization_criteria_clear", "insuficiente", True),
        ("efficiency.admin_description_correct", "insuficiente", True),
        ("efficiency.admin_description_correct", "no_aplica", False),
        ("targeting.universal_pertinent", "insuficiente", False),
    ],
)
def test_judgement_values_the_rule_accepts(sub: Submission, code: str, value: str, ok: bool) -> None:
    found = _review_codes(_with(sub, judgements=[Judgement(code=code, value=value)]))  # type: ignore[arg-type]
    assert found == ([] if ok else [("review.E004", "review.judgements.0.value")])


def test_indicator_numbers(sub: Submission) -> None:
    bad = _with(
        sub,
        judgements=[
            Judgement(code="effectiveness.indicator_quality", value=True, indicator=3),
            Judgement(code="effectiveness.indicator_pertinent", value=True),
            Judgement(code="targeting.prioritization_criteria_clear", value=True, indicator=1),
        ],
        decisions=[
            ReviewDecision(finding="effectiveness.purpose_indicator.worse", verdict=Verdict.PERTINENT)
        ],
    )
    assert _review_codes(bad) == [
        ("review.E003", "review.judgements.0.indicator"),
        ("review.E006", "review.judgements.1.indicator"),
        ("review.E006", "review.judgements.2.indicator"),
        ("review.E006", "review.decisions.0.indicator"),
    ]


def test_unknown_verdict_is_a_coded_read_error(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("verdict: pertinente", "verdict: aceptada", 1)
    bad = tmp_path / "veredicto.yaml"
    bad.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2, result.output
    assert "verdict" in result.output and "input.E0" in result.output and "Traceback" not in result.output
