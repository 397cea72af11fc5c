"""«¿Por qué este hallazgo?»: the explanation of a rule outcome — the rule, the edition and its parameters
with their sources, the values compared, the judgement or justification that decided it, and why a
candidate finding was cleared (*superado*) or not (docs/explanations.md).

Contract: pure; reads the outcome as ``evaluate`` produced it, the edition file and the submission's review
inputs; never re-runs a rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from monitoreo import formatting
from monitoreo.domain.findings import INSUFFICIENT, NOT_APPLICABLE, Verdict
from monitoreo.domain.outcomes import Evaluation, FindingStatus, Outcome, OutcomeVerdict
from monitoreo.domain.submission import Submission
from monitoreo.explain.metrics import evidence_labels
from monitoreo.methodology import registry
from monitoreo.methodology.loader import load_edition
from monitoreo.methodology.resolve import decision_for

_YEAR_SUFFIX = re.compile(r"^(?P<base>.+)_(?P<year>\d{4})$")


@dataclass(frozen=True)
class Compared:
    """One value the rule compared, with its Spanish name and es-CL text."""

    key: str
    label: str
    value: Any
    text: str


@dataclass(frozen=True)
class Parameter:
    """One parameter of the rule in this edition, with the source the edition file cites."""

    name: str
    label: str
    value: Any
    text: str
    source: str


@dataclass(frozen=True)
class OutcomeExplanation:
    """Why ``outcome`` is what it is."""

    code: str
    rule: str
    rule_title: str
    dimension: str
    verdict: str
    status: str | None
    edition: int
    edition_title: str
    sentence: str
    indicator: int | None
    compared: tuple[Compared, ...]
    parameters: tuple[Parameter, ...]
    decided_by: tuple[str, ...]
    why: str


_JUDGED = {INSUFFICIENT: "insuficiente para evaluar", NOT_APPLICABLE: "no aplica"}


def _show(value: Any, kind: str) -> str:
    if value is None:
        return "no aplica"
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, str) and value in _JUDGED:
        return _JUDGED[value]
    if isinstance(value, float | int | Decimal):
        number = Decimal(str(value))
        return (
            formatting.number(number, 1) + " %"
            if kind == "percent"
            else formatting.number(number, 0 if number == number.to_integral_value() else 2)
        )
    return str(value)


def _compared(values: dict[str, Any]) -> tuple[Compared, ...]:
    labels = evidence_labels()
    judged = "judgement" in values
    order = {name: i for i, name in enumerate(labels)}

    def rank(key: str) -> tuple[int, str]:
        match = _YEAR_SUFFIX.match(key)
        return order.get(match["base"] if match else key, len(order)), key

    out = []
    # In the order of formulas.yaml's «evidence» list, not as stored: a JSON column may reorder keys
    # (PostgreSQL's jsonb does), and the same outcome must read the same everywhere.
    for key, value in sorted(values.items(), key=lambda item: rank(item[0])):
        if key == "judgement":
            name = registry.judgement_codes().get(str(value), str(value))
            out.append(Compared(key, "Juicio del evaluador", value, name))
            continue
        if judged and key == "value":
            out.append(Compared(key, "Respuesta del evaluador", value, _show(value, "text")))
            continue
        match = _YEAR_SUFFIX.match(key)
        base, year = (match["base"], match["year"]) if match and match["base"] in labels else (key, None)
        spec = labels.get(base, {"label": key, "kind": "number"})
        label = spec["label"] + (f" {year}" if year else "")
        out.append(Compared(key, label, value, _show(value, spec["kind"])))
    return tuple(out)


def _why(sub: Submission, outcome: Outcome, clears: bool) -> tuple[tuple[str, ...], str]:
    """(what decided the outcome, why its status is what it is)."""
    decided: list[str] = []
    for judgement in sub.review.judgements:
        if outcome.values.get("judgement") == judgement.code and judgement.indicator == outcome.indicator:
            decided.append(
                f"Juicio del evaluador: {registry.judgement_codes().get(judgement.code, judgement.code)} "
                f"→ {_show(judgement.value, 'text')}" + (f". «{judgement.text}»" if judgement.text else "")
            )
    if outcome.verdict is not OutcomeVerdict.FINDING:
        why = (
            "Sin hallazgo: los valores cumplen la regla de la edición."
            if outcome.verdict is OutcomeVerdict.OK
            else "No evaluable: falta un dato o un juicio que la regla necesita; no es un hallazgo."
        )
        return tuple(decided), why
    decision = decision_for(outcome.code, outcome.indicator, sub.review.decisions)
    if decision is None:
        return tuple(
            decided
        ), "Hallazgo no superado: no hay una justificación del Servicio evaluada como pertinente."
    if decision.justification is not None:
        ref = (
            f" (observación N° {decision.justification.observation})"
            if decision.justification.observation
            else ""
        )
        text = f": «{decision.justification.text}»" if decision.justification.text else ""
        decided.append(f"Justificación del Servicio{ref}{text}")
    verdict = "pertinente" if decision.verdict is Verdict.PERTINENT else "insuficiente"
    decided.append(f"Veredicto del evaluador: {verdict}" + (f". «{decision.text}»" if decision.text else ""))
    if outcome.status is FindingStatus.RESOLVED:
        why = (
            "Hallazgo superado: el evaluador juzgó pertinente la justificación del Servicio y en esta edición "
            "una justificación pertinente supera el hallazgo."
        )
    elif decision.verdict is Verdict.PERTINENT and not clears:
        why = "Hallazgo no superado: en esta edición una justificación, aunque pertinente, no supera este hallazgo."
    else:
        why = "Hallazgo no superado: el evaluador juzgó insuficiente la justificación del Servicio."
    return tuple(decided), why


def explain_outcome(sub: Submission, evaluation: Evaluation, outcome: Outcome) -> OutcomeExplanation:
    """The explanation of one ``outcome`` of ``evaluation`` (of ``sub``)."""
    edition = load_edition(evaluation.edition)
    spec = registry.get(outcome.rule)
    active = edition.rule(outcome.rule)
    parameters: list[Parameter] = []
    clears = edition.justification_clears_finding
    if active is not None and spec is not None:
        override = active.params.get("justification_clears")
        clears = override if isinstance(override, bool) else clears
        for name, value in active.params.items():
            param = spec.params.get(name)
            source = active.sources.get(name)
            parameters.append(
                Parameter(
                    name,
                    param.doc if param else name,
                    _plain(value),
                    _show(_plain(value), "percent" if name.endswith("_pct") else "text"),
                    source.source if source else "",
                )
            )
    decided, why = _why(sub, outcome, clears)
    return OutcomeExplanation(
        code=outcome.code,
        rule=outcome.rule,
        rule_title=spec.title if spec else outcome.rule,
        dimension=outcome.dimension.label,
        verdict=outcome.verdict.label,
        status=outcome.status.label if outcome.status else None,
        edition=edition.edition,
        edition_title=edition.title,
        sentence=outcome.text,
        indicator=outcome.indicator,
        compared=_compared(dict(outcome.values)),
        parameters=tuple(parameters),
        decided_by=decided,
        why=why,
    )


def _plain(value: object) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def explain_outcomes(sub: Submission, evaluation: Evaluation) -> list[OutcomeExplanation]:
    """Explanations of every printed outcome (a sentence) and every finding of ``evaluation``."""
    return [
        explain_outcome(sub, evaluation, o)
        for o in evaluation.outcomes
        if o.text or o.verdict is OutcomeVerdict.FINDING
    ]
