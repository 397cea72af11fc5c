"""``generate``: a deterministic portfolio of realistic, valid synthetic submissions.

Contract: ``generate(n, seed, edition)`` yields ``n`` ``Submission`` objects; it is pure (no I/O, no clock,
no global random state), the same arguments give equal submissions, and program *i* is the same whatever
``n`` is (a portfolio of 10 is the first 10 of a portfolio of 700). Program *i* has the same id, name,
ministry, service, theme, components and regions in every edition (the web demo shows it as a history),
and one continuous life of figures over 2019–2025 (``life``), drawn once and sliced to each edition's
window in its price base, so a year shows the same real figures in every edition. Every submission passes
``monitoreo.io.parse_submission`` and survives a write/read round trip. ``assessment`` is never filled and
``review`` only holds the pertinent justifications described in ``texts``. See
``docs/synthetic-portfolio.md`` for the distributions."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from monitoreo import formatting, reference
from monitoreo.domain.submission import Submission
from monitoreo.domain.values import Missing
from monitoreo.errors import MonitoreoError
from monitoreo.synth import identity, indicators, money, people, texts
from monitoreo.synth.catalog import Catalog, ComponentTemplate, load_catalog
from monitoreo.synth.draws import chance, pick, sample
from monitoreo.synth.life import program_life
from monitoreo.synth.setting import SUPPORTED_EDITIONS, Setting

_NONE = Missing.NONE
_SI = Missing.NOT_REPORTED


class UnsupportedEditionError(MonitoreoError, ValueError):
    """The synthetic generator has no conventions for this edition."""

    code = "synth.E001"


def _d(value: int) -> Decimal:
    return Decimal(value)


def _setting(seed: int, index: int, edition: int, catalog: Catalog) -> Setting:
    conventions = reference.edition_conventions(edition)
    years = tuple(range(edition - conventions.years_shown + 1, edition + 1))
    rng = Setting(
        seed,
        index,
        edition,
        years,
        conventions.price_base_year,
        catalog,
        catalog.services[0],
        next(iter(catalog.themes.values())),
    ).rng("service")
    service = rng.choices(catalog.services, weights=[s.weight for s in catalog.services])[0]
    theme = catalog.themes[pick(rng, service.themes)]
    return Setting(seed, index, edition, years, conventions.price_base_year, catalog, service, theme)


def _component_templates(setting: Setting) -> list[ComponentTemplate]:
    rng = setting.rng("components")
    count = rng.choices((1, 2, 3, 4), weights=(20, 35, 30, 15))[0]
    chosen = sample(rng, setting.theme.components, count)
    if len(chosen) < count or (count > 1 and chance(rng, 0.25)):
        extra = pick(rng, setting.catalog.generic_components)
        if all(identity.slugify(c.name) != identity.slugify(extra.name) for c in chosen):
            chosen = [*chosen[: count - 1], extra] if len(chosen) >= count else [*chosen, extra]
    return chosen


def _component_ids(templates: list[ComponentTemplate]) -> list[str]:
    ids: list[str] = []
    for template in templates:
        base = identity.slugify(template.name, 50)
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


def _budget_block(
    setting: Setting, plan: money.BudgetPlan, templates: list[ComponentTemplate], spends: list[dict[int, int]]
) -> dict[str, Any]:
    years: dict[int, Any] = {}
    for y in setting.years:
        gore = plan.regional_government[y] if plan.regional_government else None
        extra = plan.extra_budgetary[y] if plan.extra_budgetary else None
        years[y] = {
            "initial": _d(plan.initial[y]),
            "final": _d(plan.final[y]),
            "executed": _d(plan.executed[y]),
            "regional_government": _NONE if gore is None else _d(gore),
            "extra_budgetary": _NONE if extra is None else _d(extra),
            "total_executed": _d(plan.total[y]),
        }
    with_admin_column = setting.edition <= 2020
    rows = []
    for code, executed, admin in money.subtitle_rows(setting, plan, templates, spends):
        row: dict[str, Any] = {"code": code, "executed": _d(executed)}
        if with_admin_column:
            row["admin"] = _d(admin) if admin else _NONE
        rows.append(row)
    table: dict[str, Any] = {"rows": rows, "total": _d(plan.executed[setting.evaluated_year])}
    if with_admin_column:
        table["admin_total"] = _d(plan.admin[setting.evaluated_year])
    block: dict[str, Any] = {
        "years": years,
        "subtitles": {setting.evaluated_year: table},
        "admin_spend": {y: _d(v) for y, v in plan.admin.items()},
    }
    rng = setting.rng("admin-text")
    if plan.admin[setting.evaluated_year] > 0 and chance(rng, 0.9):
        block["admin_spend_description"] = pick(rng, setting.catalog.admin_descriptions)
    return block


def _populations_block(
    setting: Setting, pops: people.PopulationPlan, unit: str, description: str, source: str
) -> dict[str, Any]:
    t = setting.evaluated_year
    split = people.sex_split(setting, pops.served[t])
    served: dict[str, Any] = {
        "unit": unit,
        "quantity": {y: _d(v) for y, v in pops.served.items()},
        "by_sex": {t: split},
        "description": (
            f"La población beneficiada fue de {formatting.number(_d(pops.served[t]))} {unit}. Del total de "
            f"beneficiados, el {split['male_pct']}% correspondió al género masculino, {split['female_pct']}% al "
            "género femenino."
        ),
    }
    rng = setting.rng("carry-over")
    if chance(rng, 0.3):
        new = round(pops.served[t] * rng.uniform(0.3, 0.9))
        served |= {"new": {t: _d(new)}, "carry_over": {t: _d(pops.served[t] - new)}}
    year_note = f"{source}, {t}"
    criteria: dict[str, str] = {}
    if chance(rng, 0.85):
        criteria["focalization_criteria"] = pick(rng, setting.catalog.focalization_criteria)
    if chance(rng, 0.6):
        criteria["prioritization_criteria"] = pick(rng, setting.catalog.prioritization_criteria)
    return criteria | {
        "potential": {
            "unit": unit,
            "quantity": {y: _d(v) for y, v in pops.potential.items()},
            "source": year_note,
        },
        "target": {
            "unit": unit,
            "description": description,
            "quantity": {y: _d(v) for y, v in pops.target.items()},
            "source": year_note,
        },
        "served": served,
        "universal": pops.universal,
    }


def _regional_block(setting: Setting, regions: list[str], spend: int, served: int) -> dict[str, Any]:
    rows = [
        {"region": k, "spend": _d(s) if s else _NONE, "served": _d(p) if p else _NONE}
        for k, s, p in people.regional_rows(setting, regions, spend, served)
    ]
    return {"year": setting.evaluated_year, "rows": rows}


def _gaps(setting: Setting, data: dict[str, Any]) -> None:
    """Introduce the few «S/I» a real portfolio has, in earlier years only (the evaluated year stays complete
    so that the regional table adds up to PB)."""
    rng = setting.rng("gaps")
    first = setting.years[0]
    pops = data["populations"]
    if chance(rng, 0.04):
        pops["target"]["quantity"][first] = _SI
    if chance(rng, 0.03):
        pops["served"]["quantity"][first] = _SI
    if chance(rng, 0.03):
        pops["potential"]["quantity"] = {y: _SI for y in setting.years}
    if chance(rng, 0.02):
        data["budget"]["admin_spend"][first] = _SI
    if chance(rng, 0.02):
        data["budget"]["years"][first]["initial"] = _SI


def _texts(
    setting: Setting, data: dict[str, Any], plan: money.BudgetPlan, inds: list[indicators.IndicatorPlan]
) -> None:
    observations = texts.observations(
        setting, plan.initial_execution(setting.evaluated_year), plan.admin[setting.evaluated_year] > 0
    )
    worse = [i for i, ind in enumerate(inds, start=1) if ind.worse]
    decisions = []
    if worse and texts.wants_review(setting):
        observation, decision = texts.justification(setting, worse[0], len(observations) + 1)
        observations.append(observation)
        decisions.append(decision)
    data |= {
        "ods": texts.ods(setting),
        "gender_approach": texts.gender_approach(setting),
        "observations": observations,
        "technical_notes": texts.technical_notes(setting),
        "published_at": texts.published_at(setting),
    }
    if decisions:
        data["review"] = {"decisions": decisions}
    health = texts.health_adjustments(setting)
    if health is not None:
        data["health_adjustments"] = health
    conventions = reference.edition_conventions(setting.edition)
    if conventions.inflators:
        table = reference.inflator_table(conventions.inflators)
        data["inflators"] = {"base": table.base, "factors": dict(table.factors), "source": table.source}


def build_submission(seed: int, index: int, edition: int, catalog: Catalog | None = None) -> Submission:
    """Program ``index`` (0-based) of the portfolio of ``seed`` for ``edition``."""
    setting = _setting(seed, index, edition, catalog or load_catalog())
    t = setting.evaluated_year
    name = identity.program_name(setting)
    regions = identity.implemented_regions(setting)
    templates = _component_templates(setting)
    life = program_life(setting, len(templates), [c.per_beneficiary for c in templates])
    plan = money.plan_budget(setting, life)
    spends = money.split_components(setting, plan.components, life)
    pops = people.plan_populations(setting, life)
    outputs = people.outputs(setting, life)
    population = pick(setting.rng("population-text"), setting.theme.populations)
    program = identity.identity(setting, name, regions, [c.name for c in templates])
    data: dict[str, Any] = {
        "id": identity.program_id(name, index),
        "edition": edition,
        "evaluated_year": t,
        "synthetic": True,
        "years": list(setting.years),
        "price_base_year": setting.price_base_year,
        "program": program,
        "history": identity.history(setting, program["start_year"]),
        "populations": _populations_block(
            setting, pops, population.unit, population.description, population.source
        ),
        "budget": _budget_block(setting, plan, templates, spends),
        "components": [
            {
                "id": cid,
                "name": c.name,
                "unit": c.unit,
                "spend": {y: _d(v) for y, v in s.items()},
                "output": {y: _d(v) for y, v in o.items()},
            }
            for cid, c, s, o in zip(_component_ids(templates), templates, spends, outputs, strict=True)
        ],
        "regional": _regional_block(setting, regions, plan.components[t], pops.served[t]),
    }
    inds = indicators.plan_indicators(setting)
    data["indicators"] = [i.data for i in inds]
    _texts(setting, data, plan, inds)
    _gaps(setting, data)
    return Submission.model_validate(data)


def generate(n: int, seed: int, edition: int = 2023) -> Iterator[Submission]:
    """``n`` synthetic submissions of ``edition`` for ``seed`` (see the module docstring)."""
    if edition not in SUPPORTED_EDITIONS:
        supported = ", ".join(str(e) for e in SUPPORTED_EDITIONS)
        raise UnsupportedEditionError(
            f"edición {edition} no soportada por el generador (soportadas: {supported})"
        )
    if n < 0:
        raise ValueError("n debe ser un entero no negativo")
    catalog = load_catalog()
    for index in range(n):
        yield build_submission(seed, index, edition, catalog)
