"""Layout of the 2020 ficha (S20, ``tests/golden/fichas/ficha_2020_internacionalizacion_pymes.txt``): the
results-analysis table first, then antecedentes, desempeño (presupuesto y ejecución, subtítulos, población,
cobertura, gasto por beneficiario), componentes, indicadores, otros antecedentes (ODS), observaciones,
notas técnicas and the code legend. Figures the data file has only as published (coverage, execution)
come through ``compute_metrics``, which takes the published value when the inputs are missing."""

from __future__ import annotations

from monitoreo import reference
from monitoreo.domain.budget import BudgetYear
from monitoreo.domain.program import EvaluationHistory
from monitoreo.domain.values import Missing
from monitoreo.sheet import wording
from monitoreo.sheet.blocks import (
    Context,
    c,
    dimension_observations,
    dimension_results,
    execution_chart,
    is_percent_indicator,
    label_row,
    notes,
    observation_blocks,
    ods_blocks,
    paragraphs,
    population_chart,
    results_or_placeholder,
    row,
    technical_note_blocks,
    year_table,
)
from monitoreo.sheet.components import components_table_2020
from monitoreo.sheet.model import Block, FieldLine, Fields, Heading, Paragraph, Section, Table


def resultados(ctx: Context) -> Section:
    rows = []
    for dimension, name in wording.DIMENSIONS_2020.items():
        results = results_or_placeholder(dimension_results(ctx, dimension))
        observations = [p.strip() for p in (dimension_observations(ctx, dimension) or "S/I").split("\n\n")]
        rows.append(
            row(c(name), c(results[0], lines=results[1:]), c(observations[0], paragraphs=observations[1:]))
        )
    table = Table(
        id="resultados-analisis",
        caption="RESULTADOS ANÁLISIS DE DESEMPEÑO DEL PROGRAMA",
        columns=[1.4, 2.2, 3.0],
        align=["left", "left", "left"],
        header=[row(c("DIMENSIÓN"), c("RESULTADOS"), c("OBSERVACIONES EVALUADOR(ES)"))],
        rows=rows,
        reflow=True,
    )
    return Section(key="resultados", title="II. ANÁLISIS DE DESEMPEÑO", blocks=[table])


def _history(ctx: Context, history: EvaluationHistory) -> list[FieldLine]:
    items = [FieldLine(label="Año de inicio:", value=str(ctx.sub.program.start_year))]
    if history.ex_ante is not None:
        ea = history.ex_ante
        value = ea.verdict or ("Sí" if ea.done else "No")
        if ea.type or ea.year:
            value += " (" + " ".join(str(x) for x in (ea.type, ea.year) if x) + ")"
        items.append(FieldLine(label="Evaluación Ex-Ante de diseño:", value=value if ea.done else "No"))
    if history.monitoring is not None:
        years = ", ".join(str(y) for y in history.monitoring.years)
        items.append(
            FieldLine(
                label="Ex Dure o Monitoreo:", value=years or ("Sí" if history.monitoring.done else "No")
            )
        )
    for label, group in (("Evaluaciones Ex Post:", history.ex_post), ("Otras evaluaciones:", history.other)):
        if group is None:
            continue
        texts = []
        for ev in group.evaluations:
            text = f"{ev.type} {ev.year}" + (f' "{ev.title}"' if ev.title else "")
            text += "".join(f" - {x}" for x in (ev.evaluator, ev.status) if x)
            texts.append(text)
        items.append(
            FieldLine(label=label, value="; ".join(texts) if texts else ("Sí" if group.done else "No"))
        )
    return items


def antecedentes(ctx: Context) -> Section:
    p = ctx.sub.program
    blocks: list[Block] = [
        Heading(text="DESCRIPCIÓN DEL PROGRAMA"),
        *paragraphs(p.description),
        Heading(text="PROPÓSITO"),
        *paragraphs(p.purpose),
        Heading(text="HISTORIAL EVALUATIVO DEL PROGRAMA"),
        Fields(items=_history(ctx, ctx.sub.history)),
    ]
    if p.end_year is not None:
        blocks.append(Fields(items=[FieldLine(label="Año de término:", value=str(p.end_year))]))
    return Section(key="antecedentes", title="I. ANTECEDENTES DEL PROGRAMA", blocks=blocks)


