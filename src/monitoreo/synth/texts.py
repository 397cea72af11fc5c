"""Texts of a synthetic program: ODS contribution, gender approach, institution observations, technical
notes, the 2020 health-adjustment note, publication date and the optional review decision.

Contract: ODS goals and targets come from the theme and exist in ``reference.ods_goals()``; technical notes
are the edition's (price base = edition + 1, window years); ``published_at`` falls between April and July of
the year after the edition, drawn from the seed; a review decision is only ever a *pertinent* justification
of a purpose-indicator decrease (``effectiveness.purpose_indicator.worse``), for about a third of the
programs whose indicator got worse."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from monitoreo.synth.draws import chance, pick, sample
from monitoreo.synth.setting import Setting

WORSE_FINDING = "effectiveness.purpose_indicator.worse"
PERTINENT_TEXT = "pero la justificación entregada es pertinente."


def ods(setting: Setting) -> list[dict[str, Any]]:
    rng = setting.rng("ods")
    if chance(rng, 0.12):
        return []
    picks = sample(rng, setting.theme.ods, 1 if chance(rng, 0.6) else 2)
    result = []
    for p in sorted(picks, key=lambda p: p.goal):
        targets = sorted(sample(rng, p.targets, rng.randint(0, len(p.targets))))
        result.append({"goal": p.goal, "targets": targets} if targets else {"goal": p.goal})
    return result


def gender_approach(setting: Setting) -> str:
    return pick(setting.rng("gender"), setting.catalog.gender_statements)


def observations(setting: Setting, initial_execution: float, admin_reported: bool) -> list[dict[str, str]]:
    """Topic-tagged observations that react to the data (under- or over-execution first)."""
    rng = setting.rng("observations")
    kinds = []
    if initial_execution < 0.85 and chance(rng, 0.7):
        kinds.append("under_execution")
    elif initial_execution > 1.10 and chance(rng, 0.7):
        kinds.append("over_execution")
    for kind, probability in (
        ("population", 0.12),
        ("components", 0.08),
        ("admin", 0.06 if admin_reported else 0),
    ):
        if chance(rng, probability):
            kinds.append(kind)
    result = []
    for kind in kinds:
        topic, texts = setting.catalog.observations[kind]
        result.append({"topic": topic, "text": pick(rng, texts).format(year=setting.evaluated_year)})
    return result


def justification(
    setting: Setting, indicator: int, observation_number: int
) -> tuple[dict[str, str], dict[str, Any]]:
    """An observation justifying indicator ``indicator``'s decrease and the evaluator's pertinent decision."""
    rng = setting.rng("justification")
    text = pick(rng, setting.catalog.justifications).format(year=setting.evaluated_year)
    decision = {
        "finding": WORSE_FINDING,
        "indicator": indicator,
        "justification": {"observation": observation_number, "text": text},
        "verdict": "pertinente",
        "text": PERTINENT_TEXT,
    }
    return {"topic": "Indicador de propósito", "text": text}, decision


def wants_review(setting: Setting) -> bool:
    return chance(setting.rng("review"), 0.35)


def technical_notes(setting: Setting) -> list[str]:
    notes = setting.catalog.technical_notes[setting.edition]
    return [
        n.format(
            price_base_year=setting.price_base_year, first_year=setting.years[0], last_year=setting.years[-1]
        )
        for n in notes
    ]


def health_adjustments(setting: Setting) -> str | None:
    """«AJUSTES POR SITUACIÓN SOCIO SANITARIA» exists only in the 2020 edition."""
    if setting.edition != 2020:
        return None
    return pick(setting.rng("health"), setting.catalog.health_adjustments)


def published_at(setting: Setting) -> datetime:
    rng = setting.rng("published")
    start = datetime(setting.edition + 1, 4, 1, 9, 0)
    return start + timedelta(days=rng.randrange(0, 120), minutes=rng.randrange(0, 9 * 60))
