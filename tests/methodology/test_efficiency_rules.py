"""Eficiencia rules at every threshold's boundary, persistence, spend per beneficiary and missing codes."""

from __future__ import annotations

import pytest

from monitoreo.domain import BudgetYear, FindingStatus, Missing, OutcomeVerdict, Submission
from monitoreo.methodology import evaluate
from tests.methodology.variants import ALL_CODES, codes, d, outcome, with_budget, with_execution


@pytest.mark.parametrize(
    ("pct", "expected"),
    [
        ("84.99", "efficiency.initial_execution.under"),
        ("85.00", "efficiency.initial_execution.within"),
        ("100", "efficiency.initial_execution.within"),
        ("110.00", "efficiency.initial_execution.within"),
        ("110.01", "efficiency.initial_execution.over"),
    ],
)
@pytest.mark.parametrize("edition", [2023, 2025])
def test_initial_execution_band(s23: Submission, pct: str, expected: str, edition: int) -> None:
    sub = with_execution(s23, {2023: pct})
    result = outcome(evaluate(sub, edition), "efficiency.initial_execution")
    assert result.code == expected
    assert result.values["execution_pct"] == pytest.approx(float(pct))


def test_initial_execution_sentences_2025(s23: Submission) -> None:
    under = outcome(evaluate(with_execution(s23, {2023: "84.99"}), 2025), "efficiency.initial_execution")
    over = outcome(evaluate(with_execution(s23, {2023: "110.01"}), 2025), "efficiency.initial_execution")
    assert under.text == (
        "El programa presenta una subejecución presupuestaria (inferior al 85%) respecto de su "
        "presupuesto inicial en 2023."
    )
    assert over.text == (
        "El programa presenta una sobre ejecución presupuestaria (superior al 110%) respecto de "
        "su presupuesto inicial en 2023."
    )
    assert under.status is FindingStatus.UNRESOLVED


@pytest.mark.parametrize(
    ("final_pct", "expected"),
    [
        ("89.99", "efficiency.final_execution.under"),
        ("90.00", "efficiency.final_execution.within"),
        ("110.00", "efficiency.final_execution.within"),
        (
            "150",
            "efficiency.final_execution.over",
        ),  # EXE-FIN-OVER is a 2025 rule (census of methodology §5.1a)
    ],
)
def test_final_execution_band(s23: Submission, final_pct: str, expected: str) -> None:
    sub = with_budget(s23, {2023: {"initial": d(10000), "final": d(10000), "executed": d(final_pct) * 100}})
    assert outcome(evaluate(sub, 2025), "efficiency.final_execution").code == expected


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ({2021: "84.99", 2022: "80", 2023: "70"}, "efficiency.initial_execution_persistence.persistent"),
        ({2021: "85.00", 2022: "80", 2023: "70"}, "efficiency.initial_execution_persistence.not_persistent"),
        ({2021: "50", 2022: "85", 2023: "70"}, "efficiency.initial_execution_persistence.not_persistent"),
        ({2021: "50", 2022: "60", 2023: "90"}, "efficiency.initial_execution_persistence.not_persistent"),
    ],
)
def test_persistence_over_three_years(s23: Submission, series: dict[int, str], expected: str) -> None:
    result = outcome(evaluate(with_execution(s23, series), 2025), "efficiency.initial_execution_persistence")
    assert result.code == expected


def test_persistence_is_not_cleared_by_a_justification(s23: Submission) -> None:
    from monitoreo.domain import Review, ReviewDecision, Verdict

    sub = with_execution(s23, {2021: "50", 2022: "60", 2023: "70"})
    decisions = [
        ReviewDecision(finding=f"efficiency.{c}", verdict=Verdict.PERTINENT)
        for c in ("initial_execution_persistence.persistent", "initial_execution.under")
    ]
    sub = sub.model_copy(update={"review": Review(decisions=decisions)})
    ev = evaluate(sub, 2025)
    assert outcome(ev, "efficiency.initial_execution_persistence").status is FindingStatus.UNRESOLVED
    assert outcome(ev, "efficiency.initial_execution").status is FindingStatus.RESOLVED


def test_persistence_needs_history_before_the_window(s20: Submission) -> None:
    result = outcome(evaluate(s20, 2025), "efficiency.initial_execution_persistence")
    assert result.verdict is OutcomeVerdict.NOT_EVALUABLE


def test_persistence_reads_earlier_reports(s20: Submission) -> None:
    past = s20.model_copy(
        update={
            "id": s20.id,
            "evaluated_year": 2018,
            "years": [2017, 2018],
            "published": [],
            "budget": s20.budget.model_copy(
                update={"years": {2018: BudgetYear(initial=d(100), final=d(100), executed=d(50))}}
            ),
        }
    )
    result = outcome(evaluate(s20, 2025, [past]), "efficiency.initial_execution_persistence")
    # 2018 from the earlier report (50 %), 2019-2020 from the ficha's published figures (89 %, 36 %)
    assert result.values == {
        "execution_pct_2018": 50.0,
        "execution_pct_2019": 89.0,
        "execution_pct_2020": 36.0,
    }
    assert result.code == "efficiency.initial_execution_persistence.not_persistent"


