"""HTML of a ficha with Jinja2, from the same ``SheetModel`` as the PDF.

Contract: ``render_html(model) -> str`` is a complete, self-contained page (``lang="es-CL"``, inline CSS
and SVG, no external URL, print CSS); ``render_html_fragment(model) -> str`` is the same ficha without the
``<html>`` shell for the web portal, with every CSS class namespaced ``ficha-…``. Tables have
``<caption>`` and ``<th scope>``; charts are inline SVG with ``role="img"`` and a text alternative that
carries the data. Autoescaping is on; only the chart SVG (built by ``sheet/charts.py`` with escaped text)
is inserted verbatim. Deterministic: the same model gives the same string."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from monitoreo.sheet.model import SheetModel


@cache
def environment() -> Environment:
    """The Jinja2 environment of the ficha templates (built once per process)."""
    return Environment(
        loader=PackageLoader("monitoreo.sheet", "templates"),
        autoescape=select_autoescape(enabled_extensions=("j2", "html"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(model: SheetModel) -> str:
    """The ficha as a standalone HTML page."""
    return environment().get_template("ficha.html.j2").render(model=model)


def render_html_fragment(model: SheetModel) -> str:
    """The ficha as an ``<article class="ficha">`` fragment (no ``<html>``, ``<head>`` or CSS)."""
    return environment().get_template("_fragment.html.j2").render(model=model)


def stylesheet() -> str:
    """The ficha CSS (for the portal, which embeds the fragment in its own page)."""
    loader = environment().loader
    assert loader is not None
    source, _, _ = loader.get_source(environment(), "ficha.css")
    return source
