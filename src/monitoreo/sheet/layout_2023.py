"""Layout of the 2023 ficha (used for 2023 and later editions): sections I–VII as in S23
(``tests/golden/fichas/ficha_2023_alianzas_productivas.txt``), same headings, row labels and row order."""

from __future__ import annotations

from monitoreo import formatting, reference
from monitoreo.domain.budget import BudgetYear
from monitoreo.domain.program import EvaluationHistory
from monitoreo.domain.values import Missing
from monitoreo.sheet import wording
from monitoreo.sheet.blocks import (
    Context,
    c,
    dimension_results,
    execution_chart,
    indicator_analysis,
    indicator_result,
    is_percent_indicator,
    label_row,
    notes,
    observation_blocks,
    ods_blocks,
    paragraphs,
    population_chart,
    results_or_placeholder,
    row,
    spend_per_beneficiary_chart,
    technical_note_blocks,
    year_table,
)
from monitoreo.sheet.components import components_table_2023, regional_table
from monitoreo.sheet.format import factor
from monitoreo.sheet.model import Block, BulletList, FieldLine, Fields, Heading, Paragraph, Section, Table


def _yes(done: bool) -> str:
    return "Sí" if done else "No"


def history_fields(history: EvaluationHistory) -> list[FieldLine]:
    """«HISTORIAL EVALUATIVO» lines in S23 order; a part the data does not have is not printed."""
    items: list[FieldLine] = []
    if history.ex_ante is not None:
        ea = history.ex_ante
        detail = [f"{ea.year}: {ea.verdict}"] if ea.year and ea.verdict else []
        items.append(FieldLine(label="Evaluaciones Ex Ante:", value=_yes(ea.done), details=detail))
    if history.monitoring is not None:
        years = ", ".join(str(y) for y in history.monitoring.years)
        items.append(
            FieldLine(
                label="Ex Dure o Monitoreo (en los últimos 3 años):",
                value=_yes(history.monitoring.done),
                details=[years] if years else [],
            )
        )
    for label, group in (("Evaluación Ex-Post:", history.ex_post), ("Otras evaluaciones:", history.other)):
        if group is None:
            continue
        details = []
        for ev in group.evaluations:
            text = f"{ev.year}: {ev.type}"
            text += f' "{ev.title}"' if ev.title else ""
            text += f" - {ev.evaluator}" if ev.evaluator else ""
            text += f" - {ev.status}" if ev.status else ""
            details.append(text)
        items.append(FieldLine(label=label, value=_yes(group.done), details=details))
    return items


def antecedentes(ctx: Context) -> Section:
    p = ctx.sub.program
    end = str(p.end_year) if p.end_year is not None else "S/I"
    blocks: list[Block] = [
        *paragraphs(p.description, "Descripción:"),
        Fields(
            items=[
                FieldLine(label="Año de inicio:", value=str(p.start_year)),
                FieldLine(label="Año de término:", value=end),
            ]
        ),
        Heading(text="PROPÓSITO"),
        *paragraphs(p.purpose),
        Heading(text="HALLAZGOS NO SUPERADOS DEL DESEMPEÑO"),
    ]
    for dimension, title in wording.FINDINGS_HEADINGS_2023.items():
        blocks.append(Heading(text=title, level=3))
        blocks.extend(Paragraph(text=t) for t in results_or_placeholder(dimension_results(ctx, dimension)))
    history = history_fields(ctx.sub.history)
    if history:
        blocks += [Heading(text="HISTORIAL EVALUATIVO"), Fields(items=history)]
    return Section(key="antecedentes", title="I. ANTECEDENTES", blocks=blocks)


def focalizacion(ctx: Context) -> Section:
    pops, fmt, t = ctx.sub.populations, ctx.fmt, ctx.t
    blocks: list[Block] = [Heading(text="POBLACIONES")]
    if pops.potential is not None:
        qty = fmt.count(pops.potential.quantity.get(t, Missing.NOT_REPORTED))
        blocks += [
            Heading(text="Población potencial", level=3),
            Paragraph(text=f"{qty} {pops.potential.description or pops.potential.unit or ''}".strip()),
        ]
    if pops.target is not None:
        qty = fmt.count(pops.target.quantity.get(t, Missing.NOT_REPORTED))
        blocks += [
            Heading(text="Población objetivo", level=3),
            Paragraph(text=f"{qty} {pops.target.description or pops.target.unit or ''}".strip()),
        ]
    if pops.served is not None:
        text = pops.served.description or (
            f"La población beneficiada fue de {fmt.count(pops.served.quantity.get(t, Missing.NOT_REPORTED))} "
            f"{pops.served.unit or ''}."
        )
        blocks += [Heading(text="Población beneficiada", level=3), *paragraphs(text)]
    if pops.prioritization_criteria and pops.prioritization_criteria not in " ".join(
        (pops.served.description or "").split() if pops.served else []
    ):
        blocks += paragraphs(pops.prioritization_criteria, "Criterios de priorización:")
    coverage = [fmt.pct(v) for v in ctx.yearly("coverage_pct")]
    blocks += [
        year_table("cobertura", "COBERTURA POR AÑO", ctx.years, [label_row("Cobertura", coverage, sup="*")]),
        notes(("*", wording.COVERAGE_NOTE_2023)),
        population_chart(ctx, "grafico-poblaciones", "Población objetivo y beneficiada por año"),
    ]
    return Section(key="focalizacion", title="II. DESEMPEÑO DEL PROGRAMA: FOCALIZACIÓN", blocks=blocks)


