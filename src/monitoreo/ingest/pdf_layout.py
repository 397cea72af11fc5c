"""Lines and paragraph breaks out of a PDF's word boxes (``pdf_words.read_words``).

Words in content order keep table rows and paragraphs in order, but the parsers also need the blank lines
between paragraphs and table cells (the seed texts have them). The word boxes give them: words are grouped into lines in content order (a word that overlaps the current line vertically and
does not jump left continues it), and a blank line is emitted where the vertical gap to the next line is
larger than ``PARAGRAPH_GAP`` × the line height, or where the next line jumps back up (the next cell of a
table row, the next column). Pages are separated by form feeds. A paragraph cut by a page break is kept
whole unless its last line ends a sentence. Page footers «Página N de M» are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from monitoreo.ingest.pdf_words import Word

PARAGRAPH_GAP = 0.45
_FOOTER = re.compile(r"^Página \d+ de \d+$")


@dataclass
class _Line:
    x0: float
    y0: float
    x1: float
    y1: float
    words: list[str] = field(default_factory=list)
    last_height: float = 0.0
    last_bottom: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def takes(self, x0: float, y0: float, y1: float) -> bool:
        overlap = min(self.y1, y1) - max(self.y0, y0)
        return x0 >= self.x1 - 1.0 and overlap > 0.3 * min(self.y1 - self.y0, y1 - y0)


def _page_lines(page: Sequence[Word]) -> list[_Line]:
    lines: list[_Line] = []
    for box in page:
        x0, y0, x1, y1, word = box.x0, box.y0, box.x1, box.y1, box.text
        if lines and lines[-1].takes(x0, y0, y1):
            line = lines[-1]
            if _superscript(line, y0, y1):
                line.words[-1] += word  # footnote marker glued to its label, as in the seed texts
            else:
                line.words.append(word)
                line.last_height, line.last_bottom = y1 - y0, y1
            line.x1, line.y0, line.y1 = x1, min(line.y0, y0), max(line.y1, y1)
        else:
            lines.append(_Line(x0, y0, x1, y1, [word], y1 - y0, y1))
    return [line for line in lines if not _FOOTER.match(line.text)]


def _superscript(line: _Line, y0: float, y1: float) -> bool:
    """A smaller word raised above the previous word's bottom: a footnote marker («Inicial²», «Cobertura*»)."""
    return y1 - y0 < 0.85 * line.last_height and y1 < line.last_bottom - 0.8


def _breaks(prev: _Line, nxt: _Line) -> bool:
    gap = nxt.y0 - prev.y1
    height = min(prev.y1 - prev.y0, nxt.y1 - nxt.y0)
    return gap < -1.0 or gap > PARAGRAPH_GAP * height


def text_from_words(word_pages: Sequence[Sequence[Word]]) -> str:
    """Plain text with blank lines between paragraphs and cells, form feeds between pages."""
    pages: list[str] = []
    for page in word_pages:
        lines = _page_lines(page)
        out: list[str] = []
        for i, line in enumerate(lines):
            if i and _breaks(lines[i - 1], line):
                out.append("")
            out.append(line.text)
        pages.append("\n".join(out))
    joined: list[str] = []
    for i, text in enumerate(pages):
        if i:
            last = joined[-1].rstrip().rsplit("\n", 1)[-1] if joined else ""
            joined.append("\n\f\n" if last.endswith((".", ":")) else "\f")
        joined.append(text)
    return "".join(joined) + "\n"
