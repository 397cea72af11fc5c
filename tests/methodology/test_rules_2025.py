"""Edition 2025 rule clarifications (docs/edition-2025.md): spend-per-beneficiary precedence, zero
beneficiaries, three-valued judgements, ADM-EST reason, ADM-SHARE, not applicable by design, combined
sentences, the pertinence clause for every superado finding. Built on an invented 2025 example."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from monitoreo.domain import (
    Dimension,
    FindingStatus,
    Judgement,
    Missing,
    Num,
    Review,
    ReviewDecision,
    Submission,
    Verdict,
)
from monitoreo.io import read_submission
from monitoreo.methodology import evaluate
from tests.methodology.variants import codes, outcome

ROOT = Path(__file__).resolve().parents[2]
PERTINENT = "No obstante, la justificación proporcionada por el Servicio se considera pertinente."


@pytest.fixture(scope="module")
def base() -> Submission:
    """Becas Talento Regional: no findings, every judgement positive."""
    return read_submission(ROOT / "examples" / "2025" / "becas-talento-regional.yaml")


def _served(sub: Submission, values: dict[int, Num]) -> Submission:
    served = sub.populations.served
    assert served is not None
    quantity = {**served.quantity, **values}
    pops = sub.populations.model_copy(update={"served": served.model_copy(update={"quantity": quantity})})
    return sub.model_copy(update={"populations": pops})


def _review(
    sub: Submission, *judgements: Judgement, decisions: tuple[ReviewDecision, ...] = ()
) -> Submission:
    replaced = {(j.code, j.indicator) for j in judgements}
    kept = [j for j in sub.review.judgements if (j.code, j.indicator) not in replaced]
    return sub.model_copy(
        update={"review": Review(judgements=[*kept, *judgements], decisions=list(decisions))}
    )


def _budget(sub: Submission, year: int, **fields: Num) -> Submission:
    years = dict(sub.budget.years)
    years[year] = years[year].model_copy(update=fields)
    return sub.model_copy(update={"budget": sub.budget.model_copy(update={"years": years})})


def test_the_base_example_prints_no_findings(base: Submission) -> None:
    ev = evaluate(base)
    assert ev.blocks == {d: [] for d in Dimension}
    assert [a.label for a in ev.assessments] == [
        "Criterios de focalización:",
        "Criterios de priorización:",
        "Gasto por beneficiario:",
    ]


def test_zero_beneficiaries_is_a_spend_finding_not_a_population_one(base: Submission) -> None:
    ev = evaluate(_served(base, {2025: Decimal(0)}))
    assert (
        outcome(ev, "efficiency.spend_per_beneficiary").code
        == "efficiency.spend_per_beneficiary.not_reported"
    )
    assert outcome(ev, "targeting.served_subset").code == "targeting.served_subset.subset"
    assert ev.blocks[Dimension.TARGETING] == []


def test_history_comes_before_not_reported(base: Submission) -> None:
    ev = evaluate(_served(base, {2024: Missing.NOT_REPORTED, 2025: Decimal(0)}))
    result = outcome(ev, "efficiency.spend_per_beneficiary")
    assert result.code == "efficiency.spend_per_beneficiary.no_history"
    assert ev.assessment("Gasto por beneficiario:") is not None


def test_executed_spend_not_reported_is_a_spend_finding(base: Submission) -> None:
    """2025 spend per beneficiary = (components + admin) / PB: components' spend S/I in t → not reported."""
    components = [
        c.model_copy(update={"spend": {**c.spend, 2025: Missing.NOT_REPORTED}}) for c in base.components
    ]
    sub = base.model_copy(update={"components": components})
    assert codes(evaluate(sub), "efficiency.spend_per_beneficiary") == [
        "efficiency.spend_per_beneficiary.not_reported"
    ]


