"""Builders of ficha blocks shared by the edition layouts (``layout_2020``, ``layout_2023``).

Each builder reads a ``Context`` (the submission, its metrics, the edition's formatting and, optionally,
the evaluation) and returns model blocks with every text final. Texts of the findings come from the
``Evaluation`` when one is given, otherwise from the assessment printed in the data file
(``submission.assessment``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitoreo import reference
from monitoreo.domain.findings import Dimension
from monitoreo.domain.indicators import PurposeIndicator
from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.domain.values import Missing, Num
from monitoreo.metrics.compute import Metrics
from monitoreo.sheet import charts, wording
from monitoreo.sheet.format import SheetFormat, plain_number
from monitoreo.sheet.model import Block, Cell, Chart, Note, Notes, Paragraph, Row, Table


@dataclass(frozen=True)
class Context:
    """Inputs of one ficha build."""

    sub: Submission
    metrics: Metrics
    fmt: SheetFormat
    evaluation: Evaluation | None

    @property
    def years(self) -> list[int]:
        return list(self.sub.years)

    @property
    def t(self) -> int:
        return int(self.sub.evaluated_year)

    def yearly(self, metric: str) -> list[Num]:
        return [self.metrics.value(metric, y) for y in self.years]


def c(text: str = "", **kwargs: object) -> Cell:
    """Shorthand for a cell."""
    return Cell.model_validate({"text": text, **kwargs})


def row(*cells: Cell, total: bool = False) -> Row:
    return Row(cells=list(cells), kind="total" if total else "body")


def label_row(label: str, values: Sequence[str], sup: str | None = None, total: bool = False) -> Row:
    """«Presupuesto Inicial² 4.962.579 4.876.213 4.893.749»: a label cell then value cells."""
    return row(c(label, sup=sup), *(c(v) for v in values), total=total)


def year_table(
    table_id: str,
    caption: str,
    years: Sequence[int],
    rows: list[Row],
    *,
    corner: str = "",
    caption_sup: str | None = None,
    label_width: float = 3.0,
) -> Table:
    """A table with one label column and one column per year."""
    n = len(years)
    return Table(
        id=table_id,
        caption=caption,
        caption_sup=caption_sup,
        columns=[label_width] + [1.0] * n,
        align=["left"] + ["right"] * n,
        header=[row(c(corner), *(c(str(y)) for y in years))],
        rows=rows,
    )


def notes(*items: tuple[str, str]) -> Notes:
    return Notes(items=[Note(marker=m, text=t) for m, t in items])


def paragraphs(text: str | None, label: str | None = None) -> list[Block]:
    """Running text split on blank lines; the first paragraph carries ``label``."""
    if not text:
        return []
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return [Paragraph(text=p, label=label if i == 0 else None) for i, p in enumerate(parts)]


# ---- findings texts --------------------------------------------------------------------------------------


def dimension_results(ctx: Context, dimension: Dimension) -> list[str]:
    """Sentences of the findings block of ``dimension`` (evaluation, else the printed assessment)."""
    if ctx.evaluation is not None and dimension in ctx.evaluation.block:
        return list(ctx.evaluation.block[dimension])
    printed = ctx.sub.assessment.dimensions.get(dimension) if ctx.sub.assessment else None
    return list(printed.results) if printed else []


def dimension_observations(ctx: Context, dimension: Dimension) -> str | None:
    """«OBSERVACIONES EVALUADOR(ES)» of ``dimension`` (2020), from the printed assessment."""
    printed = ctx.sub.assessment.dimensions.get(dimension) if ctx.sub.assessment else None
    return printed.observations if printed else None


def indicator_result(ctx: Context, number: int) -> str | None:
    """The «Resultado» sentence of purpose indicator ``number`` (1-based)."""
    if ctx.evaluation is not None and number in ctx.evaluation.indicator_results:
        return ctx.evaluation.indicator_results[number]
    if ctx.sub.assessment:
        for texts in ctx.sub.assessment.indicators:
            if texts.indicator == number:
                return texts.result
    return None


def indicator_analysis(ctx: Context, number: int) -> str | None:
    """The analysis text after the result (printed assessment, else the service's justification)."""
    if ctx.sub.assessment:
        for texts in ctx.sub.assessment.indicators:
            if texts.indicator == number and texts.analysis:
                return texts.analysis
    for decision in ctx.sub.review.decisions:
        if decision.indicator == number and decision.justification and decision.justification.text:
            return decision.justification.text
    return None


def results_or_placeholder(texts: list[str]) -> list[str]:
    return texts or [wording.NO_TEXTS]


# ---- shared sections ---------------------------------------------------------------------------------------


def is_percent_indicator(indicator: PurposeIndicator) -> bool:
    """Values print with «%» when the unit is «Porcentual» (S23) or, with no unit, the name is a
    «Porcentaje …» (S20 prints «20%» for an indicator with no unit)."""
    if indicator.unit:
        return indicator.unit.casefold().startswith("porcent")
    return indicator.name.casefold().startswith("porcentaje")


def ods_blocks(sub: Submission) -> list[Block]:
    """«N. Título corto: texto del objetivo», then one line per target «N.M texto de la meta»; «No informa.»
    when the program declares no ODS (the heading is never left empty)."""
    goals = reference.ods_goals()
    blocks: list[Block] = []
    for contribution in sub.ods:
        goal = goals[contribution.goal]
        blocks.append(Paragraph(text=f"{goal.number}. {goal.short_title}: {goal.text}"))
        for target_id in contribution.targets:
            target = goal.target(target_id)
            blocks.append(Paragraph(text=f"{target_id} {target.text if target else ''}".strip()))
    return blocks or [Paragraph(text=wording.NOT_REPORTED)]


def observation_blocks(sub: Submission) -> list[Block]:
    """«Población: …», one per institution observation (topic as bold label)."""
    blocks: list[Block] = []
    for obs in sub.observations:
        blocks.extend(paragraphs(obs.text, f"{obs.topic}:" if obs.topic else None))
    return blocks


def technical_note_blocks(sub: Submission) -> list[Block]:
    return [Paragraph(text=text, label=f"Nota técnica {i}:") for i, text in enumerate(sub.technical_notes, 1)]


# ---- charts ------------------------------------------------------------------------------------------------


def _points(ctx: Context, values: Sequence[Num], texts: Sequence[str]) -> list[charts.Point]:
    return [
        charts.Point(str(y), plain_number(v), t) for y, v, t in zip(ctx.years, values, texts, strict=True)
    ]


def _years(ctx: Context) -> str:
    """«2019 y 2020», «2021, 2022 y 2023»."""
    names = [str(y) for y in ctx.years]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " y " + names[-1]


def _chart(
    ctx: Context,
    chart_id: str,
    title: str,
    out: charts.Rendered | None,
    title_sup: str | None = None,
    legend: Sequence[str] = (),
) -> Chart | Paragraph:
    """The chart, or — when no year has a value — its title and a sentence instead of an empty frame
    (and no legend: a footnote to nothing would be orphaned)."""
    if out is None:
        return Paragraph(label=f"{title}:", text=wording.EMPTY_CHART[chart_id].format(years=_years(ctx)))
    return Chart(
        id=chart_id,
        title=title,
        title_sup=title_sup,
        svg=out.svg,
        description=out.description,
        legend=list(legend),
    )


def population_chart(
    ctx: Context, chart_id: str, title: str, legend: Sequence[str] = (), title_sup: str | None = None
) -> Chart | Paragraph:
    """Target (bars) vs served (dots) population per year, with coverage; a sentence when both are S/I."""
    pops = ctx.sub.populations
    target = [(pops.target.quantity if pops.target else {}).get(y, Missing.NOT_REPORTED) for y in ctx.years]
    served = [(pops.served.quantity if pops.served else {}).get(y, Missing.NOT_REPORTED) for y in ctx.years]
    coverage = ctx.yearly("coverage_pct")
    t_pts = _points(ctx, target, [ctx.fmt.count(v) for v in target])
    s_pts = _points(ctx, served, [ctx.fmt.count(v) for v in served])
    c_pts = _points(ctx, coverage, [ctx.fmt.pct(v) for v in coverage])
    out = charts.population_chart(title, t_pts, s_pts, c_pts)
    return _chart(ctx, chart_id, title, out, title_sup, legend)


def spend_per_beneficiary_chart(
    ctx: Context, chart_id: str, title: str, title_sup: str | None = None
) -> Chart | Paragraph:
    values = ctx.yearly("spend_per_beneficiary")
    out = charts.bar_chart(title, _points(ctx, values, [ctx.fmt.unit_cost(v) for v in values]))
    return _chart(ctx, chart_id, title, out, title_sup)


def execution_chart(
    ctx: Context, chart_id: str, title: str, title_sup: str | None = None
) -> Chart | Paragraph:
    initial, final = ctx.yearly("execution_initial_pct"), ctx.yearly("execution_final_pct")
    out = charts.execution_chart(
        title,
        _points(ctx, initial, [ctx.fmt.pct(v) for v in initial]),
        _points(ctx, final, [ctx.fmt.pct(v) for v in final]),
    )
    return _chart(ctx, chart_id, title, out, title_sup)
