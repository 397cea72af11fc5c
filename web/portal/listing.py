"""Rows of the program listing: JSON objects (``.json`` twin and API) and CSV rows (``.csv`` twin)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from programs.figures import KEY_FIGURES, show
from programs.models import Ficha

PAGE_SIZE = 25
CSV_HEADER = [
    "id",
    "nombre",
    "servicio",
    "ministerio",
    "edicion",
    "anio_evaluado",
    "presupuesto_ejecutado_mm",
    "cobertura_pct",
    "ejecucion_inicial_pct",
    "ejecucion_final_pct",
    "gasto_por_beneficiario_mm",
    "hallazgos_focalizacion",
    "hallazgos_eficiencia",
    "hallazgos_eficacia",
    "url",
    "datos_demostracion",
]


def row_data(f: Ficha) -> dict[str, Any]:
    """One listing row as JSON: raw figures (unrounded or code) and their es-CL text."""
    slug = f.program.slug
    return {
        "id": slug,
        "name": f.program.name,
        "service": f.program.service,
        "ministry": f.program.ministry,
        "edition": f.edition,
        "evaluated_year": f.evaluated_year,
        "price_base_year": f.price_base_year,
        "synthetic": f.synthetic,
        "url": reverse("portal:ficha-edition", args=[slug, f.edition]),
        "json_url": reverse("portal:ficha-edition-twin", args=[slug, f.edition, "json"]),
        "figures": f.figures,
        "figures_text": {name: show(name, f.figures.get(name), f.edition) for name in KEY_FIGURES},
        "findings": {
            "focalizacion": f.findings_targeting,
            "eficiencia": f.findings_efficiency,
            "eficacia": f.findings_effectiveness,
            "total": f.findings_total,
        },
    }


def csv_row(f: Ficha) -> list[Any]:
    g = f.figures
    return [
        f.program.slug,
        f.program.name,
        f.program.service,
        f.program.ministry,
        f.edition,
        f.evaluated_year,
        g.get("total_executed"),
        g.get("coverage_pct"),
        g.get("execution_initial_pct"),
        g.get("execution_final_pct"),
        g.get("spend_per_beneficiary"),
        f.findings_targeting,
        f.findings_efficiency,
        f.findings_effectiveness,
        reverse("portal:ficha-edition", args=[f.program.slug, f.edition]),
        "si" if f.synthetic else "no",
    ]
