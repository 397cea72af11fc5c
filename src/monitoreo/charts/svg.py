"""SVG primitives with geometry: every shape knows its bounding box, so a chart can place its labels where
they collide with nothing and a test can check the drawn SVG geometrically (docs/ficha-rendering.md, «Charts»).

Contract: coordinates are SVG user units of a ``viewBox`` (the chart scales to its container: ``width``
100 % in HTML, ``width_cm`` in the PDF). A text's box is its advance width in the shipped DejaVu Sans
(``sheet/measure.py``, the font both outputs use) by ``ASCENT`` above and ``DESCENT`` below the baseline,
times its size. ``Canvas.place`` takes the first candidate label whose box is inside the frame and clear of
every shape already drawn. Output is deterministic: fixed decimals, no ids, shapes in insertion order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html import escape

FONT = "DejaVu Sans"
INK = "#222222"
# DejaVu Sans: digits and capitals reach ~0.73 em, accented capitals ~0.93 em; descenders ~0.24 em.
ASCENT, DESCENT = 0.76, 0.24
GAP = 1.0  # minimum clearance (user units) between a label and any other shape


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Advance width of ``text`` in the shipped DejaVu Sans (``sheet/measure.py``). Imported on first use:
    ``monitoreo.sheet`` draws its charts with this package, so a module-level import would be circular."""
    from monitoreo.sheet.measure import text_width as measure

    return measure(text, size, bold)


def n(x: float) -> str:
    """A coordinate with one fixed decimal (deterministic output)."""
    return f"{x:.1f}"


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return (
            self.x0 < other.x1 + gap
            and other.x0 < self.x1 + gap
            and self.y0 < other.y1 + gap
            and other.y0 < self.y1 + gap
        )

    def inside(self, other: Box) -> bool:
        return self.x0 >= other.x0 and self.y0 >= other.y0 and self.x1 <= other.x1 and self.y1 <= other.y1


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float
    anchor: str = "middle"
    fill: str = INK
    bold: bool = False

    @cached_property
    def box(self) -> Box:  # measured once: placement compares every label with every shape
        width = text_width(self.text, self.size, self.bold)
        x0 = {"start": self.x, "middle": self.x - width / 2, "end": self.x - width}[self.anchor]
        return Box(x0, self.y - ASCENT * self.size, x0 + width, self.y + DESCENT * self.size)

    def svg(self) -> str:
        weight = ' font-weight="bold"' if self.bold else ""
        return (
            f'<text x="{n(self.x)}" y="{n(self.y)}" font-family="{FONT}" font-size="{n(self.size)}" '
            f'text-anchor="{self.anchor}" fill="{self.fill}"{weight}>{escape(self.text)}</text>'
        )


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    tip: str | None = None  # a tooltip (<title>) for the HTML

    @property
    def box(self) -> Box:
        return Box(self.x, self.y, self.x + self.width, self.y + self.height)

    def svg(self) -> str:
        head = (
            f'<rect x="{n(self.x)}" y="{n(self.y)}" width="{n(self.width)}" height="{n(self.height)}" '
            f'fill="{self.fill}"'
        )
        return f"{head}><title>{escape(self.tip)}</title></rect>" if self.tip else f"{head}/>"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 0.8
    dash: str | None = None

    @property
    def box(self) -> Box:
        half = self.width / 2
        return Box(
            min(self.x1, self.x2) - half,
            min(self.y1, self.y2) - half,
            max(self.x1, self.x2) + half,
            max(self.y1, self.y2) + half,
        )

    def svg(self) -> str:
        dash = f' stroke-dasharray="{self.dash}"' if self.dash else ""
        return (
            f'<line x1="{n(self.x1)}" y1="{n(self.y1)}" x2="{n(self.x2)}" y2="{n(self.y2)}" '
            f'stroke="{self.stroke}" stroke-width="{n(self.width)}"{dash}/>'
        )


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str

    @property
    def box(self) -> Box:
        return Box(self.cx - self.r, self.cy - self.r, self.cx + self.r, self.cy + self.r)

    def svg(self) -> str:
        return (
            f'<circle cx="{n(self.cx)}" cy="{n(self.cy)}" r="{n(self.r)}" fill="{self.fill}" '
            f'stroke="#ffffff" stroke-width="0.8"/>'
        )


Shape = Text | Rect | Line | Circle


@dataclass
class Canvas:
    """A chart being drawn: ``width`` × ``height`` user units, its accessible ``label`` and its shapes."""

    width: float
    height: float
    label: str
    css_class: str = "ficha-grafico"
    shapes: list[Shape] = field(default_factory=list)

    @property
    def frame(self) -> Box:
        return Box(0.0, 0.0, self.width, self.height)

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)

    def free(self, box: Box, ignore: Iterable[Shape] = ()) -> bool:
        """True when ``box`` lies inside the frame and clear (by ``GAP``) of every shape but ``ignore``."""
        skip = {id(s) for s in ignore}
        return box.inside(self.frame) and not any(
            s.box.overlaps(box, GAP) for s in self.shapes if id(s) not in skip
        )

    def place(self, candidates: Sequence[Text]) -> Text:
        """Draw the first candidate whose box is free (the first one when none is: a test then fails)."""
        chosen = next((t for t in candidates if self.free(t.box)), candidates[0])
        self.add(chosen)
        return chosen

    def dashed_line(self, x1: float, x2: float, y: float, stroke: str) -> None:
        """A horizontal dashed line from ``x1`` to ``x2`` broken wherever a label crosses it, so it never
        runs through text (an execution of 95–100 % prints its label right at the 100 % line)."""
        cuts = sorted(
            (t.box.x0 - GAP - 1, t.box.x1 + GAP + 1)
            for t in self.shapes
            if isinstance(t, Text) and t.box.y0 - GAP - 1 <= y <= t.box.y1 + GAP + 1
        )
        start = x1
        for a, b in cuts:
            if a > start:
                self.add(Line(start, y, min(a, x2), y, stroke, 0.6, "3 2"))
            start = max(start, b)
        if start < x2:
            self.add(Line(start, y, x2, y, stroke, 0.6, "3 2"))

    def svg(self, desc: str | None = None) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="{self.css_class}" width="{n(self.width)}" '
            f'height="{n(self.height)}" viewBox="0 0 {n(self.width)} {n(self.height)}" role="img" '
            f'aria-label="{escape(self.label)}"><title>{escape(self.label)}</title>'
        )
        desc_tag = f"<desc>{escape(desc)}</desc>" if desc else ""
        return head + desc_tag + "".join(s.svg() for s in self.shapes) + "</svg>"


def contrast(colour: str, background: str = "#ffffff") -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(colour), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
