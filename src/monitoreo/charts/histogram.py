"""Histograms of the public dashboard (``/panorama/``), server-side SVG with no JavaScript.

``bins(values, edges, unit)`` counts values into ``[edges[i], edges[i+1])``; the last bin is open-ended
(values above the last edge fall into it, labelled «≥ x») and values below the first edge count in the
first bin. ``histogram_svg`` draws each bin as wide as its interval — on a logarithmic axis when
``log=True`` (amounts whose edges grow geometrically) — and, because bins differ in width, as tall as its
density (count per unit of width), so that areas compare; the count is printed above each bar and in the
``<desc>``; the axis is labelled at the bin edges (bins of 5 points cannot hold «95%–100%»). The
open-ended bin is drawn as wide as the bin before it. Labels are placed clear of each other
(``svg.Canvas``), and the tallest bar leaves room for its count. Labels are es-CL via
``monitoreo.formatting``; the page shows the same counts as a table (docs/web-portal.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from monitoreo import formatting
from monitoreo.charts.svg import Canvas, Line, Rect, Text

BAR_COLOUR = "#2f5d8a"  # 6,9:1 on white
AXIS_COLOUR = "#555555"
SIZE = 12.5  # × 318/360 on a 390 px phone (the SVG drawn 100 % wide) ≈ 11 px


@dataclass(frozen=True)
class Bin:
    low: float
    high: float | None  # None: open-ended last bin
    count: int
    label: str


def _label(value: float, unit: str) -> str:
    text = formatting.number(Decimal(str(value)), 0)
    return f"{text}%" if unit == "%" else text


def bins(values: Sequence[float], edges: Sequence[float], unit: str = "") -> list[Bin]:
    """Counts per bin (see module docstring)."""
    counts = [0] * (len(edges) - 1)
    for v in values:
        index = len(counts) - 1
        for i in range(len(counts) - 1):
            if v < edges[i + 1]:
                index = i
                break
        counts[index] += 1
    result = []
    for i, count in enumerate(counts):
        last = i == len(counts) - 1
        label = (
            f"≥ {_label(edges[i], unit)}"
            if last
            else f"{_label(edges[i], unit)}–{_label(edges[i + 1], unit)}"
        )
        result.append(Bin(edges[i], None if last else edges[i + 1], count, label))
    return result


def _positions(hist: Sequence[Bin], log: bool) -> list[float]:
    """The x of every bin edge on the axis' own scale (linear or log10), the open bin as wide as the last
    closed one; a 0 edge on a log axis sits one step (the next bin's ratio) below the first positive one."""
    edges = [b.low for b in hist] + [hist[-1].high if hist[-1].high is not None else math.nan]
    if log:
        positive = [e for e in edges if e > 0 and not math.isnan(e)]
        step = math.log10(positive[1] / positive[0]) if len(positive) > 1 else 1.0
        scaled = [
            math.log10(e) if e > 0 else math.nan if math.isnan(e) else math.log10(positive[0]) - step
            for e in edges
        ]
    else:
        scaled = list(edges)
    if math.isnan(scaled[-1]):
        previous = scaled[-2] - scaled[-3] if len(scaled) > 2 else 1.0
        scaled[-1] = scaled[-2] + previous
    return scaled


def _tick(x: float, base: float, text: str, anchor: str = "middle") -> list[Text]:
    """An edge label under the axis, on the first of three rows where it is clear (bins of 5 points sit
    closer than a label is wide)."""
    return [Text(x, base + 2 + SIZE + row * (SIZE + 2), text, SIZE, anchor=anchor) for row in range(3)]


def histogram_svg(
    hist: Sequence[Bin],
    title: str,
    width: int = 360,
    height: int = 230,
    *,
    log: bool = False,
    unit: str | None = None,
) -> str:
    """An accessible SVG histogram of ``hist`` (see module docstring)."""
    desc = "; ".join(f"{b.label}: {b.count}" for b in hist) + (
        ". Ancho de cada barra proporcional a su intervalo; alto proporcional a programas por unidad de ancho."
    )
    canvas = Canvas(float(width), float(height), title, css_class="histograma")
    left, right, top, bottom = 18.0, 18.0, 8.0 + SIZE + 4, 3 * SIZE + 14
    base = height - bottom
    canvas.add(Line(left, base, width - right, base, AXIS_COLOUR))
    if not hist:
        return canvas.svg(desc)
    if unit is None:  # the bins' own labels say whether they are percentages («0%–50%»)
        unit = "%" if hist[0].label.endswith("%") else ""
    scaled = _positions(hist, log)
    span = scaled[-1] - scaled[0] or 1.0
    xs = [left + (width - left - right) * (s - scaled[0]) / span for s in scaled]
    widths = [max(xs[i + 1] - xs[i], 1e-9) for i in range(len(hist))]
    densities = [b.count / w for b, w in zip(hist, widths, strict=True)]
    per_unit = (base - top) / (max(densities) or 1.0)
    counts, ticks = [], []
    for i, b in enumerate(hist):
        height_i = per_unit * densities[i]
        x0, x1 = xs[i], xs[i + 1]
        canvas.add(
            Rect(
                x0 + 1,
                base - height_i,
                max(x1 - x0 - 2, 0.5),
                height_i,
                BAR_COLOUR,
                tip=f"{b.label}: {b.count}",
            )
        )
        centre = (x0 + x1) / 2
        counts.append(
            [
                Text(centre, base - height_i - 3, str(b.count), SIZE),
                Text(centre, base - height_i - 5 - SIZE, str(b.count), SIZE),
            ]
        )
        ticks.append(_tick(x0, base, _label(b.low, unit)))
    if hist[-1].high is not None:
        ticks.append(_tick(xs[-1], base, _label(hist[-1].high, unit), "end"))
    for candidates in counts:
        canvas.place(candidates)
    for candidates in ticks:
        canvas.place(candidates)
    return canvas.svg(desc)
