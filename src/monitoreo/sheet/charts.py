"""Hand-written SVG charts shared by the HTML and the PDF (docs/ficha-rendering.md «Charts»: ~0.02 ms per chart).

Contract: every function is pure and deterministic (same input → same string: coordinates are printed
with fixed decimals, no ids from counters or clocks). Inputs are one ``Point`` per year: the numeric value
for the geometry (``None`` when the value is a code such as S/I) and the text already formatted by the
view model («25,5%», «S/I»). A gap is drawn as its code over the axis, never as a zero bar. The SVG carries
``role="img"`` and an ``aria-label`` with the data so that it is accessible when inlined in HTML; the
visible text uses the shipped font family (DejaVu Sans) so Typst never falls back to another font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT = "DejaVu Sans"
TARGET_COLOUR = "#1f4e9c"  # «Barra azul: Población objetivo»
SERVED_COLOUR = "#c0392b"  # «Punto rojo: Población beneficiada»
SECOND_COLOUR = "#7fa7d9"
AXIS_COLOUR = "#555555"
WIDTH, HEIGHT = 320.0, 170.0
LEFT, RIGHT, TOP, BOTTOM = 12.0, 12.0, 26.0, 30.0


@dataclass(frozen=True)
class Point:
    """One year of a series: ``value`` drives the geometry, ``text`` is what is printed."""

    year: str
    value: float | None
    text: str


@dataclass(frozen=True)
class Rendered:
    """An SVG string and its text alternative (the title plus every value, in order)."""

    svg: str
    description: str


def _n(x: float) -> str:
    return f"{x:.1f}"


def _text(x: float, y: float, text: str, *, size: float = 8.0, anchor: str = "middle",
          fill: str = "#222222", weight: str = "normal") -> str:
    return (f'<text x="{_n(x)}" y="{_n(y)}" font-family="{FONT}" font-size="{_n(size)}" '
            f'text-anchor="{anchor}" fill="{fill}" font-weight="{weight}">{escape(text)}</text>')


def _open(label: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(WIDTH)}" height="{_n(HEIGHT)}" '
        f'viewBox="0 0 {_n(WIDTH)} {_n(HEIGHT)}" role="img" aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
    ]


def _axis(parts: list[str], years: Sequence[str]) -> list[float]:
    """Draw the base line and year labels; return the centre x of each year slot."""
    base = HEIGHT - BOTTOM
    parts.append(f'<line x1="{_n(LEFT)}" y1="{_n(base)}" x2="{_n(WIDTH - RIGHT)}" y2="{_n(base)}" '
                 f'stroke="{AXIS_COLOUR}" stroke-width="0.8"/>')
    slot = (WIDTH - LEFT - RIGHT) / max(len(years), 1)
    centres = [LEFT + slot * (i + 0.5) for i in range(len(years))]
    for x, year in zip(centres, years, strict=True):
        parts.append(_text(x, base + 12, year, size=8.5))
    return centres


def _scale(values: Sequence[float | None]) -> float:
    top = max((v for v in values if v is not None and v > 0), default=0.0)
    return top if top > 0 else 1.0


def _legend(parts: list[str], items: Sequence[tuple[str, str, str]]) -> None:
    """Legend row at the top: (shape, colour, label) with shape ``bar`` or ``dot``."""
    x = LEFT
    for shape, colour, label in items:
        if shape == "dot":
            parts.append(f'<circle cx="{_n(x + 4)}" cy="9.0" r="3.5" fill="{colour}"/>')
        else:
            parts.append(f'<rect x="{_n(x)}" y="5.0" width="8.0" height="8.0" fill="{colour}"/>')
        parts.append(_text(x + 11, 12.0, label, size=7.5, anchor="start"))
        x += 16 + 5.2 * len(label)


def _bar(parts: list[str], point: Point, x: float, width: float, base: float, per_unit: float, colour: str,
         *, size: float) -> None:
    """One bar centred at ``x`` with its printed value above it; a code (S/I…) is drawn as its text on the
    axis, never as a zero-height bar."""
    if point.value is None:
        parts.append(_text(x, base - 4, point.text, size=size))
        return
    height = per_unit * max(point.value, 0.0)
    parts.append(f'<rect x="{_n(x - width / 2)}" y="{_n(base - height)}" width="{_n(width)}" '
                 f'height="{_n(height)}" fill="{colour}"/>')
    parts.append(_text(x, base - height - 3, point.text, size=size))


def population_chart(title: str, target: Sequence[Point], served: Sequence[Point],
                     coverage: Sequence[Point]) -> Rendered:
    """Bars for the target population, dots for the served one, coverage printed under each year
    (2020 ficha: «Barra azul: Población objetivo / Punto rojo: Población beneficiada»)."""
    years = [p.year for p in target]
    label = title + ". " + "; ".join(
        f"{t.year}: población objetivo {t.text}, población beneficiada {s.text}, cobertura {c.text}"
        for t, s, c in zip(target, served, coverage, strict=True)
    )
    parts = _open(label)
    _legend(parts, [("bar", TARGET_COLOUR, "Población objetivo"), ("dot", SERVED_COLOUR, "Población beneficiada")])
    centres = _axis(parts, years)
    top = _scale([p.value for p in (*target, *served)])
    base, span = HEIGHT - BOTTOM, HEIGHT - BOTTOM - TOP - 10
    bar = min(36.0, (WIDTH - LEFT - RIGHT) / max(len(years), 1) * 0.45)
    for x, t, s, c in zip(centres, target, served, coverage, strict=True):
        if t.value is None:
            parts.append(_text(x, base - 4, t.text, size=8))
        else:
            height = span * t.value / top
            parts.append(f'<rect x="{_n(x - bar / 2)}" y="{_n(base - height)}" width="{_n(bar)}" '
                         f'height="{_n(height)}" fill="{TARGET_COLOUR}"/>')
            parts.append(_text(x, base - height - 3, t.text, size=7.5))
        if s.value is not None:
            y = base - span * s.value / top
            parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4.0" fill="{SERVED_COLOUR}" '
                         f'stroke="#ffffff" stroke-width="0.8"/>')
            parts.append(_text(x + bar / 2 + 3, y + 3, s.text, size=7.5, anchor="start", fill=SERVED_COLOUR))
        parts.append(_text(x, base + 23, f"Cobertura {c.text}", size=7.5))
    parts.append("</svg>")
    return Rendered("".join(parts), label)


def bar_chart(title: str, series: Sequence[Point], colour: str = TARGET_COLOUR) -> Rendered:
    """One bar per year with its printed value above it (spend per beneficiary over the years)."""
    label = title + ". " + "; ".join(f"{p.year}: {p.text}" for p in series)
    parts = _open(label)
    centres = _axis(parts, [p.year for p in series])
    top = _scale([p.value for p in series])
    base, span = HEIGHT - BOTTOM, HEIGHT - BOTTOM - TOP
    bar = min(40.0, (WIDTH - LEFT - RIGHT) / max(len(series), 1) * 0.5)
    for x, point in zip(centres, series, strict=True):
        _bar(parts, point, x, bar, base, span / top, colour, size=8)
    parts.append("</svg>")
    return Rendered("".join(parts), label)


def execution_chart(title: str, initial: Sequence[Point], final: Sequence[Point]) -> Rendered:
    """Grouped bars per year: initial and final budget execution (%), with a 100% reference line."""
    label = title + ". " + "; ".join(
        f"{i.year}: ejecución inicial {i.text}, ejecución final {f.text}" for i, f in zip(initial, final, strict=True)
    )
    parts = _open(label)
    _legend(parts, [("bar", TARGET_COLOUR, "Ejecución inicial"), ("bar", SECOND_COLOUR, "Ejecución final")])
    centres = _axis(parts, [p.year for p in initial])
    top = max(_scale([p.value for p in (*initial, *final)]), 100.0)
    base, span = HEIGHT - BOTTOM, HEIGHT - BOTTOM - TOP - 8
    ref = base - span * 100.0 / top
    parts.append(f'<line x1="{_n(LEFT)}" y1="{_n(ref)}" x2="{_n(WIDTH - RIGHT)}" y2="{_n(ref)}" '
                 f'stroke="{AXIS_COLOUR}" stroke-width="0.6" stroke-dasharray="3 2"/>')
    bar = min(26.0, (WIDTH - LEFT - RIGHT) / max(len(initial), 1) * 0.3)
    for x, i, f in zip(centres, initial, final, strict=True):
        for offset, point, colour in ((-bar / 2 - 1, i, TARGET_COLOUR), (bar / 2 + 1, f, SECOND_COLOUR)):
            _bar(parts, point, x + offset, bar, base, span / top, colour, size=7.5)
    parts.append("</svg>")
    return Rendered("".join(parts), label)
