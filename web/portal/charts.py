"""Server-side SVG histograms for the dashboard (no JavaScript). Labels are es-CL via ``monitoreo.formatting``.

``histogram(values, edges, ...)`` counts values into ``[edges[i], edges[i+1])`` bins, the last bin closed and
open-ended (values above the last edge fall into it, labelled «≥ x»). The SVG has a ``<title>`` and
``<desc>`` and ``role="img"`` so screen readers get the figure; the page shows the same counts as a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from monitoreo import formatting


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
    """Counts per bin; values below the first edge count in the first bin."""
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
        label = f"≥ {_label(edges[i], unit)}" if last else f"{_label(edges[i], unit)}–{_label(edges[i + 1], unit)}"
        result.append(Bin(edges[i], None if last else edges[i + 1], count, label))
    return result


def histogram_svg(hist: Sequence[Bin], title: str, width: int = 560, height: int = 220) -> str:
    """An accessible SVG bar chart of ``hist``."""
    top = max((b.count for b in hist), default=0) or 1
    left, bottom, pad = 36, 44, 8
    plot_w, plot_h = width - left - pad, height - bottom - pad
    bar_w = plot_w / max(len(hist), 1)
    desc = "; ".join(f"{b.label}: {b.count}" for b in hist)
    parts = [
        f'<svg class="histograma" role="img" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
        f'<line x1="{left}" y1="{pad + plot_h}" x2="{width - pad}" y2="{pad + plot_h}" stroke="#555"/>',
        f'<text x="{left - 4}" y="{pad + 10}" text-anchor="end" font-size="11">{top}</text>',
        f'<text x="{left - 4}" y="{pad + plot_h}" text-anchor="end" font-size="11">0</text>',
    ]
    for i, b in enumerate(hist):
        h = plot_h * b.count / top
        x = left + i * bar_w
        parts.append(f'<rect x="{x + 2:.1f}" y="{pad + plot_h - h:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" '
                     f'fill="#2f5d8a"><title>{escape(b.label)}: {b.count}</title></rect>')
        if b.count:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{pad + plot_h - h - 3:.1f}" text-anchor="middle" '
                         f'font-size="10">{b.count}</text>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{pad + plot_h + 14 + 11 * (i % 2):.1f}" '
                     f'text-anchor="middle" font-size="10">{escape(b.label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
