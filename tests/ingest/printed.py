"""The round-trip projection: what a rendered ficha prints of a data file, field by field.

``printed_projection(sub)`` starts from ``projection.projection`` (the seed comparison) and further leaves
out, or rewrites into their printed form, the data a ficha does not print as such:

* ``id`` and ``program.offer_type`` — never printed (the importer derives the id from the name).
* ``populations.*.source``, ``populations.universal``, ``populations.focalization_criteria``,
  ``served.new``, ``served.carry_over``, the counts of ``served.by_sex`` (only its percentages are printed, in
  the description), ``budget.admin_spend_description`` and ``inflators.source`` — never printed. 2023 layout: only year *t*'s quantities are printed in the text
  (earlier years appear only in the chart), and the unit of the potential and target populations only inside
  their description (the importer guesses it, W005); ``served.by_sex`` only inside the served description.
  2020 layout: populations print their description only (a population without one is not printed), and
  the layout has no regional table, gender approach, publication date nor inflator table (it prints a GORE row
  only for a program with GORE resources, so ``regional_government`` is compared).
* ``budget.subtitles.*.rows[*].label`` — a missing label prints as the reference name of the subtítulo,
  so both sides are compared with that printed name.
* 2020 layout: ``budget.years.*.initial/final/total_executed`` are not printed (their ratios and the
  components total are, and are compared as derived figures); purpose indicators print name and values only,
  values rounded as the edition prints them.
* ``assessment`` and ``review`` — compared as the texts the ficha prints from them (results per dimension or
  the placeholder, the 2020 evaluator observations, the «Resultado» cell and the analysis bullet per purpose
  indicator), built with the renderer's own helpers.
* 2025 layout (docs/ficha-rendering.md «The 2025 layout»; the 2023 tables otherwise): ``history`` is not
  printed (the report has no «HISTORIAL EVALUATIVO»); the programme's ``prioritization_criteria`` are
  printed only inside the served description (their label is the evaluator's assessment there); a purpose
  indicator prints its «Resultado» cell only (no analysis section); «Población Objetivo:» prints
  ``program.target_population``, else the target description, so a text equal to that description is
  compared as absent; «Ejecutores:» prints one sentence for ``direct`` and for an empty list, and no list
  when ``direct``, so both are compared as ``direct`` with no items.
* ``published`` — replaced by the derived figures as printed: ``compute_metrics`` of the file (which takes a
  published figure where the inputs are missing), formatted with the edition's print format. So a figure
  stored as published on one side and computed from inputs on the other compares equal when it prints equal.
"""

from __future__ import annotations

from typing import Any

from monitoreo import reference
from monitoreo.domain import Dimension, Submission
from monitoreo.metrics import compute_metrics
from monitoreo.sheet.blocks import (
    Context,
    dimension_observations,
    dimension_results,
    indicator_analysis,
    indicator_result,
    results_or_placeholder,
)
from monitoreo.sheet.format import SheetFormat
from tests.ingest.projection import projection

YEARLY_2023 = (
    "coverage_pct",
    "components_spend",
    "component_share_pct",
    "admin_spend",
    "admin_share_pct",
    "total_executed",
)
YEARLY_2020 = (
    "execution_initial_pct",
    "execution_final_pct",
    "coverage_pct",
    "spend_per_beneficiary",
    "total_executed",
    "admin_spend",
    "admin_share_pct",
)


def _layout(sub: Submission) -> int:
    return 2023 if sub.edition >= 2023 else 2020


def printed_projection(sub: Submission) -> dict[str, Any]:
    data = projection(sub)
    data.pop("id")
    data["program"].pop("offer_type")
    data["budget"].pop("admin_spend_description")
    layout, t = _layout(sub), sub.evaluated_year
    _populations(data["populations"], layout, t)
    if data["inflators"]:
        data["inflators"].pop("source")
    if layout == 2020:
        for key in ("regional", "gender_approach", "published_at", "inflators"):
            data.pop(key)
    for table in data["budget"]["subtitles"].values():
        for row in table["rows"]:
            ref = reference.subtitles().get(row["code"])
            default = (ref.printed_2023 or ref.name) if layout == 2023 and ref else ref.name if ref else ""
            row["label"] = row["label"] or default
    if layout == 2020:
        for year in data["budget"]["years"].values():
            for key in ("initial", "final", "total_executed"):
                year.pop(key)
        fmt = SheetFormat.for_edition(int(sub.edition), int(sub.price_base_year))
        for ind, model in zip(data["indicators"], sub.indicators, strict=True):
            # printed rounding; the «%» sign depends on the unit, which the 2020 layout does not print
            ind["values"] = {y: fmt.indicator(v, True) for y, v in model.values.items()}
            for key in ("formula", "unit", "dimension", "periodicity", "methodological_note"):
                ind.pop(key, None)
    if sub.edition >= 2025:
        _layout_2025(data)
    data["assessment"] = _assessment(sub)
    data["published"] = _figures(sub)
    return data


