"""The site builds in strict mode (a broken link, a missing page or a stray file fails), offline, and its
navigation holds every page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_every_docs_page_is_in_the_nav() -> None:
    import nav

    summary = nav.summary()
    pages = [p.name for p in (ROOT / "docs").glob("*.md")]
    assert [p for p in pages if f"]({p})" not in summary] == []
    assert all(f"]({path})" in summary for path in nav.generated_pages() if path.endswith(".md"))


@pytest.mark.slow
def test_mkdocs_build_strict_succeeds_offline(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    site = tmp_path / "site"
    for page in (
        "index.html",
        "guia-evaluador.html",
        "referencia/cli.html",
        "referencia/codigos.html",
        "referencia/ediciones/2025.html",
        "search/search_index.json",
    ):
        assert (site / page).is_file(), page
    # nothing is fetched at view time: no web fonts, no external scripts or stylesheets
    html = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert re.findall(r'<(?:script|link)[^>]+(?:src|href)="https?://', html) == []
