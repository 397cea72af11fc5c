"""The seed fichas evaluated under their own edition reproduce what the ficha prints."""

from __future__ import annotations

import pytest

from monitoreo.domain import Dimension, FindingStatus, OutcomeVerdict, Review, Submission
from monitoreo.methodology import evaluate

pytestmark = pytest.mark.golden


def test_s20_under_2020_yields_exactly_the_printed_results(s20: Submission) -> None:
    evaluation = evaluate(s20, 2020)
    assert s20.assessment is not None
    for dim in Dimension:
        assert evaluation.block[dim] == s20.assessment.dimensions[dim].results, dim


def test_s20_findings_are_the_three_eficiencia_labels(s20: Submission) -> None:
    evaluation = evaluate(s20, 2020)
    assert [(o.code, o.status) for o in evaluation.findings()] == [
        ("efficiency.initial_execution.under", FindingStatus.UNRESOLVED),
        ("efficiency.final_execution.under", FindingStatus.UNRESOLVED),
        ("efficiency.admin_spend_reported.not_reported", FindingStatus.UNRESOLVED),
    ]
    indicator = next(o for o in evaluation.outcomes if o.rule == "effectiveness.purpose_indicator")
    assert indicator.code == "effectiveness.purpose_indicator.better"
    assert indicator.text == "Mejora no significativamente"
    assert indicator.values["significant"] is False
    assert indicator.values["change"] == pytest.approx(2.0)


def test_s20_execution_reads_the_published_percentages(s20: Submission) -> None:
    evaluation = evaluate(s20, 2020)
    initial = next(o for o in evaluation.outcomes if o.rule == "efficiency.initial_execution")
    final = next(o for o in evaluation.outcomes if o.rule == "efficiency.final_execution")
    assert initial.values["execution_pct"] == 36.0
    assert final.values["execution_pct"] == 68.0


def test_s23_under_2023_has_no_unresolved_finding(s23: Submission) -> None:
    evaluation = evaluate(s23, 2023)
    assert evaluation.findings(FindingStatus.UNRESOLVED) == []
    assert [o.code for o in evaluation.findings(FindingStatus.RESOLVED)] == [
        "effectiveness.purpose_indicator.worse"
    ]
    assert s23.assessment is not None
    for dim in Dimension:
        assert evaluation.block[dim] == s23.assessment.dimensions[dim].results, dim


def test_s23_indicator_result_is_the_printed_sentence(s23: Submission) -> None:
    evaluation = evaluate(s23, 2023)
    assert s23.assessment is not None
    printed = s23.assessment.indicators[0].result
    assert evaluation.indicator_results == {1: printed}


def test_s23_without_the_decision_has_the_eficacia_finding_unresolved(s23: Submission) -> None:
    bare = s23.model_copy(update={"review": Review()})
    evaluation = evaluate(bare, 2023)
    unresolved = evaluation.findings(FindingStatus.UNRESOLVED)
    assert [(o.code, o.dimension, o.indicator) for o in unresolved] == [
        ("effectiveness.purpose_indicator.worse", Dimension.EFFECTIVENESS, 1)
    ]
    assert evaluation.block[Dimension.EFFECTIVENESS] == [
        "El resultado del indicador de propósito disminuyó (lectura ascendente), indicando un peor desempeño "
        "del programa en el 2023 respecto a la ejecución del 2022."
    ]
    assert evaluation.block[Dimension.TARGETING] == ["Sin hallazgos en la dimensión de focalización."]


def test_default_edition_is_the_submissions_own(s23: Submission) -> None:
    assert evaluate(s23).edition == 2023


def test_rerun_is_identical_and_does_not_touch_decisions(s23: Submission) -> None:
    first, second = evaluate(s23), evaluate(s23)
    assert first == second
    assert first.methodology_hash and len(first.methodology_hash) == 64
    assert s23.review.decisions[0].verdict.value == "pertinente"


def test_every_outcome_carries_edition_values_and_a_known_verdict(s23: Submission) -> None:
    evaluation = evaluate(s23, 2025)
    assert evaluation.edition == 2025
    for outcome in evaluation.outcomes:
        assert outcome.code.startswith(outcome.rule + ".")
        assert outcome.verdict in OutcomeVerdict
        assert (outcome.status is None) == (outcome.verdict is not OutcomeVerdict.FINDING)
