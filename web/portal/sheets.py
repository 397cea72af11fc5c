"""The ficha of a stored ``Ficha`` row through the core's sheet package: HTML fragment and PDF.

Both are pure functions of (submission, evaluation), so they are cached by ``Ficha.content_hash``
(plus the sheet package version): the HTML fragment in Django's cache (per process, LocMem by default),
the PDF on disk under ``MONITOREO_CACHE_DIR/pdf/<hash>.pdf`` (written to a temp file and renamed).
When the sheet package is not installed yet, ``fragment`` returns ``None`` and ``pdf`` raises
``SheetUnavailableError``; the views then show a notice instead of the ficha."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.core.cache import cache
from programs.models import Ficha

from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission


class SheetUnavailableError(Exception):
    """The core's ``monitoreo.sheet`` cannot render this ficha."""


def _sheet_module() -> Any:
    """The core's ficha functions (``build_sheet``, ``render_html_fragment``, ``render_pdf``, ``stylesheet``)."""
    try:
        from monitoreo.sheet import build_sheet
        from monitoreo.sheet.html import render_html_fragment, stylesheet
        from monitoreo.sheet.pdf import render_pdf
    except ImportError:
        return None
    return SimpleNamespace(build_sheet=build_sheet, render_html_fragment=render_html_fragment,
                           render_pdf=render_pdf, stylesheet=stylesheet)


def _version(sheet: Any) -> str:
    import monitoreo.sheet

    return str(getattr(monitoreo.sheet, "__version__", "1"))


def _model(sheet: Any, ficha: Ficha) -> Any:
    submission = Submission.model_validate(ficha.submission)
    evaluation = Evaluation.model_validate(ficha.evaluation) if ficha.evaluation else None
    return sheet.build_sheet(submission, evaluation=evaluation)


def stylesheet() -> str:
    """The ficha CSS (``ficha-…`` classes), empty without the sheet package."""
    sheet = _sheet_module()
    return str(sheet.stylesheet()) if sheet is not None else ""


def fragment(ficha: Ficha) -> str | None:
    """The ficha's HTML fragment (cached), or ``None`` if the sheet package is absent."""
    sheet = _sheet_module()
    if sheet is None or not hasattr(sheet, "render_html_fragment"):
        return None
    key = f"ficha-html:{_version(sheet)}:{ficha.content_hash}"
    html: str | None = cache.get(key)
    if html is None:
        html = str(sheet.render_html_fragment(_model(sheet, ficha)))
        cache.set(key, html, timeout=None)
    return html


def pdf_path(ficha: Ficha) -> Path:
    """The cached PDF of ``ficha``, rendering it on first use."""
    sheet = _sheet_module()
    if sheet is None or not hasattr(sheet, "render_pdf"):
        raise SheetUnavailableError("El módulo de fichas (monitoreo.sheet) no está disponible.")
    directory = Path(settings.MONITOREO_CACHE_DIR) / "pdf"
    path = directory / f"{ficha.content_hash}-{_version(sheet)}.pdf"
    if path.exists():
        return path
    data: bytes = sheet.render_pdf(_model(sheet, ficha))
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    return path
