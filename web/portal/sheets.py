"""The ficha of a stored ``Ficha`` row through the core's sheet package: HTML fragment and PDF.

Both are pure functions of (submission, evaluation) and of the renderer, so they are cached by
``Ficha.content_hash`` plus ``monitoreo.sheet.fingerprint`` (the package version and a hash of the
templates and fonts, so a template change never serves an old ficha): the HTML fragment in Django's
cache (per process, LocMem by default), the PDF on disk under ``MONITOREO_CACHE_DIR/pdf/`` (written
atomically, ``monitoreo.io.atomic``). ``SheetUnavailableError`` is raised when the core cannot render
this ficha (a ``RenderError``); the views then show a notice instead of the PDF."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from programs.models import Ficha

from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.io import atomic
from monitoreo.sheet import SheetModel, build_sheet
from monitoreo.sheet.fingerprint import fingerprint
from monitoreo.sheet.html import render_html_fragment
from monitoreo.sheet.html import stylesheet as sheet_stylesheet
from monitoreo.sheet.pdf import RenderError, render_pdf


class SheetUnavailableError(Exception):
    """The core's ``monitoreo.sheet`` cannot render this ficha."""


def _model(ficha: Ficha) -> SheetModel:
    submission = Submission.model_validate(ficha.submission)
    evaluation = Evaluation.model_validate(ficha.evaluation) if ficha.evaluation else None
    return build_sheet(submission, evaluation=evaluation)


def stylesheet() -> str:
    """The ficha CSS (``ficha-…`` classes)."""
    return sheet_stylesheet()


def fragment(ficha: Ficha) -> str | None:
    """The ficha's HTML fragment (cached)."""
    key = f"ficha-html:{fingerprint()}:{ficha.content_hash}"
    html: str | None = cache.get(key)
    if html is None:
        html = render_html_fragment(_model(ficha))
        cache.set(key, html, timeout=None)
    return html


def pdf_path(ficha: Ficha) -> Path:
    """The cached PDF of ``ficha``, rendering it on first use."""
    directory = Path(settings.MONITOREO_CACHE_DIR) / "pdf"
    path = directory / f"{ficha.content_hash}-{fingerprint()}.pdf"
    if path.exists():
        return path
    try:
        data = render_pdf(_model(ficha))
    except RenderError as exc:
        raise SheetUnavailableError(str(exc)) from None
    directory.mkdir(parents=True, exist_ok=True)
    atomic.write_bytes(path, data)
    return path
