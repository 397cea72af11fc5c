"""Errors of the methodology loader, each with a stable ``methodology.E0nn`` code. Never reuse a code."""

from __future__ import annotations

from dataclasses import dataclass

from monitoreo.errors import InputError

METHODOLOGY_CODES: dict[str, str] = {
    "methodology.E001": "La edición no existe o su archivo no se puede leer.",
    "methodology.E002": "YAML mal formado o el documento no es un mapa.",
    "methodology.E003": "`extends` nombra una edición desconocida o forma un ciclo.",
    "methodology.E004": "Clave desconocida en el archivo de edición.",
    "methodology.E005": "Falta un campo obligatorio (edition, settings…).",
    "methodology.E010": "Regla desconocida (no registrada).",
    "methodology.E011": "Falta un parámetro que la regla necesita.",
    "methodology.E012": "Valor sin fuente (`source`) o sin estado (`status`: E, I o A).",
    "methodology.E013": "Parámetro desconocido para la regla.",
    "methodology.E014": "Falta la redacción de un resultado de la regla.",
    "methodology.E015": "Clave de redacción desconocida para la regla.",
    "methodology.E016": "Marcador `{…}` desconocido en una redacción.",
    "methodology.E017": "Valor de tipo inválido.",
    "methodology.E018": "Lista de juicios del evaluador inconsistente con las reglas activas.",
    "methodology.E019": "Orden (`order`) inválido: nombra reglas inactivas o repite reglas.",
    "methodology.E020": "Frase combinada (`combined`) inválida: debe nombrar dos resultados de reglas activas.",
}


@dataclass
class MethodologyError(InputError):
    """An edition file cannot be used; ``problems`` lists every problem with its code."""

    code = "methodology.E000"
