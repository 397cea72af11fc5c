"""Eficacia rules, one outcome per purpose indicator: the change t vs t-1 read in the indicator's
direction (with the 2020 significance rule as a parameter), pertinence and formulation as evaluator
judgements, and persistent non-reporting. Logic only; thresholds and sentences come from the edition."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.findings import Dimension
from monitoreo.domain.indicators import Direction
from monitoreo.domain.outcomes import OutcomeVerdict
from monitoreo.domain.values import Missing
from monitoreo.methodology.context import EvaluationContext
from monitoreo.methodology.registry import rule
from monitoreo.methodology.rule import Draft, OutcomeSpec, Param, Params, evidence, not_reported
from monitoreo.rules.judged import PENDING, from_judgement

FINDING, OK, NOT_EVALUABLE = OutcomeVerdict.FINDING, OutcomeVerdict.OK, OutcomeVerdict.NOT_EVALUABLE
CHANGES = ("better", "worse", "unchanged")
#: Wording variants: by significance (2020 labels) and by direction (2023+ sentences).
VARIANTS = frozenset(
    f"{change}{sig}{d}"
    for change in CHANGES
    for sig in ("", "_significant")
    for d in ("", "_ascendente", "_descendente")
) - frozenset(CHANGES)


def _numbers(ctx: EvaluationContext) -> range:
    return range(1, len(ctx.indicators()) + 1)


@rule(
    "effectiveness.purpose_indicator",
    Dimension.EFFECTIVENESS,
    title="Variación del indicador de propósito",
    methodology="§5.1 IND-WORSE, IND-WORSE-DESC, IND-NOT-REPORTED; §5.2; §5.3 (significance)",
    params={
        "significance_relative_pct": Param(
            Decimal,
            "Cambio relativo |Δ|/|valor t-1| × 100 sobre el cual (estricto) el cambio es significativo; "
            "null = sin regla de significancia.",
            nullable=True,
        ),
        "worse_requires_significance": Param(bool, "true: sólo un empeoramiento significativo es hallazgo."),
    },
    outcomes={
        "better": OutcomeSpec(OK, "Mejora en el sentido del indicador."),
        "unchanged": OutcomeSpec(OK, "Sin cambio."),
        "worse": OutcomeSpec(FINDING, "Empeora en el sentido del indicador."),
        "worse_not_significant": OutcomeSpec(OK, "Empeora sin significancia, y la edición lo acepta."),
        "not_reported": OutcomeSpec(FINDING, "Valor de t no reportado (S/I)."),
        "no_history": OutcomeSpec(NOT_EVALUABLE, "Sin valor numérico en t-1."),
        "no_direction": OutcomeSpec(NOT_EVALUABLE, "Sin sentido de medición declarado."),
        "not_evaluable": OutcomeSpec(NOT_EVALUABLE, "Valor de t no aplica o no es comparable."),
        "missing": OutcomeSpec(FINDING, "El programa no reporta indicador de propósito."),
    },
    variants=VARIANTS,
)
def purpose_indicator(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """For each indicator n: value_t against value_{t-1}, read ascending (higher is better) or descending."""
    if not ctx.indicators():
        yield Draft("missing", {"indicators": 0})
        return
    for n, indicator in zip(_numbers(ctx), ctx.indicators(), strict=True):
        yield _change(ctx, params, n, indicator.direction)


def _change(ctx: EvaluationContext, params: Params, n: int, direction: Direction | None) -> Draft:
    current, previous = ctx.indicator_value(n, ctx.t), ctx.indicator_value(n, ctx.t - 1)
    values = {
        "value": evidence(current),
        "previous": evidence(previous),
        "direction": direction.value if direction else None,
    }
    if not_reported(current):
        return Draft("not_reported", values, indicator=n)
    if not isinstance(current, Decimal):
        return Draft("not_evaluable", values, indicator=n)
    if not isinstance(previous, Decimal):
        return Draft("no_history", values, indicator=n)
    if direction is None:
        return Draft("no_direction", values, indicator=n)
    delta = current - previous
    gain = delta if direction is Direction.ASCENDING else -delta
    threshold = params.number("significance_relative_pct")
    significant = _significant(delta, previous, threshold)
    values |= {"change": float(delta), "significant": significant}
    change = "better" if gain > 0 else "worse" if gain < 0 else "unchanged"
    outcome = change
    if change == "worse" and params.flag("worse_requires_significance") and significant is False:
        outcome = "worse_not_significant"
    return Draft(outcome, values, indicator=n, wording=_keys(change, significant, direction))


def _significant(delta: Decimal, previous: Decimal, threshold: Decimal | None) -> bool | None:
    if threshold is None:
        return None
    if previous == 0:
        return delta != 0
    return abs(delta) / abs(previous) * 100 > threshold


def _keys(change: str, significant: bool | None, direction: Direction) -> tuple[str, ...]:
    d = f"_{direction.value}"
    keys = [f"{change}_significant{d}", f"{change}_significant"] if significant else []
    return (*keys, f"{change}{d}", change)


@rule(
    "effectiveness.indicator_pertinence",
    Dimension.EFFECTIVENESS,
    title="Pertinencia del indicador de propósito",
    methodology="§5.1 IND-NOT-PERTINENT; §5.3 «El indicador es pertinente»",
    outcomes={
        "pertinent": OutcomeSpec(OK, "Mide directamente el logro del propósito."),
        "not_pertinent": OutcomeSpec(FINDING, "No mide directamente el logro del propósito."),
        "pending": PENDING,
    },
    judgements={"effectiveness.indicator_pertinent": "El indicador de propósito n es pertinente."},
)
def indicator_pertinence(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Evaluator judgement per indicator."""
    for n in _numbers(ctx):
        yield from_judgement(
            ctx,
            "effectiveness.indicator_pertinent",
            when_true="pertinent",
            when_false="not_pertinent",
            indicator=n,
        )


