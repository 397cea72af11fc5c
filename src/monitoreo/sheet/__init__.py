"""The ficha: one view model (``build_sheet``) laid out as HTML (Jinja2) and PDF (Typst), with SVG charts.

Public API (stable names, used by the web portal and the importer):
``build_sheet(submission, evaluation=None, metrics=None) -> SheetModel``, ``render_html(model) -> str``,
``render_html_fragment(model) -> str``, ``render_pdf(model) -> bytes`` and
``render_batch(paths, out, formats, workers, progress=None) -> BatchResult``. See ``docs/ficha-rendering.md``."""

from __future__ import annotations

from monitoreo.sheet.batch import BatchResult, FileOutcome, render_batch
from monitoreo.sheet.build import build_sheet
from monitoreo.sheet.html import render_html, render_html_fragment, stylesheet
from monitoreo.sheet.model import SheetModel
from monitoreo.sheet.pdf import RenderError, render_pdf

__all__ = [
    "BatchResult",
    "FileOutcome",
    "RenderError",
    "SheetModel",
    "build_sheet",
    "render_batch",
    "render_html",
    "render_html_fragment",
    "render_pdf",
    "stylesheet",
]
