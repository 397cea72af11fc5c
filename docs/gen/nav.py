"""The site's pages that come from code and its navigation. Pure functions of the repository, so tests can
check them without building the site."""

from __future__ import annotations

from pathlib import Path

import ref_bundle
import ref_cli
import ref_codes
import ref_editions
import ref_schema

DOCS = Path(__file__).resolve().parents[1]
ROOT = DOCS.parent

#: Hand-written pages in nav order: (section, title, file). ``None`` section = top level.
GUIDES = [
    ("Guía del evaluador", "guia-evaluador.md"),
    ("Guía del servicio", "guia-servicio.md"),
    ("Datos abiertos", "datos-abiertos.md"),
]
REFERENCE_TAIL = [
    ("Formato del archivo de datos (en)", "data-format.md"),
    ("Campos del archivo de datos (en)", "data-format-reference.md"),
    ("Métricas (en)", "metrics.md"),
    ("¿De dónde sale este número?", "explanations.md"),
    ("Glosario (en)", "glossary.md"),
]
ENGINEERING = [
    ("README", "readme.md"),
    ("Architecture", "architecture.md"),
    ("Contributing", "contributing.md"),
    ("Methodology engine", "methodology-engine.md"),
    ("Edition 2025", "edition-2025.md"),
]


#: Pages by other engineers that a guide links to once they exist (strict mode fails on a link to a missing
#: page, so the link is added at build time): guide -> [(page, sentence)].
RELATED = {
    "datos-abiertos.md": [
        ("open-data.md", "Detalles técnicos del paquete (en inglés): [Open data](open-data.md).")
    ],
    "guia-evaluador.md": [
        ("ficha-import.md", "Importación de fichas en detalle (en inglés): [Ficha import](ficha-import.md)."),
        ("ficha-rendering.md", "Cómo se genera la ficha (en inglés): [Ficha rendering](ficha-rendering.md)."),
        ("web-portal.md", "El portal web (en inglés): [Web portal](web-portal.md)."),
    ],
}


def with_related(page: str) -> str | None:
    """``page`` with a «Más información» section linking the related pages that exist, or None if none do."""
    links = [text for target, text in RELATED.get(page, []) if (DOCS / target).is_file()]
    if not links:
        return None
    body = (DOCS / page).read_text(encoding="utf-8").rstrip()
    return body + "\n\n## Más información\n\n" + "\n".join(f"- {t}" for t in links) + "\n"


def generated_pages() -> dict[str, str]:
    """``{path under docs/: content}`` of every generated file."""
    pages = {
        "readme.md": (ROOT / "README.md").read_text(encoding="utf-8"),
        "referencia/cli.md": ref_cli.render(),
        "referencia/codigos.md": ref_codes.render(),
        "referencia/tablas.md": ref_bundle.render(),
        "referencia/submission.schema.json": ref_schema.json_schema(),
        "data-format-reference.md": ref_schema.data_format_reference(),
    }
    pages.update({f"referencia/ediciones/{name}": text for name, text in ref_editions.pages().items()})
    for page in RELATED:
        extended = with_related(page)
        if extended is not None:
            pages[page] = extended
    return pages


def title(path: Path) -> str:
    """First level-1 heading of a Markdown file, else its name."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def other_pages() -> list[str]:
    """Every ``docs/*.md`` not placed elsewhere in the nav (new pages by other engineers), sorted."""
    placed = {f for _, f in GUIDES + REFERENCE_TAIL + ENGINEERING} | {"index.md"}
    return sorted(p.name for p in DOCS.glob("*.md") if p.name not in placed)


def summary() -> str:
    """``SUMMARY.md`` for mkdocs-literate-nav."""
    editions = [f"        * [{e}](referencia/ediciones/{e}.md)" for e in ref_editions.known_editions()]
    lines = [
        "* [Inicio](index.md)",
        "* Guías",
        *[f"    * [{t}]({f})" for t, f in GUIDES],
        "* Referencia",
        "    * [Línea de comandos](referencia/cli.md)",
        "    * [Catálogo de códigos](referencia/codigos.md)",
        "    * Ediciones de la metodología",
        "        * [Resumen](referencia/ediciones/index.md)",
        *editions,
        "    * [Tablas de datos abiertos](referencia/tablas.md)",
        *[f"    * [{t}]({f})" for t, f in REFERENCE_TAIL],
        "* Engineering",
        *[f"    * [{t}]({f})" for t, f in ENGINEERING],
        *[f"    * [{title(DOCS / f)}]({f})" for f in other_pages()],
    ]
    return "\n".join(lines) + "\n"