def has_regional_resources(ctx: Context) -> bool:
    """True when the data says anything about GORE resources in the window (a value other than «-»)."""
    years = ctx.sub.budget.years
    return any(years[y].regional_government is not Missing.NONE for y in ctx.years if y in years)


def _budget(ctx: Context) -> list[Block]:
    """«Presupuesto (M$ 2021)» as S20 prints it. S20 has no GORE row, but the «Total» of the components
    table is the total executed, GORE included (docs/methodology.md §2.2), so a program with GORE resources also
    prints «Recursos Gobiernos Regionales*****» (S23's footnote 5): the printed Total then equals
    Presupuesto ejecutado + Recursos extrapresupuestarios + Recursos Gobiernos Regionales (R3)."""
    fmt = ctx.fmt
    years = [ctx.sub.budget.years.get(y) or BudgetYear() for y in ctx.years]
    rows = [
        label_row(
            "Ejecución presupuestaria inicial",
            [fmt.pct(v) for v in ctx.yearly("execution_initial_pct")],
            sup="*",
        ),
        label_row(
            "Ejecución presupuestaria final",
            [fmt.pct(v) for v in ctx.yearly("execution_final_pct")],
            sup="**",
        ),
        label_row("Presupuesto ejecutado", [fmt.money(b.executed) for b in years], sup="***"),
        label_row("Recursos extrapresupuestarios", [fmt.money(b.extra_budgetary) for b in years], sup="****"),
    ]
    footnotes = list(wording.BUDGET_NOTES_2020)
    if has_regional_resources(ctx):
        marker = wording.GORE_NOTE_2020[0]
        rows.append(
            label_row(
                "Recursos Gobiernos Regionales", [fmt.money(b.regional_government) for b in years], sup=marker
            )
        )
        footnotes.append(wording.GORE_NOTE_2020)
    table = year_table("presupuesto", fmt.label("Presupuesto ({money})"), ctx.years, rows, corner="Año")
    chart = execution_chart(ctx, "grafico-ejecucion", fmt.label("Ejecución Presupuestaria por año ({money})"))
    return [Heading(text="PRESUPUESTO Y EJECUCIÓN"), chart, table, notes(*footnotes)]


def _subtitles(ctx: Context) -> list[Block]:
    fmt, t = ctx.fmt, ctx.t
    table = ctx.sub.budget.subtitles.get(t)
    if table is None:
        return []
    names = reference.subtitles()
    rows = []
    for r in table.rows:
        ref = names.get(r.code)
        name = r.label or (ref.name if ref else "")
        rows.append(
            label_row(
                f"{r.code} ({name})",
                [fmt.money(Missing.NOT_REPORTED if r.admin is None else r.admin), fmt.money(r.executed)],
            )
        )
    executed = (ctx.sub.budget.years.get(t) or BudgetYear()).executed
    rows.append(
        label_row(
            "Gasto total ejecutado",
            [
                fmt.money(Missing.NOT_REPORTED if table.admin_total is None else table.admin_total),
                fmt.money(table.total if table.total is not None else executed),
            ],
            total=True,
        )
    )
    return [
        Table(
            id="gasto-subtitulos",
            caption=fmt.label("GASTO POR SUBTÍTULOS ({money})"),
            columns=[3.0, 1.5, 1.5],
            align=["left", "right", "right"],
            rows=rows,
            header=[row(c("Subtítulo"), c("Gastos administrativos"), c("Total ejecutado"))],
        )
    ]


