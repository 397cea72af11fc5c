"""Focalización rules: population nesting (PO ⊆ PP, PB ⊆ PO), declared-universal programs, clarity of
the focalisation and prioritisation criteria, and the 2020 labels (no evident deficiencies, new
criteria). Quantities are compared for the evaluated year t; clarity is the evaluator's judgement."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.findings import INSUFFICIENT, NOT_APPLICABLE, Dimension
from monitoreo.domain.outcomes import OutcomeVerdict
from monitoreo.domain.population import Population
from monitoreo.domain.values import Missing, Num
from monitoreo.methodology.context import EvaluationContext
from monitoreo.methodology.registry import rule
from monitoreo.methodology.rule import Draft, OutcomeSpec, Param, Params, evidence, not_reported
from monitoreo.rules.judged import PENDING, from_judgement

FINDING, OK, NOT_EVALUABLE = OutcomeVerdict.FINDING, OutcomeVerdict.OK, OutcomeVerdict.NOT_EVALUABLE
NOT_REPORTED_IS_FINDING = Param(bool, "Un dato no reportado (S/I) es hallazgo; si no, no evaluable.")
SUBSET_OUTCOMES = {
    "subset": OutcomeSpec(OK, "La población menor cabe en la mayor."),
    "not_subset": OutcomeSpec(FINDING, "La población menor supera a la mayor."),
    "not_reported": OutcomeSpec(
        FINDING, "Falta una cuantificación de t (S/I) y la edición lo considera hallazgo."
    ),
    "not_evaluable": OutcomeSpec(NOT_EVALUABLE, "Falta una cuantificación y no es hallazgo, o no aplica."),
}


def _quantity(population: Population | None, year: int) -> Num:
    if population is None:
        return Missing.NOT_REPORTED
    return population.quantity.get(year, Missing.NOT_REPORTED)


def _subset(small: Num, large: Num, params: Params, names: tuple[str, str]) -> Draft:
    values = {names[0]: evidence(small), names[1]: evidence(large)}
    fill = {names[0]: _plain(small), names[1]: _plain(large)}
    if isinstance(small, Decimal) and isinstance(large, Decimal):
        return Draft("subset" if small <= large else "not_subset", values, fill=fill)
    if (not_reported(small) or not_reported(large)) and params.flag("not_reported_is_finding"):
        return Draft("not_reported", values, fill=fill)
    return Draft("not_evaluable", values, fill=fill)


def _plain(value: Num) -> str:
    """Quantities inside 2025 sentences are printed without thousands separator (docs/methodology.md §5.1)."""
    return value.value if isinstance(value, Missing) else format(value.normalize(), "f")


@rule(
    "targeting.evident_deficiencies",
    Dimension.TARGETING,
    title="Deficiencias evidentes en la focalización",
    methodology="§5.3 (2020 «La iniciativa no presenta deficiencias evidentes en su focalización {t}»)",
    outcomes={
        "none": OutcomeSpec(OK, "Sin deficiencias evidentes."),
        "deficient": OutcomeSpec(FINDING, "El evaluador observa deficiencias en la focalización."),
        "pending": PENDING,
    },
    judgements={"targeting.evident_deficiencies": "La focalización presenta deficiencias evidentes (2020)."},
)
def evident_deficiencies(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Evaluator judgement ``targeting.evident_deficiencies`` (true = there are deficiencies)."""
    yield from_judgement(ctx, "targeting.evident_deficiencies", when_true="deficient", when_false="none")


