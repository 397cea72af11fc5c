"""axe-core in Chromium (issue 14): the public pages and both seed HTML fichas have zero violations of the
WCAG 2 A/AA, WCAG 2.1 AA and best-practice rules, at 1280 px and at 390 px.

axe-core is the ``axe.min.js`` shipped inside the ``axe-playwright-python`` wheel (the ``dev`` extra): it is
installed with the project, never downloaded at run time. Debian's Chromium, as in ``test_browser``."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from monitoreo.domain import Submission
from monitoreo.sheet import build_sheet
from monitoreo.sheet.html import render_html
from tests.web.conftest import S20_ID, S23_ID

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]
VIEWPORTS = {"escritorio": {"width": 1280, "height": 900}, "movil": {"width": 390, "height": 844}}
PAGES = [
    "/",
    "/?q=programa&hallazgos=alguno",
    f"/programas/{S23_ID}/",
    f"/programas/{S20_ID}/",
    "/panorama/",
    f"/comparar/?ids={S23_ID},{S20_ID}",
    "/comparar/",
    "/cuentas/ingresar/",
    "/no-existe/",
]


def axe_script() -> str:
    """axe-core from the installed wheel; its absence fails in CI and skips elsewhere (like Chromium)."""
    try:
        return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI sin axe-core: instale el extra dev (pip install -e '.[dev]')")
        pytest.skip("axe-core no está instalado (pip install -e '.[dev]')")


def violations(page: Any) -> list[str]:
    """axe-core's violations on ``page`` as «rule: target…» lines (empty when there are none)."""
    page.evaluate(axe_script())
    result = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]},
    )
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_public_pages_have_no_axe_violation(demo_server: dict[str, Any], browser: Any, viewport: str) -> None:
    page = browser.new_page(viewport=VIEWPORTS[viewport])
    found = {}
    try:
        synthetic = page.context.request.get(demo_server["url"] + "programas.json?datos=demostracion").json()
        pages = [*PAGES, synthetic["results"][0]["url"]]
        for path in pages:
            page.goto(demo_server["url"] + path.lstrip("/"))
            problems = violations(page)
            if problems:
                found[path] = problems
    finally:
        page.close()
    assert found == {}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_seed_html_fichas_have_no_axe_violation(
    browser: Any, s20: Submission, s23: Submission, tmp_path: Path, viewport: str
) -> None:
    page = browser.new_page(viewport=VIEWPORTS[viewport])
    found = {}
    try:
        for sub in (s20, s23):
            path = tmp_path / f"{sub.id}.html"
            path.write_text(render_html(build_sheet(sub)), encoding="utf-8")
            page.goto(path.as_uri())
            problems = violations(page)
            if problems:
                found[sub.id] = problems
    finally:
        page.close()
    assert found == {}
