"""PDF of a ficha with Typst (docs/ficha-rendering.md «PDF (Typst)»).

Contract: ``render_pdf(model) -> bytes`` lays out a ``SheetModel`` with ``templates/ficha.typ``; the same
model gives byte-identical PDFs (the creation date is the model's publication date in America/Santiago
with its UTC offset; a ficha with no publication date has no date in its metadata). Only the fonts shipped in ``sheet/fonts/`` are used (``ignore_system_fonts=True``) and
any Typst warning — a font fallback above all — raises ``RenderError``: a ficha is never published with a
substituted font. One ``typst.Compiler`` is built per process, from the template's file path (a Compiler
built from bytes fails on its second compile in typst-py 0.15), and reused; the data goes in ``sys_inputs``.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import typst

from monitoreo.errors import MonitoreoError
from monitoreo.sheet.model import SheetModel

_PACKAGE = resources.files("monitoreo.sheet")
TEMPLATE = Path(str(_PACKAGE.joinpath("templates/ficha.typ")))
FONTS = Path(str(_PACKAGE.joinpath("fonts")))
_LOCK = threading.Lock()
# Without a publication date Typst still needs a fixed clock for deterministic bytes (the file ID); the
# template then writes no date (``date: none``), so this epoch never reaches the metadata.
_NO_DATE = datetime(1970, 1, 1, tzinfo=UTC)
PUBLICATION_ZONE = ZoneInfo("America/Santiago")  # fichas are published in Chile: dates are Santiago time


class RenderError(MonitoreoError):
    """Typst failed or warned while laying out a ficha."""

    code = "render.E001"


@cache
def compiler() -> Any:
    """This process's Typst compiler (fonts are loaded once, here)."""
    return typst.Compiler(
        str(TEMPLATE), root=str(TEMPLATE.parent), font_paths=[str(FONTS)], ignore_system_fonts=True
    )


def timestamp(model: SheetModel) -> datetime | None:
    """The PDF's creation date: the publication moment in America/Santiago with that day's UTC offset
    (−04:00 or −03:00), as a fixed-offset datetime (what Typst writes into the PDF and XMP metadata). A
    naive publication date is Santiago wall time, as the ficha prints it («24 de Abril de 2024 17:51»).
    ``None`` without a publication date: the template then writes no date at all (never 1970)."""
    if model.published_at_iso is None:
        return None
    moment = datetime.fromisoformat(model.published_at_iso)
    local = (
        moment.replace(tzinfo=PUBLICATION_ZONE)
        if moment.tzinfo is None
        else moment.astimezone(PUBLICATION_ZONE)
    )
    offset = local.utcoffset()
    assert offset is not None
    return local.replace(tzinfo=timezone(offset))


def render_pdf(model: SheetModel) -> bytes:
    """The ficha as PDF bytes; ``RenderError`` on any Typst error or warning."""
    data = model.model_dump_json()
    with _LOCK:  # one compiler per process: serialise callers from threads
        try:
            pdf, warnings = compiler().compile_with_warnings(
                format="pdf", sys_inputs={"data": data}, timestamp=timestamp(model) or _NO_DATE
            )
        except typst.TypstError as exc:
            raise RenderError(f"{model.submission_id}: Typst falló: {exc.message}") from None
    if warnings:
        messages = "; ".join(str(getattr(w, "message", w)) for w in warnings)
        raise RenderError(f"{model.submission_id}: Typst advirtió (p. ej. fuente sustituida): {messages}")
    if not isinstance(pdf, bytes):
        raise RenderError(f"{model.submission_id}: Typst no devolvió un PDF")
    return pdf