def _layout_2025(data: dict[str, Any]) -> None:
    """What the 2025 layout does not print, or prints alike (module docstring)."""
    data.pop("history")
    pops, program = data["populations"], data["program"]
    served = pops["served"]["description"] if pops.get("served") else None
    criteria = pops.get("prioritization_criteria")
    if criteria and criteria not in " ".join((served or "").split()):
        pops["prioritization_criteria"] = None
    target = pops.get("target")
    if target and program["target_population"] == target["description"]:
        program["target_population"] = None
    executors = program.get("executors")
    if executors and (executors["direct"] or not executors["items"]):
        program["executors"] = {"direct": True, "items": []}


def _populations(pops: dict[str, Any], layout: int, t: int) -> None:
    pops.pop("universal")
    pops.pop("focalization_criteria")
    if layout == 2020:
        pops.pop("prioritization_criteria")
    for key in ("potential", "target", "served"):
        pop = pops.get(key)
        if pop is None:
            continue
        pop.pop("source")
        pop.pop("new", None)
        pop.pop("carry_over", None)
        if layout == 2020:
            pops[key] = {"description": pop["description"]} if pop["description"] else None
            continue
        pop["quantity"] = {y: v for y, v in pop["quantity"].items() if y == t}
        if key != "served":
            if pop["description"]:  # the unit is printed only when there is no description
                pop.pop("unit")
        elif not pop["description"]:
            pop.pop("by_sex")
        else:  # the description prints the percentages only
            pop["by_sex"] = {
                y: {k: v for k, v in split.items() if k.endswith("_pct")}
                for y, split in pop["by_sex"].items()
            }


def _context(sub: Submission) -> Context:
    return Context(
        sub=sub,
        metrics=compute_metrics(sub),
        fmt=SheetFormat.for_edition(int(sub.edition), int(sub.price_base_year)),
        evaluation=None,
    )


def _assessment(sub: Submission) -> dict[str, Any]:
    ctx = _context(sub)
    out: dict[str, Any] = {}
    for dim in Dimension:
        out[dim.value] = results_or_placeholder(dimension_results(ctx, dim))
        if _layout(sub) == 2020:
            out[f"{dim.value}.observations"] = dimension_observations(ctx, dim)
    for n, _ in enumerate(sub.indicators, 1):
        result, analysis = indicator_result(ctx, n), indicator_analysis(ctx, n)
        if sub.edition >= 2025:  # the «Resultado» cell only
            out[f"indicator {n}"] = result or "S/I"
        elif _layout(sub) == 2023:
            out[f"indicator {n}"] = (result or "S/I", " ".join(x for x in (result, analysis) if x) or "S/I")
    return out


def _figures(sub: Submission) -> dict[str, str]:
    ctx = _context(sub)
    m, fmt = ctx.metrics, ctx.fmt
    out: dict[str, str] = {}
    names = YEARLY_2023 if _layout(sub) == 2023 else YEARLY_2020
    for name in names:
        for year, value in m.yearly[name].items():
            text = (
                fmt.pct(value)
                if name.endswith("_pct")
                else (fmt.unit_cost(value) if name == "spend_per_beneficiary" else fmt.money(value))
            )
            out[f"{name}.{year}"] = text
    for i, comp in enumerate(m.components, 1):
        for year, value in comp.unit_cost.items():
            out[f"unit_cost[component-{i}].{year}"] = fmt.unit_cost(value)
    if _layout(sub) == 2020:  # no regional table in the 2020 layout
        return out
    for region in m.regions:
        out[f"region_spend_share_pct[{region.region}]"] = fmt.pct(region.spend_share_pct)
        out[f"region_served_share_pct[{region.region}]"] = fmt.pct(region.served_share_pct)
    for key, value in m.region_totals.items():
        out[key] = fmt.money(value)
    return out
