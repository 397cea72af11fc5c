"""The audit log as people read it: each action code in Spanish and the before/after values described in
words («Estado: Devuelto con observaciones», «Versión 3»), never as ``{'state': 'returned'}``."""

from __future__ import annotations

from typing import Any

ACTION_LABELS = {
    "cycle.opened": "Abrió el ciclo",
    "cycle.programs_added": "Agregó programas al ciclo",
    "cycle.program_removed": "Quitó un programa del ciclo",
    "cycle.deadlines_set": "Fijó los plazos del ciclo",
    "submission.created": "Creó el reporte precargado",
    "submission.assigned": "Asignó el evaluador",
    "submission.saved": "Guardó una sección",
    "submission.imported": "Importó una planilla Excel",
    "submission.submitted": "Envió el reporte a revisión",
    "submission.resubmitted": "Reenvió el reporte corregido",
    "submission.review_started": "Comenzó la revisión",
    "submission.returned": "Devolvió el reporte con observaciones",
    "submission.evaluated": "Evaluó (calculó los hallazgos)",
    "submission.reply_opened": "Abrió el derecho a respuesta",
    "submission.replies_sent": "Envió las respuestas a los hallazgos",
    "submission.approved": "Aprobó el reporte",
    "submission.published": "Publicó la ficha",
    "review.judgements_saved": "Guardó los juicios del evaluador",
    "finding.replied": "Respondió un hallazgo",
    "finding.verdict": "Registró un veredicto",
    "submission.component_added": "Agregó un componente",
    "submission.component_removed": "Quitó un componente",
    "submission.indicator_added": "Agregó un indicador",
    "submission.indicator_removed": "Quitó un indicador",
    "auth.login": "Ingresó",
    "auth.login_failed": "Intento de ingreso fallido",
    "auth.locked": "Cuenta bloqueada",
}
KEYS = {
    "state": "Estado",
    "version": "Versión",
    "evaluator": "Evaluador",
    "reply": "Respuesta",
    "finding": "Hallazgo",
    "verdict": "Veredicto",
    "text": "Texto",
    "year": "Año",
    "methodology_edition": "Metodología",
    "price_base_year": "Año de precios",
    "inflator_table": "Inflactores",
    "submission_deadline": "Plazo de envío",
    "reply_deadline": "Plazo de respuesta",
    "programs": "Programas",
    "program": "Programa",
    "prefilled_from": "Precargado del proceso",
    "components": "Componente",
    "indicators": "Indicador",
    "position": "N°",
    "key": "Identificador",
    "entry": "Datos",
    "reported": "Con valores",
}


#: Internal identifiers (rule codes, entry keys) the action label already says in words.
HIDDEN = ("finding", "key")


def action_label(code: str) -> str:
    return ACTION_LABELS.get(code, "Otra acción")


def describe(value: Any) -> str:
    """A before/after value in words; a state by its label, lists and nested values shortened."""
    from submissions.workflow import STATE_LABELS, State

    if value in (None, "", {}, []):
        return ""
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            if key in HIDDEN or item in ("", None, [], {}):
                continue
            if key == "state" and item in set(State):
                shown = STATE_LABELS[State(item)]
            elif isinstance(item, dict):
                shown = describe(item)
            elif isinstance(item, list):
                shown = (
                    ", ".join(str(i) for i in item)
                    if all(not isinstance(i, dict) for i in item)
                    else f"{len(item)}"
                )
            elif isinstance(item, bool):
                shown = "sí" if item else "no"
            else:
                shown = str(item)
            parts.append(f"{KEYS.get(key, 'Dato')}: {shown}")
        return "; ".join(parts)
    if isinstance(value, list):
        return f"{len(value)} elemento(s)"
    return str(value)
