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
    code: str
    params: Params
    wording: Mapping[str, str]
    sources: Mapping[str, Sourced] = field(default_factory=dict)


@dataclass(frozen=True)
class EditionSpec:
    """``block_style``: ``labels`` (2020: the RESULTADOS column lists ok labels and findings) or
    ``sentences`` (2023+: only unresolved finding sentences, or the «Sin hallazgos…» sentence)."""

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

    def rule(self, code: str) -> ActiveRule | None:
        return next((r for r in self.rules if r.code == code), None)
