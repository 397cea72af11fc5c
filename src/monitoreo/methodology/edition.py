"""A resolved methodology edition: the active rules in evaluation order, each with its parameter values
and Spanish wording, plus the edition's settings. Built by ``loader``; immutable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from monitoreo.domain.findings import Dimension
from monitoreo.methodology.rule import Params

BlockStyle = Literal["labels", "sentences"]


@dataclass(frozen=True)
class Sourced:
    """A value with the paragraph it comes from and its status (E established, I inferred, A assumed)."""

    value: Any
    source: str
    status: Literal["E", "I", "A"]


@dataclass(frozen=True)
class ActiveRule:
    """``label`` is the block label its outcomes print under («Ejecución presupuestaria:», «Indicador de
    propósito {n}:»); ``assessment`` says its non-finding outcomes are printed as the evaluator's assessment
    with the program's data («Criterios de focalización:»)."""

    code: str
    params: Params
    wording: Mapping[str, str]
    sources: Mapping[str, Sourced] = field(default_factory=dict)
    label: str | None = None
    assessment: bool = False


@dataclass(frozen=True)
class Combined:
    """Two outcomes printed as one sentence when both are in the same block (2025: «… y, además, …»,
    FOC-PO-OK, PRI-OK). ``outcomes`` are outcome codes, in print order."""

    outcomes: tuple[str, str]
    wording: str
    source: Sourced


@dataclass(frozen=True)
class EditionSpec:
    """``block_style``: ``labels`` (2020: the RESULTADOS column lists ok labels and findings) or
    ``sentences`` (2023+: only unresolved finding sentences, or the «Sin hallazgos…» sentence).
    ``pertinence_clause`` is appended to a finding cleared as *superado* when its rule has no
    ``*_justified`` wording; ``by_indicator`` prints eficacia grouped per indicator, in indicator order."""

    edition: int
    title: str
    extends: int | None
    justification_clears_finding: bool
    block_style: BlockStyle
    no_findings: Mapping[Dimension, str]
    rules: tuple[ActiveRule, ...]
    judgements: tuple[str, ...]
    settings_sources: Mapping[str, Sourced]
    resolved: Mapping[str, Any]
    hash: str
    combined: tuple[Combined, ...] = ()
    pertinence_clause: str | None = None
    by_indicator: bool = False

    @property
    def labelled(self) -> bool:
        """True when the edition prints labelled blocks (some active rule has a label)."""
        return any(r.label for r in self.rules)

    def rule(self, code: str) -> ActiveRule | None:
        return next((r for r in self.rules if r.code == code), None)
