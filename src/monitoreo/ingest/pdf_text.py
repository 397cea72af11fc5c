"""Text of a PDF ficha: pypdfium2's character boxes grouped into words (``pdf_words``), then into lines
and paragraphs (``pdf_layout``); no system tool is needed. Pages are separated by form feeds, so the parser
knows the page of each line (docs/ficha-import.md «How it reads»).

Contract: ``extract_text(data)`` returns a ``PdfText`` or raises ``PdfTextError`` with a Spanish message;
it never raises anything else for bad bytes."""

from __future__ import annotations

from dataclasses import dataclass, field

from monitoreo.ingest.pdf_layout import text_from_words
from monitoreo.ingest.pdf_words import PdfTextError, read_words

__all__ = ["EXTRACTOR", "PdfText", "PdfTextError", "extract_text"]

EXTRACTOR = "pypdfium2"


@dataclass(frozen=True)
class PdfText:
    """Extracted text, the extractor's name (``pypdfium2``, or ``text`` for a text file) and the
    document metadata (title and author, which keep the casing the printed heading loses)."""

    text: str
    extractor: str
    metadata: dict[str, str] = field(default_factory=dict)


def extract_text(data: bytes, prefer: str = EXTRACTOR) -> PdfText:
    """Text of the PDF ``data`` (see module docstring). ``prefer`` is kept for callers that named the
    extractor; pypdfium2 is the only one."""
    if not data.startswith(b"%PDF"):
        raise PdfTextError("no es un PDF (falta la firma %PDF)")
    pages, metadata = read_words(data)
    return PdfText(text_from_words(pages), EXTRACTOR, metadata)
