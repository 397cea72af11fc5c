"""The extracted text of a ficha as numbered lines, and the text helpers every layout parser shares.

Contract: ``split_lines(text)`` normalises what PDF-to-text tools produce (CR/LF, form feeds as page breaks,
pypdfium2's U+FFFE for a line-final hyphen — docs/ficha-import.md «How it reads» —, soft hyphens, non-breaking spaces) and
returns stripped lines that know their 1-based line and page numbers. Pages are only known when the text
carries form feeds (PDF text does; a pasted ``.txt`` usually does not: everything is page 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from monitoreo.textfold import fold

_SMALL_WORDS = frozenset("a al con de del e el en la las lo los o para por sin su sus u un una y".split())
_STOP_WORDS = _SMALL_WORDS | {"programa"}


@dataclass(frozen=True)
class Line:
    text: str
    number: int
    page: int

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Stripped lines with their line and page numbers (see module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-\n")
    text = text.replace("\u00ad", "").replace("\u00a0", " ").replace("\u200b", "")
    lines: list[Line] = []
    page = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        while "\f" in raw:
            before, raw = raw.split("\f", 1)
            if before.strip():
                lines.append(Line(_clean(before), number, page))
            page += 1
        lines.append(Line(_clean(raw), number, page))
    return lines


def _clean(raw: str) -> str:
    return " ".join(raw.split())


def paragraphs(lines: Iterable[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    result: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                result.append(current)
            current = []
        else:
            current.append(line)
    if current:
        result.append(current)
    return result


_BROKEN_AT_HYPHEN = re.compile(r"\w-$")
_REPEATED_HYPHEN = re.compile(r"^-\w")


def join(lines: Iterable[Line]) -> str:
    """One paragraph's lines as running text (lines joined by a space). A word broken at its hyphen with
    the hyphen repeated on the next line, as Spanish typesetting does («medio-» / «-bajo»), is rejoined."""
    out = ""
    for line in lines:
        if not line.text:
            continue
        if _BROKEN_AT_HYPHEN.search(out) and _REPEATED_HYPHEN.match(line.text):
            out += line.text[1:]
        else:
            out = f"{out} {line.text}" if out else line.text
    return out.strip()


def join_paragraphs(lines: Sequence[Line]) -> str:
    """Text with paragraphs separated by a blank line, as the data files keep them."""
    return "\n\n".join(join(p) for p in paragraphs(lines))


def ascii_fold(text: str) -> str:
    """Lowercase without accents, «ñ» folded («Asesoría» → «asesoria»): ``monitoreo.textfold.fold``."""
    return fold(text)


def slug(text: str, drop_parentheses: bool = True, drop_leading_program: bool = False) -> str:
    """Stable key of a name: ASCII, lowercase, hyphens, without small words and, by default, without
    parenthesised parts («Asesoría Técnica (Desarrollo de capacidades)» → «asesoria-tecnica»)."""
    if drop_parentheses:
        text = _strip_parentheses(text)
    words = re.findall(r"[a-z0-9]+", ascii_fold(text))
    if drop_leading_program and words and words[0] == "programa":
        words = words[1:]
    kept = [w for w in words if w not in _STOP_WORDS] or words or ["ficha"]
    return "-".join(kept)[:80].strip("-")


def _strip_parentheses(text: str) -> str:
    out: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif depth == 0:
            out.append(char)
    stripped = "".join(out).strip()
    return stripped or text


def recase(text: str) -> str:
    """Spanish title case of an all-caps heading: small words lowercase except first
    («INSTITUTO DE DESARROLLO AGROPECUARIO» → «Instituto de Desarrollo Agropecuario»)."""
    words = text.lower().split()
    out = []
    for i, word in enumerate(words):
        if i and word in _SMALL_WORDS:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def is_upper(text: str) -> bool:
    """True when every letter of ``text`` is uppercase (a heading)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def split_trailing_parenthesis(text: str) -> tuple[str, str | None]:
    """«Name (unit)» → («Name», «unit»), balanced parentheses; no trailing group → (text, None)."""
    text = text.strip()
    if not text.endswith(")"):
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                head, inner = text[:i].strip(), text[i + 1 : -1].strip()
                return (head, inner) if head and inner else (text, None)
    return text, None
