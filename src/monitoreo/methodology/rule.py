"""What a rule is: a small function with no numbers in it, plus the declaration of the parameters it reads,
the outcomes it can produce, the wording keys it needs and the evaluator judgements it consults.

Contract: a rule receives an ``EvaluationContext`` and the edition's ``Params`` and yields ``Draft``
outcomes. It never raises on bad data (a missing value is an outcome, docs/methodology.md §4.2), never reads a
threshold from anywhere but ``Params``, and never builds Spanish text: the engine renders the edition's
wording for the draft's outcome."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import EvidenceValue, OutcomeVerdict
from monitoreo.domain.values import Missing, Num

if TYPE_CHECKING:
    from monitoreo.methodology.context import EvaluationContext

#: Kinds a parameter may have in an edition file.
ParamKind = type[Decimal] | type[int] | type[bool] | type[str]


@dataclass(frozen=True)
class Param:
    """A parameter a rule reads; ``nullable`` parameters accept ``null`` (= switched off)."""

    kind: ParamKind
    doc: str
    nullable: bool = False


@dataclass(frozen=True)
class OutcomeSpec:
    """One outcome a rule can produce: ``<rule code>.<key>`` with a fixed verdict."""

    verdict: OutcomeVerdict
    doc: str


@dataclass(frozen=True)
class Draft:
    """An outcome before the engine renders its text and resolves its status.

    ``wording`` lists candidate wording keys, most specific first (``worse_descending``, ``worse``); the
    engine uses the first the edition defines. ``fill`` holds extra placeholder values (already formatted)."""

    outcome: str
    values: Mapping[str, EvidenceValue] = field(default_factory=dict)
    indicator: int | None = None
    wording: tuple[str, ...] = ()
    fill: Mapping[str, str] = field(default_factory=dict)


class Params(dict[str, object]):
    """The edition's parameter values of one rule, with typed accessors."""

    def number(self, name: str) -> Decimal | None:
        value = self[name]
        if value is None:
            return None
        if isinstance(value, Decimal):
            return value
        raise TypeError(f"el parámetro {name} no es un número")

    def integer(self, name: str) -> int:
        value = self[name]
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise TypeError(f"el parámetro {name} no es un entero")

    def flag(self, name: str) -> bool:
        value = self[name]
        if isinstance(value, bool):
            return value
        raise TypeError(f"el parámetro {name} no es verdadero/falso")


RuleFunction = Callable[["EvaluationContext", Params], Iterable[Draft]]


@dataclass(frozen=True)
class RuleSpec:
    """A registered rule. ``code`` is stable (``efficiency.initial_execution``); ``methodology`` cites the
    paragraph of ``methodology.md`` it implements; ``variants`` are optional wording keys beyond the
    outcome keys; ``placeholders`` are the extra ``{name}`` fields its drafts fill."""

    code: str
    dimension: Dimension
    title: str
    methodology: str
    function: RuleFunction
    params: Mapping[str, Param] = field(default_factory=dict)
    outcomes: Mapping[str, OutcomeSpec] = field(default_factory=dict)
    variants: frozenset[str] = frozenset()
    placeholders: frozenset[str] = frozenset()
    judgements: Mapping[str, str] = field(default_factory=dict)
    #: Values beyond true/false each judgement accepts («insuficiente», «no_aplica»).
    judgement_values: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def accepts(self, judgement: str, value: object) -> bool:
        """Whether judgement ``judgement`` of this rule may take ``value`` (true/false always)."""
        return isinstance(value, bool) or value in self.judgement_values.get(judgement, frozenset())

    def outcome_code(self, key: str) -> str:
        return f"{self.code}.{key}"

    def wording_keys(self) -> frozenset[str]:
        """Every wording key an edition may define for this rule (``*_justified`` variants included)."""
        base = set(self.outcomes) | set(self.variants)
        return frozenset(base | {f"{k}_justified" for k in base} | {f"{k}_insufficient" for k in base})


def not_reported(value: Num) -> bool:
    """True when the program did not report the value (S/I): a finding, not a structural gap (docs/methodology.md §4.2)."""
    return value is Missing.NOT_REPORTED


def missing_code(value: Num) -> str | None:
    """The code string of a missing value, for evidence."""
    return value.value if isinstance(value, Missing) else None


def evidence(value: Num) -> EvidenceValue:
    """A value as evidence: unrounded float, or its code string."""
    return value.value if isinstance(value, Missing) else float(value)
