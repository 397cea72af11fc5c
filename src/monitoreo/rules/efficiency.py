"""Eficiencia rules: budget execution (initial, final, persistence), spend per beneficiary variation and
administrative spend. Logic only; thresholds and sentences come from the edition file."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import OutcomeVerdict
from monitoreo.domain.values import Missing, Num
from monitoreo.methodology.context import EvaluationContext
from monitoreo.methodology.registry import rule
from monitoreo.methodology.rule import Draft, OutcomeSpec, Param, Params, evidence, not_reported

FINDING, OK, NOT_EVALUABLE = OutcomeVerdict.FINDING, OutcomeVerdict.OK, OutcomeVerdict.NOT_EVALUABLE

EXECUTION_OUTCOMES = {
    "under": OutcomeSpec(FINDING, "Ejecución bajo el umbral inferior (subejecución)."),
    "over": OutcomeSpec(FINDING, "Ejecución sobre el umbral superior (sobre ejecución)."),
    "within": OutcomeSpec(OK, "Ejecución dentro del rango."),
    "not_reported": OutcomeSpec(FINDING, "El programa no reporta el presupuesto o lo ejecutado (S/I)."),
    "not_evaluable": OutcomeSpec(NOT_EVALUABLE, "Ejecución no aplica o no es comparable (N/A, N/C, -)."),
}
EXECUTION_PARAMS = {
    "under_pct": Param(
        Decimal, "Umbral inferior, comparación estricta (< umbral es subejecución).", nullable=True
    ),
    "over_pct": Param(
        Decimal, "Umbral superior, comparación estricta (> umbral); null = sin regla.", nullable=True
    ),
}
CLEARS = Param(
    bool, "¿Una justificación pertinente supera este hallazgo? null = ajuste de la edición.", nullable=True
)


def _execution(value: Num, params: Params) -> Draft:
    under, over = params.number("under_pct"), params.number("over_pct")
    values = {
        "execution_pct": evidence(value),
        "under_pct": evidence(under) if under is not None else None,
        "over_pct": evidence(over) if over is not None else None,
    }
    if not_reported(value):
        return Draft("not_reported", values)
    if isinstance(value, Missing):
        return Draft("not_evaluable", values)
    if under is not None and value < under:
        return Draft("under", values)
    if over is not None and value > over:
        return Draft("over", values)
    return Draft("within", values)


@rule(
    "efficiency.initial_execution",
    Dimension.EFFICIENCY,
    title="Ejecución presupuestaria inicial",
    methodology="§2.3; §5.1 EXE-INI-UNDER, EXE-INI-OVER; §5.2; §5.3",
    params=EXECUTION_PARAMS,
    outcomes=EXECUTION_OUTCOMES,
)
def initial_execution(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Ejecución inicial_t = ejecutado_t / inicial_t × 100 against the edition's band (2025: < 85 %, > 110 %)."""
    yield _execution(ctx.metric("execution_initial_pct", ctx.t), params)


