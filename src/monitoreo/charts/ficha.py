"""The ficha's charts (population, spend per beneficiary, budget execution), one SVG for the PDF and the HTML.

Contract: every function is pure and deterministic (same input → same string). Inputs are one ``Point``
per year: the numeric value for the geometry (``None`` when the value is a code such as S/I) and the text
already formatted by the view model («25,5%», «S/I»). A gap is drawn as its code over the axis, never as a
zero bar. A chart with no value at all returns ``None``: the ficha prints a sentence instead of an empty
frame. Labels are placed where they collide with nothing (``svg.Canvas.place``), the 100 % line is broken
under labels, the legend is measured in the shipped font, and every text is at least ``MIN_TEXT`` units:
≥ 11 px on a 390 px phone, where the HTML draws the chart 100 % wide (docs/ficha-rendering.md, «Charts»).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitoreo.charts.svg import Canvas, Circle, Line, Rect, Text, text_width

TARGET_COLOUR = "#1f4e9c"  # «Barra azul: Población objetivo»; 8,0:1 on white
SERVED_COLOUR = "#c0392b"  # «Punto rojo: Población beneficiada»; 5,4:1
SECOND_COLOUR = "#6b8fc7"  # final execution; 3,3:1 on white (WCAG 1.4.11 asks ≥ 3:1)
AXIS_COLOUR = "#555555"
BAR_COLOURS = (TARGET_COLOUR, SERVED_COLOUR, SECOND_COLOUR)
WIDTH, HEIGHT = 320.0, 170.0  # as before #14: the PDF page breaks of the seeds stay where they were
LEFT, RIGHT = 8.0, 8.0
MIN_TEXT = 11.5  # user units; × 318/320 (390 px phone, portal and ficha margins) ≈ 11,4 px
VALUE, YEAR, LEGEND = 11.5, 11.5, 11.5
SHIFTS = (
    0.0,
    -VALUE - 2,
    VALUE + 2,
    -2 * VALUE - 4,
    2 * VALUE + 4,
)  # a label's fallback rows beside its mark


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


def _empty(*series: Sequence[Point]) -> bool:
    return all(p.value is None for s in series for p in s)


def _legend(canvas: Canvas, items: Sequence[tuple[str, str, str]]) -> float:
    """Legend row at the top, each item as wide as its measured label; returns the row's bottom y."""
    x = LEFT
    for shape, colour, label in items:
        if shape == "dot":
            canvas.add(Circle(x + 4.5, 9.0, 4.0, colour))
        else:
            canvas.add(Rect(x, 4.5, 9.0, 9.0, colour))
        canvas.add(Text(x + 13, 13.0, label, LEGEND, anchor="start"))
        x += 13 + text_width(label, LEGEND) + 12
    return 18.0


def _axis(canvas: Canvas, years: Sequence[str], base: float, right: float = RIGHT) -> list[float]:
    """Base line and year labels; the centre x of each year slot."""
    canvas.add(Line(LEFT, base, WIDTH - right, base, AXIS_COLOUR))
    slot = (WIDTH - LEFT - right) / max(len(years), 1)
    centres = [LEFT + slot * (i + 0.5) for i in range(len(years))]
    for x, year in zip(centres, years, strict=True):
        canvas.add(Text(x, base + 13, year, YEAR))
    return centres


def _scale(values: Sequence[float | None], floor: float = 0.0) -> float:
    top = max((v for v in values if v is not None and v > 0), default=0.0)
    top = max(top, floor)
    return top if top > 0 else 1.0


def _above(x: float, top: float, text: str, fill: str = "#222222") -> list[Text]:
    """Candidate places for a value label over a mark whose top is at ``top``: just above, one line higher."""
    return [Text(x, top - 5, text, VALUE, fill=fill), Text(x, top - 6 - VALUE, text, VALUE, fill=fill)]


def _bars(
    canvas: Canvas, x: float, width: float, base: float, per_unit: float, point: Point, colour: str
) -> tuple[Rect | None, list[Text]]:
    """A bar centred at ``x`` and the candidate places of its label; a code (S/I…) is its text on the axis."""
    if point.value is None:
        return None, [Text(x, base - 4, point.text, VALUE)]
    height = per_unit * max(point.value, 0.0)
    bar = Rect(x - width / 2, base - height, width, height, colour)
    canvas.add(bar)
    return bar, _above(x, base - height, point.text)


