"""The comparison page (``/comparar/``): programs picked by *name* (a ``<datalist>`` of the published
programs — suggestions as one types, no JavaScript needed) or by id (``?ids=a,b`` links), one column per
program labelled with its name, edition and price base.

Contract: amounts of fichas with different price bases are never presented as one comparable series: each
column says its «M$ de <año>», and the table caption warns when the columns mix price bases. Synthetic
programs carry the demo mark in their column. Two queries whatever the number of programs picked."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.http import QueryDict
from django.urls import reverse
from programs.figures import KEY_FIGURES, show
from programs.models import Ficha

MAX_COMPARE = 6
#: Key figures in M$ (the others are percentages): their columns depend on the price base.
MONEY_FIGURES = frozenset({"total_executed", "spend_per_beneficiary"})
DEMO_SUFFIX = " — datos de demostración"


def choices() -> dict[str, str]:
    """Label → slug of every program with a published ficha, labels unique («Nombre — Servicio»)."""
    rows = (
        Ficha.objects.public()
        .filter(is_latest=True)
        .order_by("program__name", "program__slug")
        .values_list("program__slug", "program__name", "program__service", "synthetic")
    )
    out: dict[str, str] = {}
    for slug, name, service, synthetic in rows:
        label = f"{name} — {service}" + (DEMO_SUFFIX if synthetic else "")
        out[label if label not in out else f"{label} ({slug})"] = slug
    return out


def wanted(query: QueryDict, options: dict[str, str]) -> tuple[list[str], list[str]]:
    """The slugs asked for (``ids`` then each ``programa`` label, no repeats, at most ``MAX_COMPARE``) and the
    labels or ids that match no published program."""
    slugs = set(options.values())
    asked = [s.strip() for s in query.get("ids", "").split(",") if s.strip()]
    asked += [p.strip() for p in query.getlist("programa") if p.strip()]
    found: list[str] = []
    unknown: list[str] = []
    for item in asked:
        slug = options.get(item, item if item in slugs else None)
        if slug is None:
            unknown.append(item)
        elif slug not in found:
            found.append(slug)
    return found[:MAX_COMPARE], unknown


def build(query: QueryDict) -> dict[str, Any]:
    """Context of the comparison page; ``data`` is its JSON twin."""
    options = choices()
    slugs, unknown = wanted(query, options)
    found = {
        f.program.slug: f
        for f in Ficha.objects.public()
        .filter(is_latest=True, program__slug__in=slugs)
        .select_related("program")
        .defer("submission", "evaluation", "search_text")
    }
    fichas = [found[s] for s in slugs if s in found]
    label_of = {slug: label for label, slug in options.items()}
    years = sorted({int(y) for f in fichas for series in f.metrics.values() for y in series})
    programs = [
        {
            "id": f.program.slug,
            "name": f.program.name,
            "service": f.program.service,
            "ministry": f.program.ministry,
            "edition": f.edition,
            "price_base_year": f.price_base_year,
            "synthetic": f.synthetic,
            "label": label_of.get(f.program.slug, f.program.name),
            "url": reverse("portal:ficha", args=[f.program.slug]),
            "metrics": {m: f.metrics.get(m, {}) for m in KEY_FIGURES},
        }
        for f in fichas
    ]
    # Two columns never share a header: service in the header, and the id when name and service repeat.
    seen = Counter((p["name"], p["service"]) for p in programs)
    for p in programs:
        p["header_note"] = p["service"] + (f" ({p['id']})" if seen[(p["name"], p["service"])] > 1 else "")
    bases = sorted({f.price_base_year for f in fichas})
    tables = [
        {
            "metric": m,
            "label": label.replace(" (M$)", ""),
            "money": m in MONEY_FIGURES,
            "mixed_bases": m in MONEY_FIGURES and len(bases) > 1,
            "rows": [(y, [_cell(m, f, y) for f in fichas]) for y in years],
        }
        for m, label in KEY_FIGURES.items()
    ]
    inputs = [p["label"] for p in programs] + [""] * max(2, 3 - len(programs))
    data = {
        "ids": slugs,
        "not_found": unknown,
        "years": years,
        "price_base_years": bases,
        "programs": programs,
    }
    return {
        "data": data,
        "programs": programs,
        "tables": tables,
        "bases": bases,
        "inputs": inputs[:MAX_COMPARE],
        "options": list(options),
        "placeholder": next(iter(options), ""),
    }


def _cell(metric: str, ficha: Ficha, year: int) -> str:
    """es-CL text of ``metric`` in ``year``; empty when the ficha does not cover that year (not «-», which
    on a ficha means «none»)."""
    series = ficha.metrics.get(metric, {})
    return show(metric, series[str(year)], ficha.edition) if str(year) in series else ""


def csv_rows(data: dict[str, Any]) -> tuple[list[str], Any]:
    """The ``.csv`` twin: one row per program, figure and year, with the price base of its amounts."""
    header = ["id", "programa", "edicion", "anio_precios", "metrica", "anio", "valor"]
    rows = (
        [p["id"], p["name"], p["edition"], p["price_base_year"], m, y, p["metrics"][m].get(str(y), "")]
        for p in data["programs"]
        for m in KEY_FIGURES
        for y in data["years"]
    )
    return header, rows
