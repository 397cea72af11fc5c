"""Text widths in the ficha's shipped fonts (DejaVu Sans, ``sheet/fonts/``), so the view model can size
table columns for the text they hold (``sheet/columns.py``).

Contract: ``text_width(text, size_pt, bold)`` is the advance width in points of ``text`` set on one line
in DejaVu Sans (Bold) at ``size_pt``: the sum of the glyphs' advance widths from the font's ``hmtx``
table, no kerning (DejaVu has no kerning between digits, separators and signs, which is what must fit);
a character the font lacks counts as the font's widest glyph. The fonts are read once per process."""

from __future__ import annotations

import struct
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "fonts"
FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True)
class FontMetrics:
    """The font's units per em and, in ``table``, the advance width (font units) of every BMP code point
    (``widest`` where the font has no glyph), for fast lookups."""

    units_per_em: int
    widest: int
    table: array[int]


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    (count,) = struct.unpack_from(">H", data, 4)
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        out[tag] = (offset, length)
    return out


def _cmap_format4(data: bytes, cmap: int) -> dict[int, int]:
    """Code point → glyph id from the Unicode BMP (3, 1) format-4 subtable."""
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        sub = cmap + offset
        if (platform, encoding) == (3, 1) and struct.unpack_from(">H", data, sub)[0] == 4:
            break
    else:
        raise ValueError("la fuente no tiene una tabla cmap Unicode BMP (3, 1) de formato 4")
    segments = struct.unpack_from(">H", data, sub + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, sub + 14)
    starts = struct.unpack_from(f">{segments}H", data, sub + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, sub + 16 + 4 * segments)
    range_at = sub + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", data, range_at)
    glyphs: dict[int, int] = {}
    for k in range(segments):
        for code in range(starts[k], min(ends[k], 0xFFFE) + 1):
            if ranges[k] == 0:
                glyph = (code + deltas[k]) & 0xFFFF
            else:
                at = range_at + 2 * k + ranges[k] + 2 * (code - starts[k])
                glyph = struct.unpack_from(">H", data, at)[0]
                glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
            if glyph:
                glyphs[code] = glyph
    return glyphs


@cache
def font_metrics(bold: bool) -> FontMetrics:
    """Metrics of the shipped regular or bold face."""
    data = (FONTS / FILES[bold]).read_bytes()
    tables = _tables(data)
    units_per_em = struct.unpack_from(">H", data, tables[b"head"][0] + 18)[0]
    metrics_count = struct.unpack_from(">H", data, tables[b"hhea"][0] + 34)[0]
    hmtx = tables[b"hmtx"][0]
    widths = struct.unpack_from(f">{2 * metrics_count}H", data, hmtx)[0::2]
    glyphs = _cmap_format4(data, tables[b"cmap"][0])
    widest = max(widths)
    table = array("H", [widest]) * 0x10000
    for code, glyph in glyphs.items():
        table[code] = widths[min(glyph, metrics_count - 1)]
    return FontMetrics(units_per_em, widest, table)


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Advance width of ``text`` in points (see module docstring)."""
    font = font_metrics(bold)
    try:
        units = sum(map(font.table.__getitem__, map(ord, text)))
    except IndexError:  # a character outside the BMP: no glyph in DejaVu
        units = sum(font.table[o] if o < len(font.table) else font.widest for o in map(ord, text))
    return units * size_pt / font.units_per_em


@lru_cache(maxsize=4096)
def widest_word(text: str, size_pt: float, bold: bool = False) -> float:
    """Width in points of the widest whitespace-separated word of ``text`` (0 for blank text). Words are
    measured longest first and the search stops once no shorter word can be wider (its length × the
    widest glyph of ``text`` is below the best so far), so long running text costs a few measurements;
    results are cached (labels, codes and years repeat in every ficha)."""
    words = text.split()
    if len(words) <= 1:
        return text_width(words[0], size_pt, bold) if words else 0.0
    font = font_metrics(bold)
    try:
        cap = max(map(font.table.__getitem__, map(ord, set(text)))) * size_pt / font.units_per_em
    except IndexError:
        cap = font.widest * size_pt / font.units_per_em
    best = 0.0
    for word in sorted(set(words), key=len, reverse=True):
        if len(word) * cap <= best:
            break
        best = max(best, text_width(word, size_pt, bold))
    return best
