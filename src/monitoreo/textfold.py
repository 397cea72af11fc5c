"""Accent- and case-insensitive text: the one folding the importer's matching and the portal's search use.

Contract: ``fold(text)`` is ``text`` case-folded with its combining marks removed after compatibility
decomposition — «Asesoría Técnica» → «asesoria tecnica», «Ñuble» → «nuble», «ﬁnal» → «final». Spaces and
punctuation are kept; callers split or slug as they need. Idempotent: ``fold(fold(t)) == fold(t)``.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` folded (see module docstring)."""
    # One pass is not always a fixed point: NFKD can turn a caseless symbol into a capital letter
    # («𝛢» → «Α»), and case folding can yield combining marks («İ» → «i̇»). A few passes settle it.
    for _ in range(4):
        folded = _fold_once(text)
        if folded == text:
            break
        text = folded
    return text


def _fold_once(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
