"""Layout of the 2025 report (edition 2025 and later), top to bottom as ``docs/ficha-rendering.md``
(«The 2025 layout») describes it: identification, Descripción, Propósito, Población Objetivo, Ejecutores,
Complementariedades informadas, the evaluator's assessments («Criterios de focalización:», «Criterios de
priorización:», «Gasto por beneficiario:»), the findings «1. Focalización / 2. Eficiencia / 3. Eficacia» in
labelled blocks, «Otras dimensiones», then the programme's figures (the 2023 tables).

Outcomes come from the ``Evaluation`` in the engine's print order. A block label is printed once, leading
the block's first sentence; each standard sentence is followed by the evaluator's text (``Outcome.detail``),
never generated. A finding cleared as *superado* is not a finding of the block: it is printed with the
assessment of its label, followed by the pertinence clause and the evaluator's text."""

from __future__ import annotations

from monitoreo import formatting, reference
from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import FindingStatus, Outcome, OutcomeVerdict, PrintedBlock, PrintedSentence
from monitoreo.domain.program import Identity
from monitoreo.sheet import layout_2023
from monitoreo.sheet import wording_2025 as w
from monitoreo.sheet.blocks import (
    Context,
    c,
    dimension_results,
    indicator_result,
    label_row,
    observation_blocks,
    ods_blocks,
    paragraphs,
    results_or_placeholder,
    row,
    technical_note_blocks,
)
from monitoreo.sheet.format import factor
from monitoreo.sheet.model import Block, BulletList, FieldLine, Fields, Heading, Paragraph, Section, Table

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _outcomes(ctx: Context) -> list[Outcome]:
    return list(ctx.evaluation.outcomes) if ctx.evaluation is not None else []


def _is_block_finding(o: Outcome) -> bool:
    return o.verdict is OutcomeVerdict.FINDING and o.status is FindingStatus.UNRESOLVED and bool(o.text)


def _is_assessment(o: Outcome) -> bool:
    """Printed next to the data: evaluations without a finding and findings cleared as superado."""
    if not o.text:
        return False
    return o.verdict is not OutcomeVerdict.FINDING or o.status is FindingStatus.RESOLVED


def _grouped(outcomes: list[Outcome]) -> list[PrintedBlock]:
    """Outcomes as labelled blocks, for an evaluation that does not carry them (``Evaluation.blocks`` is
    filled by editions with labelled blocks): one block per (dimension, label, indicator), first
    appearance order; a superado sentence gains the pertinence clause."""
    blocks: dict[tuple[Dimension, str | None, int | None], list[PrintedSentence]] = {}
    for o in outcomes:
        text = o.text
        if o.status is FindingStatus.RESOLVED and w.PERTINENT_JUSTIFICATION not in text:
            text = f"{text} {w.PERTINENT_JUSTIFICATION}"
        key = (o.dimension, o.label, o.indicator if o.dimension is Dimension.EFFECTIVENESS else None)
        blocks.setdefault(key, []).append(
            PrintedSentence(codes=[o.code], text=text, detail=o.detail, indicator=o.indicator)
        )
    return [
        PrintedBlock(dimension=d, label=label, indicator=n, sentences=sentences)
        for (d, label, n), sentences in blocks.items()
    ]


def findings_blocks(ctx: Context, dimension: Dimension) -> list[PrintedBlock]:
    """The labelled findings blocks of ``dimension`` (the engine's, else built from the outcomes)."""
    ev = ctx.evaluation
    if ev is not None and ev.blocks:
        return list(ev.blocks.get(dimension, []))
    return _grouped([o for o in _outcomes(ctx) if o.dimension is dimension and _is_block_finding(o)])


def assessment_blocks(ctx: Context) -> list[PrintedBlock]:
    """The evaluator's assessments printed with the data (the engine's, else built from the outcomes)."""
    ev = ctx.evaluation
    if ev is not None and ev.blocks:
        return list(ev.assessments)
    return _grouped([o for o in _outcomes(ctx) if _is_assessment(o)])


def render_blocks(blocks: list[PrintedBlock]) -> list[Block]:
    """Each block's label once, in bold, leading its first sentence; every sentence followed, in the same
    paragraph, by the evaluator's text (its first paragraph; further ones follow as paragraphs)."""
    out: list[Block] = []
    for block in blocks:
        for i, sentence in enumerate(block.sentences):
            detail = [p.strip() for p in (sentence.detail or "").split("\n\n") if p.strip()]
            text = " ".join([sentence.text, *detail[:1]])
            out.append(Paragraph(text=text, label=block.label if i == 0 else None))
            out.extend(Paragraph(text=p) for p in detail[1:])
    return out


