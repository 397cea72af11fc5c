"""Word boxes of a PDF through pypdfium2's character boxes (no system tool: poppler is not needed).

Contract: ``read_words(data)`` returns one list of ``Word`` per page, in content-stream order, with boxes
in points measured from the page's top-left corner (``y0`` above ``y1``), and the document's title and
author; it raises ``PdfTextError`` with a Spanish message for anything pdfium cannot read.

A word is a run of characters on one baseline, in one font size, without a space or a horizontal jump
between them. A word's box spans its font's ascent above the baseline and its descent below, whatever
its glyphs (an «Ú» is not taller than a «U»), as poppler's ``pdftotext -bbox`` measured it; the layout's
line and paragraph thresholds (``pdf_layout``) compare those heights. A smaller
raised run (a footnote marker) is its own word, which ``pdf_layout`` glues back to its label. PDFium turns
a line-final hyphen into U+FFFE or U+0002; it is restored to «-».
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import Any

ASCENT = 0.8  # share of the font size above the baseline when a font states no ascent
GAP = 0.15  # a horizontal gap wider than this share of the font size starts a new word
_HYPHENS = {0xFFFE: "-", 0x02: "-"}


class PdfTextError(Exception):
    """The PDF's text could not be extracted."""


@dataclass(frozen=True)
class Word:
    """One word and its box (points, origin top-left)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class _Run:
    x0: float
    x1: float
    base: float
    size: float
    ascent: float
    descent: float
    chars: list[str]
    last_x0: float


@dataclass(frozen=True)
class _Char:
    order: int
    char: str
    x0: float = 0.0
    x1: float = 0.0
    base: float = 0.0
    size: float = 0.0
    ascent: float = 0.0
    descent: float = 0.0


def read_words(data: bytes) -> tuple[list[list[Word]], dict[str, str]]:
    """Words per page and the metadata (see module docstring)."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            info = pdf.get_metadata_dict(skip_empty=True)
            metadata = {k.lower(): str(v).strip() for k, v in info.items() if k in ("Title", "Author")}
            pages = []
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    pages.append(_words(_chars(page)))
                finally:
                    page.close()
        finally:
            pdf.close()
    except Exception as exc:  # noqa: BLE001 - pdfium raises several types for broken files
        raise PdfTextError(f"pypdfium2 no pudo leer el PDF ({type(exc).__name__}: {exc})") from None
    return pages, {k: v for k, v in metadata.items() if v}


def _address(handle: Any) -> int:
    return ctypes.c_void_p.from_buffer(handle).value or 0 if handle else 0


def _chars(page: Any) -> list[_Char]:
    """The page's characters in content-stream order, with their baseline (from the top) and font
    extent. PDFium's text page merges text objects that share a line; the page objects keep the order
    in which the PDF draws them, which is the reading order of a rendered ficha."""
    import pypdfium2.raw as raw

    height = float(page.get_height())
    order = {_address(obj.raw): n for n, obj in enumerate(page.get_objects(max_depth=8))}
    textpage = page.get_textpage()
    chars: list[_Char] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()
    objects: dict[int, tuple[int, float, float, float]] = {}  # per text object: order, size, ascent, descent
    last = -1
    try:
        count = textpage.count_chars()
        buffer = (ctypes.c_ushort * (count + 1))()
        raw.FPDFText_GetText(textpage, 0, count, buffer)
        for index in range(count):
            code = buffer[index]  # one UTF-16 unit per character index
            char = _HYPHENS.get(code) or chr(code)
            obj = raw.FPDFText_GetTextObject(textpage, index)
            address = _address(obj)
            known = objects.get(address)
            if known is None and address:
                known = objects[address] = _object(raw, textpage, index, obj, order.get(address, last))
            if char.isspace() or known is None:
                chars.append(_Char(last, " "))
                continue
            last, size, up, down = known
            raw.FPDFText_GetCharOrigin(textpage, index, x, y)
            raw.FPDFText_GetLooseCharBox(textpage, index, box)
            chars.append(
                _Char(
                    last,
                    char,
                    min(box.left, x.value),
                    max(box.right, x.value),
                    height - y.value,
                    size,
                    up,
                    down,
                )
            )
    finally:
        textpage.close()
    chars.sort(key=lambda c: c.order)  # stable: characters of one object keep their order
    return chars


def _object(raw: Any, textpage: Any, index: int, obj: Any, order: int) -> tuple[int, float, float, float]:
    """A text object's drawing order, font size and the font's ascent and descent at that size."""
    matrix = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(textpage, index, matrix)
    # The text state's size, scaled by the drawing matrix (a chart drawn at 71 % has smaller text).
    size = (float(raw.FPDFText_GetFontSize(textpage, index)) or 1.0) * (math.hypot(matrix.c, matrix.d) or 1.0)
    font = raw.FPDFTextObj_GetFont(obj)
    ascent, descent = ctypes.c_float(), ctypes.c_float()
    raw.FPDFFont_GetAscent(font, size, ascent)
    raw.FPDFFont_GetDescent(font, size, descent)
    return order, size, ascent.value or ASCENT * size, descent.value or (ASCENT - 1) * size


def _words(chars: list[_Char]) -> list[Word]:
    words: list[Word] = []
    run: _Run | None = None
    for c in chars:
        if c.char == " ":
            _flush(run, words)
            run = None
        elif run is not None and _continues(run, c):
            run.chars.append(c.char)
            run.x1, run.last_x0 = max(run.x1, c.x1), c.x0
        else:
            _flush(run, words)
            run = _Run(c.x0, c.x1, c.base, c.size, c.ascent, c.descent, [c.char], c.x0)
    _flush(run, words)
    return words


def _continues(run: _Run, c: _Char) -> bool:
    same_size = abs(c.size - run.size) < 0.05 * run.size
    same_base = abs(c.base - run.base) < 0.1 * run.size
    # The parts of a ligature («ﬁ» → «f», «i») share one box: not left of the previous character's start.
    return same_size and same_base and c.x0 >= run.last_x0 - 0.01 * c.size and c.x0 - run.x1 < GAP * c.size


def _flush(run: _Run | None, words: list[Word]) -> None:
    if run is not None:
        words.append(Word(run.x0, run.base - run.ascent, run.x1, run.base - run.descent, "".join(run.chars)))
