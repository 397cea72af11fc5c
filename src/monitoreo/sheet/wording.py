"""Fixed wording of the ficha (headings, footnotes, legends), verbatim from the seed fichas.

Sources: ``tests/golden/fichas/ficha_2023_alianzas_productivas.txt`` (S23) and
``tests/golden/fichas/ficha_2020_internacionalizacion_pymes.txt`` (S20). ``{money}`` is replaced by the
price-base label («M$2024», «M$ 2021»), ``{t}`` by the evaluated year and ``{past}`` by the earlier years."""

from __future__ import annotations

from monitoreo.domain.findings import Dimension

PROCESS_TITLE = "MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA {edition}"
#: Printed under the title of a synthetic ficha (``Submission.synthetic``), never on a real one.
SYNTHETIC_NOTICE = "Datos de demostración (ficticios): programa y cifras generados para probar el sistema; no es una ficha publicada."

# ---- S23 (edition 2023 and later) ---------------------------------------------------------------------
BUDGET_NOTES_2023 = (
    (
        "1",
        "La ejecución presupuestaria inicial corresponde a (presupuesto ejecutado año t / presupuesto inicial "
        "año t *100), mientras que la ejecución presupuestaria final corresponde a (presupuesto ejecutado año "
        "t / presupuesto final año t) *100.",
    ),
    (
        "2",
        "El presupuesto inicial corresponde al total de gastos definidos en la Ley de Presupuestos del Sector "
        "Público, o en su defecto, es el monto asignado inicialmente por el Servicio, cuando el programa no "
        "está expresamente identificada en la Ley de Presupuestos.",
    ),
    (
        "3",
        "El presupuesto final incorpora las reasignaciones presupuestarias realizadas al Presupuesto Ley del año.",
    ),
    (
        "4",
        "Presupuesto Ley ejecutado por los Servicios, no incluyendo los recursos extrapresupuestarios declarados.",
    ),
    (
        "5",
        "Recursos apalancados por el programa con los Gobiernos Regionales, cuya fuente puede ser el Fondo "
        "Nacional de Desarrollo Regional (FNDR) u otros fondos regionales. Estos recursos pueden ser "
        "presupuestarios o extrapresupuestarios.",
    ),
    (
        "6",
        "Recursos apalancados de fuentes distintas a los Gobiernos Regionales, y que corresponden a montos "
        "extrapresupuestarios.",
    ),
    ("7", "Total de gastos ejecutados por parte del programa."),
)
COVERAGE_NOTE_2023 = "Cobertura: (Población beneficiada del año t / población objetivo año t)*100."
SPEND_PER_BENEFICIARY_NOTE_2023 = (
    "Gasto por Beneficiario: ((gasto componentes + gasto administrativo ejecutado año t) / número "
    "beneficiarios efectivos año t)."
)
SUBTITLES_NOTE = "Los subtítulos identificados pueden corresponder a uno o más programas presupuestarios."
COMPONENTS_NOTE_2023 = (
    "Dado que los diseños de los programas pueden variar cada año y en esta Tabla sólo se muestran los "
    "componentes vigentes en {t}, la suma total para los años {past} podría no cuadrar para aquellos en los "
    "que se ejecutaron componentes descontinuados."
)
REGIONAL_NOTE = (
    "En esta tabla se despliegan sólo aquellas regiones para las que se ejecutaron recursos y/o tienen "
    "beneficiarios, identificados por región."
)
FINDINGS_HEADINGS_2023 = {
    Dimension.TARGETING: "1. Focalización",
    Dimension.EFFICIENCY: "2. Eficiencia y ejecución presupuestaria",
    Dimension.EFFECTIVENESS: "3. Eficacia",
}
NO_TEXTS = "Sin información de evaluación."

# ---- S20 (edition 2020) -------------------------------------------------------------------------------
BUDGET_NOTES_2020 = (
    (
        "*",
        "La ejecución presupuestaria inicial corresponde a (presupuesto ejecutado año t / presupuesto inicial "
        "año t) *100. El presupuesto inicial corresponde al total de gastos definidos en la Ley de Presupuestos "
        "del Sector Público, o en su defecto, es el monto asignado inicialmente por el Servicio, cuando el "
        "programa/iniciativa no está expresamente identificada en la Ley de Presupuestos.",
    ),
    (
        "**",
        "La ejecución presupuestaria final corresponde a (presupuesto ejecutado año t / presupuesto final año "
        "t) *100. El presupuesto final incorpora las reasignaciones presupuestarias realizadas al Presupuesto "
        "Ley del año.",
    ),
    (
        "***",
        "El presupuesto ejecutado corresponde al Presupuesto Ley ejecutado por los Servicios, no incluyendo "
        "los recursos extrapresupuestarios declarados.",
    ),
    (
        "****",
        "Detalla si el programa/iniciativa obtuvo recursos adicionales a los entregados por la Ley de "
        "Presupuestos.",
    ),
)
#: The 2020 ficha has no GORE row (S20 has no GORE resources); a 2020 ficha of a program that has them
#: prints «Recursos Gobiernos Regionales*****» with this note: S23's footnote 5, verbatim (R3).
GORE_NOTE_2020 = ("*****", BUDGET_NOTES_2023[4][1])
SPEND_PER_BENEFICIARY_NOTE_2020 = (
    "Gasto por Beneficiario: (Presupuesto ejecutado año t / número beneficiarios efectivos año t)"
)
NOT_REPORTED = "No informa."  # S20 «AJUSTES POR SITUACIÓN SOCIO SANITARIA: No informa.»
# A chart with no value in any year is not drawn (an empty frame says nothing); the ficha prints this
# sentence after the chart's title instead (docs/ficha-rendering.md, «Charts»). {years}: «2019 y 2020».
EMPTY_CHART = {
    "grafico-poblaciones": "sin datos para graficar: no se informa la población objetivo ni la beneficiada de {years}.",
    "grafico-ejecucion": "sin datos para graficar: no se informa la ejecución presupuestaria de {years}.",
    "grafico-gasto-beneficiario": "sin datos para graficar: no se informa el gasto por beneficiario de {years}.",
}
POPULATION_CHART_LEGEND = ("Barra azul: Población objetivo", "Punto rojo: Población beneficiada")
DIMENSIONS_2020 = {
    Dimension.TARGETING: "Focalización y Cobertura",
    Dimension.EFFICIENCY: "Eficiencia y Ejecución Presupuestaria",
    Dimension.EFFECTIVENESS: "Eficacia",
}
