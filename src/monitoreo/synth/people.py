"""Populations, production and the regional breakdown of a synthetic program (docs/methodology.md §2.1, §2.5, §2.8).

Contract (true values, before any S/I is introduced): the populations and production of the program's life
(``life.program_life``) sliced to the edition's window, so a year has the same counts in every edition.

* served (PB) follows the spend per beneficiary of the theme, drifting around the program's level; in about
  16 % of years it changes by more than 20 %;
* potential (PP) ≥ target (PO) ≥ served (PB) for most programs; in about 3% of years a program serves more
  than its target and in about 2% it declares a target larger than the potential population; about 5% are
  universal (PP = PO);
* the regional table of the evaluated year lists the implemented regions (and «Nivel central» for some
  programs): its spend sums exactly to the components spend and its served to PB."""

from __future__ import annotations

from dataclasses import dataclass

from monitoreo.synth.draws import between, chance, noisy_weights, split_integer
from monitoreo.synth.life import ProgramLife
from monitoreo.synth.setting import Setting


@dataclass(frozen=True)
class PopulationPlan:
    served: dict[int, int]
    target: dict[int, int]
    potential: dict[int, int]
    universal: bool


def plan_populations(setting: Setting, life: ProgramLife) -> PopulationPlan:
    """PB, PO and PP of the edition's window."""
    years = setting.years
    return PopulationPlan(
        {y: life.served[y] for y in years},
        {y: life.target[y] for y in years},
        {y: life.potential[y] for y in years},
        life.universal,
    )


def outputs(setting: Setting, life: ProgramLife) -> list[dict[int, int]]:
    """Production per component and year: served × the component's units per beneficiary (at least 1)."""
    return [
        {y: max(1, round(life.served[y] * ratio[y])) for y in setting.years} for ratio in life.output_ratios
    ]


def sex_split(setting: Setting, served: int) -> dict[str, int]:
    """«…el 66% correspondió al género masculino, 34% al género femenino»; counts for half the programs."""
    rng = setting.rng("sex")
    female = round(served * between(rng, setting.theme.female_pct) / 100)
    female_pct = round(100 * female / served)
    split = {"male_pct": 100 - female_pct, "female_pct": female_pct}
    if chance(rng, 0.5):
        split |= {"male": served - female, "female": female}
    return split


def regional_rows(
    setting: Setting, regions: list[str], spend: int, served: int
) -> list[tuple[str, int, int]]:
    """(region, spend, served) in ficha order, «nivel-central» last; zero means «-» in the table. Rows with
    neither spend nor served are left out."""
    rng = setting.rng("regional")
    weights = setting.catalog.region_weights
    spend_w = noisy_weights(rng, [weights[k] ** 0.7 for k in regions], 0.6)
    served_w = [
        0.0 if len(regions) > 1 and chance(rng, 0.08) else w * between(rng, (0.7, 1.4)) for w in spend_w
    ]
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