def population_chart(
    title: str, target: Sequence[Point], served: Sequence[Point], coverage: Sequence[Point]
) -> Rendered | None:
    """Bars for the target population, dots for the served one, coverage printed under each year
    (2020 ficha: «Barra azul: Población objetivo / Punto rojo: Población beneficiada»); ``None`` when
    neither population has a value in any year."""
    if _empty(target, served):
        return None
    label = (
        title
        + ". "
        + "; ".join(
            f"{t.year}: población objetivo {t.text}, población beneficiada {s.text}, cobertura {c.text}"
            for t, s, c in zip(target, served, coverage, strict=True)
        )
    )
    canvas = Canvas(WIDTH, HEIGHT, label)
    top = _legend(
        canvas,
        [("bar", TARGET_COLOUR, "Población objetivo"), ("dot", SERVED_COLOUR, "Población beneficiada")],
    )
    years = max(len(target), 1)
    bar = min(30.0, (WIDTH - LEFT - RIGHT) / years * 0.3)
    # the served label goes right of the dot: leave the last slot room for it (2.958.153 at the far right)
    need = max((text_width(s.text, VALUE) + bar / 2 + 5 for s in served if s.value is not None), default=0.0)
    half = (WIDTH - LEFT) / (2 * years)
    right = max(RIGHT, (need - half) / (1 - 1 / (2 * years)))
    slot = (WIDTH - LEFT - right) / years
    # «Cobertura 27,4%» under each year, or in two lines when a slot is narrower (the plot gives up a line)
    two_lines = any(text_width(f"Cobertura {c.text}", VALUE) > slot - 4 for c in coverage)
    base = HEIGHT - (45 if two_lines else 31)
    centres = _axis(canvas, [p.year for p in target], base, right)
    peak = top + 2 * VALUE + 10  # room for a label one line above the tallest mark
    per_unit = (base - peak) / _scale([p.value for p in (*target, *served)])
    labels: list[tuple[list[Text], Circle | None, Point]] = []
    for x, t, s, c in zip(centres, target, served, coverage, strict=True):
        _, target_labels = _bars(canvas, x, bar, base, per_unit, t, TARGET_COLOUR)
        dot = None
        if s.value is not None:
            dot = Circle(x, base - per_unit * max(s.value, 0.0), 4.5, SERVED_COLOUR)
            canvas.add(dot)
            # the target label also goes above the dot when the dot sits on it (served ≥ target)
            target_labels.append(Text(x, min(dot.box.y0, target_labels[0].y + 3) - 3, t.text, VALUE))
            target_labels += _above(x, dot.box.y0 - VALUE - 2, t.text)
        labels.append((target_labels, dot, s))
        if two_lines:
            canvas.add(Text(x, base + 27, "Cobertura", VALUE), Text(x, base + 40, c.text, VALUE))
        else:
            canvas.add(Text(x, base + 27, f"Cobertura {c.text}", VALUE))
    for target_labels, _, _ in labels:
        canvas.place(target_labels)
    for _, dot, s in labels:
        if dot is None:
            continue
        x, y = dot.cx, dot.cy
        canvas.place(
            [
                *(
                    Text(x + bar / 2 + 3, y + 3.5 + dy, s.text, VALUE, anchor="start", fill=SERVED_COLOUR)
                    for dy in SHIFTS
                ),
                *(
                    Text(x - bar / 2 - 3, y + 3.5 + dy, s.text, VALUE, anchor="end", fill=SERVED_COLOUR)
                    for dy in SHIFTS
                ),
                Text(x, y - dot.r - 3, s.text, VALUE, fill=SERVED_COLOUR),
                Text(x, y + dot.r + 3 + VALUE * 0.76, s.text, VALUE, fill=SERVED_COLOUR),
            ]
        )
    return Rendered(canvas.svg(), label)


def bar_chart(title: str, series: Sequence[Point], colour: str = TARGET_COLOUR) -> Rendered | None:
    """One bar per year with its printed value above it (spend per beneficiary over the years); ``None``
    when no year has a value."""
    if _empty(series):
        return None
    label = title + ". " + "; ".join(f"{p.year}: {p.text}" for p in series)
    canvas = Canvas(WIDTH, HEIGHT, label)
    base = canvas.height - 20
    centres = _axis(canvas, [p.year for p in series], base)
    per_unit = (base - 8 - 2 * VALUE) / _scale([p.value for p in series])
    bar = min(40.0, (WIDTH - LEFT - RIGHT) / max(len(series), 1) * 0.5)
    pending = [
        _bars(canvas, x, bar, base, per_unit, p, colour)[1] for x, p in zip(centres, series, strict=True)
    ]
    for candidates in pending:
        canvas.place(candidates)
    return Rendered(canvas.svg(), label)


def execution_chart(title: str, initial: Sequence[Point], final: Sequence[Point]) -> Rendered | None:
    """Grouped bars per year: initial and final budget execution (%), with a dashed 100 % line that is
    broken under the labels; ``None`` when no year has a value."""
    if _empty(initial, final):
        return None
    label = (
        title
        + ". "
        + "; ".join(
            f"{i.year}: ejecución inicial {i.text}, ejecución final {f.text}"
            for i, f in zip(initial, final, strict=True)
        )
    )
    canvas = Canvas(WIDTH, HEIGHT, label)
    top = _legend(
        canvas, [("bar", TARGET_COLOUR, "Ejecución inicial"), ("bar", SECOND_COLOUR, "Ejecución final")]
    )
    base = HEIGHT - 20
    centres = _axis(canvas, [p.year for p in initial], base)
    peak = top + 2 * VALUE + 8
    per_unit = (base - peak) / _scale([p.value for p in (*initial, *final)], floor=100.0)
    half = (WIDTH - LEFT - RIGHT) / max(len(initial), 1) / 2
    bar = min(30.0, half - 8)
    pending = []
    for x, i, f in zip(centres, initial, final, strict=True):
        for offset, point, colour in ((-half / 2, i, TARGET_COLOUR), (half / 2, f, SECOND_COLOUR)):
            pending.append(_bars(canvas, x + offset, bar, base, per_unit, point, colour)[1])
    for candidates in pending:
        canvas.place(candidates)
    canvas.dashed_line(LEFT, WIDTH - RIGHT, base - per_unit * 100.0, AXIS_COLOUR)
    return Rendered(canvas.svg(), label)
