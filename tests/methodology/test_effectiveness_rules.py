"""Eficacia: direction, significance (2020), non-reporting and its persistence, judgements."""

from __future__ import annotations

import pytest

from monitoreo.domain import Direction, FindingStatus, Missing, OutcomeVerdict, Review, Submission
from monitoreo.methodology import evaluate
from tests.methodology.variants import ALL_CODES, d, outcome, with_indicator, with_judgements

RULE = "effectiveness.purpose_indicator"


@pytest.mark.parametrize(
    ("direction", "before", "after", "expected"),
    [
        (Direction.ASCENDING, "62", "59", "worse"),
        (Direction.ASCENDING, "59", "62", "better"),
        (Direction.DESCENDING, "62", "59", "better"),
        (Direction.DESCENDING, "59", "62", "worse"),
        (Direction.DESCENDING, "59", "59", "unchanged"),
    ],
)
def test_change_is_read_in_its_direction(
    s23: Submission, direction: Direction, before: str, after: str, expected: str
) -> None:
    sub = with_indicator(s23, {2022: d(before), 2023: d(after)}, direction)
    assert outcome(evaluate(sub, 2023), RULE).code == f"{RULE}.{expected}"


def test_descending_increase_sentence_2023(s23: Submission) -> None:
    sub = with_indicator(
        s23.model_copy(update={"review": Review()}), {2022: d(10), 2023: d(12)}, Direction.DESCENDING
    )
    result = outcome(evaluate(sub, 2023), RULE)
    assert result.text == (
        "El resultado del indicador de propósito aumentó (lectura descendente), indicando un peor "
        "desempeño del programa en el 2023 respecto a la ejecución del 2022."
    )
    assert (result.code, result.status) == ("effectiveness.purpose_indicator.worse", FindingStatus.UNRESOLVED)
    justified = outcome(
        evaluate(with_indicator(s23, {2022: d(10), 2023: d(12)}, Direction.DESCENDING), 2023), RULE
    )
    assert justified.status is FindingStatus.RESOLVED
    assert justified.text.endswith(
        "respecto a la ejecución del 2022, pero la justificación entregada es pertinente."
    )


@pytest.mark.parametrize(
    ("before", "after", "expected_text"),
    [
        ("20", "22", "Mejora no significativamente"),  # S20: +10 % relative
        ("20", "24", "Mejora no significativamente"),  # +20 % relative: not above the threshold
        ("20", "24.01", "Mejora significativamente"),
        ("20", "18", "Empeora no significativamente"),
        ("20", "15", "Empeora significativamente"),
    ],
)
def test_2020_significance(s20: Submission, before: str, after: str, expected_text: str) -> None:
    sub = with_indicator(s20, {2019: d(before), 2020: d(after)})
    assert outcome(evaluate(sub, 2020), RULE).text == expected_text


def test_no_significance_rule_after_2020(s23: Submission) -> None:
    sub = with_indicator(s23.model_copy(update={"review": Review()}), {2022: d("62"), 2023: d("61.99")})
    result = outcome(evaluate(sub, 2023), RULE)
    assert (result.code, result.values["significant"]) == (f"{RULE}.worse", None)


@pytest.mark.parametrize("code", ALL_CODES)
def test_missing_codes_in_the_current_value(s23: Submission, code: Missing) -> None:
    result = outcome(evaluate(with_indicator(s23, {2022: d(62), 2023: code}), 2025), RULE)
    if code is Missing.NOT_REPORTED:
        assert (result.code, result.verdict) == (f"{RULE}.not_reported", OutcomeVerdict.FINDING)
        # 2025 prints the block label once, apart from the sentence (methodology §5.1a).
        assert result.label == "Indicador de propósito 1:"
        assert result.text == (
            "No es posible evaluar la variación del indicador de "
            "propósito, debido a que no se reportan los valores en 2023."
        )
    else:
        assert result.verdict is OutcomeVerdict.NOT_EVALUABLE


@pytest.mark.parametrize("code", ALL_CODES)
def test_missing_codes_in_the_previous_value(s23: Submission, code: Missing) -> None:
    result = outcome(evaluate(with_indicator(s23, {2022: code, 2023: d(62)}), 2025), RULE)
    assert (result.code, result.verdict) == (f"{RULE}.no_history", OutcomeVerdict.NOT_EVALUABLE)


def test_absent_year_counts_as_not_reported(s23: Submission) -> None:
    result = outcome(evaluate(with_indicator(s23, {2022: d(62)}), 2025), RULE)
    assert result.code == f"{RULE}.not_reported"


def test_no_direction_is_not_evaluable(s23: Submission) -> None:
    result = outcome(evaluate(with_indicator(s23, {2022: d(1), 2023: d(2)}, None), 2025), RULE)
    assert result.code == f"{RULE}.no_direction"


def test_program_without_indicator(s23: Submission) -> None:
    ev = evaluate(s23.model_copy(update={"indicators": []}), 2025)
    assert [o.code for o in ev.outcomes if o.dimension.value == "eficacia"] == [f"{RULE}.missing"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "persistent"),
        ({2021: Missing.NOT_REPORTED, 2022: Missing.NOT_REPORTED, 2023: Missing.NOT_REPORTED}, "persistent"),
        ({2021: d(1)}, "reported"),
        ({2023: d(1)}, "reported"),
    ],
)
def test_indicator_non_reporting_persistence(
    s23: Submission, values: dict[int, object], expected: str
) -> None:
    result = outcome(
        evaluate(with_indicator(s23, values), 2025), "effectiveness.indicator_reporting_persistence"
    )  # type: ignore[arg-type]
    assert result.code == f"effectiveness.indicator_reporting_persistence.{expected}"


def test_indicator_persistence_needs_three_years(s20: Submission) -> None:
    result = outcome(evaluate(with_indicator(s20, {}), 2025), "effectiveness.indicator_reporting_persistence")
    assert result.verdict is OutcomeVerdict.NOT_EVALUABLE


@pytest.mark.parametrize(
    ("value", "code", "text"),
    [
        (True, "effectiveness.indicator_pertinence.pertinent", "El indicador es pertinente"),
        (False, "effectiveness.indicator_pertinence.not_pertinent", "El indicador no es pertinente"),
    ],
)
def test_pertinence_is_the_evaluators_judgement(s20: Submission, value: bool, code: str, text: str) -> None:
    sub = with_judgements(s20, ("effectiveness.indicator_pertinent", value, 1))
    result = outcome(evaluate(sub, 2020), "effectiveness.indicator_pertinence")
    assert (result.code, result.text) == (code, text)


def test_judgement_missing_is_pending_and_not_printed(s20: Submission) -> None:
    ev = evaluate(with_judgements(s20), 2020)
    result = outcome(ev, "effectiveness.indicator_quality")
    assert (result.code, result.verdict, result.text) == (
        "effectiveness.indicator_quality.pending",
        OutcomeVerdict.NOT_EVALUABLE,
        "",
    )
    assert "El indicador cumple con el criterio de calidad" not in ev.block[result.dimension]
