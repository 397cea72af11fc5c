"""The shipped ODS reference (``src/monitoreo/reference/ods.yaml``): complete and clean."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ODS_YAML = Path(__file__).parents[2] / "src/monitoreo/reference/ods.yaml"

OFFICIAL_COUNTS = {
    1: 7,
    2: 8,
    3: 13,
    4: 10,
    5: 9,
    6: 8,
    7: 5,
    8: 12,
    9: 8,
    10: 10,
    11: 10,
    12: 11,
    13: 5,
    14: 10,
    15: 12,
    16: 12,
    17: 19,
}

SHORT_TITLES = {
    1: "Fin de la pobreza",
    2: "Hambre cero",
    3: "Salud y bienestar",
    4: "Educación de calidad",
    5: "Igualdad de género",
    6: "Agua limpia y saneamiento",
    7: "Energía asequible y no contaminante",
    8: "Trabajo decente y crecimiento económico",
    9: "Industria, innovación e infraestructura",
    10: "Reducción de las desigualdades",
    11: "Ciudades y comunidades sostenibles",
    12: "Producción y consumo responsables",
    13: "Acción por el clima",
    14: "Vida submarina",
    15: "Vida de ecosistemas terrestres",
    16: "Paz, justicia e instituciones sólidas",
    17: "Alianzas para lograr los objetivos",
}

# Verbatim strings printed in published fichas (the seeds; docs/methodology.md §9.4).
GOAL_TEXTS = {
    2: "Poner fin al hambre, lograr la seguridad alimentaria y la mejora de la nutrición y promover la "
    "agricultura sostenible",
    5: "Lograr la igualdad entre los géneros y empoderar a todas las mujeres y las niñas",
    8: "Promover el crecimiento económico sostenido, inclusivo y sostenible, el empleo pleno y productivo y el "
    "trabajo decente para todos",
}
TARGET_TEXTS = {
    "5.5": "Velar por la participación plena y efectiva de las mujeres y la igualdad de oportunidades de "
    "liderazgo a todos los niveles de la adopción de decisiones en la vida política, económica y pública",
    "8.1": "Mantener el crecimiento económico per capita de conformidad con las circunstancias nacionales y, en "
    "particular, un crecimiento del producto interno bruto de al menos un 7% anual en los países menos "
    "adelantados",
    "8.3": "Promover políticas orientadas al desarrollo que apoyen las actividades productivas, la creación de "
    "empleo decente, el emprendimiento, la creatividad y la innovación, y alentar la oficialización y el "
    "crecimiento de las microempresas y las pequeñas y medianas empresas, entre otras cosas mediante el "
    "acceso a servicios financieros",
}

SPLIT_WORD_ARTEFACTS = [
    "20 30",
    "prog ramas",
    "e mbarazadas",
    "desarrol lo",
    "aplicabl es",
    "Norte -Sur",
    "0, 20%",
    "públi ca",
    "capac idades",
    "confor midad",
    "as equibles",
    "efect os",
    "distorsio nes",
    "t eniendo",
    "proporciona r",
    "d icha",
    "rob ados",
    " ,",
]

# Section headings of goal 17 (both wordings) that PDF extraction glues to the end of lines.
SECTION_HEADINGS = [
    "Finanzas",
    "Tecnología",
    "Creación de capacidad",
    "Comercio",
    "Cuestiones sistémicas",
    "Coherencia normativa e institucional",
    "Coherencia normativa",
    "Alianzas entre múltiples interesados",
    "Datos, supervisión y rendición de cuentas",
    "Datos, vigilancia y rendición de cuentas",
]


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    loaded = yaml.safe_load(ODS_YAML.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def goals(data: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {g["number"]: g for g in data["goals"]}


def _all_texts(data: dict[str, Any]) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for goal in data["goals"]:
        texts.append((f"goal {goal['number']}", goal["text"]))
        texts.append((f"short title {goal['number']}", goal["short_title"]))
        texts.extend((t["id"], t["text"]) for t in goal["targets"])
    return texts


def test_top_level_shape(data: dict[str, Any]) -> None:
    assert set(data) == {"source", "cleaning", "goals"}
    assert "ahMarrone/ods" in data["source"]
    assert "un.org/sustainabledevelopment/es" in data["source"]
    assert data["cleaning"].strip()
    for goal in data["goals"]:
        assert set(goal) == {"number", "short_title", "text", "targets"}
        for target in goal["targets"]:
            assert set(target) == {"id", "text"}
            assert isinstance(target["id"], str) and isinstance(target["text"], str)


def test_seventeen_goals_in_order(data: dict[str, Any]) -> None:
    assert [g["number"] for g in data["goals"]] == list(range(1, 18))


def test_169_targets_with_official_counts_per_goal(goals: dict[int, dict[str, Any]]) -> None:
    assert sum(len(g["targets"]) for g in goals.values()) == 169
    assert {n: len(g["targets"]) for n, g in goals.items()} == OFFICIAL_COUNTS


def test_target_ids_belong_to_their_goal_and_are_ordered(goals: dict[int, dict[str, Any]]) -> None:
    for number, goal in goals.items():
        ids = [t["id"] for t in goal["targets"]]
        assert len(set(ids)) == len(ids)
        numeric = [int(i.split(".")[1]) for i in ids if re.fullmatch(rf"{number}\.\d+", i)]
        lettered = [i.split(".")[1] for i in ids if re.fullmatch(rf"{number}\.[a-z]", i)]
        assert len(numeric) + len(lettered) == len(ids), ids
        assert numeric == list(range(1, len(numeric) + 1))
        assert lettered == [chr(ord("a") + k) for k in range(len(lettered))]
        assert ids == [f"{number}.{n}" for n in numeric] + [f"{number}.{c}" for c in lettered]


def test_goal_17_is_complete(goals: dict[int, dict[str, Any]]) -> None:
    ids = [t["id"] for t in goals[17]["targets"]]
    assert ids[-7:] == [f"17.{n}" for n in range(13, 20)]


def test_short_titles(goals: dict[int, dict[str, Any]]) -> None:
    assert {n: g["short_title"] for n, g in goals.items()} == SHORT_TITLES


@pytest.mark.parametrize("number", sorted(GOAL_TEXTS))
def test_goal_texts_as_printed_in_fichas(goals: dict[int, dict[str, Any]], number: int) -> None:
    assert goals[number]["text"] == GOAL_TEXTS[number]


@pytest.mark.parametrize("target_id", sorted(TARGET_TEXTS))
def test_target_texts_as_printed_in_fichas(goals: dict[int, dict[str, Any]], target_id: str) -> None:
    goal = goals[int(target_id.split(".")[0])]
    texts = {t["id"]: t["text"] for t in goal["targets"]}
    assert texts[target_id] == TARGET_TEXTS[target_id]


def test_goal_texts_have_no_final_period(goals: dict[int, dict[str, Any]]) -> None:
    assert [n for n, g in goals.items() if g["text"].endswith(".")] == []


def test_no_spacing_artefacts(data: dict[str, Any]) -> None:
    for where, text in _all_texts(data):
        assert text, where
        assert text == text.strip(), where
        assert "  " not in text, where
        assert not re.search(r"\s", text.replace(" ", "")), where


@pytest.mark.parametrize("artefact", SPLIT_WORD_ARTEFACTS)
def test_no_split_word_artefacts(data: dict[str, Any], artefact: str) -> None:
    assert [where for where, text in _all_texts(data) if artefact in text] == []


# Legitimate endings that happen to end with a heading word (10.a ends with this proper noun).
LEGITIMATE_ENDINGS = ["Organización Mundial del Comercio"]


def test_no_section_heading_stuck_to_a_text(data: dict[str, Any]) -> None:
    stuck = [
        (where, heading)
        for where, text in _all_texts(data)
        if not where.startswith("short title")
        for heading in SECTION_HEADINGS
        if text.endswith(heading) and not any(text.endswith(ok) for ok in LEGITIMATE_ENDINGS)
    ]
    assert stuck == []


def test_no_target_id_glued_inside_a_text(data: dict[str, Any]) -> None:
    glued = [
        where
        for where, text in _all_texts(data)
        if re.search(r"\s\d{1,2}\.(\d{1,2}|[a-z])\s[A-ZÁÉÍÓÚ]", text)
    ]
    assert glued == []


def test_known_garbled_passages_fixed(goals: dict[int, dict[str, Any]]) -> None:
    targets = {t["id"]: t["text"] for g in goals.values() for t in g["targets"]}
    assert "de forma sostenible de los bosques" not in goals[15]["text"]
    assert "participativas y representativas" in targets["16.7"]
    assert not targets["16.7"].endswith(" y")
    assert targets["9.5"].endswith("para 2030")
    assert not any(text.endswith(",") for text in targets.values())
    assert targets["6.5"].endswith("según proceda")
    assert targets["6.6"].startswith(
        "Para 2020, proteger y restablecer los ecosistemas relacionados con el agua"
    )
