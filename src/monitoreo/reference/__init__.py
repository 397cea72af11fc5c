"""Reference data shipped as YAML files, each with its ``source`` (regions, subtítulos, ODS, inflators,
per-edition metric conventions). Loaded once per process and returned as immutable values."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from monitoreo.domain.inflators import InflatorTable
from monitoreo.domain.periods import Edition, PriceYear
from monitoreo.errors import MonitoreoError


class ReferenceError(MonitoreoError):
    """A reference lookup failed (unknown edition, inflator table…)."""

    code = "reference.E001"


def _load(name: str) -> Any:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass(frozen=True)
class Region:
    key: str
    cut: str | None
    roman: str | None
    name: str
    name_2020: str
    aliases: tuple[str, ...]
    not_a_region: bool = False


@cache
def regions() -> tuple[Region, ...]:
    """Regions in ficha order, «Nivel central» last."""
    return tuple(
        Region(
            key=r["key"],
            cut=r["cut"],
            roman=r["roman"],
            name=r["name"],
            name_2020=r["name_2020"],
            aliases=tuple(r.get("aliases", [])),
            not_a_region=bool(r.get("not_a_region", False)),
        )
        for r in _load("regions.yaml")["regions"]
    )


@cache
def _region_index() -> dict[str, Region]:
    index: dict[str, Region] = {}
    for region in regions():
        for spelling in (region.key, region.name, region.name_2020, *region.aliases):
            index[spelling.casefold()] = region
    return index


def find_region(spelling: str) -> Region | None:
    """The region a key, printed name or alias names (case-insensitive), or ``None``."""
    return _region_index().get(spelling.strip().casefold())


def region_order(key: str) -> int:
    """Position of a region key in ficha order (unknown keys last)."""
    keys = [r.key for r in regions()]
    return keys.index(key) if key in keys else len(keys)


@dataclass(frozen=True)
class Subtitle:
    code: str
    name: str
    printed_2023: str | None
    verified: bool


@cache
def subtitles() -> dict[str, Subtitle]:
    """Subtítulos by two-digit code."""
    return {
        s["code"]: Subtitle(s["code"], s["name"], s.get("printed_2023"), bool(s["verified"]))
        for s in _load("subtitles.yaml")["subtitles"]
    }


@dataclass(frozen=True)
class OdsTarget:
    id: str
    text: str


@dataclass(frozen=True)
class OdsGoal:
    number: int
    short_title: str
    text: str
    targets: tuple[OdsTarget, ...]

    def target(self, target_id: str) -> OdsTarget | None:
        return next((t for t in self.targets if t.id == target_id), None)


@cache
def ods_goals() -> dict[int, OdsGoal]:
    """The 17 goals with their targets, official Spanish text."""
    return {
        g["number"]: OdsGoal(
            g["number"],
            g["short_title"],
            g["text"],
            tuple(OdsTarget(t["id"], t["text"]) for t in g["targets"]),
        )
        for g in _load("ods.yaml")["goals"]
    }


@cache
def inflator_table(name: str) -> InflatorTable:
    """An inflator table by name (``base-2024``): shipped with the package, else one the unit entered
    (``reference/inflator_tables.py``, ``docs/inflators.md``)."""
    try:
        data = _load(f"inflators/{name}.yaml")
    except FileNotFoundError as exc:
        from monitoreo.reference.inflator_tables import load_user_table

        entered = load_user_table(name)
        if entered is not None:
            return entered
        raise ReferenceError(f"no existe la tabla de inflactores {name!r}") from exc
    factors = {int(k): Decimal(str(v)) for k, v in data["factors"].items()}
    return InflatorTable(base=PriceYear(int(data["base"])), factors=factors, source=data["source"])


RoundingMode = Literal["half_up", "truncate"]


@dataclass(frozen=True)
class Rounding:
    percent_decimals: int
    unit_cost_decimals: int
    indicator_decimals: int
    mode: RoundingMode


@dataclass(frozen=True)
class EditionConventions:
    """How an edition computes and prints the core metrics (see ``editions.yaml`` for sources)."""

    edition: Edition
    price_base_year: PriceYear
    years_shown: int
    spend_per_beneficiary: Literal["executed", "components_plus_admin"]
    rounding: Rounding
    inflators: str | None
    money_label: str
    sum_tolerance_per_addend: Decimal
    prints_inflators: bool = False


@cache
def edition_conventions(edition: int) -> EditionConventions:
    """Conventions of ``edition``; an unknown edition is a ``ReferenceError``."""
    editions = _load("editions.yaml")["editions"]
    if edition not in editions:
        known = ", ".join(str(e) for e in editions)
        raise ReferenceError(f"edición {edition} desconocida (conocidas: {known})")
    e = {k: v["value"] for k, v in editions[edition].items()}
    return EditionConventions(
        edition=Edition(edition),
        price_base_year=PriceYear(e["price_base_year"]),
        years_shown=e["years_shown"],
        spend_per_beneficiary=e["spend_per_beneficiary"],
        rounding=Rounding(**e["rounding"]),
        inflators=e["inflators"],
        money_label=e["money_label"],
        prints_inflators=bool(e.get("prints_inflators")),
        sum_tolerance_per_addend=Decimal(str(e["sum_tolerance_per_addend"])),
    )


def inflators_for_base(base: int) -> InflatorTable | None:
    """The inflator table whose base is ``base`` (shipped, else entered by the unit), or None."""
    from monitoreo.reference.inflator_tables import inflators_for_base as find

    return find(base)


@cache
def known_editions() -> tuple[int, ...]:
    """The editions with conventions (read once: every data file read asks, docs/hardening-inputs.md)."""
    return tuple(sorted(_load("editions.yaml")["editions"]))
