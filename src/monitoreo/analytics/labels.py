"""Spanish column headings for the analytics tables as people read them (``monitoreo analytics`` without
``--json``/``--csv``). The JSON and CSV outputs keep the stable English keys, which are the open-data field
names; ``tests/analytics/test_labels.py`` fails when a question returns a column with no heading here."""

from __future__ import annotations

COLUMN_LABELS: dict[str, str] = {
    "edition": "Edición",
    "evaluated_year": "Año evaluado",
    "ministry": "Ministerio",
    "metric": "Indicador",
    "programs": "Programas",
    "n": "Con dato",
    "n_missing": "Sin dato",
    "p25": "Percentil 25",
    "median": "Mediana",
    "p75": "Percentil 75",
    "mean": "Promedio",
    "min": "Mínimo",
    "max": "Máximo",
    "share_under_85": "Bajo 85 % (proporción)",
    "program_id": "Programa (id)",
    "program_name": "Programa",
    "name": "Programa",
    "component_id": "Componente (id)",
    "component_name": "Componente",
    "unit": "Unidad de producción",
    "unit_key": "Unidad (clave)",
    "year": "Año",
    "unit_cost_mclp": "Gasto unitario (M$)",
    "price_base_year": "Año de precios",
    "comparables": "Comparables",
    "group_median": "Mediana del grupo (M$)",
    "ratio_to_median": "Veces la mediana",
    "percentile": "Percentil",
    "position": "Posición",
    "reason": "Motivo",
    "code": "Hallazgo",
    "detail": "Detalle",
    "median_execution_initial_pct": "Mediana ejecución inicial (%)",
    "median_execution_final_pct": "Mediana ejecución final (%)",
    "median_coverage_pct": "Mediana cobertura (%)",
    "findings_per_program": "Hallazgos por programa",
    "total_executed_mclp": "Total ejecutado (M$)",
    "dimension": "Dimensión",
    "status": "Estado",
    "findings": "Hallazgos",
}


#: Spanish readings of the stable values some columns hold (the JSON/CSV keep the values themselves).
VALUE_LABELS: dict[str, dict[str, str]] = {
    "metric": {
        "execution_initial_pct": "Ejecución presupuestaria inicial (%)",
        "execution_final_pct": "Ejecución presupuestaria final (%)",
        "coverage_pct": "Cobertura (%)",
    },
    "reason": {
        "execution_under_85_three_years": "Ejecución inicial bajo 85 % los tres últimos años",
        "finding_repeated": "Hallazgo repetido en más de una edición",
        "persistence_rule": "Regla de persistencia de la metodología",
    },
    "status": {"no_superado": "No superado", "superado": "Superado"},
    "dimension": {"focalizacion": "Focalización", "eficiencia": "Eficiencia", "eficacia": "Eficacia"},
}


def value_label(column: str, value: object) -> object:
    """The Spanish reading of ``value`` in ``column`` (``value`` itself when the column has none)."""
    if isinstance(value, str):
        return VALUE_LABELS.get(column, {}).get(value, value)
    return value


def label(column: str) -> str:
    """The Spanish heading of ``column`` (the key itself when none is defined)."""
    return COLUMN_LABELS.get(column, column)
