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
        default=None,
        description="Texto del evaluador que sigue a la frase estándar (sus razones), tal como se imprime.",
    )


class PrintedSentence(Model):
    """One sentence as the ficha prints it: the standard sentence (``text``) of one outcome, or of two
    outcomes joined by the edition («… y, además, …», FOC-PO-OK), followed by the evaluator's ``detail``."""

    codes: list[str] = Field(description="Códigos de los resultados que la frase expresa (uno o dos).")
    text: str = Field(description="La frase estándar, como se imprime.")
    detail: str | None = Field(default=None, description="Texto del evaluador que sigue a la frase.")
    indicator: int | None = Field(default=None, ge=1)


class PrintedBlock(Model):
    """A labelled block: the label printed once («Ejecución presupuestaria:», «Indicador de propósito 2:»)
    then its sentences in print order. Used for the findings blocks and for the assessments printed with
    the program's data («Criterios de focalización:», «Gasto por beneficiario:»)."""

    dimension: Dimension
    label: str | None = None
    indicator: int | None = Field(default=None, ge=1)
    sentences: list[PrintedSentence] = Field(default_factory=list)


class Evaluation(Model):
    """All outcomes of a submission under one edition, plus the texts the ficha prints from them.

    ``block`` holds, per dimension, the sentences of the findings block («HALLAZGOS NO SUPERADOS» in 2023,
    the «RESULTADOS» column in 2020) — already including the edition's «Sin hallazgos…» sentence when a
    dimension has none. ``indicator_results`` holds the «Resultado» sentence per purpose indicator.

    Editions whose rules carry block labels (2025) also fill ``blocks`` — per dimension, the labelled
    findings blocks in print order (an empty list: the dimension prints its «Sin hallazgos…» sentence,
    which is ``block[dimension][0]``) — and ``assessments``: the evaluator's assessments printed with the
    program's data (ok and not-evaluable outcomes, and findings cleared as *superado* with the edition's
    pertinence clause), one block per label in print order. ``outcomes`` are then in print order per
    dimension (eficacia grouped by indicator, in indicator order)."""

    submission_id: str
    edition: int
    outcomes: list[Outcome] = Field(default_factory=list)
    block: dict[Dimension, list[str]] = Field(default_factory=dict)
    indicator_results: dict[int, str] = Field(default_factory=dict)
    blocks: dict[Dimension, list[PrintedBlock]] = Field(default_factory=dict)
    assessments: list[PrintedBlock] = Field(default_factory=list)
    methodology_hash: str | None = None

    def findings(self, status: FindingStatus | None = None) -> list[Outcome]:
        """Findings, optionally only those with ``status``."""
        return [
            o
            for o in self.outcomes
            if o.verdict is OutcomeVerdict.FINDING and (status is None or o.status is status)
        ]

    def assessment(self, label: str) -> PrintedBlock | None:
        """The assessment printed under ``label`` («Criterios de focalización:»), if any."""
        return next((a for a in self.assessments if a.label == label), None)

    def public_findings(self) -> list[Outcome]:
        """The findings the public counts as «hallazgos»: those *not* superado (see ``is_public_finding``)."""
        return [o for o in self.outcomes if is_public_finding(o)]

    def public_finding_counts(self) -> dict[Dimension, int]:
        """Public findings per dimension, every dimension present (0 when it has none)."""
        counts = dict.fromkeys(Dimension, 0)
        for o in self.public_findings():
            counts[o.dimension] += 1
        return counts


def is_public_finding(outcome: Outcome) -> bool:
    """The one definition of a «hallazgo» for the public (portal list, program page, its JSON/CSV twins, API,
    panorama, open data): a finding outcome that is not *superado*. A finding with no decision yet counts
    (it is *no superado* until a justification is judged pertinent). See docs/web-portal.md."""
    return outcome.verdict is OutcomeVerdict.FINDING and outcome.status is not FindingStatus.RESOLVED