def _budget_tables(ctx: Context) -> list[Block]:
    fmt = ctx.fmt
    years = [ctx.sub.budget.years.get(y) or BudgetYear() for y in ctx.years]
    total = [fmt.money(v) for v in ctx.yearly("total_executed")]
    budget = year_table(
        "presupuesto",
        fmt.label("Presupuesto ({money})"),
        ctx.years,
        [
            label_row("Presupuesto Inicial", [fmt.money(b.initial) for b in years], sup="2"),
            label_row("Presupuesto Final", [fmt.money(b.final) for b in years], sup="3"),
        ],
    )
    executed = year_table(
        "recursos-ejecutados",
        fmt.label("Recursos Ejecutados ({money})"),
        ctx.years,
        [
            label_row("Presupuesto Ley Ejecutado", [fmt.money(b.executed) for b in years], sup="4"),
            label_row(
                "Recursos Gobiernos Regionales", [fmt.money(b.regional_government) for b in years], sup="5"
            ),
            label_row(
                "Recursos Extrapresupuestarios", [fmt.money(b.extra_budgetary) for b in years], sup="6"
            ),
            label_row("Total Ejecutado", total, sup="7", total=True),
        ],
    )
    chart = execution_chart(
        ctx, "grafico-ejecucion", fmt.label("Ejecución presupuestaria por año ({money})"), "1"
    )
    return [chart, budget, executed, notes(*wording.BUDGET_NOTES_2023)]


def _spend_indicators(ctx: Context) -> list[Block]:
    fmt, t = ctx.fmt, ctx.t
    chart = spend_per_beneficiary_chart(
        ctx, "grafico-gasto-beneficiario", fmt.label("EVOLUCIÓN GASTO POR BENEFICIARIO ({money})"), "*"
    )
    others = Table(
        id="otros-indicadores-gasto",
        caption=fmt.label(f"OTROS INDICADORES DE GASTO {t} ({{money}})"),
        columns=[3.0, 1.0],
        align=["left", "right"],
        header=[row(c("Indicador"), c(str(t)))],
        rows=[
            label_row(
                "Gasto por beneficiario", [fmt.unit_cost(ctx.metrics.value("spend_per_beneficiary", t))]
            ),
            label_row("Porcentaje Gasto Administrativo", [fmt.pct(ctx.metrics.value("admin_share_pct", t))]),
        ],
    )
    return [chart, others, notes(("*", wording.SPEND_PER_BENEFICIARY_NOTE_2023))]


def subtitles_table(ctx: Context) -> list[Block]:
    """«GASTO POR SUBTÍTULOS» of the evaluated year (S23: one amount column, total «Presupuesto Ley
    Ejecutado t»)."""
    fmt, t = ctx.fmt, ctx.t
    table = ctx.sub.budget.subtitles.get(t)
    if table is None:
        return []
    names = reference.subtitles()
    rows = []
    for r in table.rows:
        ref = names.get(r.code)
        name = r.label or (ref.printed_2023 or ref.name if ref else "")
        rows.append(label_row(f"{r.code} ({name})", [fmt.money(r.executed)]))
    executed = (ctx.sub.budget.years.get(t) or BudgetYear()).executed
    total_value = table.total if table.total is not None else executed
    rows.append(label_row(f"Presupuesto Ley Ejecutado {t}", [fmt.money(total_value)], total=True))
    return [
        Table(
            id="gasto-subtitulos",
            caption=fmt.label("GASTO POR SUBTÍTULOS * ({money})"),
            columns=[3.0, 1.5],
            align=["left", "right"],
            rows=rows,
            header=[row(c("Subtítulo", sup="*"), c(fmt.label(f"Gasto total ejecutado {t} ({{money}})")))],
        ),
        notes(("*", wording.SUBTITLES_NOTE)),
    ]


