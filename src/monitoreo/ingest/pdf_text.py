"""Text of a PDF ficha: ``pdftotext -bbox -raw`` (Debian poppler-utils) when installed, turned into lines
and paragraphs by ``pdf_layout``; pypdfium2 otherwise (architecture guide §5; no paragraph breaks). Pages are separated by form feeds in both cases, so the parser knows the page of
each line. pypdfium2 turns a line-final «-» into U+FFFE; ``lines.split_lines`` restores it.

Contract: ``extract_text(data)`` returns ``(text, extractor)`` or raises ``PdfTextError`` with a Spanish
message; it never raises anything else for bad bytes."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field

from monitoreo.ingest.pdf_layout import metadata_from_bbox, text_from_bbox

PDFTOTEXT_ARGS = ("-bbox", "-raw", "-enc", "UTF-8", "-q")
TIMEOUT_SECONDS = 60


class PdfTextError(Exception):
    """The PDF's text could not be extracted."""


@dataclass(frozen=True)
class PdfText:
    """Extracted text, the extractor's name (``pdftotext`` or ``pypdfium2``) and the document metadata."""

    text: str
    extractor: str
    metadata: dict[str, str] = field(default_factory=dict)


def extract_text(data: bytes, prefer: str = "auto") -> PdfText:
    """Text of the PDF ``data`` (see module docstring)."""
    if not data.startswith(b"%PDF"):
        raise PdfTextError("no es un PDF (falta la firma %PDF)")
    if prefer in ("auto", "pdftotext") and shutil.which("pdftotext"):
        try:
            return _pdftotext(data)
        except PdfTextError:
            if prefer == "pdftotext":
                raise
    return _pdfium(data)


def _pdftotext(data: bytes) -> PdfText:
    try:
        done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            ["pdftotext", *PDFTOTEXT_ARGS, "-", "-"], input=data, capture_output=True, timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PdfTextError(f"pdftotext falló ({exc})") from None
    if done.returncode != 0:
        raise PdfTextError(f"pdftotext terminó con código {done.returncode}")
    try:
        xhtml = done.stdout.decode("utf-8")
        return PdfText(text_from_bbox(xhtml), "pdftotext", metadata_from_bbox(xhtml))
    except UnicodeDecodeError:
        raise PdfTextError("pdftotext entregó texto que no es UTF-8") from None


def _pdfium(data: bytes) -> PdfText:
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            info = pdf.get_metadata_dict(skip_empty=True)
            metadata = {k.lower(): str(v) for k, v in info.items() if k in ("Title", "Author")}
            pages = []
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            pdf.close()
    except Exception as exc:  # noqa: BLE001 - pdfium raises several types for broken files
        raise PdfTextError(f"pypdfium2 no pudo leer el PDF ({type(exc).__name__}: {exc})") from None
    return PdfText("\f".join(str(p) for p in pages), "pypdfium2", metadata)
