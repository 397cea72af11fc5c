"""mkdocs-gen-files entry point (run by ``mkdocs build``, i.e. ``make docs``): writes every page that comes
from code, and the navigation (``SUMMARY.md``, read by mkdocs-literate-nav).

Generated pages (never committed, never edited by hand):

* ``referencia/cli.md`` — every command's ``--help`` (``ref_cli``);
* ``referencia/codigos.md`` — every stable code from its registry (``ref_codes``);
* ``referencia/ediciones/*.md`` — one page per methodology edition (``ref_editions``);
* ``referencia/tablas.md`` — tables and fields of the open-data bundle (``ref_bundle``);
* ``data-format-reference.md`` — re-rendered from the models by ``scripts/gen_data_format_doc.py`` (the
  one generator of that page; the committed copy is checked by ``tests/test_docs.py``);
* ``referencia/submission.schema.json`` — the JSON Schema of the data file;
* ``readme.md`` — the project README.

The nav lists the hand-written pages in a fixed order, then every other ``docs/*.md`` (a new page by any
engineer shows up without editing this file)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import nav  # noqa: E402
import ref_bundle  # noqa: E402
import ref_cli  # noqa: E402
import ref_codes  # noqa: E402
import ref_editions  # noqa: E402
import ref_schema  # noqa: E402


def main() -> None:
    import mkdocs_gen_files

    for path, text in nav.generated_pages().items():
        with mkdocs_gen_files.open(path, "w", encoding="utf-8") as out:
            out.write(text)
    with mkdocs_gen_files.open("SUMMARY.md", "w", encoding="utf-8") as out:
        out.write(nav.summary())
    for path in nav.generated_pages():
        if path.endswith(".md"):
            mkdocs_gen_files.set_edit_path(path, "gen/gen_pages.py")


__all__ = ["ref_bundle", "ref_cli", "ref_codes", "ref_editions", "ref_schema"]

main()
