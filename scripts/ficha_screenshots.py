"""Screenshots of the two seed HTML fichas at 1280 px and 390 px (Debian Chromium, headless) and their PDF
pages at 60 dpi (``pdftoppm``), for docs/ficha-rendering.md: ``python scripts/ficha_screenshots.py [OUT_DIR]``
(default ``docs/img``)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from monitoreo.io import read_submission
from monitoreo.sheet import build_sheet, render_html, render_pdf

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    "2023": ROOT / "examples/seeds/alianzas-productivas-2023.yaml",
    "2020": ROOT / "examples/seeds/internacionalizacion-pymes-2020.yaml",
}
WIDTHS = (1280, 390)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for edition, path in SEEDS.items():
            model = build_sheet(read_submission(path))
            page_file = Path(tmp) / f"ficha-{edition}.html"
            page_file.write_text(render_html(model), encoding="utf-8")
            pdf_file = Path(tmp) / f"ficha-{edition}.pdf"
            pdf_file.write_bytes(render_pdf(model))
            subprocess.run(
                ["pdftoppm", "-r", "60", "-png", str(pdf_file), str(out / f"ficha-{edition}-pdf")], check=True
            )
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(page_file.as_uri())
                target = out / f"ficha-{edition}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                page.close()
                print(target)
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/img")