@pytest.mark.parametrize(
    ("universal", "expected"),
    [
        (
            True,
            "Dado que el programa es universal no aplica evaluar los criterios de priorización de la población "
            "beneficiada en 2025.",
        ),
        (
            False,
            "Por las características el diseño del programa no aplica evaluar los criterios de priorización de la "
            "población beneficiada en 2025.",
        ),
    ],
)
def test_prioritisation_not_applicable(base: Submission, universal: bool, expected: str) -> None:
    sub = _review(base, Judgement(code="targeting.prioritization_criteria_clear", value="no_aplica"))
    if universal:
        sub = sub.model_copy(update={"populations": sub.populations.model_copy(update={"universal": True})})
    ev = evaluate(sub)
    assert codes(ev, "targeting.served_subset") == []
    block = ev.assessment("Criterios de priorización:")
    assert block is not None and [s.text for s in block.sentences] == [expected]


def test_universal_program_prioritisation_is_judged(base: Submission) -> None:
    pops = base.populations.model_copy(update={"universal": True})
    sub = _review(
        base.model_copy(update={"populations": pops}),
        Judgement(code="targeting.prioritization_criteria_clear", value=False, text="Sin criterios."),
    )
    ev = evaluate(sub)
    [block] = ev.blocks[Dimension.TARGETING]
    assert (block.label, [s.codes for s in block.sentences]) == (
        "Criterios de priorización:",
        [["targeting.prioritization_criteria.unclear"]],
    )
    assert block.sentences[0].detail == "Sin criterios."


def test_focalisation_not_applicable_skips_the_subset_check(base: Submission) -> None:
    ev = evaluate(_review(base, Judgement(code="targeting.focalization_criteria_clear", value="no_aplica")))
    assert codes(ev, "targeting.target_subset") == []
    assert codes(ev, "targeting.focalization_criteria") == ["targeting.focalization_criteria.not_applicable"]


@pytest.mark.parametrize(
    ("code", "rule", "sentence"),
    [
        (
            "efficiency.admin_description_correct",
            "efficiency.admin_spend_description",
            "No es posible evaluar la descripción del gasto administrativo, debido a que el programa no reporta la "
            "información requerida.",
        ),
        (
            "efficiency.admin_estimation_correct",
            "efficiency.admin_spend_estimation",
            "No es posible evaluar la estimación del gasto administrativo, debido a que el programa no reporta la "
            "información requerida.",
        ),
    ],
)
def test_admin_judgements_insufficient_to_assess(
    base: Submission, code: str, rule: str, sentence: str
) -> None:
    ev = evaluate(_review(base, Judgement(code=code, value="insuficiente")))
    result = outcome(ev, rule)
    assert (result.code, result.text, result.label) == (
        f"{rule}.not_reported",
        sentence,
        "Gasto Administrativo:",
    )


@pytest.mark.parametrize(
    ("reason", "printed"),
    [
        (None, "dado que incorpora gastos distintos a servicios de apoyo al programa."),
        ("imputa el arriendo de la sede regional", "dado que imputa el arriendo de la sede regional."),
        ("incluye honorarios de monitores.", "dado que incluye honorarios de monitores."),
    ],
)
def test_admin_estimate_reason_completes_the_sentence(
    base: Submission, reason: str | None, printed: str
) -> None:
    judgement = Judgement(
        code="efficiency.admin_estimation_correct", value=False, reason=reason, text="Detalle."
    )
    result = outcome(evaluate(_review(base, judgement)), "efficiency.admin_spend_estimation")
    assert result.text == f"El gasto administrativo no se encuentra correctamente estimado, {printed}"
    assert result.detail == "Detalle."


def _admin_share(sub: Submission, pct: str) -> Submission:
    """Admin spend of 2025 set to ``pct`` % of the total executed (4.300.000)."""
    admin = {**sub.budget.admin_spend, 2025: Decimal(4_300_000) * Decimal(pct) / 100}
    return sub.model_copy(update={"budget": sub.budget.model_copy(update={"admin_spend": admin})})


@pytest.mark.parametrize(("pct", "expected"), [("20", "within"), ("20.01", "over")])
def test_admin_share_threshold(base: Submission, pct: str, expected: str) -> None:
    result = outcome(evaluate(_admin_share(base, pct)), "efficiency.admin_spend_share")
    assert result.code == f"efficiency.admin_spend_share.{expected}"


