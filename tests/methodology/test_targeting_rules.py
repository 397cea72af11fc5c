"""Focalización: nesting of populations, universal programs, criteria judgements, 2020 labels."""

from __future__ import annotations

import pytest

from monitoreo.domain import FindingStatus, Missing, OutcomeVerdict, Submission
from monitoreo.methodology import evaluate
from tests.methodology.variants import ALL_CODES, codes, d, outcome, with_judgements, with_populations


@pytest.mark.parametrize(
    ("pp", "po", "expected"), [(100, 100, "subset"), (100, 99, "subset"), (100, 101, "not_subset")]
)
def test_target_within_potential(s23: Submission, pp: int, po: int, expected: str) -> None:
    sub = with_populations(s23, potential=d(pp), target=d(po), served=d(1))
    result = outcome(evaluate(sub, 2025), "targeting.target_subset")
    assert result.code == f"targeting.target_subset.{expected}"
    if expected == "not_subset":
        # 2025 census (methodology §5.1a): the standard sentence ends at «potencial.»; the quantities are
        # the evaluator's text. 2023 keeps the sentence with the quantities.
        assert (
            result.text
            == "La población objetivo del programa no corresponde a un subconjunto de la población potencial."
        )
        assert outcome(evaluate(sub, 2023), "targeting.target_subset").text.endswith(
            "Ya que la cuantificación de esta última (100) es menor a la de la población objetivo (101)."
        )


@pytest.mark.parametrize(("po", "pb", "expected"), [(10, 10, "subset"), (10, 11, "not_subset")])
def test_served_within_target(s23: Submission, po: int, pb: int, expected: str) -> None:
    sub = with_populations(s23, potential=d(100), target=d(po), served=d(pb))
    assert (
        outcome(evaluate(sub, 2025), "targeting.served_subset").code == f"targeting.served_subset.{expected}"
    )


@pytest.mark.parametrize("code", ALL_CODES)
@pytest.mark.parametrize("edition", [2023, 2025])
def test_missing_quantities(s23: Submission, code: Missing, edition: int) -> None:
    result = outcome(
        evaluate(with_populations(s23, potential=code, target=d(10), served=d(5)), edition),
        "targeting.target_subset",
    )
    finding = code is Missing.NOT_REPORTED and edition == 2025
    assert result.verdict is (OutcomeVerdict.FINDING if finding else OutcomeVerdict.NOT_EVALUABLE)


def test_universal_program(s23: Submission) -> None:
    sub = with_populations(s23, potential=d(10), target=d(10), served=d(5), universal=True)
    ev = evaluate(sub, 2025)
    assert codes(ev, "targeting.target_subset") == []
    # 2025 (methodology §5.1a clarification 1): prioritisation of a universal program is judged; PB ⊆ PO
    # is compared as for any program. 2023 still prints PRI-UNIVERSAL without a judgement.
    assert outcome(ev, "targeting.served_subset").code == "targeting.served_subset.subset"
    assert (
        outcome(ev, "targeting.prioritization_criteria").code == "targeting.prioritization_criteria.pending"
    )
    assert outcome(evaluate(sub, 2023), "targeting.served_subset").code == "targeting.served_subset.universal"
    assert outcome(ev, "targeting.universal").code == "targeting.universal.pending"
    bad = evaluate(with_judgements(sub, ("targeting.universal_pertinent", False)), 2025)
    assert outcome(bad, "targeting.universal").status is FindingStatus.UNRESOLVED
    good = evaluate(with_judgements(sub, ("targeting.universal_pertinent", True)), 2025)
    assert outcome(good, "targeting.universal").verdict is OutcomeVerdict.NOT_EVALUABLE


@pytest.mark.parametrize(
    ("code", "rule"),
    [
        ("targeting.focalization_criteria_clear", "targeting.focalization_criteria"),
        ("targeting.prioritization_criteria_clear", "targeting.prioritization_criteria"),
    ],
)
def test_unclear_criteria_are_findings(s23: Submission, code: str, rule: str) -> None:
    ev = evaluate(with_judgements(s23, (code, False)), 2023)
    assert outcome(ev, rule).code == f"{rule}.unclear"
    assert ev.block[outcome(ev, rule).dimension] == [outcome(ev, rule).text]


@pytest.mark.parametrize(
    ("judgements", "expected"),
    [
        ([("targeting.new_criteria", False)], ["Sin criterios nuevos"]),
        (
            [("targeting.new_criteria", True), ("targeting.new_criteria_adequate", True)],
            ["Criterios nuevos sin problemas"],
        ),
        (
            [("targeting.new_criteria", True), ("targeting.new_criteria_adequate", False)],
            ["Criterios nuevos con problemas"],
        ),
        ([("targeting.new_criteria", True)], []),
    ],
)
def test_2020_new_criteria(s20: Submission, judgements: list[tuple[str, bool]], expected: list[str]) -> None:
    ev = evaluate(with_judgements(s20, ("targeting.evident_deficiencies", False), *judgements), 2020)
    assert ev.block[outcome(ev, "targeting.new_criteria").dimension] == [
        "La iniciativa no presenta deficiencias evidentes en su focalización 2020",
        *expected,
    ]
