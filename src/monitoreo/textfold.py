"""Accent- and case-insensitive text: the one folding the importer's matching and the portal's search use.

Contract: ``fold(text)`` is ``text`` case-folded with its combining marks removed after compatibility
decomposition — «Asesoría Técnica» → «asesoria tecnica», «Ñuble» → «nuble», «ﬁnal» → «final». Spaces and
punctuation are kept; callers split or slug as they need. Idempotent: ``fold(fold(t)) == fold(t)``.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` folded (see module docstring)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