# ---- identification ----------------------------------------------------------------------------------


def _executors(p: Identity) -> list[Block]:
    if p.executors is None:
        return []
    if p.executors.direct or not p.executors.items:
        return [Paragraph(label=w.EXECUTORS, text=w.EXECUTORS_DIRECT)]
    return [
        Paragraph(label=w.EXECUTORS, text=""),
        BulletList(items=[f"{e.name} ({e.type})" for e in p.executors.items]),
    ]


def _complementarities(p: Identity, t: int) -> list[Block]:
    if p.complementarities is None:
        return []
    if not p.complementarities.items:
        return [Paragraph(label=w.COMPLEMENTARITIES, text=w.NO_COMPLEMENTARITIES.format(t=t))]
    items = [
        f"{i.program}: {i.description}" if i.description else i.program for i in p.complementarities.items
    ]
    return [Paragraph(label=w.COMPLEMENTARITIES, text=""), BulletList(items=items)]


def antecedentes(ctx: Context) -> Section:
    p = ctx.sub.program
    end = str(p.end_year) if p.end_year is not None else "S/I"
    fields = [FieldLine(label=w.OFFER_TYPE, value=p.offer_type)] if p.offer_type else []
    fields += [FieldLine(label=w.START_YEAR, value=str(p.start_year)), FieldLine(label=w.END_YEAR, value=end)]
    target = p.target_population or (
        ctx.sub.populations.target.description if ctx.sub.populations.target is not None else None
    )
    blocks: list[Block] = [
        Fields(items=fields),
        *paragraphs(p.description, w.DESCRIPTION),
        Heading(text=w.PURPOSE),
        *paragraphs(p.purpose),
        *paragraphs(target, w.TARGET_POPULATION),
        *_executors(p),
        *_complementarities(p, ctx.t),
    ]
    assessments = assessment_blocks(ctx)
    for label in w.ASSESSMENT_LABELS:
        blocks += render_blocks([b for b in assessments if b.label == label])
    return Section(key="antecedentes", title="ANTECEDENTES", blocks=blocks)


# ---- findings ----------------------------------------------------------------------------------------------


def findings(ctx: Context) -> Section:
    """«1. Focalización / 2. Eficiencia / 3. Eficacia»: labelled blocks of the findings not superado, or
    the edition's «Sin hallazgos…» sentence (``Evaluation.block``)."""
    blocks: list[Block] = []
    for dimension, title in w.FINDINGS_HEADINGS.items():
        blocks.append(Heading(text=title, level=2))
        found = findings_blocks(ctx, dimension)
        if found:
            blocks += render_blocks(found)
        else:
            blocks += [Paragraph(text=t) for t in results_or_placeholder(dimension_results(ctx, dimension))]
    return Section(key="hallazgos", title=w.FINDINGS_TITLE, blocks=blocks)


def otras_dimensiones(ctx: Context) -> Section:
    """«Otras dimensiones»: the programme's contribution to the ODS and its gender approach, each only when
    reported (the content of this section in the published reports is not established; see
    ``docs/ficha-rendering.md``). ``sections`` leaves the section out when it has nothing to print."""
    blocks: list[Block] = []
    if ctx.sub.ods:
        blocks += [
            Heading(text="CONTRIBUCIÓN A LOS OBJETIVOS DE DESARROLLO SOSTENIBLE (ODS)"),
            *ods_blocks(ctx.sub),
        ]
    if ctx.sub.gender_approach:
        blocks += [Heading(text="ENFOQUE DE GÉNERO"), *paragraphs(ctx.sub.gender_approach)]
    return Section(key="otras_dimensiones", title=w.OTHER_DIMENSIONS.upper(), blocks=blocks)


# ---- figures (the 2023 tables) -----------------------------------------------------------------------------


def _other_assessments(ctx: Context, dimension: Dimension) -> list[Block]:
    """Superado and other assessments of ``dimension`` whose label is not printed with the antecedentes
    (e.g. an execution or indicator decrease cleared by a pertinent justification): after its figures."""
    return render_blocks(
        [b for b in assessment_blocks(ctx) if b.dimension is dimension and b.label not in w.ASSESSMENT_LABELS]
    )


