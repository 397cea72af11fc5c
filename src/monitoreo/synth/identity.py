"""Who the synthetic program is: name, slug id, identity block and evaluation history.

Program ids are ``<slug of the name>-<NNNN>`` where NNNN is the 1-based position in the portfolio, so ids
are unique within a portfolio by construction and stable for a seed."""

from __future__ import annotations

import random
import re
import unicodedata
from typing import Any

from monitoreo import reference
from monitoreo.synth.draws import chance, pick
from monitoreo.synth.setting import SUPPORTED_EDITIONS, Setting

_MAX_SLUG = 60
# Words a cut slug must not end with («…-rurales-en»).
_STOPWORDS = frozenset({"a", "al", "con", "de", "del", "el", "en", "la", "las", "los", "para", "por", "y"})


def slugify(text: str, max_length: int = _MAX_SLUG) -> str:
    """ASCII, lowercase, hyphen-separated slug, cut at a word boundary to ``max_length`` characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        words = slug[: max_length + 1].split("-")
        words = words[:-1] if len(words) > 1 else [words[0][:max_length]]
        while len(words) > 1 and words[-1] in _STOPWORDS:
            words.pop()
        slug = "-".join(words)
    return slug or "programa"


def program_name(setting: Setting) -> str:
    """«<Prefijo> <artículo> <núcleo> [<sufijo>]», e.g. «Apoyo al Emprendimiento en Zonas Rurales»."""
    rng = setting.rng("name")
    catalog = setting.catalog
    real = {slugify(n, 400) for n in catalog.real_names}
    while (
        True
    ):  # a real program's name is drawn again (docs/synthetic-portfolio.md): demo data never looks real
        name = pick(rng, catalog.prefixes).join(pick(rng, setting.theme.cores))
        if chance(rng, 0.3):
            name = f"{name} {pick(rng, catalog.suffixes)}"
        if slugify(name, 400) not in real:
            return name


def program_id(name: str, index: int) -> str:
    return f"{slugify(name)}-{index + 1:04d}"


def implemented_regions(setting: Setting) -> list[str]:
    """Region keys in ficha order: national programs (about 45%) or a random subset."""
    rng = setting.rng("regions")
    keys = [r.key for r in reference.regions() if not r.not_a_region]
    if chance(rng, 0.45):
        return keys
    chosen = set(rng.sample(keys, rng.randint(1, len(keys) - 1)))
    return [k for k in keys if k in chosen]


def _region_names(keys: list[str], edition: int) -> str:
    regions = {r.key: r for r in reference.regions()}
    names = [regions[k].name_2020 if edition <= 2020 else regions[k].name for k in keys]
    return ", ".join(names)


def _latest_start() -> int:
    """The last start year that leaves every supported edition's window complete (2018: 2020 shows 2019)."""
    return min(e - reference.edition_conventions(e).years_shown for e in SUPPORTED_EDITIONS)


def identity(setting: Setting, name: str, regions: list[str], component_names: list[str]) -> dict[str, Any]:
    """The ``program`` block. Start and end years do not depend on the edition (a program's history is the
    same in every edition): it starts before every supported window and, if it ends, after all of them."""
    rng = setting.rng("identity")
    theme = setting.theme
    latest = _latest_start()
    start = rng.randint(1994, latest) if chance(rng, 0.7) else rng.randint(latest - 6, latest)
    roll = rng.random()
    last_edition = max(SUPPORTED_EDITIONS)
    end: int | str | None = (
        "Permanente"
        if roll < 0.85
        else (rng.randint(last_edition + 1, last_edition + 6) if roll < 0.95 else None)
    )
    parts = [c[0].lower() + c[1:] for c in component_names]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " y " + parts[-1]
    description = (
        f"{pick(rng, theme.intros)}. Para ello entrega los siguientes bienes y servicios: {listed}. "
        f"Se implementa en las regiones: {_region_names(regions, setting.edition)}."
    )
    return {
        "name": name,
        "service": setting.service.name,
        "ministry": setting.service.ministry,
        "description": description,
        "regions": regions,
        "start_year": start,
        "end_year": end,
        "purpose": pick(rng, theme.purposes),
        "offer_type": setting.service.offer_type,
    }


def _year_between(rng: random.Random, low: int, high: int) -> int:
    return rng.randint(min(low, high), high)


def history(setting: Setting, start_year: int) -> dict[str, Any]:
    """«HISTORIAL EVALUATIVO»: ex ante, monitoring in the last three years (the only edition-dependent
    part), ex post and other evaluations."""
    rng = setting.rng("history")
    edition = setting.edition
    last = _latest_start()  # evaluation years do not depend on the edition either
    result: dict[str, Any] = {}
    if chance(rng, 0.75):
        result["ex_ante"] = {
            "done": True,
            "year": _year_between(rng, max(start_year, 2012), last),
            "verdict": "Recomendado favorablemente",
        }
    else:
        result["ex_ante"] = {"done": False}
    years = [y for y in range(edition - 3, edition) if y >= start_year]
    result["monitoring"] = {"done": bool(years), "years": years}
    if chance(rng, 0.12):
        kind = pick(
            rng,
            (
                "Evaluación de Programas Gubernamentales (EPG)",
                "Evaluación de Impacto (EI)",
                "Evaluación Sectorial (ES)",
            ),
        )
        result["ex_post"] = {
            "done": True,
            "evaluations": [
                {"year": _year_between(rng, max(start_year, 2010), last), "type": kind, "evaluator": "DIPRES"}
            ],
        }
    else:
        result["ex_post"] = {"done": False}
    if chance(rng, 0.2):
        kind, evaluator = pick(rng, setting.catalog.other_evaluations)
        result["other"] = {
            "done": True,
            "evaluations": [
                {
                    "year": _year_between(rng, max(start_year, 2010), last),
                    "type": kind,
                    "evaluator": evaluator,
                }
            ],
        }
    else:
        result["other"] = {"done": False}
    return result
