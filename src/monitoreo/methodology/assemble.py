"""How an edition with labelled blocks (2025) assembles what the ficha prints from the outcomes:
print order, the findings blocks and the assessments printed with the program's data.

Contract (``docs/methodology-engine.md``, «Printing»): pure functions of the outcomes and the edition.

* ``in_print_order`` — outcomes keep the edition's rule order inside each dimension; with
  ``findings_by_indicator`` eficacia is grouped per purpose indicator, in indicator order (the rule order
  holds inside an indicator: variation or not reported, persistence, pertinence, formulation).
* ``findings_blocks`` — per dimension, the unresolved findings grouped under their block label, the label
  once per block; two findings the edition ``combined`` become one sentence («… y, además, …»); the same
  sentence from two rules (FOC-NOT-REPORTED from a missing quantity and from the evaluator) prints once.
* ``assessments`` — ok and not-evaluable outcomes of rules marked ``assessment`` and every finding cleared
  as *superado* (its text already carries the pertinence clause), grouped by label, combined likewise
  (FOC-PO-OK, PRI-OK are one sentence each)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import FindingStatus, Outcome, OutcomeVerdict, PrintedBlock, PrintedSentence
from monitoreo.methodology.edition import EditionSpec
from monitoreo.methodology.wording import render


def in_print_order(outcomes: Sequence[Outcome], edition: EditionSpec) -> list[Outcome]:
    """Outcomes by dimension (Focalización, Eficiencia, Eficacia), eficacia per indicator when asked."""
    dims = list(Dimension)

    def key(o: Outcome) -> tuple[int, int]:
        grouped = edition.by_indicator and o.dimension is Dimension.EFFECTIVENESS
        return dims.index(o.dimension), (o.indicator or 0) if grouped else 0

    return sorted(outcomes, key=key)


def _joined(*texts: str | None) -> str | None:
    parts = [t.strip() for t in texts if t and t.strip()]
    return " ".join(parts) or None


def _sentences(
    outcomes: Iterable[Outcome], edition: EditionSpec, fill: dict[str, str]
) -> list[PrintedSentence]:
    items = [
        PrintedSentence(codes=[o.code], text=o.text, detail=o.detail, indicator=o.indicator) for o in outcomes
    ]
    for combo in edition.combined:
        first = next((s for s in items if s.codes == [combo.outcomes[0]]), None)
        second = next((s for s in items if s.codes == [combo.outcomes[1]]), None)
        if first is None or second is None:
            continue
        merged = PrintedSentence(
            codes=list(combo.outcomes),
            text=render(combo.wording, fill).strip(),
            detail=_joined(first.detail, second.detail),
            indicator=first.indicator,
        )
        items = [merged if s is first else s for s in items if s is not second]
    unique: list[PrintedSentence] = []
    for s in items:
        twin = next((u for u in unique if u.text == s.text), None)
        if twin is None:
            unique.append(s)
        else:
            unique[unique.index(twin)] = twin.model_copy(
                update={"codes": [*twin.codes, *s.codes], "detail": _joined(twin.detail, s.detail)}
            )
    return unique


def _grouped(outcomes: Sequence[Outcome], edition: EditionSpec, fill: dict[str, str]) -> list[PrintedBlock]:
    """Consecutive groups by (dimension, label, indicator), first appearance order."""
    keys: list[tuple[Dimension, str | None, int | None]] = []
    members: dict[tuple[Dimension, str | None, int | None], list[Outcome]] = {}
    for o in outcomes:
        k = (o.dimension, o.label, o.indicator if o.dimension is Dimension.EFFECTIVENESS else None)
        if k not in members:
            keys.append(k)
            members[k] = []
        members[k].append(o)
    return [
        PrintedBlock(
            dimension=k[0], label=k[1], indicator=k[2], sentences=_sentences(members[k], edition, fill)
        )
        for k in keys
    ]


def findings_blocks(
    outcomes: Sequence[Outcome], edition: EditionSpec, fill: dict[str, str]
) -> dict[Dimension, list[PrintedBlock]]:
    """Per dimension, the labelled blocks of unresolved findings (empty: «Sin hallazgos…»)."""
    printed = [o for o in outcomes if o.text and o.status is FindingStatus.UNRESOLVED]
    return {dim: _grouped([o for o in printed if o.dimension is dim], edition, fill) for dim in Dimension}


def assessments(
    outcomes: Sequence[Outcome], edition: EditionSpec, fill: dict[str, str]
) -> list[PrintedBlock]:
    """The evaluator's assessments printed with the program's data, one block per label."""
    assessed = {r.code for r in edition.rules if r.assessment}

    def chosen(o: Outcome) -> bool:
        cleared = o.status is FindingStatus.RESOLVED
        return bool(o.text) and (cleared or (o.rule in assessed and o.verdict is not OutcomeVerdict.FINDING))

    picked = [o for o in outcomes if chosen(o)]
    first = [o for o in picked if o.rule in assessed]
    return _grouped(first + [o for o in picked if o.rule not in assessed], edition, fill)


def block_lines(
    blocks: dict[Dimension, list[PrintedBlock]], edition: EditionSpec
) -> dict[Dimension, list[str]]:
    """The flat ``Evaluation.block``: each block's sentences, or the «Sin hallazgos…» sentence."""
    return {
        dim: [s.text for b in blocks.get(dim, []) for s in b.sentences] or [edition.no_findings[dim]]
        for dim in Dimension
    }