def eficiencia(ctx: Context) -> Section:
    past = " y ".join(str(y) for y in ctx.years[:-1])
    blocks = [
        *_budget_tables(ctx),
        *_spend_indicators(ctx),
        *subtitles_table(ctx),
        components_table_2023(ctx),
        notes(("*", wording.COMPONENTS_NOTE_2023.format(t=ctx.t, past=past))),
    ]
    regional = regional_table(ctx)
    if regional is not None:
        blocks += [regional, notes(("*", wording.REGIONAL_NOTE))]
    return Section(key="eficiencia", title="III. DESEMPEÑO DEL PROGRAMA: EFICIENCIA", blocks=blocks)


def indicators_table(ctx: Context) -> Table:
    fmt, years = ctx.fmt, ctx.years
    header = row(
        c("Indicador"),
        c("Fórmula de cálculo"),
        c("Otros atributos"),
        *(c(f"Efectivo {y}") for y in years),
        c("Resultado"),
    )
    rows = []
    for n, ind in enumerate(ctx.sub.indicators, 1):
        attrs = [
            f"{label} {value}"
            for label, value in (
                ("Unidad de medida:", ind.unit),
                ("Dimensión:", ind.dimension),
                ("Periodicidad:", ind.periodicity),
                ("Sentido de medición:", ind.direction.value.capitalize() if ind.direction else None),
            )
            if value
        ]
        pct = is_percent_indicator(ind)
        values = [c(fmt.indicator(ind.values.get(y, Missing.NOT_REPORTED), pct)) for y in years]
        rows.append(
            row(
                c(ind.name),
                c(ind.formula or "S/I"),
                c(attrs[0] if attrs else "S/I", lines=attrs[1:]),
                *values,
                c(indicator_result(ctx, n) or "S/I"),
            )
        )
    n = len(years)
    return Table(
        id="indicadores-proposito",
        caption="INDICADOR DE PROPÓSITO",
        columns=[2.2, 2.6, 1.8] + [1.0] * n + [2.4],
        align=["left", "left", "left"] + ["right"] * n + ["left"],
        header=[header],
        rows=rows,
        dense=True,
    )


def eficacia(ctx: Context) -> Section:
    blocks: list[Block] = [
        indicators_table(ctx),
        Heading(text="ANÁLISIS DESEMPEÑO: DIMENSIÓN EFICACIA"),
        Heading(text="INDICADOR(ES) DE PROPÓSITO", level=3),
    ]
    for n, _ in enumerate(ctx.sub.indicators, 1):
        text = " ".join(x for x in (indicator_result(ctx, n), indicator_analysis(ctx, n)) if x)
        blocks += [
            Paragraph(text="", label=f"Indicador de propósito {n}:"),
            BulletList(items=[text or "S/I"]),
        ]
    return Section(key="eficacia", title="IV. DESEMPEÑO DEL PROGRAMA: EFICACIA", blocks=blocks)


def otros_atributos(ctx: Context) -> Section:
    blocks: list[Block] = [
        Heading(text="CONTRIBUCIÓN A LOS OBJETIVOS DE DESARROLLO SOSTENIBLE (ODS)"),
        *ods_blocks(ctx.sub),
    ]
    if ctx.sub.gender_approach:
        blocks += [Heading(text="ENFOQUE DE GÉNERO"), *paragraphs(ctx.sub.gender_approach)]
    return Section(key="otros_atributos", title="V. OTROS ATRIBUTOS", blocks=blocks)


def notas_tecnicas(ctx: Context) -> Section:
    blocks = technical_note_blocks(ctx.sub)
    table = ctx.sub.inflators
    if table is not None:
        rows = [label_row(str(y), [factor(f)]) for y, f in sorted(table.factors.items())]
        # S23 prints «Inflactores:» once, over the table: it is the table's caption
        blocks += [
            Table(
                id="inflactores",
                caption="Inflactores:",
                columns=[1.0, 1.0],
                align=["left", "right"],
                header=[row(c("Año"), c("Inflactor"))],
                rows=rows,
            )
        ]
    if ctx.sub.published_at is not None:
        blocks.append(
            Paragraph(
                label="Fecha de publicación del reporte:",
                text=formatting.published_date(ctx.sub.published_at),
            )
        )
    return Section(key="notas_tecnicas", title="VII. NOTAS TÉCNICAS", blocks=blocks)


def sections(ctx: Context) -> list[Section]:
    """The 2023 layout, in printed order."""
    return [
        antecedentes(ctx),
        focalizacion(ctx),
        eficiencia(ctx),
        eficacia(ctx),
        otros_atributos(ctx),
        Section(
            key="observaciones",
            title="VI. OBSERVACIONES DE LA INSTITUCIÓN",
            blocks=observation_blocks(ctx.sub),
        ),
        notas_tecnicas(ctx),
    ]