@rule(
    "targeting.new_criteria",
    Dimension.TARGETING,
    title="Criterios de focalización nuevos (2020)",
    methodology="§5.3 («Sin criterios nuevos»; LyD 2021: only new criteria were reviewed in 2020)",
    outcomes={
        "none": OutcomeSpec(OK, "No presenta criterios nuevos."),
        "adequate": OutcomeSpec(OK, "Criterios nuevos sin problemas."),
        "problems": OutcomeSpec(FINDING, "Criterios nuevos con problemas."),
        "pending": PENDING,
    },
    judgements={
        "targeting.new_criteria": "El programa presenta criterios de focalización nuevos este año.",
        "targeting.new_criteria_adequate": "Los criterios nuevos no tienen problemas.",
    },
)
def new_criteria(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """No new criteria → ok; new criteria → the adequacy judgement decides."""
    presented = ctx.judgement("targeting.new_criteria")
    if presented is None:
        yield Draft("pending", {"judgement": "targeting.new_criteria"})
    elif not presented.value:
        yield Draft("none", {"judgement": "targeting.new_criteria", "value": False})
    else:
        yield from_judgement(
            ctx, "targeting.new_criteria_adequate", when_true="adequate", when_false="problems"
        )


FOCALIZATION_JUDGEMENT = "targeting.focalization_criteria_clear"
PRIORITIZATION_JUDGEMENT = "targeting.prioritization_criteria_clear"
BOTH_EXTRA = frozenset({INSUFFICIENT, NOT_APPLICABLE})


def _not_applicable(ctx: EvaluationContext, code: str) -> bool:
    """True when the evaluator marked the criteria of ``code`` as not applicable by the program's design."""
    judgement = ctx.judgement(code)
    return judgement is not None and judgement.value == NOT_APPLICABLE


@rule(
    "targeting.target_subset",
    Dimension.TARGETING,
    title="Población objetivo ⊆ población potencial",
    methodology="§2.1; §5.1 FOC-PO-OK, FOC-PO-NOT-SUBSET",
    params={"not_reported_is_finding": NOT_REPORTED_IS_FINDING},
    outcomes=SUBSET_OUTCOMES,
    placeholders=frozenset({"po", "pp"}),
)
def target_subset(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Quantity PO_t ≤ PP_t. A declared-universal program is judged by ``targeting.universal`` instead;
    focalisation marked not applicable by design (``no_aplica``) is not assessed at all."""
    pops = ctx.submission.populations
    if not pops.universal and not _not_applicable(ctx, FOCALIZATION_JUDGEMENT):
        yield _subset(_quantity(pops.target, ctx.t), _quantity(pops.potential, ctx.t), params, ("po", "pp"))


@rule(
    "targeting.served_subset",
    Dimension.TARGETING,
    title="Población beneficiada ⊆ población objetivo",
    methodology="§2.1; §5.1 PRI-OK, PRI-NOT-SUBSET, PRI-UNIVERSAL; §5.1a clarification 1",
    params={
        "not_reported_is_finding": NOT_REPORTED_IS_FINDING,
        "universal_not_applicable": Param(
            bool,
            "true: un programa universal no se evalúa (PRI-UNIVERSAL, 2023); false: se compara como "
            "cualquier programa y el evaluador decide si la priorización aplica (2025).",
        ),
    },
    outcomes={**SUBSET_OUTCOMES, "universal": OutcomeSpec(NOT_EVALUABLE, "Programa universal: no aplica.")},
    placeholders=frozenset({"pb", "po"}),
)
def served_subset(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Quantity PB_t ≤ PO_t. Universal programs → ``universal`` when the edition says so; prioritisation
    marked not applicable (``no_aplica``) is not assessed at all. Zero beneficiaries is a reported value."""
    pops = ctx.submission.populations
    if pops.universal and params.flag("universal_not_applicable"):
        yield Draft("universal", {"universal": True})
        return
    if _not_applicable(ctx, PRIORITIZATION_JUDGEMENT):
        return
    yield _subset(_quantity(pops.served, ctx.t), _quantity(pops.target, ctx.t), params, ("pb", "po"))


@rule(
    "targeting.universal",
    Dimension.TARGETING,
    title="Programa declarado universal",
    methodology="§5.1 FOC-UNIVERSAL-OK, FOC-UNIVERSAL-BAD",
    outcomes={
        "pertinent": OutcomeSpec(NOT_EVALUABLE, "Universal y pertinente: no se evalúan criterios."),
        "not_justified": OutcomeSpec(
            FINDING, "La condición universal no se ajusta al diseño o la cobertura."
        ),
        "pending": PENDING,
    },
    judgements={"targeting.universal_pertinent": "La declaración de programa universal es pertinente."},
)
def universal(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Only for programs that declare themselves universal (PP = PO)."""
    if ctx.submission.populations.universal:
        yield from_judgement(
            ctx, "targeting.universal_pertinent", when_true="pertinent", when_false="not_justified"
        )


CRITERIA_EXTRA = {
    "not_reported": OutcomeSpec(
        FINDING, "Juicio «insuficiente»: la información no permite evaluar los criterios."
    ),
    "not_applicable": OutcomeSpec(NOT_EVALUABLE, "Juicio «no_aplica»: no aplica por el diseño del programa."),
}


@rule(
    "targeting.focalization_criteria",
    Dimension.TARGETING,
    title="Criterios de focalización",
    methodology="§5.1 FOC-CRIT, FOC-NOT-REPORTED; §5.1a (not applicable by design)",
    outcomes={
        "clear": OutcomeSpec(OK, "Criterios claros."),
        "unclear": OutcomeSpec(FINDING, "Sin criterios que definan la población a atender."),
        **CRITERIA_EXTRA,
        "pending": PENDING,
    },
    judgements={
        FOCALIZATION_JUDGEMENT: "Los criterios de focalización permiten definir la población a atender en el mediano plazo "
        "(también «insuficiente» o «no_aplica»)."
    },
    judgement_values={FOCALIZATION_JUDGEMENT: BOTH_EXTRA},
)
def focalization_criteria(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Evaluator judgement; not asked of universal programs."""
    if not ctx.submission.populations.universal:
        yield from_judgement(
            ctx,
            FOCALIZATION_JUDGEMENT,
            when_true="clear",
            when_false="unclear",
            when_insufficient="not_reported",
            when_not_applicable="not_applicable",
        )


@rule(
    "targeting.prioritization_criteria",
    Dimension.TARGETING,
    title="Criterios de priorización",
    methodology="§5.1 PRI-CRIT, PRI-UNIVERSAL; §5.1a clarification 1, PRI-NOT-REPORTED",
    params={
        "judge_universal": Param(
            bool, "true: también se juzga la priorización de un programa universal (2025); false: no (2023)."
        )
    },
    outcomes={
        "clear": OutcomeSpec(OK, "Criterios claros y objetivos."),
        "unclear": OutcomeSpec(FINDING, "Criterios no claros ni objetivos."),
        **CRITERIA_EXTRA,
        "pending": PENDING,
    },
    variants=frozenset({"not_applicable_universal"}),
    judgements={
        PRIORITIZATION_JUDGEMENT: "Los criterios de priorización son claros y objetivos para seleccionar a la población beneficiada "
        "(también «insuficiente» o «no_aplica»)."
    },
    judgement_values={PRIORITIZATION_JUDGEMENT: BOTH_EXTRA},
)
def prioritization_criteria(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Evaluator judgement. A universal program is judged only when the edition says so; marked not
    applicable it prints the universal sentence (PRI-UNIVERSAL) instead of the design one."""
    universal_program = ctx.submission.populations.universal
    if universal_program and not params.flag("judge_universal"):
        return
    wording = ("not_applicable_universal", "not_applicable") if universal_program else ()
    draft = from_judgement(
        ctx,
        PRIORITIZATION_JUDGEMENT,
        when_true="clear",
        when_false="unclear",
        when_insufficient="not_reported",
        when_not_applicable="not_applicable",
    )
    yield Draft(draft.outcome, draft.values, wording=wording) if draft.outcome == "not_applicable" else draft
