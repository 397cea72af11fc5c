"""``SheetModel``: everything a ficha shows, already decided and formatted (docs/architecture.md «The flow of one ficha»).

``build_sheet`` (``sheet/build.py``) fills it once per ficha; the HTML (Jinja2) and PDF (Typst) templates
only lay it out. Every text is final: numbers are es-CL strings («4.219.214», «25,5%»), codes print as
themselves («S/I», «-»), headings and labels are the edition's wording. The layout of an edition is the
*list of sections* it has — templates never branch on the edition.

The model is plain data (pydantic, frozen) so it serialises to JSON for Typst (``sys_inputs``), for the
web portal and for tests. Blocks are a tagged union on ``kind``:

``heading``   a sub-heading inside a section (``level`` 2 or 3)
``paragraph`` running text, optionally led by a bold ``label`` («Descripción:»)
``fields``    label-led lines «Año de inicio: 2007», each optionally followed by detail lines
``list``      bullet list
``table``     header rows + body rows of ``Cell`` (with colspan/rowspan), caption and notes
``chart``     an SVG string (shared by both outputs) with its text alternative
``notes``     footnotes printed small under a table or chart («1 La ejecución presupuestaria…»)
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Align = Literal["left", "right", "center"]


class Cell(_Model):
    """One table cell. ``sup`` is a footnote marker printed as superscript after the text
    («Presupuesto Inicial²»); ``lines`` are extra lines of the same paragraph (indicator attributes, line
    breaks only); ``paragraphs`` are further paragraphs of the cell, printed after the first one (``text``
    + ``lines``) with paragraph spacing (2020 «OBSERVACIONES EVALUADOR(ES)» of several paragraphs)."""

    text: str = ""
    sup: str | None = None
    colspan: int = 1
    rowspan: int = 1
    align: Align | None = None
    lines: list[str] = Field(default_factory=list)
    paragraphs: list[str] = Field(default_factory=list)


class Row(_Model):
    """A table row; ``kind`` ``total`` rows print bold («Total Ejecutado», «TOTAL»)."""

    cells: list[Cell]
    kind: Literal["body", "total"] = "body"


class Heading(_Model):
    kind: Literal["heading"] = "heading"
    text: str
    level: int = 2
    sup: str | None = None


class Paragraph(_Model):
    kind: Literal["paragraph"] = "paragraph"
    text: str
    label: str | None = None
    style: Literal["normal", "small"] = "normal"


class FieldLine(_Model):
    """«label: value» on one line, then ``details`` lines («2020: Recomendado favorablemente»)."""

    label: str
    value: str
    details: list[str] = Field(default_factory=list)


class Fields(_Model):
    kind: Literal["fields"] = "fields"
    items: list[FieldLine]


class BulletList(_Model):
    kind: Literal["list"] = "list"
    items: list[str]


class Table(_Model):
    """A data table. ``columns`` are relative widths (one per column), fitted by ``build_sheet`` so that no
    column is narrower than its widest number or word (``sheet/columns.py``); ``align`` the default alignment
    per column; ``header`` rows repeat on each PDF page; ``row_header`` marks the first column as the
    row's header cell (``<th scope="row">``)."""

    kind: Literal["table"] = "table"
    id: str
    caption: str
    caption_sup: str | None = None
    columns: list[float]
    align: list[Align]
    header: list[Row]
    rows: list[Row]
    row_header: bool = True
    dense: bool = Field(default=False, description="Wide table: printed with a smaller font.")
    reflow: bool = Field(
        default=False,
        description=(
            "Text table: on a narrow screen (HTML) each row prints as a block «COLUMNA: texto» instead of a "
            "grid that scrolls sideways (2020 results table: its evaluators' column would sit off screen)."
        ),
    )


class Chart(_Model):
    """An SVG chart; ``description`` is its text alternative with the data («2021: S/I; 2022: 27,4%…»)."""

    kind: Literal["chart"] = "chart"
    id: str
    title: str
    title_sup: str | None = None
    svg: str
    description: str
    legend: list[str] = Field(default_factory=list)
    width_cm: float = 8.0


class Note(_Model):
    marker: str
    text: str


class Notes(_Model):
    """Footnotes: ``marker`` + text («1», «*», «**»)."""

    kind: Literal["notes"] = "notes"
    items: list[Note]


Block = Annotated[
    Heading | Paragraph | Fields | BulletList | Table | Chart | Notes, Field(discriminator="kind")
]


class Section(_Model):
    """A section of the ficha. ``key`` names the template partial (``_<key>.html.j2``) and the CSS id;
    ``title`` is the printed heading (None for the title block and the 2020 code legend)."""

    key: str
    title: str | None
    level: int = Field(
        default=1, description="1 = numbered section («III. …»); 2 = sub-section («COMPONENTES»)."
    )
    blocks: list[Block] = Field(default_factory=list)


class TitleBlock(_Model):
    """The four lines at the top of every ficha."""

    process: str
    program: str
    service: str
    ministry: str


class SheetModel(_Model):
    """One ficha, ready to lay out. ``sections`` is the edition's layout, in printed order."""

    submission_id: str
    edition: int
    lang: Literal["es-CL"] = "es-CL"
    document_title: str = Field(description="Título de los metadatos del PDF y de <title>.")
    author: str = Field(description="Servicio responsable (autor de los metadatos).")
    title: TitleBlock
    sections: list[Section]
    page_label: str = Field(default="Página {page} de {total}", description="Pie de página.")
    published_at_iso: str | None = Field(
        default=None, description="Fecha de publicación (ISO), sello del PDF."
    )
    notice: str | None = Field(
        default=None,
        description="Aviso bajo el título (datos de demostración ficticios), o None en una ficha real.",
    )

    def section(self, key: str) -> Section:
        """The section ``key``; ``KeyError`` when this edition's layout has none."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    @property
    def section_keys(self) -> list[str]:
        return [s.key for s in self.sections]

    def tables(self) -> list[Table]:
        """Every table, in printed order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def table(self, table_id: str) -> Table:
        for table in self.tables():
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def charts(self) -> list[Chart]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]
