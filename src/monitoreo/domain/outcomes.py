"""What the evaluation engine produces (docs/methodology.md §4): one ``Outcome`` per rule and subject, and the
``Evaluation`` of a submission under one methodology edition. Rules fill these; the ficha and the open data
read them. Shared here so producers and consumers agree on one shape."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from monitoreo.domain.base import Model
from monitoreo.domain.findings import Dimension


class OutcomeVerdict(StrEnum):
    """Outcome classes of docs/methodology.md §4.2."""

    FINDING = "finding"
    OK = "ok"
    NOT_EVALUABLE = "not_evaluable"

    @property
    def label(self) -> str:
        """How people read it (CLI tables, the code catalogue)."""
        return {"finding": "hallazgo", "ok": "sin hallazgo", "not_evaluable": "no evaluable"}[self.value]


class FindingStatus(StrEnum):
    """A finding whose justification was judged pertinent is *superado*; the rest are *no superado*."""

    UNRESOLVED = "no_superado"
    RESOLVED = "superado"

    @property
    def label(self) -> str:
        """How the ficha says it: «no superado» / «superado»."""
        return self.value.replace("_", " ")


#: Evidence values an outcome records (numbers unrounded, codes as strings).
EvidenceValue = bool | float | int | str | None


class Outcome(Model):
    """The result of one rule on one subject (the program, or purpose indicator ``indicator``)."""

    code: str = Field(description="Código estable: regla + resultado (efficiency.initial_execution.under).")
    rule: str = Field(description="Código de la regla (efficiency.initial_execution).")
    dimension: Dimension
    verdict: OutcomeVerdict
    status: FindingStatus | None = Field(default=None, description="Sólo para hallazgos.")
    text: str = Field(description="La frase en español tal como la imprime la ficha.")
    indicator: int | None = Field(default=None, ge=1, description="N° del indicador de propósito.")
    values: dict[str, EvidenceValue] = Field(default_factory=dict, description="Valores usados por la regla.")
    label: str | None = Field(
        default=None, description="Rótulo del bloque en que se imprime («Ejecución presupuestaria:»)."
    )
    detail: str | None = Field(
        default=None, description="Texto del evaluador que sigue a la frase estándar (sus razones), tal como se imprime."
    )


class Evaluation(Model):
    """All outcomes of a submission under one edition, plus the texts the ficha prints from them.

    ``block`` holds, per dimension, the sentences of the findings block («HALLAZGOS NO SUPERADOS» in 2023,
    the «RESULTADOS» column in 2020) — already including the edition's «Sin hallazgos…» sentence when a
    dimension has none. ``indicator_results`` holds the «Resultado» sentence per purpose indicator."""

    submission_id: str
    edition: int
    outcomes: list[Outcome] = Field(default_factory=list)
    block: dict[Dimension, list[str]] = Field(default_factory=dict)
    indicator_results: dict[int, str] = Field(default_factory=dict)
    methodology_hash: str | None = None

    def findings(self, status: FindingStatus | None = None) -> list[Outcome]:
        """Findings, optionally only those with ``status``."""
        return [
            o for o in self.outcomes
            if o.verdict is OutcomeVerdict.FINDING and (status is None or o.status is status)
        ]