@rule(
    "efficiency.final_execution",
    Dimension.EFFICIENCY,
    title="Ejecución presupuestaria final",
    methodology="§2.3; §5.1 EXE-FIN-UNDER (EXE-FIN-OVER off); §5.3",
    params=EXECUTION_PARAMS,
    outcomes=EXECUTION_OUTCOMES,
)
def final_execution(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Ejecución final_t = ejecutado_t / final_t × 100 against the edition's band (2025: < 90 %)."""
    yield _execution(ctx.metric("execution_final_pct", ctx.t), params)


@rule(
    "efficiency.initial_execution_persistence",
    Dimension.EFFICIENCY,
    title="Persistencia de subejecución presupuestaria inicial",
    methodology="§4.5; §5.1 EXE-PERSIST",
    params={
        "threshold_pct": Param(
            Decimal, "Ejecución inicial bajo este valor (estricto) cuenta como año de subejecución."
        ),
        "years": Param(int, "Años consecutivos, terminando en t."),
        "justification_clears": CLEARS,
    },
    outcomes={
        "persistent": OutcomeSpec(FINDING, "Subejecución inicial en cada uno de los últimos años."),
        "not_persistent": OutcomeSpec(OK, "Al menos un año sin subejecución inicial."),
        "not_evaluable": OutcomeSpec(NOT_EVALUABLE, "Falta la ejecución de algún año de la serie."),
    },
)
def initial_execution_persistence(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """Initial execution < threshold in each of t-(years-1) … t, read from the ficha's own 3-year table or,
    before its window, from ``history``; any year without a number → not evaluable."""
    threshold, span = params.number("threshold_pct"), params.integer("years")
    years = [ctx.t - k for k in range(span - 1, -1, -1)]
    series = {
        y: ctx.metric("execution_initial_pct", y) if ctx.has_year(y) else Missing.NOT_REPORTED for y in years
    }
    values = {f"execution_pct_{y}": evidence(v) for y, v in series.items()}
    numbers = [v for v in series.values() if isinstance(v, Decimal)]
    if threshold is None or len(numbers) < len(years):
        yield Draft("not_evaluable", values)
    elif all(v < threshold for v in numbers):
        yield Draft("persistent", values)
    else:
        yield Draft("not_persistent", values)


def _mean(values: list[Num]) -> Decimal | None:
    numbers = [v for v in values if isinstance(v, Decimal)]
    if len(numbers) < len(values) or not numbers:
        return None
    return sum(numbers, Decimal(0)) / len(numbers)


@rule(
    "efficiency.spend_per_beneficiary",
    Dimension.EFFICIENCY,
    title="Variación del gasto por beneficiario",
    methodology="§2.4; §5.1 GXB-OK, GXB-OUT, GXB-NO-HISTORY, GXB-NOT-REPORTED",
    params={
        "band_pct": Param(Decimal, "Variación máxima respecto del promedio de los años anteriores."),
        "band_inclusive": Param(bool, "true: una variación exactamente igual a band_pct está en rango."),
        "reference_years": Param(int, "Años anteriores promediados (2: t-2 y t-1)."),
    },
    outcomes={
        "within_range": OutcomeSpec(OK, "Variación dentro del rango."),
        "out_of_range": OutcomeSpec(FINDING, "Variación fuera del rango (en cualquier sentido)."),
        "no_history": OutcomeSpec(NOT_EVALUABLE, "Sin gasto por beneficiario en los años anteriores."),
        "not_reported": OutcomeSpec(
            FINDING, "No se puede calcular en t (beneficiarios 0 o S/I, ejecutado S/I)."
        ),
        "not_evaluable": OutcomeSpec(NOT_EVALUABLE, "Gasto por beneficiario de t no comparable (N/C)."),
    },
)
def spend_per_beneficiary(ctx: EvaluationContext, params: Params) -> Iterator[Draft]:
    """|GxB_t / mean(GxB_{t-2}, GxB_{t-1}) − 1| × 100 against ``band_pct``, in the ficha's constant prices.

    Precedence (docs/methodology-engine.md, «Spend per beneficiary»): history first — an earlier year that
    cannot be computed → ``no_history`` (no finding); then a year t that cannot be computed (zero or S/I
    beneficiaries, executed budget S/I) → ``not_reported`` (a finding); N/C in t stays not evaluable."""
    band, span = params.number("band_pct"), params.integer("reference_years")
    current = ctx.metric("spend_per_beneficiary", ctx.t)
    previous = [ctx.metric("spend_per_beneficiary", ctx.t - k) for k in range(span, 0, -1)]
    values = {"spend_per_beneficiary": evidence(current)} | {
        f"spend_per_beneficiary_{ctx.t - k}": evidence(v)
        for k, v in zip(range(span, 0, -1), previous, strict=True)
    }
    mean = _mean(previous)
    if mean is None or mean == 0 or band is None:
        yield Draft("no_history", values)
    elif current is Missing.NOT_COMPARABLE:
        yield Draft("not_evaluable", values)
    elif not isinstance(current, Decimal):
        yield Draft("not_reported", values)
    else:
        variation = (current / mean - 1) * 100
        values |= {"reference_mean": float(mean), "variation_pct": float(variation)}
        inside = abs(variation) <= band if params.flag("band_inclusive") else abs(variation) < band
        yield Draft("within_range" if inside else "out_of_range", values)
