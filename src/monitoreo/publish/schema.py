"""Table schemas of the open-data bundle (Frictionless Table Schema, descriptions in Spanish).

Conventions every table follows (documented for users in ``docs/open-data.md``):

* **Missing-value codes.** A value that may be S/I, N/A, N/C or «-» is published as two columns: the
  number ``<col>`` (empty / null when there is no number) and ``<col>_code`` (empty / null when there is a
  number, else exactly one of ``S/I``, ``N/A``, ``N/C``, ``-``). A reader therefore always knows *why* a
  number is missing, in CSV and in Parquet alike, and numeric columns stay numeric for DuckDB/pandas.
* **Price year.** Money columns end in ``_mclp`` (thousands of Chilean pesos, M$) and every table that has
  one carries a ``price_base_year`` column: the amounts of that row are in M$ of that year (2024 for the
  2023 edition, 2021 for the 2020 edition). Percent columns end in ``_pct`` (0-100).
* **Keys.** Every table is keyed by ``edition`` + ``program_id`` (a program is published once per edition)
  and references ``programs`` with a foreign key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from monitoreo.domain import MISSING_CODES

FieldType = Literal["string", "integer", "number", "boolean", "datetime"]
CODES = MISSING_CODES
CODE_SUFFIX = "_code"


@dataclass(frozen=True)
class Column:
    """One column: name, Frictionless type, Spanish description, optional extra descriptor keys."""

    name: str
    type: FieldType
    description: str
    required: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    coded: bool = False  # True for the numeric half of a value + ``_code`` pair

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.required:
            out["constraints"] = {"required": True}
        out.update(self.extra)
        return out


def col(
    name: str, type_: FieldType, description: str, *, required: bool = False, **extra: Any
) -> list[Column]:
    return [Column(name, type_, description, required, dict(extra))]


def coded(name: str, description: str, type_: FieldType = "number", **extra: Any) -> list[Column]:
    """A numeric column and its ``_code`` companion (S/I, N/A, N/C or «-» when there is no number)."""
    return [
        Column(
            name,
            type_,
            description + " Vacío cuando no hay número (ver la columna _code).",
            extra=dict(extra),
            coded=True,
        ),
        Column(
            name + CODE_SUFFIX,
            "string",
            f"Código de valor faltante de «{name}»: S/I (no informado), N/A (no aplica), N/C (no comparable) "
            "o «-» (sin valor); vacío cuando hay número.",
            extra={"constraints": {"enum": list(CODES)}},
        ),
    ]


@dataclass(frozen=True)
class TableSpec:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fields": [c.descriptor() for c in self.columns],
            "missingValues": [""],
            "primaryKey": list(self.primary_key),
        }
        if self.name != "programs":
            out["foreignKeys"] = [
                {
                    "fields": ["edition", "program_id"],
                    "reference": {"resource": "programs", "fields": ["edition", "program_id"]},
                }
            ]
        return out


_KEY = col(
    "edition", "integer", "Edición del proceso de monitoreo (2020, 2023, 2025…).", required=True
) + col(
    "program_id",
    "string",
    "Identificador estable del programa (slug).",
    required=True,
    columnType="activity:generic:program:code",
)
_PRICE = col(
    "price_base_year",
    "integer",
    "Año de precios de los montos de la fila: miles de pesos (M$) de ese año.",
    required=True,
)

PROGRAMS = TableSpec(
    "programs",
    "Programas",
    "Un programa por edición: identificación, años y año de precios.",
    tuple(
        _KEY
        + col("name", "string", "Nombre del programa.", required=True)
        + col(
            "service",
            "string",
            "Servicio responsable.",
            columnType="administrative-classification:generic:level2:code",
        )
        + col(
            "ministry",
            "string",
            "Ministerio.",
            columnType="administrative-classification:generic:level1:code",
        )
        + col("evaluated_year", "integer", "Año evaluado t.", required=True)
        + col("first_year", "integer", "Primer año que muestra la ficha.", required=True)
        + _PRICE
        + col("start_year", "integer", "Año de inicio del programa.")
        + col("end_year", "string", "Año de término o «Permanente»; vacío si no se publica.")
        + col("offer_type", "string", "Tipo de oferta (programa social / no social).")
        + col("universal", "boolean", "El programa se declara universal (población potencial = objetivo).")
        + col("regions", "string", "Regiones donde se implementa (claves separadas por «;»).")
        + col("target_unit", "string", "Unidad de la población objetivo.")
        + col("served_unit", "string", "Unidad de la población beneficiada.")
        + col("purpose", "string", "Propósito.")
        + col("description", "string", "Descripción publicada.")
        + col("published_at", "datetime", "Fecha de publicación del reporte.")
        + col("synthetic", "boolean", "Datos de demostración ficticios (generados por monitoreo synth).")
        + col(
            "findings_focalizacion",
            "integer",
            "Hallazgos no superados de focalización (la definición pública); vacío sin evaluación.",
        )
        + col("findings_eficiencia", "integer", "Hallazgos no superados de eficiencia; vacío sin evaluación.")
        + col("findings_eficacia", "integer", "Hallazgos no superados de eficacia; vacío sin evaluación.")
    ),
    ("edition", "program_id"),
)

YEARLY_METRICS: tuple[tuple[str, str, str], ...] = (
    # (column, metric name in compute_metrics, description)
    ("coverage_pct", "coverage_pct", "Cobertura: población beneficiada / objetivo × 100."),
    (
        "execution_initial_pct",
        "execution_initial_pct",
        "Ejecución presupuestaria inicial: ejecutado / inicial × 100.",
    ),
    (
        "execution_final_pct",
        "execution_final_pct",
        "Ejecución presupuestaria final: ejecutado / final × 100.",
    ),
    ("total_executed_mclp", "total_executed", "Total ejecutado (M$ de price_base_year)."),
    ("components_spend_mclp", "components_spend", "Total gastos componentes (M$ de price_base_year)."),
    ("admin_spend_mclp", "admin_spend", "Gasto administrativo (M$ de price_base_year)."),
    ("component_share_pct", "component_share_pct", "Porcentaje gastos componentes sobre el total ejecutado."),
    ("admin_share_pct", "admin_share_pct", "Porcentaje gasto administrativo sobre el total ejecutado."),
    (
        "spend_per_beneficiary_mclp",
        "spend_per_beneficiary",
        "Gasto por beneficiario (M$ de price_base_year por persona), según la fórmula de la edición.",
    ),
)

PROGRAM_YEARS = TableSpec(
    "program_years",
    "Programas por año",
    "Poblaciones y métricas de cada año que muestra la ficha (cobertura, ejecución, gasto por beneficiario…).",
    tuple(
        _KEY
        + col("year", "integer", "Año calendario de la fila.", required=True, columnType="date:fiscal-year")
        + _PRICE
        + coded("potential_population", "Población potencial.")
        + coded("target_population", "Población objetivo.")
        + coded("served_population", "Población beneficiada.")
        + coded("served_new", "Beneficiarios nuevos.")
        + coded("served_carry_over", "Beneficiarios de arrastre.")
        + col(
            "served_male_pct",
            "number",
            "Porcentaje de la población beneficiada de género masculino (si se publica).",
        )
        + col(
            "served_female_pct",
            "number",
            "Porcentaje de la población beneficiada de género femenino (si se publica).",
        )
        + [c for column, _, desc in YEARLY_METRICS for c in coded(column, desc)]
        + col(
            "metrics_published",
            "string",
            "Métricas de la fila que la ficha publica sin sus insumos (tomadas de la ficha, no calculadas), "
            "separadas por «;».",
        )
    ),
    ("edition", "program_id", "year"),
)

BUDGET_PHASES = {
    "inicial": ("initial", "approved"),
    "final": ("final", "adjusted"),
    "ejecutado": ("executed", "executed"),
    "gobiernos_regionales": ("regional_government", None),
    "extrapresupuestario": ("extra_budgetary", None),
    "total_ejecutado": ("total_executed", None),
    "gasto_administrativo": ("admin_spend", None),
}

BUDGETS = TableSpec(
    "budgets",
    "Presupuesto y gasto",
    "Presupuesto por fase, en formato largo (una fila por programa, año y fase), según las convenciones del "
    "Fiscal Data Package: una sola columna de monto (value), la fase en su columna (phase:id), el año fiscal "
    "(date:fiscal-year), la moneda y el multiplicador (miles) explícitos.",
    tuple(
        _KEY
        + col("fiscal_year", "integer", "Año fiscal.", required=True, columnType="date:fiscal-year")
        + col(
            "phase",
            "string",
            "Fase o concepto: inicial (Ley), final (con reasignaciones), ejecutado (Presupuesto Ley ejecutado), "
            "gobiernos_regionales, extrapresupuestario, total_ejecutado (sólo si la ficha lo imprime), "
            "gasto_administrativo.",
            required=True,
            columnType="phase:id",
            constraints={"required": True, "enum": list(BUDGET_PHASES)},
        )
        + col(
            "fdp_phase", "string", "Fase equivalente del Fiscal Data Package (approved, adjusted, executed)."
        )
        + coded("amount_mclp", "Monto en miles de pesos (M$) de price_base_year.", columnType="value")
        + col("currency", "string", "Moneda (ISO 4217).", columnType="value-currency:code")
        + col("multiplier", "integer", "Multiplicador de los montos (1000: miles de pesos).")
        + _PRICE
    ),
    ("edition", "program_id", "fiscal_year", "phase"),
)

SUBTITLES = TableSpec(
    "subtitles",
    "Gasto por subtítulo",
    "«GASTO POR SUBTÍTULOS»: gasto ejecutado por subtítulo del clasificador.",
    tuple(
        _KEY
        + col("fiscal_year", "integer", "Año fiscal.", required=True, columnType="date:fiscal-year")
        + col(
            "subtitle_code",
            "string",
            "Código del subtítulo (dos dígitos).",
            required=True,
            columnType="economic-classification:generic:level1:code",
        )
        + col(
            "subtitle_name",
            "string",
            "Nombre oficial del subtítulo.",
            columnType="economic-classification:generic:level1:label",
        )
        + col("label", "string", "Rótulo tal como lo imprime la ficha.")
        + coded("executed_mclp", "Gasto ejecutado (M$ de price_base_year).", columnType="value")
        + coded("admin_mclp", "Columna «Gastos administrativos» (edición 2020).")
        + _PRICE
    ),
    ("edition", "program_id", "fiscal_year", "subtitle_code"),
)

COMPONENTS = TableSpec(
    "components",
    "Componentes",
    "Gasto, producción y gasto unitario de cada componente por año.",
    tuple(
        _KEY
        + col("component_id", "string", "Clave estable del componente.", required=True)
        + col("year", "integer", "Año.", required=True, columnType="date:fiscal-year")
        + col("position", "integer", "Orden del componente en la ficha (desde 1).")
        + col("component_name", "string", "Nombre del componente.")
        + col("unit", "string", "Unidad de producción.")
        + coded("spend_mclp", "Gasto ejecutado del componente (M$ de price_base_year).")
        + coded("output", "Producción en la unidad de producción.")
        + coded("unit_cost_mclp", "Gasto unitario: gasto / producción (M$ de price_base_year por unidad).")
        + col(
            "unit_cost_published",
            "boolean",
            "El gasto unitario se toma de la ficha (sin insumos), no se calcula.",
        )
        + _PRICE
    ),
    ("edition", "program_id", "component_id", "year"),
)

REGIONS = TableSpec(
    "regions",
    "Desagregación regional",
    "«DESAGREGACIÓN REGIONAL DE GASTO COMPONENTES Y POBLACIÓN BENEFICIADA»: gasto y beneficiarios por región.",
    tuple(
        _KEY
        + col("year", "integer", "Año de la tabla regional.", required=True, columnType="date:fiscal-year")
        + col(
            "region_key",
            "string",
            "Clave de la región («nivel-central» para el gasto no regionalizable).",
            required=True,
        )
        + col(
            "region_cut", "string", "Código Único Territorial (CUT) de la región; vacío para «Nivel central»."
        )
        + col("region_name", "string", "Nombre de la región.")
        + col("position", "integer", "Orden de la fila en la ficha (desde 1).")
        + coded("spend_mclp", "Gasto de componentes ejecutado en la región (M$ de price_base_year).")
        + coded("served", "Población beneficiada en la región.")
        + coded("spend_share_pct", "Porcentaje del gasto de componentes.")
        + coded("served_share_pct", "Porcentaje de la población beneficiada.")
        + _PRICE
    ),
    ("edition", "program_id", "year", "region_key"),
)

INDICATORS = TableSpec(
    "indicators",
    "Indicadores de propósito",
    "Valor efectivo de cada indicador de propósito por año.",
    tuple(
        _KEY
        + col("indicator", "integer", "N° del indicador de propósito (desde 1).", required=True)
        + col("year", "integer", "Año.", required=True)
        + col("name", "string", "Nombre del indicador.")
        + col("formula", "string", "Fórmula de cálculo.")
        + col("unit", "string", "Unidad de medida.")
        + col("direction", "string", "Sentido de medición (ascendente / descendente).")
        + coded("value", "Valor efectivo, en la unidad del indicador.")
    ),
    ("edition", "program_id", "indicator", "year"),
)

OUTCOMES = TableSpec(
    "outcomes",
    "Resultados de la evaluación",
    "Un resultado por regla y sujeto: hallazgos (con su estado superado / no superado), evaluaciones sin "
    "hallazgo y casos no evaluables, con código estable, dimensión, rótulo del bloque, la frase que imprime la ficha y el texto del evaluador.",
    tuple(
        _KEY
        + col("seq", "integer", "N° correlativo del resultado dentro del programa.", required=True)
        + col("code", "string", "Código estable del resultado (regla + resultado).", required=True)
        + col("rule", "string", "Código de la regla.")
        + col(
            "dimension",
            "string",
            "Dimensión (focalizacion, eficiencia, eficacia).",
            constraints={"enum": ["focalizacion", "eficiencia", "eficacia"]},
        )
        + col(
            "verdict",
            "string",
            "Clase de resultado: finding (hallazgo), ok, not_evaluable.",
            constraints={"enum": ["finding", "ok", "not_evaluable"]},
        )
        + col(
            "status",
            "string",
            "Estado del hallazgo: no_superado / superado; vacío si no es hallazgo.",
            constraints={"enum": ["no_superado", "superado"]},
        )
        + col("indicator", "integer", "N° del indicador de propósito, si el resultado es de uno.")
        + col(
            "label",
            "string",
            "Rótulo del bloque en que la ficha imprime el resultado («Ejecución "
            "presupuestaria:»); vacío si la edición no usa rótulos.",
        )
        + col("text", "string", "Frase en español tal como la imprime la ficha.")
        + col(
            "detail", "string", "Texto del evaluador que sigue a la frase (sus razones), tal como se imprime."
        )
        + col("values_json", "string", "Valores usados por la regla (JSON).")
    ),
    ("edition", "program_id", "seq"),
)

TABLES: tuple[TableSpec, ...] = (
    PROGRAMS,
    PROGRAM_YEARS,
    BUDGETS,
    SUBTITLES,
    COMPONENTS,
    REGIONS,
    INDICATORS,
    OUTCOMES,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
