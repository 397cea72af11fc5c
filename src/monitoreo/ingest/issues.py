"""Coded issues of the ficha importer and the result it returns.

Codes are stable (``import.E0nn`` = the file could not be turned into a data file; ``import.W0nn`` = a field
could not be read or had to be guessed, the data file is still written). Never reuse a code; add new ones at
the end. ``docs/ficha-import.md`` lists them and a test checks that every code is documented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from monitoreo.domain.submission import Submission

IMPORT_CODES: dict[str, str] = {
    "import.E001": "El archivo no existe o no se puede leer.",
    "import.E002": "El archivo no es texto ni PDF legible (binario, codificación desconocida).",
    "import.E003": "El archivo está vacío o no contiene texto.",
    "import.E004": "No es una ficha: falta el encabezado «MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA <año>».",
    "import.E005": "Edición o diagramación de ficha no soportada.",
    "import.E006": "Falta un dato obligatorio de la ficha (nombre, servicio, años, propósito…).",
    "import.E007": "Los datos leídos no forman un archivo de datos válido.",
    "import.E008": "No se pudo extraer el texto del PDF.",
    "import.E009": "Error interno del importador al leer la ficha (informe el caso con el archivo).",
    "import.E010": "Otra ficha del mismo lote produjo el mismo id y edición.",
    "import.E011": "No se pudo escribir el archivo de datos en la carpeta de salida.",
    "import.W001": "Nombre en mayúsculas: se reconstruyeron las mayúsculas y minúsculas.",
    "import.W002": "Celda ilegible: el valor se omitió.",
    "import.W003": "Sección no encontrada en la ficha.",
    "import.W004": "Región no reconocida: se omitió.",
    "import.W005": "Dato inferido, no impreso como tal (unidad, año de una tabla).",
    "import.W006": "Fila de tabla no reconocida: se omitió.",
    "import.W007": "Fila con un número de valores distinto al esperado: se omitió.",
    "import.W008": "Objetivo o meta ODS no reconocido: se omitió.",
    "import.W009": "Atributo de indicador no encontrado.",
    "import.W010": "Código retirado: avisaba del método alternativo de extracción de texto, hoy el único.",
    "import.W011": "Edición sin diagramación propia: se leyó con la diagramación más cercana.",
    "import.W012": "Texto ilegible en un campo: se omitió.",
}


@dataclass(frozen=True)
class ImportIssue:
    """One problem met while importing: ``path`` is the data-file field («budget.years.2021.initial») or
    empty for the whole file; ``line`` / ``page`` locate it in the extracted text when known."""

    code: str
    path: str
    message: str
    line: int | None = None
    page: int | None = None

    @property
    def is_error(self) -> bool:
        return ".E" in self.code

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "path": self.path,
            "message": self.message,
            "line": self.line,
            "page": self.page,
        }

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        at = f" (línea {self.line})" if self.line is not None else ""
        return f"{where}{self.message}{at} [{self.code}]"


@dataclass(frozen=True)
class ImportResult:
    """What one ficha import gives: the submission (``None`` if any ``E`` issue), every issue, provenance
    (source file, extractor, edition layout, and per field path the line and page it was read from)."""

    submission: Submission | None
    issues: tuple[ImportIssue, ...]
    provenance: dict[str, Any] = field(default_factory=dict)
    edition: int | None = None

    @property
    def ok(self) -> bool:
        return self.submission is not None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready sidecar content (``<id>.import.json``)."""
        return {
            "id": self.submission.id if self.submission else None,
            "edition": self.edition,
            "provenance": self.provenance,
            "issues": [i.as_dict() for i in self.issues],
        }