def _population(ctx: Context) -> list[Block]:
    fmt, pops = ctx.fmt, ctx.sub.populations
    blocks: list[Block] = [Heading(text="POBLACIÓN")]
    for label, pop in (
        ("Población potencial:", pops.potential),
        ("Población objetivo:", pops.target),
        ("Población beneficiada:", pops.served),
    ):
        if pop is not None and pop.description:
            blocks += paragraphs(pop.description, label)
    first, *rest = wording.POPULATION_CHART_LEGEND
    # S20 marks the chart's title with «1» and prints «1 Barra azul…» under it (the marker and its note)
    chart = population_chart(
        ctx,
        "grafico-poblaciones",
        "Población objetivo y beneficiada por año",
        legend=[f"1 {first}", *rest],
        title_sup="1",
    )
    coverage = year_table(
        "cobertura",
        "COBERTURA POR AÑO",
        ctx.years,
        [label_row("Cobertura", [fmt.pct(v) for v in ctx.yearly("coverage_pct")])],
    )
    spend = year_table(
        "gasto-beneficiario",
        fmt.label("EVOLUCIÓN GASTO POR BENEFICIARIO ({money})"),
        ctx.years,
        [
            label_row(
                "Gasto por beneficiario", [fmt.unit_cost(v) for v in ctx.yearly("spend_per_beneficiary")]
            )
        ],
        caption_sup="*",
    )
    return [*blocks, chart, coverage, spend, notes(("*", wording.SPEND_PER_BENEFICIARY_NOTE_2020))]


def desempeno(ctx: Context) -> Section:
    return Section(
        key="desempeno",
        title=f"III. DESEMPEÑO {ctx.t} DEL PROGRAMA",
        blocks=[*_budget(ctx), *_subtitles(ctx), *_population(ctx)],
    )


def indicadores(ctx: Context) -> Section:
    fmt, years = ctx.fmt, ctx.years
    rows = []
    for ind in ctx.sub.indicators:
        pct = is_percent_indicator(ind)
        rows.append(
            label_row(ind.name, [fmt.indicator(ind.values.get(y, Missing.NOT_REPORTED), pct) for y in years])
        )
    table = Table(
        id="indicadores-proposito",
        caption="INDICADORES DE PROPÓSITO",
        columns=[4.0] + [1.0] * len(years),
        align=["left"] + ["right"] * len(years),
        header=[row(c("Indicador"), *(c(f"Efectivo {y}") for y in years))],
        rows=rows,
    )
    return Section(key="indicadores", title="INDICADORES", level=2, blocks=[table])


def observaciones(ctx: Context) -> Section:
    blocks: list[Block] = [
        Heading(text="AJUSTES POR SITUACIÓN SOCIO SANITARIA"),
        *paragraphs(ctx.sub.health_adjustments or wording.NOT_REPORTED),
        Heading(text="OBSERVACIONES DE LA INSTITUCIÓN"),
        *observation_blocks(ctx.sub),
    ]
    return Section(key="observaciones", title="V. OBSERVACIONES INSTITUCIÓN", blocks=blocks)


def leyenda() -> Section:
    """The code legend «S/I: Valor no informado.» … (S20 prints it last)."""
    codes = (Missing.NOT_REPORTED, Missing.NOT_APPLICABLE, Missing.NOT_COMPARABLE)
    return Section(
        key="leyenda",
        title=None,
        blocks=[Paragraph(text=f"{m.value}: {m.label}", style="small") for m in codes],
    )


def sections(ctx: Context) -> list[Section]:
    """The 2020 layout, in printed order."""
    return [
        resultados(ctx),
        antecedentes(ctx),
        desempeno(ctx),
        Section(key="componentes", title="COMPONENTES", level=2, blocks=[components_table_2020(ctx)]),
        indicadores(ctx),
        Section(
            key="otros_antecedentes",
            title="IV. OTROS ANTECEDENTES DEL PROGRAMA",
            blocks=[
                Heading(text="CONTRIBUCIÓN A LOS OBJETIVOS DE DESARROLLO SOSTENIBLE (ODS)"),
                *ods_blocks(ctx.sub),
            ],
        ),
        observaciones(ctx),
        Section(key="notas_tecnicas", title=None, blocks=technical_note_blocks(ctx.sub)),
        leyenda(),
    ]
