"""The portfolio dashboard (``/panorama/``): distributions of execution, coverage and spend per beneficiary
over one edition's published fichas, findings per ministry and dimension, and programs with persistent
findings. Four queries whatever the portfolio size.

*Persistent finding*: the same finding rule in two or more published editions of a program, or an outcome
whose code says so (``…persistent…``, the methodology's «tres años consecutivos» rules)."""

from __future__ import annotations

import math
from typing import Any

from django.db.models import Count, Max, Q, Sum
from django.urls import reverse
from programs.models import Ficha, Outcome

from monitoreo.domain.outcomes import FindingStatus
from monitoreo.methodology import registry
from portal.charts import bins, histogram_svg
from portal.search import DIMENSIONS

EXECUTION_EDGES = [0, 50, 70, 80, 90, 95, 100, 105, 110, 125]
COVERAGE_EDGES = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150]
SPEND_EDGES = [0, 10, 30, 100, 300, 1000, 3000, 10000, 30000, 100000]


def _distribution(
    name: str, title: str, values: list[float], edges: list[float], unit: str
) -> dict[str, Any]:
    hist = bins(values, edges, unit)
    return {
        "metric": name,
        "title": title,
        "n": len(values),
        "bins": [{"low": b.low, "high": b.high, "label": b.label, "count": b.count} for b in hist],
        "svg": histogram_svg(hist, title, unit=unit, log=edges is SPEND_EDGES),
    }  # amounts: geometric edges


def _persistent(edition: int) -> list[dict[str, Any]]:
    # Superados are not «hallazgos» for the public (domain.outcomes.is_public_finding): docs/web-portal.md.
    rows = (
        Outcome.objects.filter(verdict="finding", ficha__published=True, ficha__edition__lte=edition)
        .exclude(status=FindingStatus.RESOLVED.value)
        .values("ficha__program__slug", "ficha__program__name", "ficha__synthetic", "rule", "code")
        .annotate(editions=Count("ficha__edition", distinct=True), last=Max("ficha__edition"))
    )
    found: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["editions"] >= 2 or "persist" in r["code"]:
            item = found.setdefault(
                r["ficha__program__slug"],
                {
                    "id": r["ficha__program__slug"],
                    "name": r["ficha__program__name"],
                    "rules": [],
                    "synthetic": r["ficha__synthetic"],
                    "url": reverse("portal:ficha", args=[r["ficha__program__slug"]]),
                },
            )
            title = rule_title(r["rule"])
            if title not in item["rules"]:
                item["rules"].append(title)
    return sorted(found.values(), key=lambda i: i["name"])


def rule_title(code: str) -> str:
    """The Spanish title of a methodology rule («Ejecución presupuestaria inicial»); the public never sees
    the rule's code. An unknown rule (a plugin since removed) reads as a generic finding."""
    spec = registry.get(code)
    return spec.title if spec is not None and spec.title else "Hallazgo de la metodología"


#: A panorama of fewer published fichas than this is not a portfolio: the default edition is then the latest
#: one that has a portfolio (one 2025 ficha published must not turn the dashboard into a 1-program chart).
MIN_PORTFOLIO = 10


def default_edition(counts: dict[int, int]) -> int | None:
    """The edition the dashboard opens on: the latest with at least ``MIN_PORTFOLIO`` published fichas,
    else the one with most fichas (latest on ties). ``counts``: published fichas per edition."""
    if not counts:
        return None
    full = [e for e, n in counts.items() if n >= MIN_PORTFOLIO]
    if full:
        return max(full)
    return max(counts, key=lambda e: (counts[e], e))


def build(edition: int | None) -> dict[str, Any]:
    """Context of the dashboard for ``edition`` (default: the latest published one)."""
    public = Ficha.objects.public()
    counts = dict(public.values_list("edition").annotate(n=Count("id")).order_by())
    editions = sorted(counts, reverse=True)
    chosen = edition if edition in counts else default_edition(counts)
    fichas = public.filter(edition=chosen)
    values = list(
        fichas.values_list("execution_initial_pct", "coverage_pct", "spend_per_beneficiary", "synthetic")
    )
    execution = [v[0] for v in values if v[0] is not None]
    coverage = [v[1] for v in values if v[1] is not None]
    spend = [v[2] for v in values if v[2] is not None and math.isfinite(v[2])]
    per_ministry = list(
        fichas.values("program__ministry")
        .annotate(
            programs=Count("id"),
            focalizacion=Sum("findings_targeting"),
            eficiencia=Sum("findings_efficiency"),
            eficacia=Sum("findings_effectiveness"),
            with_findings=Count("id", filter=Q(findings_total__gt=0)),
        )
        .order_by("program__ministry")
    )
    ministries = [
        {
            "ministry": r["program__ministry"],
            "programs": r["programs"],
            "with_findings": r["with_findings"],
            "findings": {d: r[d] or 0 for d in DIMENSIONS},
        }
        for r in per_ministry
    ]
    data = {
        "edition": chosen,
        "editions": [{"edition": e, "programs": counts[e]} for e in editions],
        "programs": len(values),
        "synthetic": sum(1 for v in values if v[3]),
        "distributions": [
            _distribution(
                "execution_initial_pct",
                "Ejecución presupuestaria inicial (%)",
                execution,
                EXECUTION_EDGES,
                "%",
            ),
            _distribution("coverage_pct", "Cobertura (%)", coverage, COVERAGE_EDGES, "%"),
            _distribution("spend_per_beneficiary", "Gasto por beneficiario (M$)", spend, SPEND_EDGES, ""),
        ],
        "findings_by_ministry": ministries,
        "totals": {d: sum(m["findings"][d] for m in ministries) for d in DIMENSIONS},
        "persistent": _persistent(chosen) if chosen else [],
    }
    charts = [{"title": d["title"], "svg": d.pop("svg"), "bins": d["bins"]} for d in data["distributions"]]
    return {"data": data, "dimensions": DIMENSIONS, "charts": charts}
