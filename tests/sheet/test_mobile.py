"""The HTML ficha on a 390 px phone and a 1280 px screen, in Chromium (issue #14): chart text ≥ 11 px,
captions and the 2020 evaluators' column on screen, a sticky first column, bold totals, no page-wide
horizontal scroll."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from monitoreo.sheet import SheetModel
from monitoreo.sheet.html import render_html
from tests import browser as browser_support

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MEASURE = """() => {
  const texts = [...document.querySelectorAll('svg text')].map(t =>
    parseFloat(t.getAttribute('font-size')) * t.ownerSVGElement.getScreenCTM().a);
  const right = sel => [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect().right);
  const totals = [...document.querySelectorAll('tr.ficha-total > *')].map(e => getComputedStyle(e).fontWeight);
  return {pageWidth: document.documentElement.scrollWidth, minText: Math.min(...texts),
          captions: right('.ficha-caption'), reflowCells: right('.ficha-table--reflow td'),
          charts: [...document.querySelectorAll('.ficha-chart svg')].map(s => s.getBoundingClientRect().width),
          totals};
}"""
STICKY = """() => {
  const wrap = document.querySelector('.ficha-table-wrap--wide');
  const head = wrap.querySelector('tbody th[scope=row]');
  const before = head.getBoundingClientRect().left;
  wrap.scrollLeft = 400;
  return {scrolled: wrap.scrollLeft, before, after: head.getBoundingClientRect().left,
          hint: getComputedStyle(wrap.nextElementSibling).display};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with browser_support.chromium() as b:
        yield b


def _open(browser: Any, model: SheetModel, width: int, tmp: Path) -> Any:
    path = tmp / f"{model.submission_id}.html"
    path.write_text(render_html(model), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize("edition", ["m23", "m20"])
def test_phone_390(browser: Any, edition: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    model: SheetModel = request.getfixturevalue(edition)
    page = _open(browser, model, 390, tmp_path)
    got = page.evaluate(MEASURE)
    assert got["pageWidth"] <= 390
    assert got["minText"] >= 11.0, got["minText"]
    assert got["captions"] and max(got["captions"]) <= 390
    assert all(w == "700" for w in got["totals"]) and got["totals"]
    if edition == "m20":  # the results table reflows: the evaluators' column is on screen
        assert len(got["reflowCells"]) == 6 and max(got["reflowCells"]) <= 390
    sticky = page.evaluate(STICKY)
    assert sticky["scrolled"] > 0 and sticky["hint"] == "block"
    assert abs(sticky["after"] - sticky["before"]) < 1  # the row label stayed put while the table scrolled
    page.close()


def test_desktop_1280(browser: Any, m23: SheetModel, tmp_path: Path) -> None:
    page = _open(browser, m23, 1280, tmp_path)
    got = page.evaluate(MEASURE)
    assert got["pageWidth"] <= 1280 and got["minText"] >= 11.0
    assert got["charts"] and max(got["charts"]) <= 417  # 100 % wide up to 26rem
    assert page.evaluate("getComputedStyle(document.querySelector('.ficha-scroll-hint')).display") == "none"
    page.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("edition", ["m23", "m20"])
def test_standalone_ficha_has_no_axe_violations(
    browser: Any, edition: str, width: int, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """axe-core on the standalone HTML ficha (issue #14 found landmark-one-main, region, empty-table-header).
    Runs where the axe-core package of the portal's accessibility tests is installed."""
    axe = pytest.importorskip("axe_playwright_python")
    script = (Path(axe.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    page = _open(browser, request.getfixturevalue(edition), width, tmp_path)
    page.evaluate(script)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    page.close()