@rule(
    "effectiveness.indicator_quality",
    Dimension.EFFECTIVENESS,
    title="Calidad / formulación del indicador",
    methodology="§5.1 IND-FORMULATION; §5.3 «El indicador cumple con el criterio de calidad»",
    outcomes={
        "meets": OutcomeSpec(OK, "Bien formulado / cumple el criterio de calidad."),
        "fails": OutcomeSpec(FINDING, "Mal formulado / no cumple el criterio de calidad."),
        "pending": PENDING,
    },
    judgements={
        "effectiveness.indicator_quality": "El indicador de propósito n cumple el criterio de calidad (está correctamente formulado)."
    },
)
def indicator_quality(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Evaluator judgement per indicator."""
    for n in _numbers(ctx):
        yield from_judgement(
            ctx, "effectiveness.indicator_quality", when_true="meets", when_false="fails", indicator=n
        )


@rule(
    "effectiveness.indicator_reporting_persistence",
    Dimension.EFFECTIVENESS,
    title="Persistencia en el no reporte del indicador",
    methodology="§4.5; §5.1 IND-PERSIST",
    params={
        "years": Param(int, "Años consecutivos sin reporte, terminando en t."),
        "justification_clears": Param(
            bool,
            "¿Una justificación pertinente supera este hallazgo? null = ajuste de la edición.",
            nullable=True,
        ),
    },
    outcomes={
        "persistent": OutcomeSpec(FINDING, "Sin valor reportado (S/I) en cada año de la serie."),
        "reported": OutcomeSpec(OK, "Algún año de la serie tiene valor."),
        "not_evaluable": OutcomeSpec(NOT_EVALUABLE, "Ningún reporte cubre algún año de la serie."),
    },
)
def indicator_reporting_persistence(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Per indicator: value S/I in each of t-(years-1) … t (the ficha's own series, then ``history``)."""
    span = params.integer("years")
    years = [ctx.t - k for k in range(span - 1, -1, -1)]
    for n in _numbers(ctx):
        series = {y: ctx.indicator_value(n, y) for y in years}
        values = {f"value_{y}": evidence(v) for y, v in series.items()}
        if not all(ctx.has_year(y) for y in years):
            yield Draft("not_evaluable", values, indicator=n)
        elif all(v is Missing.NOT_REPORTED for v in series.values()):
            yield Draft("persistent", values, indicator=n)
        else:
            yield Draft("reported", values, indicator=n)
