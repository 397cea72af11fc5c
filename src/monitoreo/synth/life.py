"""One continuous life per synthetic program: its yearly series over 2019–2025, drawn once.

Contract: ``program_life(setting, component_count)`` draws every yearly figure of program *i* (budget phases,
GORE and extra-budgetary resources, admin share, component weights and production per beneficiary,
populations) for all of ``LIFE_YEARS`` from streams seeded by the portfolio seed and the program's position
only (``Setting.rng``, never the edition), so the same program shows the same figures for a year in every
edition that shows it. Amounts are **real terms** in M$ of ``REAL_BASE`` (the base of the shipped inflator
table); ``price_factor`` converts them to an edition's price base. Persistence: each program has its own
execution level, coverage, admin share and spend per beneficiary, and its yearly values drift around them
(an under-executor tends to stay one)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from monitoreo import reference
from monitoreo.synth.draws import between, chance, log_uniform, noisy_weights
from monitoreo.synth.setting import Setting

LIFE_YEARS = tuple(range(2019, 2026))
#: The shipped table whose base is the real-terms unit of the series.
INFLATORS = "base-2024"
REAL_BASE = 2024
MIN_SIZE = 10_000
MAX_SIZE = 500_000_000
MAX_SERVED = 3_000_000
MIN_SERVED = 5
UNDER, NORMAL, OVER = (0.45, 0.84), (0.86, 1.06), (1.11, 1.40)


@dataclass(frozen=True)
class ProgramLife:
    """Real-terms yearly series of one program (floats; converting and rounding is the edition's job)."""

    executed: dict[int, float]
    initial_rate: dict[int, float]
    final_rate: dict[int, float]
    regional_government: dict[int, float] | None
    extra_budgetary: dict[int, float] | None
    admin_share: dict[int, float]
    component_weights: dict[int, list[float]]
    served: dict[int, int]
    target: dict[int, int]
    potential: dict[int, int]
    universal: bool
    output_ratios: list[dict[int, float]]


def price_factor(price_base_year: int) -> float:
    """Multiplier from real terms (M$ of ``REAL_BASE``) to M$ of ``price_base_year``: 1 / the shipped factor
    of that year. A base the table does not cover (2026) gets 1: the amounts are shown as drawn, as before."""
    table = reference.inflator_table(INFLATORS)
    factor = table.factors.get(price_base_year)
    return 1.0 if factor is None else 1.0 / float(factor)


def _executed(rng: random.Random) -> dict[int, float]:
    """Presupuesto Ley ejecutado: a log-uniform level in the last year, earlier years −12 %…+18 % a year."""
    values = {LIFE_YEARS[-1]: log_uniform(rng, MIN_SIZE, MAX_SIZE)}
    for year in reversed(LIFE_YEARS[:-1]):
        values[year] = min(MAX_SIZE, max(MIN_SIZE, values[year + 1] / between(rng, (0.88, 1.18))))
    return dict(sorted(values.items()))


def _initial_rates(rng: random.Random) -> dict[int, float]:
    """Executed / initial budget: a profile (about 10 % under-executors, 4 % over-executors) and a yearly
    rate that mostly stays in the profile's band, drifting around the program's own level."""
    roll = rng.random()
    profile = "under" if roll < 0.10 else "over" if roll < 0.14 else "normal"
    home = {"under": UNDER, "over": OVER}.get(profile, NORMAL)
    level = between(rng, home)
    escape, p_escape = (UNDER, 0.05) if profile == "normal" else (NORMAL, 0.30)
    rates, deviation = {}, 0.0
    for year in LIFE_YEARS:
        deviation = 0.6 * deviation + rng.gauss(0.0, 0.03)
        if chance(rng, p_escape):
            rates[year] = between(rng, escape)
        else:
            rates[year] = min(home[1], max(home[0], level + deviation))
    return rates


def _final_rate(rng: random.Random, initial_rate: float) -> float:
    """Executed / final budget: at most 100% except for about 2% of program-years (S23 prints 108,5%)."""
    if chance(rng, 0.02):
        return between(rng, (1.001, 1.09))
    if initial_rate < 0.85:
        return between(rng, (0.70, 0.98))
    if initial_rate > 1.10:
        return between(rng, (0.95, 1.0))
    return between(rng, (0.90, 1.0))


def _leveraged(
    rng: random.Random, executed: dict[int, float], probability: float, share: tuple[float, float]
) -> dict[int, float] | None:
    if not chance(rng, probability):
        return None
    base = between(rng, share)
    return {y: v * base * between(rng, (0.8, 1.2)) for y, v in executed.items()}


def _drift(rng: random.Random, spread: float) -> dict[int, float]:
    """A multiplicative AR(1) factor around 1, one per year of the life."""
    factors, deviation = {}, 0.0
    for year in LIFE_YEARS:
        deviation = 0.6 * deviation + rng.gauss(0.0, spread)
        factors[year] = math.exp(deviation)
    return factors


def _spend_factors(rng: random.Random) -> dict[int, float]:
    """Spend per beneficiary relative to the program's level: a small drift, and in about 16 % of years a
    jump of more than 20 % that stays for the following years half of the time."""
    drift = _drift(rng, 0.03)
    shift, factors = 1.0, {}
    for year in LIFE_YEARS:
        jump = 1.0
        if year > LIFE_YEARS[0] and chance(rng, 0.16):
            jump = between(rng, (1.3, 1.8)) if chance(rng, 0.5) else between(rng, (0.5, 0.72))
            if chance(rng, 0.5):
                shift, jump = shift * jump, 1.0
        factors[year] = drift[year] * shift * jump
    return factors


def _populations(
    rng: random.Random, setting: Setting, total: dict[int, float]
) -> tuple[dict[int, int], dict[int, int], dict[int, int], bool]:
    mid = math.exp(sum(math.log(v) for v in total.values()) / len(total))
    per_beneficiary = log_uniform(rng, *setting.theme.spend_per_beneficiary)
    per_beneficiary = min(max(per_beneficiary, mid / MAX_SERVED), mid / MIN_SERVED)
    factors = _spend_factors(rng)
    served = {y: max(1, round(total[y] / (per_beneficiary * factors[y]))) for y in LIFE_YEARS}
    coverage, coverage_drift = between(rng, (0.08, 0.95)), _drift(rng, 0.05)
    target = {}
    for y in LIFE_YEARS:
        c = between(rng, (1.02, 1.3)) if chance(rng, 0.03) else min(0.99, coverage * coverage_drift[y])
        target[y] = max(1, round(served[y] / c))
    universal = chance(rng, 0.05)
    ratio, ratio_drift = between(rng, (0.15, 0.9)), _drift(rng, 0.03)
    potential = {
        y: target[y] if universal else round(target[y] / min(0.99, ratio * ratio_drift[y]))
        for y in LIFE_YEARS
    }
    for y in LIFE_YEARS:
        if not universal and chance(rng, 0.02):
            potential[y] = round(target[y] * between(rng, (0.8, 0.97)))
    return served, target, potential, universal


def program_life(
    setting: Setting, component_count: int, output_ranges: list[tuple[float, float]]
) -> ProgramLife:
    """The life of program ``setting.index`` (see the module docstring); ``output_ranges`` are the units per
    beneficiary of each component."""
    rng = setting.rng("life/budget")
    executed = _executed(rng)
    initial_rate = _initial_rates(rng)
    final_rate = {y: _final_rate(rng, initial_rate[y]) for y in LIFE_YEARS}
    gore = _leveraged(rng, executed, 0.07, (0.02, 0.25))
    extra = _leveraged(rng, executed, 0.06, (0.01, 0.15))
    share = 0.0 if chance(rng, 0.03) else between(rng, (0.03, 0.20))
    admin_share = {y: share * between(rng, (0.9, 1.1)) for y in LIFE_YEARS}
    rng = setting.rng("life/components")
    base = noisy_weights(rng, [1.0] * component_count, 0.8)
    weights = {y: noisy_weights(rng, base, 0.12) for y in LIFE_YEARS}
    ratios = []
    for bounds in output_ranges:
        level = between(rng, bounds)
        ratios.append({y: level * between(rng, (0.9, 1.1)) for y in LIFE_YEARS})
    total = {y: v + (gore or {}).get(y, 0.0) + (extra or {}).get(y, 0.0) for y, v in executed.items()}
    served, target, potential, universal = _populations(setting.rng("life/populations"), setting, total)
    return ProgramLife(
        executed,
        initial_rate,
        final_rate,
        gore,
        extra,
        admin_share,
        weights,
        served,
        target,
        potential,
        universal,
        ratios,
    )
