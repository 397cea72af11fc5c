"""HTML: semantic, accessible, self-contained, from the same model as the PDF."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from monitoreo.sheet import SheetModel
from monitoreo.sheet.html import render_html, render_html_fragment

VOID = {"meta", "br", "link", "img", "input", "hr", "rect", "circle", "line", "path"}


class _Checker(HTMLParser):
    """Collects tags, attributes and text, and checks that elements nest and close."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, checker.stack
    return checker


def test_page_is_well_formed_and_spanish(m23: SheetModel) -> None:
    html = render_html(m23)
    doc = parse(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="es-CL">')
    assert doc.tags[0] == ("html", {"lang": "es-CL"})
    assert "<title>Programa de Alianzas Productivas" in html


def test_tables_have_captions_and_scoped_headers(m23: SheetModel, m20: SheetModel) -> None:
    for model in (m23, m20):
        doc = parse(render_html(model))
        tables = [a for t, a in doc.tags if t == "table"]
        captions = [t for t, _ in doc.tags if t == "caption"]
        assert len(tables) == len(model.tables()) == len(captions)
        th = [a for t, a in doc.tags if t == "th"]
        assert th and all(a.get("scope") in {"col", "colgroup", "row"} for a in th)
        assert any(a.get("scope") == "row" for a in th)


def test_charts_are_inline_svg_with_text_alternative(m23: SheetModel) -> None:
    # (was on S20, whose population chart is all S/I and is now a sentence instead: issue #14)
    doc = parse(render_html(m23))
    svgs = [a for t, a in doc.tags if t == "svg"]
    assert len(svgs) == len(m23.charts()) == 3
    assert all(
        a.get("role") == "img" and a.get("aria-label") and a.get("viewbox") for a in svgs
    )  # (attribute names come lower-cased)
    assert any("cobertura 25,5%" in (a.get("aria-label") or "") for a in svgs)


def test_empty_population_chart_is_a_sentence_without_orphan_legend(m20: SheetModel) -> None:
    html = render_html(m20)
    assert [c.id for c in m20.charts()] == ["grafico-ejecucion"]
    assert (
        "<strong>Población objetivo y beneficiada por año:</strong> sin datos para graficar: no se informa la "
        "población objetivo ni la beneficiada de 2019 y 2020."
    ) in html
    assert "Barra azul" not in html and "Punto rojo" not in html


def test_total_rows_are_bold_including_their_row_header() -> None:
    # `.ficha-table tbody th {font-weight: normal}` used to outrank `.ficha-total th` (the «Total» label)
    from monitoreo.sheet.html import stylesheet

    css = stylesheet()
    assert (
        ".ficha-table tbody .ficha-total th, .ficha-table tbody .ficha-total td { font-weight: bold; }" in css
    )


def test_captions_sit_outside_the_scroll_box(m23: SheetModel) -> None:
    html = render_html(m23)
    visible = html.index('<p class="ficha-caption" aria-hidden="true">Inflactores:</p>')
    box = html.index(
        '<div class="ficha-table-wrap" role="region" tabindex="0" aria-labelledby="ficha-inflactores-caption">'
    )
    assert (
        visible
        < box
        < html.index('<caption class="ficha-sr-only" id="ficha-inflactores-caption">Inflactores:</caption>')
    )
    assert html.count("Deslice la tabla hacia el lado") == sum(len(t.columns) > 4 for t in m23.tables()) > 0


def test_self_contained_no_external_urls(m23: SheetModel, m20: SheetModel) -> None:
    for model in (m23, m20):
        html = render_html(model)
        urls = re.findall(r"(?:https?:)?//[\w.-]+[^\s\"'<>)]*", html)
        assert set(urls) <= {"http://www.w3.org/2000/svg"}  # the SVG namespace, never fetched
        doc = parse(html)
        assert not [t for t, a in doc.tags if t in {"script", "link", "img", "iframe"}]
        assert "url(" not in html and "@import" not in html
        assert "@media print" in html


def test_fragment_is_embeddable(m23: SheetModel) -> None:
    fragment = render_html_fragment(m23)
    doc = parse(fragment)
    tags = {t for t, _ in doc.tags}
    assert not tags & {"html", "head", "body", "style", "meta"}  # (<title> only inside the SVG charts)
    assert doc.tags[0] == ("article", {"class": "ficha", "lang": "es-CL", "id": "ficha-alianzas-productivas"})
    classes = {c for _, a in doc.tags for c in (a.get("class") or "").split()}
    assert classes and all(c.startswith("ficha") for c in classes)
    assert fragment in render_html(m23)


def test_html_has_the_seed_figures(m23: SheetModel, m20: SheetModel) -> None:
    text23 = " ".join(parse(render_html(m23)).text)
    for figure in (
        "25,5%",
        "704,1",
        "4.219.214",
        "1,1722",
        "2.094,6",
        "24 de Abril de 2024 17:51",
        "Sin hallazgos en la dimensión de focalización.",
    ):
        assert figure in text23
    text20 = " ".join(parse(render_html(m20)).text)
    for figure in ("36%", "24%", "Mejora no significativamente", "S/I: Valor no informado."):
        assert figure in text20


def test_sections_follow_the_model(m20: SheetModel) -> None:
    doc = parse(render_html(m20))
    ids = [a["id"] for t, a in doc.tags if t == "section" and a.get("id")]
    assert ids == [f"ficha-{k}" for k in m20.section_keys]


def test_html_is_escaped(m23: SheetModel) -> None:
    title = m23.title.model_copy(update={"program": "<script>alert(1)</script> & «Ñ»"})
    html = render_html(m23.model_copy(update={"title": title}))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; «Ñ»" in html


def test_deterministic(m23: SheetModel) -> None:
    assert render_html(m23) == render_html(m23)


def test_cell_paragraphs_are_p_elements(m20: SheetModel, m23: SheetModel) -> None:
    """R4: a cell with several paragraphs prints one <p> each; cells with one paragraph have no <p>."""
    html = render_html_fragment(m20)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html, re.DOTALL)
    with_p = [c for c in cells if "<p" in c]
    assert len(with_p) == 1
    assert re.findall(r"<p class=\"ficha-p\">(.{20})", with_p[0]) == [
        "La menor ejecución p",
        "El programa no repor",
    ]
    assert not any(
        "<p" in c for c in re.findall(r"<td[^>]*>(.*?)</td>", render_html_fragment(m23), re.DOTALL)
    )
