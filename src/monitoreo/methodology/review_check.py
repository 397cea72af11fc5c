"""Validation of the review inputs against the submission's methodology edition (docs/edition-2025.md,
clarification 5): a judgement the edition's rules do not read, a judgement value its rule does not accept,
a judgement or decision missing or carrying an indicator number against its rule, and a decision on a
finding code no active rule produces. Registered as a validation check module (``DEFAULT_CHECKS``); the
validation layer never imports the engine."""

from __future__ import annotations

from collections.abc import Iterator

from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import OutcomeVerdict
from monitoreo.domain.submission import Submission
from monitoreo.methodology import registry
from monitoreo.methodology.errors import MethodologyError
from monitoreo.methodology.loader import load_edition
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make

UNKNOWN_JUDGEMENT = issue_type(
    "review.E002",
    "Juicio desconocido para la edición",
    "El juicio «{code}» no lo lee ninguna regla de la edición {edition}.",
)
BAD_VALUE = issue_type(
    "review.E004",
    "Valor de juicio no admitido",
    "El juicio «{code}» no admite el valor «{value}» (admite: {accepted}).",
)
UNKNOWN_FINDING = issue_type(
    "review.E005",
    "Decisión sobre un hallazgo desconocido",
    "La decisión nombra «{code}», que no es un hallazgo de las reglas de la edición {edition}.",
)
INDICATOR_SCOPE = issue_type("review.E006", "Número de indicador que no corresponde", "«{code}» {problem}.")


def _scope(code: str, per_indicator: bool, indicator: int | None) -> str | None:
    if per_indicator and indicator is None:
        return "es por indicador de propósito: falta `indicator`"
    if not per_indicator and indicator is not None:
        return "no es por indicador de propósito: sobra `indicator`"
    return None


@check("review.edition")
def edition_codes(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    """Judgement codes, their values and decision finding codes exist in the submission's edition."""
    try:
        spec = load_edition(int(sub.edition))
    except MethodologyError:
        return
    rules = registry.rules()
    active = [rules[r.code] for r in spec.rules if r.code in rules]
    readers = {code: rule for rule in active for code in rule.judgements}
    findings = {
        rule.outcome_code(k): rule
        for rule in active
        for k, o in rule.outcomes.items()
        if o.verdict is OutcomeVerdict.FINDING
    }
    for i, j in enumerate(sub.review.judgements):
        where = f"review.judgements.{i}"
        reader = readers.get(j.code)
        if reader is None:
            yield make(UNKNOWN_JUDGEMENT, f"{where}.code", code=j.code, edition=spec.edition)
            continue
        if not reader.accepts(j.code, j.value):
            accepted = ", ".join(["true", "false", *sorted(reader.judgement_values.get(j.code, ()))])
            yield make(BAD_VALUE, f"{where}.value", code=j.code, value=str(j.value), accepted=accepted)
        problem = _scope(j.code, reader.dimension is Dimension.EFFECTIVENESS, j.indicator)
        if problem:
            yield make(INDICATOR_SCOPE, f"{where}.indicator", code=j.code, problem=problem)
    for i, d in enumerate(sub.review.decisions):
        where = f"review.decisions.{i}"
        rule = findings.get(d.finding)
        if rule is None:
            yield make(UNKNOWN_FINDING, f"{where}.finding", code=d.finding, edition=spec.edition)
            continue
        # Eficacia findings are per purpose indicator, except «the program reports no indicator at all».
        per_indicator = rule.dimension is Dimension.EFFECTIVENESS and d.finding != rule.outcome_code(
            "missing"
        )
        problem = _scope(d.finding, per_indicator, d.indicator)
        if problem:
            yield make(INDICATOR_SCOPE, f"{where}.indicator", code=d.finding, problem=problem)