def _indicators(ctx: Context) -> list[Block]:
    """The purpose-indicator table; an indicator's assessment whose sentence is the table's «Resultado»
    (a decrease cleared as superado) gets the evaluator's text in that cell, so the sentence is printed
    once, next to the values; its other assessments follow the table."""
    table = layout_2023.indicators_table(ctx)
    rows = list(table.rows)
    after: list[PrintedBlock] = []
    for block in assessment_blocks(ctx):
        if block.dimension is not Dimension.EFFECTIVENESS or block.label in w.ASSESSMENT_LABELS:
            continue
        n = block.indicator
        result = indicator_result(ctx, n) if n is not None and n <= len(rows) else None
        rest = []
        for sentence in block.sentences:
            if result is not None and n is not None and sentence.text == result:
                cells = list(rows[n - 1].cells)
                details = [p.strip() for p in (sentence.detail or "").split("\n\n") if p.strip()]
                cells[-1] = cells[-1].model_copy(update={"paragraphs": [*cells[-1].paragraphs, *details]})
                rows[n - 1] = rows[n - 1].model_copy(update={"cells": cells})
            else:
                rest.append(sentence)
        if rest:
            after.append(block.model_copy(update={"sentences": rest}))
    return [table.model_copy(update={"rows": rows}), *render_blocks(after)]


def _figures(ctx: Context) -> list[Section]:
    targeting = layout_2023.focalizacion(ctx)
    # The programme's prioritisation criteria are not printed under the evaluator's label here: in the 2025
    # report «Criterios de priorización:» is the evaluator's assessment.
    kept = [
        b for b in targeting.blocks if not (isinstance(b, Paragraph) and b.label == w.ASSESSMENT_LABELS[1])
    ]
    efficiency = layout_2023.eficiencia(ctx)
    return [
        Section(
            key="focalizacion",
            title="DATOS DEL PROGRAMA: FOCALIZACIÓN",
            blocks=[*kept, *_other_assessments(ctx, Dimension.TARGETING)],
        ),
        Section(
            key="eficiencia",
            title="DATOS DEL PROGRAMA: EFICIENCIA",
            blocks=[*efficiency.blocks, *_other_assessments(ctx, Dimension.EFFICIENCY)],
        ),
        Section(key="eficacia", title="DATOS DEL PROGRAMA: EFICACIA", blocks=_indicators(ctx)),
    ]


def _inflator_blocks(ctx: Context) -> list[Block]:
    """The inflator table of the submission's price base, or an explicit note that there is none."""
    base = int(ctx.sub.price_base_year)
    table = ctx.sub.inflators or reference.inflators_for_base(base)
    if table is None or int(table.base) != base:
        return [Paragraph(label="Inflactores:", text=w.NO_INFLATORS_NOTE.format(base=base))]
    rows = [label_row(str(y), [factor(f)]) for y, f in sorted(table.factors.items())]
    return [
        Paragraph(label="Inflactores:", text=w.PRICES_NOTE.format(base=base)),
        Table(
            id="inflactores",
            caption="Inflactores",
            columns=[1.0, 1.0],
            align=["left", "right"],
            header=[row(c("Año"), c("Inflactor"))],
            rows=rows,
        ),
    ]


def notas_tecnicas(ctx: Context) -> Section:
    blocks = [*technical_note_blocks(ctx.sub), *_inflator_blocks(ctx)]
    if ctx.sub.published_at is not None:
        blocks.append(
            Paragraph(
                label="Fecha de publicación del reporte:",
                text=formatting.published_date(ctx.sub.published_at),
            )
        )
    return Section(key="notas_tecnicas", title="NOTAS TÉCNICAS", blocks=blocks)


def sections(ctx: Context) -> list[Section]:
    """The 2025 layout, in printed order."""
    others = otras_dimensiones(ctx)
    ordered = [
        antecedentes(ctx),
        findings(ctx),
        *([others] if others.blocks else []),
        *_figures(ctx),
        Section(
            key="observaciones", title="OBSERVACIONES DE LA INSTITUCIÓN", blocks=observation_blocks(ctx.sub)
        ),
        notas_tecnicas(ctx),
    ]
    # Numbered in printed order, so leaving a section out leaves no gap.
    return [s.model_copy(update={"title": f"{ROMAN[i]}. {s.title}"}) for i, s in enumerate(ordered)]
