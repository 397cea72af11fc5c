"""Fixed wording of the 2025 report («EvaluacionMonitoreo2026»): the labels of its sections and the
sentences it prints with the programme's data. Source: the real 2025-cycle reports as described in
``docs/ficha-rendering.md`` («The 2025 layout»). ``{t}`` is the evaluated year."""

from __future__ import annotations

from monitoreo.domain.findings import Dimension

START_YEAR = "Año de inicio:"
END_YEAR = "Año de término:"
OFFER_TYPE = "Tipo de oferta:"
DESCRIPTION = "Descripción:"
PURPOSE = "Propósito"
TARGET_POPULATION = "Población Objetivo:"
EXECUTORS = "Ejecutores:"
EXECUTORS_DIRECT = (
    "El programa es implementado directamente por la entidad responsable, sin la ejecución de terceros."
)
COMPLEMENTARITIES = "Complementariedades informadas:"
NO_COMPLEMENTARITIES = (
    "El programa no reporta complementariedades con otros programas de la oferta pública vigente al {t}."
)

#: Block labels whose non-finding outcomes (and findings cleared as superado) are printed as the
#: evaluator's assessment next to the programme's data, in this order, before the findings.
ASSESSMENT_LABELS = ("Criterios de focalización:", "Criterios de priorización:", "Gasto por beneficiario:")

#: Printed after the standard sentence of a finding whose justification was judged pertinent (superado),
#: before the evaluator's text.
PERTINENT_JUSTIFICATION = (
    "No obstante, la justificación proporcionada por el Servicio se considera pertinente."
)

FINDINGS_TITLE = "HALLAZGOS DEL DESEMPEÑO"
FINDINGS_HEADINGS = {
    Dimension.TARGETING: "1. Focalización",
    Dimension.EFFICIENCY: "2. Eficiencia",
    Dimension.EFFECTIVENESS: "3. Eficacia",
}
OTHER_DIMENSIONS = "Otras dimensiones"
ASSESSMENT_NOTE_LABEL = "Evaluación:"

#: Notas técnicas: the price base of the amounts, and what is printed when no inflator table with that
#: base exists (the amounts are then the service's, not re-expressed: said, never mislabelled).
PRICES_NOTE = (
    "Los montos de presupuesto y gasto se encuentran en pesos año {base}, aplicando los inflactores de la "
    "tabla base {base}."
)
NO_INFLATORS_NOTE = (
    "No se dispone de una tabla de inflactores base {base}: los montos de años anteriores no han sido "
    "expresados en pesos de {base}."
)
