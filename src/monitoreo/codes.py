"""Stable codes of the operations that are not about one data file's content: rendering, publishing,
synthetic data, analytics, microdata, deflation and reference lookups. Never reuse a code.

The other registries live with their area (the reference page ``docs/gen/ref_codes.py`` lists them all):
``io.codes.INPUT_CODES`` (reading a data file), ``ingest.issues.IMPORT_CODES`` (importing a published
ficha), ``ingest.excel.EXCEL_CODES`` (the Excel intake template), ``validation.issue_types()`` and the
methodology's rule, outcome and file codes. ``tests/core/test_code_registry.py`` fails when the code
uses a code that no registry lists.
"""

from __future__ import annotations

OPERATION_CODES: dict[str, str] = {
    # The *.E000 codes belong to the base error classes; each lists its specific problems.
    "monitoreo.E000": "Error interno del núcleo sin código más específico (no debería verse; repórtelo).",
    "input.E000": "El archivo de datos no se pudo convertir en un reporte válido (ver los problemas listados).",
    "methodology.E000": "El archivo de edición de la metodología no se puede usar (ver los problemas listados).",
    "render.E001": "Typst falló o advirtió al componer la ficha en PDF (p. ej. una fuente sustituida); "
    "no se publica un PDF con otra fuente.",
    "render.E002": "La ruta indicada para componer no existe.",
    "render.E003": "Dos archivos del lote tienen el mismo id de programa: sus fichas se sobrescribirían.",
    "publish.E001": "Programa repetido en la misma edición dentro del lote a publicar.",
    "publish.E002": "No se pudo escribir el paquete de datos abiertos en la carpeta indicada.",
    "synth.E001": "Parámetros inválidos para generar la cartera sintética (cantidad, edición o carpeta).",
    "analytics.E001": "La carpeta no es un paquete de datos abiertos legible (falta una tabla o el "
    "datapackage.json).",
    "microdata.E001": "Un archivo de registros de beneficiarios no se puede usar (ilegible, formato "
    "desconocido o falta una columna).",
    "metrics.E001": "La tabla de inflactores no trae el año que la conversión a precios constantes necesita.",
    "reference.E001": "Falta un dato de referencia (edición desconocida, tabla de inflactores…).",
    "explain.E001": "La cifra o el resultado pedido a «monitoreo explain» no existe en el reporte (métrica, "
    "año, componente o código desconocido).",
    # Inflator tables the unit enters (``monitoreo inflators import``, reference/inflator_tables.py).
    "inflators.E001": "El archivo CSV de inflactores no existe o no se puede leer (o no está en UTF-8).",
    "inflators.E002": "Falta una columna obligatoria en el encabezado del CSV de inflactores (anio, inflactor).",
    "inflators.E003": "Un año del CSV de inflactores no es un año válido (entero entre 1900 y 2100).",
    "inflators.E004": "Un inflactor no es un número.",
    "inflators.E005": "Un inflactor es cero o negativo: deben ser positivos.",
    "inflators.E006": "Un año aparece más de una vez en la tabla de inflactores (un inflactor por año).",
    "inflators.E007": "La tabla no trae el año base o su inflactor no es 1.",
    "inflators.E008": "Faltan años entre el primero y el último de la tabla (sin saltos).",
    "inflators.E009": "Ya existe una tabla con esa base entre las tablas distribuidas con monitoreo; no se "
    "reemplaza.",
    "inflators.E010": "El CSV de inflactores no trae ninguna fila de datos.",
    "inflators.E011": "Una tabla de inflactores ingresada no se puede leer (archivo editado o dañado): vuelva a "
    "importarla.",
}
