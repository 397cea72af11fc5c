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
    "code": "Código",
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


def label(column: str) -> str:
    """The Spanish heading of ``column`` (the key itself when none is defined)."""
    return COLUMN_LABELS.get(column, column)
