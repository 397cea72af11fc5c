"""Text of a PDF ficha: ``pdftotext -bbox -raw`` (Debian poppler-utils) when installed, turned into lines
and paragraphs by ``pdf_layout``; pypdfium2 otherwise (architecture guide §5; no paragraph breaks). Pages are separated by form feeds in both cases, so the parser knows the page of
each line. pypdfium2 turns a line-final «-» into U+FFFE; ``lines.split_lines`` restores it.

Contract: ``extract_text(data)`` returns ``(text, extractor)`` or raises ``PdfTextError`` with a Spanish
message; it never raises anything else for bad bytes."""

from __future__ import annotations

import shutil
import subprocess

from monitoreo.ingest.pdf_layout import text_from_bbox

PDFTOTEXT_ARGS = ("-bbox", "-raw", "-enc", "UTF-8", "-q")
TIMEOUT_SECONDS = 60


class PdfTextError(Exception):
    """The PDF's text could not be extracted."""


def extract_text(data: bytes, prefer: str = "auto") -> tuple[str, str]:
    """Text of the PDF ``data`` and the name of the extractor used (``pdftotext`` or ``pypdfium2``)."""
    if not data.startswith(b"%PDF"):
        raise PdfTextError("no es un PDF (falta la firma %PDF)")
    if prefer in ("auto", "pdftotext") and shutil.which("pdftotext"):
        try:
            return _pdftotext(data), "pdftotext"
        except PdfTextError:
            if prefer == "pdftotext":
                raise
    return _pdfium(data), "pypdfium2"


def _pdftotext(data: bytes) -> str:
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
        return text_from_bbox(done.stdout.decode("utf-8"))
    except UnicodeDecodeError:
        raise PdfTextError("pdftotext entregó texto que no es UTF-8") from None


def _pdfium(data: bytes) -> str:
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
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
    return "\f".join(str(p) for p in pages)
