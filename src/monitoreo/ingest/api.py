"""Import a published ficha (text or PDF) into a ``Submission``.

Contract:

* ``parse_ficha_text(text, source)`` is pure: it detects the edition from the heading «MONITOREO Y
  SEGUIMIENTO OFERTA PÚBLICA <año>», reads the text with that edition's layout parser and returns an
  ``ImportResult``. The submission is ``None`` exactly when an ``import.E0nn`` issue was recorded; ``W``
  issues list every field that could not be read or had to be guessed. It never raises for bad text.
* ``import_ficha(path)`` reads a ``.txt`` (UTF-8, or Windows-1252 as a fallback) or ``.pdf`` file (text via
  ``pdf_text.extract_text``) and calls ``parse_ficha_text``. It never raises for bad files either.
"""

from __future__ import annotations

import re
import stat
from functools import cache
from pathlib import Path
from typing import Any

from monitoreo.errors import InputError
from monitoreo.ingest import ficha_2020, ficha_2023, ficha_2025
from monitoreo.ingest.identity import HEADER, header_line, is_synthetic
from monitoreo.ingest.issues import ImportIssue, ImportResult
from monitoreo.ingest.lines import slug, split_lines
from monitoreo.ingest.pdf_text import PdfText, PdfTextError, extract_text
from monitoreo.ingest.reader import Reader
from monitoreo.io import parse_submission
from monitoreo.reference import known_editions as _known_editions

LAYOUTS = {2020: ficha_2020, 2023: ficha_2023, 2025: ficha_2025}
_REQUIRED = (
    ("program.name", "el nombre del programa"),
    ("program.service", "el servicio"),
    ("program.ministry", "el ministerio"),
    ("program.description", "la descripción del programa"),
    ("program.start_year", "el año de inicio"),
    ("program.purpose", "el propósito"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_2023_MARKERS = re.compile(r"^(HALLAZGOS NO SUPERADOS|VII\.\s+NOTAS)", re.IGNORECASE)
_2025_MARKERS = re.compile(r"^[IVX]+\.\s+(HALLAZGOS DEL DESEMPE[ÑN]O|DATOS DEL PROGRAMA:)", re.IGNORECASE)


@cache
def known_editions() -> tuple[int, ...]:
    """Editions of the reference data (cached: the reference loader reads its YAML on every call)."""
    return _known_editions()


def _failed(code: str, message: str, source: str, **provenance: Any) -> ImportResult:
    return ImportResult(None, (ImportIssue(code, "", message),), {"source": source, **provenance})


def parse_ficha_text(
    text: str,
    source: str = "<texto>",
    extractor: str = "text",
    metadata: dict[str, str] | None = None,
) -> ImportResult:
    """Parse the text of one ficha (see module docstring); ``metadata`` are a PDF's title and author."""
    provenance: dict[str, Any] = {"source": source, "extractor": extractor}
    if not text.strip():
        return _failed("import.E003", "el archivo no contiene texto", source, extractor=extractor)
    if len(_CONTROL.findall(text[:20000])) > 8:
        return _failed(
            "import.E002", "el contenido parece binario, no texto de una ficha", source, extractor=extractor
        )
    lines = split_lines(text)
    head = header_line(lines)
    if head is None:
        return _failed(
            "import.E004",
            "no se encontró el encabezado «MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA "
            "<año>»: no parece una ficha",
            source,
            extractor=extractor,
        )
    match = HEADER.match(head.text)
    assert match is not None
    edition = int(match.group(1))
    reader = Reader(lines, metadata=dict(metadata or {}))
    if edition not in known_editions():
        return _failed(
            "import.E005",
            f"edición {edition} no soportada (conocidas: {', '.join(map(str, known_editions()))})",
            source,
            extractor=extractor,
            edition=edition,
        )
    layout = edition if edition in LAYOUTS else _closest_layout(reader, edition)
    provenance |= {"edition": edition, "layout": layout, "page_count": lines[-1].page if lines else 0}
    try:
        data = LAYOUTS[layout].parse(reader, edition)
    except (ValueError, IndexError, KeyError, ArithmeticError, TypeError, AttributeError) as exc:
        # A parser bug must not become a traceback for the user; the message names it for the report.
        reader.issue("import.E009", "", f"error interno al leer la ficha ({type(exc).__name__}: {exc})")
        data = {}
    if data and is_synthetic(reader):
        data["synthetic"] = True
    submission = _build(reader, data, edition, source) if not _errors(reader) else None
    provenance |= reader.provenance()
    return ImportResult(submission, tuple(reader.issues), provenance, edition)


def _closest_layout(reader: Reader, edition: int) -> int:
    texts = [line.text for line in reader.lines]
    layout = (
        2025
        if any(_2025_MARKERS.match(t) for t in texts)
        else 2023
        if any(_2023_MARKERS.match(t) for t in texts)
        else 2020
    )
    reader.issue("import.W011", "edition", f"la edición {edition} se leyó con la diagramación {layout}")
    return layout


def _errors(reader: Reader) -> bool:
    return any(issue.is_error for issue in reader.issues)


def _build(reader: Reader, data: dict[str, Any], edition: int, source: str) -> Any:
    program = data.get("program", {})
    for path, label in _REQUIRED:
        if not program.get(path.split(".")[1]):
            reader.issue("import.E006", path, f"no se encontró {label}")
    if _errors(reader):
        return None
    full = {
        "schema_version": 1,
        "id": slug(program["name"], drop_parentheses=False, drop_leading_program=True),
        "edition": edition,
        **data,
    }
    try:
        return parse_submission(full, source)
    except InputError as exc:
        for problem in exc.problems:
            reader.issue("import.E007", problem.path, f"{problem.message} [{problem.code}]")
        return None


def read_ficha_text(path: Path) -> PdfText:
    """Text of a ``.txt`` or ``.pdf`` file, its extractor and metadata; raises ``_FileError`` (code, message)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a folder or /dev/zero: never read without end
            raise _FileError("import.E001", "no es un archivo (es una carpeta o un dispositivo)")
        raw = path.read_bytes()
    except OSError as exc:
        raise _FileError("import.E001", f"no se puede leer el archivo ({exc.strerror or exc})") from None
    if not raw.strip():
        raise _FileError("import.E003", "el archivo está vacío")
    if raw.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        try:
            return extract_text(raw)
        except PdfTextError as exc:
            raise _FileError("import.E008", str(exc)) from None
    if b"\x00" in raw[:20000]:
        raise _FileError("import.E002", "el archivo es binario, no texto ni PDF")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return PdfText(raw.decode(encoding), "text")
        except UnicodeDecodeError:
            continue
    raise _FileError("import.E002", "el archivo no está en UTF-8 ni Windows-1252")


class _FileError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def import_ficha(path: str | Path) -> ImportResult:
    """Import one ficha file (see module docstring)."""
    path = Path(path)
    try:
        got = read_ficha_text(path)
    except _FileError as exc:
        return _failed(exc.code, exc.message, str(path))
    return parse_ficha_text(got.text, str(path), got.extractor, got.metadata)
