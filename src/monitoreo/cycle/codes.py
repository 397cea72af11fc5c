"""Stable codes of the web intake forms (``form.E0nn``: a typed value that is not a value of its field; the
same checks as the Excel cells ``excel.E0nn``, with codes of their own so a form never shows an Excel code)
and of the cycle's guards (``cycle.E0nn``). Never reuse a code."""

from __future__ import annotations

CYCLE_CODES: dict[str, str] = {
    "form.E010": "Se esperaba un número (p. ej. 5.100.000 o 25,5) o uno de los códigos S/I, N/A, N/C, -.",
    "form.E011": "Se esperaba un año (p. ej. 2015) o «Permanente».",
    "form.E012": "Se esperaba un número entero.",
    "form.E013": "Se esperaba «ascendente» o «descendente».",
    "form.E016": "Se esperaba «Sí» o «No».",
    "form.E017": "Tipo de ejecutor no admitido: elija uno de la lista.",
    "form.E018": "Respondió «Sí» y además escribió filas en esta sección: deje sólo una de las dos respuestas.",
    "form.E014": "Se esperaba el número de una de las observaciones de la institución (p. ej. 3 o «N° 3»).",
    "cycle.E001": "El reporte está incompleto: faltan valores del año evaluado (llénelos o marque S/I, N/A, "
    "N/C o «-»); no se puede enviar.",
    "cycle.E002": "El reporte tiene errores por corregir; no se puede enviar.",
    "cycle.E003": "El año de precios del ciclo no tiene una tabla de inflactores con esa base; no se puede "
    "abrir ni publicar.",
    "cycle.E004": "Un identificador de programa no corresponde a ningún programa conocido.",
    "cycle.W001": "Un texto traspasado del reporte anterior cita una cifra de ese año: actualícelo (no impide "
    "enviar).",
}

#: Excel cell code → the web form's code for the same problem.
FORM_CODE_OF: dict[str, str] = {
    f"excel.E0{n}": f"form.E0{n}" for n in ("10", "11", "12", "13", "16", "17", "18")
}
