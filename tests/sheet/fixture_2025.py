"""A 2025 report with findings in all three dimensions, block labels and the evaluator's texts, for the
2025 layout tests (sheet and portal). The submission is a synthetic 2025 program with the 2025 identity
fields; the evaluation is written by hand, in print order, so these tests do not depend on the rules."""

from __future__ import annotations

from monitoreo.domain import Submission
from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import Evaluation, FindingStatus, Outcome, OutcomeVerdict
from monitoreo.domain.program import Complementarities, Complementarity, Executor, Executors
from monitoreo.synth.generate import build_submission

FOC, EFI, EFC = Dimension.TARGETING, Dimension.EFFICIENCY, Dimension.EFFECTIVENESS
FINDING, OK = OutcomeVerdict.FINDING, OutcomeVerdict.OK
OPEN, CLEARED = FindingStatus.UNRESOLVED, FindingStatus.RESOLVED

FOC_PO_OK = (
    "La población objetivo del programa corresponde a un subconjunto de la población potencial, y los "
    "criterios de focalización permiten definir la población a atender en el mediano plazo."
)
PRI_NOT_SUBSET = (
    "La población beneficiada del programa en 2025 no corresponde a un subconjunto de la población objetivo."
)
PRI_CRIT = (
    "La población beneficiada del programa en 2025 no presenta criterios de priorización claros y "
    "objetivos para su selección."
)
EXE_INI = (
    "El programa presenta una subejecución presupuestaria (inferior al 85%) respecto de su presupuesto "
    "inicial en 2025."
)
EXE_FIN = (
    "El programa presenta una subejecución presupuestaria (inferior al 90%) respecto de su presupuesto "
    "final en 2025."
)
GXB_OUT = (
    "El programa presenta un gasto por beneficiario fuera del rango esperado (variación mayor al 20%) "
    "durante 2025, en relación con el promedio de los dos años anteriores (2023 y 2024)."
)
ADM_DESC = (
    "El gasto administrativo no se encuentra correctamente descrito, debido a que incluye gastos distintos "
    "a los servicios de apoyo y/o no es coherente con la desagregación por subtítulos."
)
IND_WORSE = (
    "El resultado del indicador de propósito disminuyó (lectura ascendente), indicando un menor desempeño "
    "del programa en 2025 respecto de 2024."
)
IND_FORM = "El indicador de propósito del programa no se encuentra correctamente formulado."
IND_PERT = (
    "El indicador de propósito no es pertinente, debido a que no permite medir directamente el logro del "
    "propósito del programa."
)

#: (dimension, code, verdict, status, indicator, label, text, detail), in print order.
OUTCOMES = [
    (
        FOC,
        "targeting.target_subset.subset",
        OK,
        None,
        None,
        "Criterios de focalización:",
        FOC_PO_OK,
        "Los criterios (RSH hasta el 40 %) permiten identificar a la población a atender.",
    ),
    (
        FOC,
        "targeting.served_subset.not_subset",
        FINDING,
        OPEN,
        None,
        "Criterios de priorización:",
        PRI_NOT_SUBSET,
        "Se atendió a hogares hasta el 80 % del RSH, mientras el criterio es el 60 %.",
    ),
    (
        FOC,
        "targeting.prioritization_criteria.unclear",
        FINDING,
        OPEN,
        None,
        "Criterios de priorización:",
        PRI_CRIT,
        "El puntaje de selección no se publica ni se informa su ponderación.",
    ),
    (
        EFI,
        "efficiency.initial_execution.under",
        FINDING,
        OPEN,
        None,
        "Ejecución presupuestaria:",
        EXE_INI,
        "No es pertinente la justificación, ya que la licitación se declaró desierta por segunda vez.",
    ),
    (
        EFI,
        "efficiency.final_execution.under",
        FINDING,
        OPEN,
        None,
        "Ejecución presupuestaria:",
        EXE_FIN,
        "Sin una justificación pertinente, más allá de lo señalado en la observación N° 2 de la institución.",
    ),
    (
        EFI,
        "efficiency.spend_per_beneficiary.out_of_range",
        FINDING,
        CLEARED,
        None,
        "Gasto por beneficiario:",
        GXB_OUT,
        "El aumento se explica por la incorporación del componente de atención domiciliaria.",
    ),
    (
        EFI,
        "efficiency.admin_spend_description.incorrect",
        FINDING,
        OPEN,
        None,
        "Gasto Administrativo:",
        ADM_DESC,
        "Se informan honorarios de monitores de talleres como gasto administrativo.",
    ),
    (
        EFC,
        "effectiveness.purpose_indicator.worse",
        FINDING,
        OPEN,
        1,
        "Indicador de propósito 1:",
        IND_WORSE,
        "La baja responde a la menor cantidad de funciones realizadas en regiones.",
    ),
    (
        EFC,
        "effectiveness.indicator_quality.badly_formulated",
        FINDING,
        OPEN,
        1,
        "Indicador de propósito 1:",
        IND_FORM,
        "La nota metodológica debe definir el numerador y denominador.",
    ),
    (
        EFC,
        "effectiveness.indicator_pertinence.not_pertinent",
        FINDING,
        OPEN,
        2,
        "Indicador de propósito 2:",
        IND_PERT,
        "Mide la satisfacción de los asistentes y no el logro del propósito.",
    ),
]


def submission_2025() -> Submission:
    """A synthetic 2025 program with executors and complementarities."""
    sub = build_submission(7, 3, 2025)
    program = sub.program.model_copy(
        update={
            "end_year": "Permanente",
            "target_population": "Compañías de artes escénicas con domicilio en regiones distintas de la Metropolitana.",
            "executors": Executors(
                items=[
                    Executor(name="Municipalidad de Valdivia", type="Municipio"),
                    Executor(name="Fundación Teatro a Mil", type="Organismo privado sin fines de lucro"),
                ]
            ),
            "complementarities": Complementarities(
                items=[
                    Complementarity(
                        program="Fondo Nacional de Desarrollo Cultural y las Artes",
                        description="Financia la creación; este programa, la circulación de las obras.",
                    )
                ]
            ),
        }
    )
    return sub.model_copy(update={"program": program})


def evaluation_2025(sub: Submission) -> Evaluation:
    outcomes = [
        Outcome(
            code=code,
            rule=code.rsplit(".", 1)[0],
            dimension=dim,
            verdict=verdict,
            status=status,
            indicator=indicator,
            label=label,
            text=text,
            detail=detail,
        )
        for dim, code, verdict, status, indicator, label, text, detail in OUTCOMES
    ]
    return Evaluation(submission_id=sub.id, edition=2025, outcomes=outcomes, block={d: [] for d in Dimension})