def test_admin_share_says_the_estimate_is_correct_only_when_judged_so(base: Submission) -> None:
    share = "Sin embargo, es superior al 20% respecto al presupuesto total ejecutado."
    correct = outcome(evaluate(_admin_share(base, "25")), "efficiency.admin_spend_share")
    assert correct.text == (
        "El gasto administrativo se encuentra correctamente estimado, considerando exclusivamente "
        f"servicios de apoyo al programa. {share}"
    )
    pending = _review(_admin_share(base, "25"))
    pending = pending.model_copy(
        update={
            "review": Review(
                judgements=[
                    j for j in pending.review.judgements if j.code != "efficiency.admin_estimation_correct"
                ]
            )
        }
    )
    assert outcome(evaluate(pending), "efficiency.admin_spend_share").text == share


@pytest.mark.parametrize(("executed", "expected"), [(4_862_000, "within"), (4_862_001, "over")])
def test_final_over_execution(base: Submission, executed: int, expected: str) -> None:
    """Final budget 4.420.000: 110 % is 4.862.000 (strictly above is over-execution)."""
    sub = _budget(base, 2025, executed=Decimal(executed), total_executed=Decimal(executed))
    assert (
        outcome(evaluate(sub), "efficiency.final_execution").code == f"efficiency.final_execution.{expected}"
    )


def test_execution_not_reported_sentences(base: Submission) -> None:
    ev = evaluate(_budget(base, 2025, initial=Missing.NOT_REPORTED, final=Missing.NOT_REPORTED))
    [block] = ev.blocks[Dimension.EFFICIENCY]
    assert block.label == "Ejecución presupuestaria:"
    assert [s.text for s in block.sentences] == [
        "No es posible evaluar la ejecución presupuestaria respecto del presupuesto inicial en 2025, dado que el "
        "programa no reporta la información requerida.",
        "No es posible evaluar la ejecución presupuestaria respecto del presupuesto final en 2025, dado que el "
        "programa no reporta la información requerida.",
    ]


def test_combined_sentence_joins_codes_and_details(base: Submission) -> None:
    sub = _served(base, {2025: Decimal(30_000)})
    sub = _review(
        sub,
        Judgement(code="targeting.prioritization_criteria_clear", value=False, text="B."),
        decisions=(
            ReviewDecision(
                finding="targeting.served_subset.not_subset", verdict=Verdict.INSUFFICIENT, text="A."
            ),
        ),
    )
    [block] = evaluate(sub).blocks[Dimension.TARGETING]
    [sentence] = block.sentences
    assert sentence.codes == [
        "targeting.served_subset.not_subset",
        "targeting.prioritization_criteria.unclear",
    ]
    assert sentence.text.startswith(
        "La población beneficiada del programa en 2025 no corresponde a un subconjunto "
        "de la población objetivo y, además, no presenta"
    )
    assert sentence.detail == "A. B."


def test_every_superado_finding_is_an_assessment_with_the_clause(base: Submission) -> None:
    sub = _budget(base, 2025, executed=Decimal(3_000_000), total_executed=Decimal(3_000_000))
    sub = _review(
        sub,
        decisions=(
            ReviewDecision(
                finding="efficiency.initial_execution.under", verdict=Verdict.PERTINENT, text="Razón."
            ),
            ReviewDecision(
                finding="efficiency.final_execution.under", verdict=Verdict.INSUFFICIENT, text="Otra."
            ),
        ),
    )
    ev = evaluate(sub)
    initial = outcome(ev, "efficiency.initial_execution")
    assert initial.status is FindingStatus.RESOLVED and initial.text.endswith(f"en 2025. {PERTINENT}")
    block = ev.assessment("Ejecución presupuestaria:")
    assert block is not None and [(s.codes, s.detail) for s in block.sentences] == [
        (["efficiency.initial_execution.under"], "Razón.")
    ]
    [findings] = ev.blocks[Dimension.EFFICIENCY]
    assert [s.codes for s in findings.sentences] == [["efficiency.final_execution.under"]]


def test_2023_evaluations_have_no_blocks_or_assessments(s23: Submission) -> None:
    ev = evaluate(s23)
    assert ev.blocks == {} and ev.assessments == [] and all(o.label is None for o in ev.outcomes)
