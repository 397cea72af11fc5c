"""Populations, production and the regional breakdown of a synthetic program (methodology §2.1, §2.5, §2.8).

Contract (true values, before any S/I is introduced):

* served (PB) follows the spend per beneficiary of the theme; about 18% of programs change their spend
  per beneficiary by more than 20% in the evaluated year;
* potential (PP) ≥ target (PO) ≥ served (PB) for most programs; about 3% serve more than their target and
  about 2% declare a target larger than the potential population; about 5% are universal (PP = PO);
* the regional table of the evaluated year lists the implemented regions (and «Nivel central» for some
  programs): its spend sums exactly to the components spend and its served to PB."""

from __future__ import annotations

import random
from dataclasses import dataclass

from monitoreo.synth.catalog import ComponentTemplate
from monitoreo.synth.draws import between, chance, log_uniform, noisy_weights, split_integer
from monitoreo.synth.setting import Setting

MAX_SERVED = 3_000_000
MIN_SERVED = 5


@dataclass(frozen=True)
class PopulationPlan:
    served: dict[int, int]
    target: dict[int, int]
    potential: dict[int, int]
    universal: bool


def _spend_factors(rng: random.Random, years: tuple[int, ...]) -> dict[int, float]:
    factors = {y: between(rng, (0.93, 1.07)) for y in years}
    if chance(rng, 0.18):
        factors[years[-1]] = between(rng, (1.3, 1.8)) if chance(rng, 0.5) else between(rng, (0.5, 0.72))
    return factors


def plan_populations(setting: Setting, total: dict[int, int]) -> PopulationPlan:
    """PB from the total executed and the theme's spend per beneficiary; PO and PP around it."""
    rng = setting.rng("populations")
    years = setting.years
    t = setting.evaluated_year
    per_beneficiary = log_uniform(rng, *setting.theme.spend_per_beneficiary)
    per_beneficiary = min(max(per_beneficiary, total[t] / MAX_SERVED), total[t] / MIN_SERVED)
    factors = _spend_factors(rng, years)
    served = {y: max(1, round(total[y] / (per_beneficiary * factors[y]))) for y in years}
    coverage = between(rng, (0.08, 0.95))
    over_target = chance(rng, 0.03)
    target = {}
    for y in years:
        c = between(rng, (1.02, 1.3)) if over_target and y == t else min(0.99, coverage * between(rng, (0.85, 1.15)))
        target[y] = max(1, round(served[y] / c))
    universal = chance(rng, 0.05)
    ratio = between(rng, (0.15, 0.9))
    potential = {y: target[y] if universal else round(target[y] / ratio) for y in years}
    if not universal and chance(rng, 0.02):
        potential[t] = round(target[t] * between(rng, (0.8, 0.97)))
    return PopulationPlan(served, target, potential, universal)


def outputs(setting: Setting, templates: list[ComponentTemplate], served: dict[int, int]) -> list[dict[int, int]]:
    """Production per component and year: served × the template's units per beneficiary (at least 1)."""
    rng = setting.rng("outputs")
    result = []
    for template in templates:
        ratio = between(rng, template.per_beneficiary)
        result.append({y: max(1, round(s * ratio * between(rng, (0.9, 1.1)))) for y, s in served.items()})
    return result


def sex_split(setting: Setting, served: int) -> dict[str, int]:
    """«…el 66% correspondió al género masculino, 34% al género femenino»; counts for half the programs."""
    rng = setting.rng("sex")
    female = round(served * between(rng, setting.theme.female_pct) / 100)
    female_pct = round(100 * female / served)
    split = {"male_pct": 100 - female_pct, "female_pct": female_pct}
    if chance(rng, 0.5):
        split |= {"male": served - female, "female": female}
    return split


def regional_rows(setting: Setting, regions: list[str], spend: int, served: int) -> list[tuple[str, int, int]]:
    """(region, spend, served) in ficha order, «nivel-central» last; zero means «-» in the table. Rows with
    neither spend nor served are left out."""
    rng = setting.rng("regional")
    weights = setting.catalog.region_weights
    spend_w = noisy_weights(rng, [weights[k] ** 0.7 for k in regions], 0.6)
    served_w = [0.0 if len(regions) > 1 and chance(rng, 0.08) else w * between(rng, (0.7, 1.4)) for w in spend_w]
    if not any(served_w):
        served_w = list(spend_w)
    keys = list(regions)
    if chance(rng, 0.35):
        share = between(rng, (0.01, 0.15))
        spend_w.append(sum(spend_w) * share / (1 - share))
        served_w.append(0.0)
        keys.append("nivel-central")
    spends = split_integer(spend, spend_w)
    people = split_integer(served, served_w)
    return [(k, s, p) for k, s, p in zip(keys, spends, people, strict=True) if s or p]