@pytest.mark.parametrize("code", ALL_CODES)
def test_missing_codes_in_execution_inputs(s23: Submission, code: Missing) -> None:
    sub = with_budget(s23, {2023: {"initial": code, "final": d(100), "executed": d(100)}})
    result = outcome(evaluate(sub, 2025), "efficiency.initial_execution")
    if code is Missing.NOT_REPORTED:
        assert result.code == "efficiency.initial_execution.not_reported"
        assert result.verdict is OutcomeVerdict.FINDING
    else:
        assert result.verdict is OutcomeVerdict.NOT_EVALUABLE


def _gxb(sub: Submission, served: dict[int, object]) -> Submission:
    """S23 with the served population per year set, so GxB = (components + admin) / PB."""
    assert sub.populations.served is not None
    pops = sub.populations.model_copy(
        update={"served": sub.populations.served.model_copy(update={"quantity": served})}
    )
    return sub.model_copy(update={"populations": pops})


def test_spend_per_beneficiary_within_range_for_s23(s23: Submission) -> None:
    # 2021: 4.649.278 / 4.121 = 1.128,2; 2022: 4.323.940 / 3.634 = 1.189,9; 2023: 1.245,0 → +7,4 % (§3.1)
    result = outcome(
        evaluate(_gxb(s23, {2021: d(4121), 2022: d(3634), 2023: d(3389)}), 2025),
        "efficiency.spend_per_beneficiary",
    )
    assert result.code == "efficiency.spend_per_beneficiary.within_range"
    assert result.values["variation_pct"] == pytest.approx(7.42, abs=0.01)
    assert result.text.startswith(
        "El programa presenta un gasto por beneficiario dentro del rango esperado (menor al 20%)"
    )


@pytest.mark.parametrize(
    ("served_2023", "expected"),
    [("2000", "out_of_range"), ("3389", "within_range"), ("5000", "out_of_range")],
)
def test_spend_per_beneficiary_either_direction(s23: Submission, served_2023: str, expected: str) -> None:
    sub = _gxb(s23, {2021: d(4121), 2022: d(3634), 2023: d(served_2023)})
    result = outcome(evaluate(sub, 2025), "efficiency.spend_per_beneficiary")
    assert result.code == f"efficiency.spend_per_beneficiary.{expected}"


def test_spend_per_beneficiary_without_history_is_not_a_finding(s23: Submission) -> None:
    result = outcome(evaluate(s23, 2025), "efficiency.spend_per_beneficiary")
    assert (result.code, result.verdict) == (
        "efficiency.spend_per_beneficiary.no_history",
        OutcomeVerdict.NOT_EVALUABLE,
    )
    assert result.text == (
        "No es posible evaluar el gasto por beneficiario, debido a que no se cuenta con "
        "información histórica (2021 y/o 2022)."
    )


def test_spend_per_beneficiary_not_reported_is_a_finding(s23: Submission) -> None:
    sub = _gxb(s23, {2021: d(4121), 2022: d(3634), 2023: Missing.NOT_REPORTED})
    result = outcome(evaluate(sub, 2025), "efficiency.spend_per_beneficiary")
    assert (result.code, result.status) == (
        "efficiency.spend_per_beneficiary.not_reported",
        FindingStatus.UNRESOLVED,
    )


def test_admin_spend_not_reported(s23: Submission) -> None:
    budget = s23.budget.model_copy(
        update={"admin_spend": {2021: d(1), 2022: d(1), 2023: Missing.NOT_REPORTED}}
    )
    sub = s23.model_copy(update={"budget": budget, "published": []})
    assert codes(evaluate(sub, 2020), "efficiency.admin_spend_reported") == [
        "efficiency.admin_spend_reported.not_reported"
    ]
    assert codes(evaluate(s23, 2020), "efficiency.admin_spend_reported") == [
        "efficiency.admin_spend_reported.reported"
    ]


def test_admin_description_judgement(s23: Submission) -> None:
    from tests.methodology.variants import with_judgements

    ev = evaluate(with_judgements(s23, ("efficiency.admin_description_correct", False)), 2025)
    assert (
        outcome(ev, "efficiency.admin_spend_description").code
        == "efficiency.admin_spend_description.incorrect"
    )
    ev = evaluate(with_judgements(s23, ("efficiency.admin_description_correct", True)), 2025)
    assert outcome(ev, "efficiency.admin_spend_description").verdict is OutcomeVerdict.OK
