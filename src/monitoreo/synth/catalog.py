"""The synthetic portfolio's vocabulary, loaded from ``catalog.yaml``: ministries and their services, themes
(program name parts, populations, components with their units, purpose indicators, ODS targets) and the
texts programs write (observations, gender approach, technical notes).

Contract: ``load_catalog()`` returns one immutable ``Catalog`` per process; a malformed catalog raises
``KeyError``/``ValueError`` at load time (a programmer error, covered by the tests). The data is fiction
built on real institution names; see ``docs/synthetic-portfolio.md``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

Gender = Literal["m", "f", "mp", "fp"]
Link = Literal["a", "de", "para", "bare"]

_ARTICLES: dict[str, dict[str, str]] = {
    "a": {"m": "al", "f": "a la", "mp": "a los", "fp": "a las"},
    "de": {"m": "del", "f": "de la", "mp": "de los", "fp": "de las"},
    "para": {"m": "para el", "f": "para la", "mp": "para los", "fp": "para las"},
}


@dataclass(frozen=True)
class Prefix:
    """First words of a program name and how they join the core («Apoyo» + «a» → «Apoyo al …»)."""

    text: str
    link: Link

    def join(self, core: Core) -> str:
        if self.link == "bare":
            return f"{self.text} {core.text}"
        return f"{self.text} {_ARTICLES[self.link][core.gender]} {core.text}"


@dataclass(frozen=True)
class Core:
    """The noun phrase of a program name («Emprendimiento Rural», masculine singular)."""

    text: str
    gender: Gender


@dataclass(frozen=True)
class PopulationTemplate:
    unit: str
    description: str
    source: str


@dataclass(frozen=True)
class ComponentTemplate:
    """A component: its name, unit of production, output per beneficiary and the subtítulo it spends on."""

    name: str
    unit: str
    per_beneficiary: tuple[float, float]
    subtitle: str


@dataclass(frozen=True)
class IndicatorTemplate:
    name: str
    formula: str
    direction: Literal["ascendente", "descendente"]
    range: tuple[float, float]


@dataclass(frozen=True)
class OdsPick:
    goal: int
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    key: str
    cores: tuple[Core, ...]
    intros: tuple[str, ...]
    purposes: tuple[str, ...]
    populations: tuple[PopulationTemplate, ...]
    components: tuple[ComponentTemplate, ...]
    indicators: tuple[IndicatorTemplate, ...]
    ods: tuple[OdsPick, ...]
    spend_per_beneficiary: tuple[float, float]
    female_pct: tuple[float, float]


@dataclass(frozen=True)
class Service:
    name: str
    acronym: str | None
    ministry: str
    themes: tuple[str, ...]
    offer_type: str
    weight: float


@dataclass(frozen=True)
class Catalog:
    prefixes: tuple[Prefix, ...]
    suffixes: tuple[str, ...]
    services: tuple[Service, ...]
    themes: dict[str, Theme]
    generic_components: tuple[ComponentTemplate, ...]
    region_weights: dict[str, float]
    gender_statements: tuple[str, ...]
    observations: dict[str, tuple[str, tuple[str, ...]]]
    justifications: tuple[str, ...]
    technical_notes: dict[int, tuple[str, ...]]
    health_adjustments: tuple[str, ...]
    other_evaluations: tuple[tuple[str, str], ...]
    admin_descriptions: tuple[str, ...]
    focalization_criteria: tuple[str, ...]
    prioritization_criteria: tuple[str, ...]
    #: Real programs' names a synthetic program never takes (``identity.program_name`` draws again).
    real_names: tuple[str, ...] = ()

    @property
    def ministries(self) -> tuple[str, ...]:
        """Ministry names in catalog order, without repeats."""
        return tuple(dict.fromkeys(s.ministry for s in self.services))


def _pair(value: Any) -> tuple[float, float]:
    low, high = (float(v) for v in value)
    if not 0 <= low <= high:
        raise ValueError(f"rango inválido {value!r}")
    return low, high


def _component(c: dict[str, Any]) -> ComponentTemplate:
    return ComponentTemplate(c["name"], c["unit"], _pair(c["per_beneficiary"]), str(c["subtitle"]))


def _theme(key: str, t: dict[str, Any]) -> Theme:
    return Theme(
        key=key,
        cores=tuple(Core(c["text"], c["g"]) for c in t["cores"]),
        intros=tuple(t["intros"]),
        purposes=tuple(t["purposes"]),
        populations=tuple(
            PopulationTemplate(p["unit"], p["description"], p["source"]) for p in t["populations"]
        ),
        components=tuple(_component(c) for c in t["components"]),
        indicators=tuple(
            IndicatorTemplate(i["name"], i["formula"], i["direction"], _pair(i["range"]))
            for i in t["indicators"]
        ),
        ods=tuple(OdsPick(int(o["goal"]), tuple(str(x) for x in o.get("targets", []))) for o in t["ods"]),
        spend_per_beneficiary=_pair(t["spend_per_beneficiary"]),
        female_pct=_pair(t.get("female_pct", [35, 65])),
    )


def _services(ministries: list[dict[str, Any]]) -> tuple[Service, ...]:
    return tuple(
        Service(
            s["name"],
            s.get("acronym"),
            m["name"],
            tuple(s["themes"]),
            s.get("offer_type", m["offer_type"]),
            float(m["weight"]) / len(m["services"]),
        )
        for m in ministries
        for s in m["services"]
    )


@cache
def load_catalog() -> Catalog:
    """The shipped catalog (``monitoreo/synth/catalog.yaml``)."""
    text = resources.files(__package__).joinpath("catalog.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    themes = {key: _theme(key, t) for key, t in data["themes"].items()}
    services = _services(data["ministries"])
    unknown = {t for s in services for t in s.themes} - set(themes)
    if unknown:
        raise KeyError(f"temas desconocidos en servicios: {sorted(unknown)}")
    return Catalog(
        prefixes=tuple(Prefix(p["text"], p["link"]) for p in data["name_prefixes"]),
        suffixes=tuple(data["name_suffixes"]),
        services=services,
        themes=themes,
        generic_components=tuple(_component(c) for c in data["generic_components"]),
        region_weights={str(k): float(v) for k, v in data["region_weights"].items()},
        gender_statements=tuple(data["gender_statements"]),
        observations={k: (v["topic"], tuple(v["texts"])) for k, v in data["observations"].items()},
        justifications=tuple(data["justifications"]),
        technical_notes={int(k): tuple(v) for k, v in data["technical_notes"].items()},
        health_adjustments=tuple(data["health_adjustments"]),
        other_evaluations=tuple((e["type"], e["evaluator"]) for e in data["other_evaluations"]),
        admin_descriptions=tuple(data["admin_descriptions"]),
        focalization_criteria=tuple(data["focalization_criteria"]),
        prioritization_criteria=tuple(data["prioritization_criteria"]),
        real_names=tuple(data.get("real_program_names", [])),
    )
