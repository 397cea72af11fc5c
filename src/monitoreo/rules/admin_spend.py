"""Gasto administrativo rules (Eficiencia): reporting of admin spend and total executed, the evaluator's
three-valued judgements on its description and estimate, and its share of the total executed (2025:
ADM-SHARE). Logic only; thresholds and sentences come from the edition file. Printed in this order inside
the «Gasto Administrativo:» block: description, estimate, share (docs/methodology-engine.md)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.findings import INSUFFICIENT, Dimension
from monitoreo.domain.outcomes import OutcomeVerdict
from monitoreo.methodology.context import EvaluationContext
from monitoreo.methodology.registry import rule
from monitoreo.methodology.rule import Draft, OutcomeSpec, Param, Params, evidence, not_reported
from monitoreo.rules.judged import PENDING, from_judgement

FINDING, OK, NOT_EVALUABLE = OutcomeVerdict.FINDING, OutcomeVerdict.OK, OutcomeVerdict.NOT_EVALUABLE
DESCRIPTION = "efficiency.admin_description_correct"
ESTIMATION = "efficiency.admin_estimation_correct"


@rule(
    "efficiency.admin_spend_reported",
    Dimension.EFFICIENCY,
    title="Reporte del gasto administrativo y del total ejecutado",
    methodology="§2.6; §5.3; §5.1 ADM-EST-NR",
    outcomes={
        "not_reported": OutcomeSpec(FINDING, "Gasto administrativo o total ejecutado de t en S/I."),
        "reported": OutcomeSpec(OK, "Ambos reportados."),
    },
)
def admin_spend_reported(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """2020: «No reporta gasto administrativo o presupuesto ejecutado total» when either is S/I in t."""
    admin, total = ctx.metric("admin_spend", ctx.t), ctx.metric("total_executed", ctx.t)
    values = {"admin_spend": evidence(admin), "total_executed": evidence(total)}
    yield Draft("not_reported" if not_reported(admin) or not_reported(total) else "reported", values)


@rule(
    "efficiency.admin_spend_description",
    Dimension.EFFICIENCY,
    title="Descripción del gasto administrativo",
    methodology="§5.1 ADM-DESC, ADM-DESC-NR; §5.1a clarification 3",
    outcomes={
        "correct": OutcomeSpec(OK, "El evaluador juzga la descripción correcta."),
        "incorrect": OutcomeSpec(
            FINDING, "Incluye gastos distintos a servicios de apoyo o no es coherente con los subtítulos."
        ),
        "not_reported": OutcomeSpec(FINDING, "El programa no describe su gasto administrativo."),
        "pending": PENDING,
    },
    judgements={
        DESCRIPTION: "El gasto administrativo está correctamente descrito (sólo servicios de apoyo, coherente con los "
        "subtítulos); «insuficiente»: no es posible evaluarlo."
    },
    judgement_values={DESCRIPTION: frozenset({INSUFFICIENT})},
)
def admin_spend_description(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Evaluator judgement (correct / incorrect / ``insuficiente`` → the «not reported» sentence); with no
    judgement and no description reported → not reported (a finding)."""
    draft = from_judgement(
        ctx, DESCRIPTION, when_true="correct", when_false="incorrect", when_insufficient="not_reported"
    )
    if draft.outcome == "pending" and not (ctx.submission.budget.admin_spend_description or "").strip():
        draft = Draft("not_reported", {"admin_spend_description": None})
    yield draft


@rule(
    "efficiency.admin_spend_estimation",
    Dimension.EFFICIENCY,
    title="Estimación del gasto administrativo",
    methodology="§5.1 ADM-EST, ADM-EST-NR; §5.1a clarifications 3 and 4",
    outcomes={
        "correct": OutcomeSpec(OK, "El evaluador juzga la estimación correcta."),
        "incorrect": OutcomeSpec(FINDING, "Gasto administrativo mal estimado."),
        "not_reported": OutcomeSpec(FINDING, "Juicio «insuficiente»: no es posible evaluar la estimación."),
        "pending": PENDING,
    },
    variants=frozenset({"incorrect_reason"}),
    placeholders=frozenset({"reason"}),
    judgements={
        ESTIMATION: "El gasto administrativo está correctamente estimado; «insuficiente»: no es "
        "posible evaluarlo (`reason` completa la frase «…, dado que …»)."
    },
    judgement_values={ESTIMATION: frozenset({INSUFFICIENT})},
)
def admin_spend_estimation(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Evaluator judgement; an incorrect estimate with a ``reason`` prints it inside the sentence."""
    judgement = ctx.judgement(ESTIMATION)
    reason = (judgement.reason or "").strip() if judgement else ""
    draft = from_judgement(
        ctx, ESTIMATION, when_true="correct", when_false="incorrect", when_insufficient="not_reported"
    )
    if draft.outcome == "incorrect" and reason:
        reason = reason if reason.endswith(".") else f"{reason}."
        draft = Draft(
            "incorrect", draft.values, wording=("incorrect_reason", "incorrect"), fill={"reason": reason}
        )
    yield draft


@rule(
    "efficiency.admin_spend_share",
    Dimension.EFFICIENCY,
    title="Participación del gasto administrativo",
    methodology="§2.6; §5.1a census ADM-SHARE",
    params={
        "max_pct": Param(
            Decimal,
            "Máximo del gasto administrativo sobre el total ejecutado de t (estricto: "
            "> max_pct es hallazgo).",
        )
    },
    outcomes={
        "over": OutcomeSpec(FINDING, "Gasto administrativo sobre el máximo del total ejecutado."),
        "within": OutcomeSpec(OK, "Dentro del máximo."),
        "not_evaluable": OutcomeSpec(NOT_EVALUABLE, "Sin gasto administrativo o total ejecutado de t."),
    },
    variants=frozenset({"over_estimate_correct"}),
)
def admin_spend_share(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Gasto administrativo_t / total ejecutado_t × 100 > ``max_pct``. When the evaluator judged the estimate
    correct the sentence says so first (wording ``over_estimate_correct``)."""
    share, limit = ctx.metric("admin_share_pct", ctx.t), params.number("max_pct")
    values = {"admin_share_pct": evidence(share), "max_pct": evidence(limit) if limit is not None else None}
    if not isinstance(share, Decimal) or limit is None:
        yield Draft("not_evaluable", values)
    elif share > limit:
        estimate = ctx.judgement(ESTIMATION)
        correct = estimate is not None and estimate.value is True
        yield Draft("over", values, wording=("over_estimate_correct", "over") if correct else ())
    else:
        yield Draft("within", values)
