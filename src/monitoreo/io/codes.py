"""Stable codes of the problems found while reading a data file (``input.E0nn``). Never reuse a code."""

from __future__ import annotations

INPUT_CODES: dict[str, str] = {
    "input.E001": "El archivo no existe o no se puede leer.",
    "input.E002": "El archivo no está codificado en UTF-8.",
    "input.E003": "YAML/JSON mal formado.",
    "input.E004": "El documento no es un objeto (mapa de campos).",
    "input.E005": "No hay archivos de datos (.yaml, .yml, .json) en las rutas indicadas.",
    "input.E006": "El archivo supera el tamaño máximo admitido.",
    "input.E007": "Clave repetida en un mismo bloque del archivo.",
    "input.E008": "Anclas o alias de YAML (&, *) no admitidos en un archivo de datos.",
    "input.E010": "Falta un campo obligatorio.",
    "input.E011": "Campo desconocido.",
    "input.E012": "Tipo o valor inválido.",
    "input.E013": "Monto o cantidad negativa.",
    "input.E014": "Valor fuera de rango o inconsistente.",
    "input.E015": "Número no admitido: no finito o con más dígitos que el máximo.",
    "input.E020": "Año fuera de la ventana de años de la ficha.",
    "input.E021": "Región desconocida.",
    "input.E022": "Subtítulo presupuestario desconocido.",
    "input.E023": "Objetivo o meta ODS desconocida.",
    "input.E024": "Identificador de componente repetido.",
    "input.E025": "Métrica publicada desconocida.",
    "input.E026": "Edición desconocida (sin convenciones ni metodología).",
}
