"""Charts that hold at every size (issue #14): label collisions checked geometrically on the drawn SVG of
the synthetic portfolio and the seeds, WCAG contrast of the marks, measured legends, no empty chart,
histograms with proportional bins and room for their tallest label."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import combinations

import pytest

from monitoreo.charts import Point, bins, contrast, execution_chart, histogram_svg, population_chart
from monitoreo.charts.ficha import BAR_COLOURS, MIN_TEXT
from monitoreo.charts.histogram import BAR_COLOUR
from monitoreo.charts.svg import Box, Text
from monitoreo.domain import Submission
from monitoreo.sheet import build_sheet
from monitoreo.synth import generate

NS = "{http://www.w3.org/2000/svg}"


def shapes(svg: str) -> tuple[Box, list[tuple[str, Box]], list[tuple[str, Box]]]:
    """The viewBox, the texts (content, box) and the other marks (tag, box) of an SVG, rebuilt from its
    attributes alone (the test does not trust the chart's own bookkeeping)."""
    root = ET.fromstring(svg)
    _, _, width, height = (float(x) for x in root.attrib["viewBox"].split())
    texts, marks = [], []
    for el in root.iter():
        tag, a = el.tag.removeprefix(NS), el.attrib
        if tag == "text":
            t = Text(
                float(a["x"]),
                float(a["y"]),
                el.text or "",
                float(a["font-size"]),
                a["text-anchor"],
                bold=a.get("font-weight") == "bold",
            )
            texts.append((t.text, t.box))
        elif tag == "rect":
            x, y, w, h = (float(a[k]) for k in ("x", "y", "width", "height"))
            marks.append(("rect", Box(x, y, x + w, y + h)))
        elif tag == "circle":
            cx, cy, r = (float(a[k]) for k in ("cx", "cy", "r"))
            marks.append(("circle", Box(cx - r, cy - r, cx + r, cy + r)))
        elif tag == "line":
            x1, y1, x2, y2 = (float(a[k]) for k in ("x1", "y1", "x2", "y2"))
            half = float(a.get("stroke-width", "1")) / 2
            marks.append(
                ("line", Box(min(x1, x2) - half, min(y1, y2) - half, max(x1, x2) + half, max(y1, y2) + half))
            )
    return Box(0, 0, width, height), texts, marks


def collisions(svg: str) -> list[str]:
    """Every text that leaves the frame or overlaps another text, a bar, a dot or a line."""
    frame, texts, marks = shapes(svg)
    found = [f"«{t}» fuera del marco" for t, box in texts if not box.inside(frame)]
    found += [f"«{a}» sobre «{b}»" for (a, ba), (b, bb) in combinations(texts, 2) if ba.overlaps(bb)]
    found += [f"«{t}» sobre {kind}" for t, box in texts for kind, mark in marks if box.overlaps(mark)]
    return found


@pytest.fixture(scope="module")
def portfolio() -> list[Submission]:
    return [*generate(150, seed=14), *generate(50, seed=15, edition=2020)]


def test_no_label_collides_in_the_synthetic_portfolio(
    portfolio: list[Submission], s23: Submission, s20: Submission
) -> None:
    drawn, problems = 0, []
    for sub in [s23, s20, *portfolio]:
        for chart in build_sheet(sub).charts():
            drawn += 1
            problems += [f"{sub.id} {chart.id}: {p}" for p in collisions(chart.svg)]
    assert drawn >= 450
    assert problems == []


def test_texts_are_large_enough_for_a_phone(s23: Submission) -> None:
    for chart in build_sheet(s23).charts():
        root = ET.fromstring(chart.svg)
        assert root.attrib["viewBox"] == f"0 0 320.0 {root.attrib['height']}"
        sizes = [float(t.attrib["font-size"]) for t in root.iter(f"{NS}text")]
        assert (
            min(sizes) >= MIN_TEXT
        )  # × 358/320 px on a 390 px screen ≥ 11 px (browser test: test_ficha_mobile)


def test_dashed_100_line_is_broken_under_execution_labels() -> None:
    near = [
        Point(str(y), v, f"{v:.1f}%".replace(".", ","))
        for y, v in ((2021, 99.0), (2022, 100.0), (2023, 97.5))
    ]
    out = execution_chart("Ejecución", near, near)
    assert out is not None
    frame, texts, marks = shapes(out.svg)
    dashes = [box for kind, box in marks if kind == "line" and box.y1 - box.y0 < 1 and box.x0 > 8.1]
    assert len(dashes) >= 2  # the line is cut where labels cross it
    assert not [(t, d) for t, box in texts for d in dashes if box.overlaps(d)]


def test_served_dot_never_covers_the_target_label() -> None:
    years = ("2021", "2022", "2023")
    target = [Point(y, v, str(v)) for y, v in zip(years, (1000.0, 1000.0, 500.0), strict=True)]
    served = [Point(y, v, str(v)) for y, v in zip(years, (1000.0, 1030.0, 2000.0), strict=True)]
    coverage = [Point(y, None, "S/I") for y in years]
    out = population_chart("Población", target, served, coverage)
    assert out is not None and collisions(out.svg) == []


def test_all_missing_values_draw_no_chart() -> None:
    gap = [Point(y, None, "S/I") for y in ("2019", "2020")]
    assert population_chart("P", gap, gap, gap) is None
    assert execution_chart("E", gap, gap) is None


def test_legend_items_are_spaced_by_their_measured_width(s23: Submission) -> None:
    chart = next(c for c in build_sheet(s23).charts() if c.id == "grafico-poblaciones")
    _, texts, marks = shapes(chart.svg)
    legend = dict(texts[:2])
    dot = next(box for kind, box in marks if kind == "circle")
    assert legend["Población objetivo"].x1 < dot.x0 < legend["Población beneficiada"].x0


def test_bar_colours_have_at_least_3_to_1_contrast_on_white() -> None:
    ratios = {colour: round(contrast(colour), 2) for colour in (*BAR_COLOURS, BAR_COLOUR)}
    assert all(r >= 3.0 for r in ratios.values()), ratios
    assert round(contrast("#7fa7d9"), 2) == 2.49  # the old light blue (issue #14: 2,5:1)
    assert contrast("#000000") == pytest.approx(21.0)


def test_histogram_bins_have_proportional_widths_and_room_for_the_tallest_count() -> None:
    edges = [0, 50, 70, 80, 90, 95, 100, 105, 110, 125]
    svg = histogram_svg(bins([60, 92, 97, 97, 98, 99, 101, 130], edges, "%"), "Ejecución")
    frame, texts, marks = shapes(svg)
    bars = [box for kind, box in marks if kind == "rect"]
    widths = [b.x1 - b.x0 + 2 for b in bars]  # each bar leaves 1 unit each side
    assert widths[0] / widths[5] == pytest.approx(50 / 5, rel=0.01)  # 0–50 vs 95–100
    assert widths[-1] == pytest.approx(widths[-2], rel=0.01)  # the open bin as wide as the one before
    assert collisions(svg) == []
    assert any(t == "4" for t, _ in texts)  # the tallest count is drawn, inside the frame (collisions)
    densities = [(b.y1 - b.y0) / 1 for b in bars]
    assert densities[5] > densities[6] * 3  # 95–100 holds 4, 100–105 holds 1: same width


def test_histogram_log_axis_for_amounts() -> None:
    svg = histogram_svg(bins([5, 50, 500, 1200, 40000], [0, 10, 30, 100, 300, 1000, 3000]), "Gasto", log=True)
    _, texts, marks = shapes(svg)
    bars = [box for kind, box in marks if kind == "rect"]
    assert bars[1].x1 - bars[1].x0 == pytest.approx(bars[3].x1 - bars[3].x0, rel=0.01)  # 10–30 ≈ 100–300
    assert collisions(svg) == []


# the dashboard's edges (web/portal/panorama.py): execution, coverage, spend per beneficiary
PANORAMA_EDGES = [
    ([0, 50, 70, 80, 90, 95, 100, 105, 110, 125], "%", False),
    ([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150], "%", False),
    ([0, 10, 30, 100, 300, 1000, 3000, 10000, 30000, 100000], "", True),
]


@pytest.mark.parametrize(("edges", "unit", "log"), PANORAMA_EDGES)
def test_panorama_histograms_hold_on_a_phone(edges: list[float], unit: str, log: bool) -> None:
    values = [
        edges[i] + (edges[i + 1] - edges[i]) * k / 7 for i in range(len(edges) - 1) for k in range(i % 4)
    ]
    values += [edges[-1] * 2] * 140  # a tall open bin: its count must fit under the top edge
    svg = histogram_svg(bins(values, edges, unit), "Distribución", log=log)
    assert collisions(svg) == []
    root = ET.fromstring(svg)
    width = float(root.attrib["viewBox"].split()[2])
    assert min(float(t.attrib["font-size"]) for t in root.iter(f"{NS}text")) * 318 / width >= 11.0
