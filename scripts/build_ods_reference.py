#!/usr/bin/env python3
"""Build ``src/monitoreo/reference/ods.yaml`` from the PDF-extracted ODS text.

Pure standard library. Reads ``shared/reference/ods_objetivos_metas_es.txt`` (one goal per «Objetivo N.»
line, one target per «N.M» line), applies the explicit fixes listed below, adds the targets 17.13–17.19 that
the extracted file lacks, checks the official per-goal target counts and writes the YAML.

Every fix is an exact substring replacement that must apply exactly as often as stated; if the input
changes, the script fails instead of silently producing different data.

Usage::

    python scripts/build_ods_reference.py [INPUT_TXT] [OUTPUT_YAML]

See ``docs/reference-ods.md``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = Path("/work/shared/reference/ods_objetivos_metas_es.txt")
DEFAULT_OUTPUT = REPO / "src" / "monitoreo" / "reference" / "ods.yaml"

SOURCE = (
    "Official Spanish texts of the 17 SDG goals and targets (UN Open Working Group text, the wording printed "
    "in fichas, e.g. «Para 2030, …», «Velar por la participación plena…»). Goals and targets 1.1–17.12: "
    "shared/reference/ods_objetivos_metas_es.txt (PDF extraction), cross-checked against the public copy "
    "ahMarrone/ods:docs/Obj-y-Metas-limpio.txt (commit dda8569fd609dc5184780601878198421421fc77), which holds "
    "the same text with the same artefacts and also stops at 17.12. Targets 17.13–17.19 (absent from both): "
    "same-wording public copy hugandoro/genus-estrat-eGov:database/seeds/ref_ods_objetivos_seeder.php "
    "(commit 487a111987370f17a44bd78c5a2f4a4921ed6fcc), whose 17.9–17.12 match the shared file word for word. "
    "Short titles: UN page https://www.un.org/sustainabledevelopment/es/objetivos-de-desarrollo-sostenible/ "
    "(«Hambre cero», «Igualdad de género», «Trabajo decente y crecimiento económico» also as printed in fichas). "
    "Built by scripts/build_ods_reference.py; see docs/reference-ods.md."
)

CLEANING = (
    "Rejoined words split by a space in the PDF extraction («20 30», «prog ramas», «e mbarazadas», «públi ca», "
    "«capac idades», «confor midad», «as equibles», «efect os», «distorsio nes», «t eniendo», «proporciona r», "
    "«d icha», «rob ados», «desarrol lo», «aplicabl es», «0, 20%», «Norte -Sur», «igualdad ,»); split target 6.6 "
    "off the end of the 6.5 line; removed the goal-17 section headings stuck to line ends («Finanzas» after the "
    "goal-17 text, «Tecnología» after 17.5, «Comercio» after 17.9); fixed three garbled passages: goal 15 "
    "«gestionar los bosques de forma sostenible de los bosques» (duplicated words), 16.7 «participativas "
    "representativas … a todos los niveles y» (misplaced «y») and 9.5 «para 2013» (for 2030); dropped the "
    "stray final comma of 8.7; wrote «1,25 dólares» (1.1) with the Spanish decimal comma used elsewhere in the "
    "text; removed the «Objetivo  N.» prefix (one or two spaces), trailing spaces, double spaces and final "
    "periods of goal texts; added the official texts of 17.13–17.19, missing from the extracted file. "
    "Result: 17 goals, 169 targets, official per-goal counts."
)

SHORT_TITLES: dict[int, str] = {
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

# Official number of targets per goal (169 in total).
OFFICIAL_COUNTS: dict[int, int] = {
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

# 1. Words split by a space (and stray spaces around punctuation): (wrong, right, expected occurrences).
#    Applied to the whole raw text.
SPLIT_WORD_FIXES: list[tuple[str, str, int]] = [
    ("para 20 30,", "para 2030,", 1),  # 1.3
    ("prog ramas", "programas", 1),  # 1.a
    ("mujeres e mbarazadas", "mujeres embarazadas", 1),  # 2.2
    ("salud públi ca", "salud pública", 1),  # 3.b
    ("igualdad , así", "igualdad, así", 1),  # 5.a
    ("capac idades", "capacidades", 1),  # 9.4
    ("confor midad", "conformidad", 1),  # 10.a
    ("as equibles", "asequibles", 1),  # 11.2
    ("efect os", "efectos", 1),  # 12.4
    ("distorsio nes", "distorsiones", 1),  # 12.c
    ("t eniendo", "teniendo", 1),  # 12.c
    ("proporciona r", "proporcionar", 1),  # 15.4
    ("d icha", "dicha", 1),  # 15.b
    ("rob ados", "robados", 1),  # 16.4
    ("desarrol lo", "desarrollo", 1),  # 17.2
    ("el 0, 20%", "el 0,20%", 1),  # 17.2
    ("Norte -Sur", "Norte-Sur", 1),  # 17.6
    ("aplicabl es", "aplicables", 1),  # 17.12
]

# 2. Other garbled passages, per line id ("goal:N" or a target id): (id, wrong, right).
PASSAGE_FIXES: list[tuple[str, str, str]] = [
    # Spanish decimal comma, as in «0,7%» / «0,15%» of 17.2 and the official Spanish text.
    ("1.1", "inferior a 1.25 dólares", "inferior a 1,25 dólares"),
    # Extraction misplaced the «y» of «participativas y representativas» at the end of the line.
    (
        "16.7",
        "decisiones inclusivas, participativas representativas que respondan a las necesidades a todos los niveles y",
        "decisiones inclusivas, participativas y representativas que respondan a las necesidades a todos los niveles",
    ),
    # Typo in the extracted text: the target year is 2030.
    ("9.5", "de los sectores público y privado para 2013", "de los sectores público y privado para 2030"),
    # Duplicated words in the goal-15 text.
    (
        "goal:15",
        "gestionar los bosques de forma sostenible de los bosques,",
        "gestionar los bosques de forma sostenible,",
    ),
    # Stray comma at the end of the target.
    (
        "8.7",
        "poner fin al trabajo infantil en todas sus formas,",
        "poner fin al trabajo infantil en todas sus formas",
    ),
]

# 3. Goal-17 section headings stuck to the end of a line: (line id, heading). Removed from the text.
STUCK_HEADINGS: list[tuple[str, str]] = [
    ("goal:17", "Finanzas"),
    ("17.5", "Tecnología"),
    ("17.9", "Comercio"),
]

# 4. Targets absent from the extracted file (it stops at 17.12). Official Spanish texts, same (Open Working
#    Group) wording as the rest of the file; copied from
#    https://github.com/hugandoro/genus-estrat-eGov/blob/487a111987370f17a44bd78c5a2f4a4921ed6fcc/database/seeds/ref_ods_objetivos_seeder.php
#    (section «Cuestiones sistémicas» and «Datos, supervisión y rendición de cuentas» of goal 17).
MISSING_TARGETS: list[tuple[str, str]] = [
    (
        "17.13",
        "Aumentar la estabilidad macroeconómica mundial, incluso mediante la coordinación y coherencia "
        "normativas",
    ),
    ("17.14", "Mejorar la coherencia normativa para el desarrollo sostenible"),
    (
        "17.15",
        "Respetar el liderazgo y el margen normativo de cada país para establecer y aplicar políticas "
        "orientadas a la erradicación de la pobreza y la promoción del desarrollo sostenible",
    ),
    (
        "17.16",
        "Fortalecer la Alianza Mundial para el Desarrollo Sostenible, complementada por alianzas entre "
        "múltiples interesados que movilicen y promuevan el intercambio de conocimientos, capacidad técnica, "
        "tecnología y recursos financieros, a fin de apoyar el logro de los Objetivos de Desarrollo "
        "Sostenible en todos los países, en particular los países en desarrollo",
    ),
    (
        "17.17",
        "Alentar y promover la constitución de alianzas eficaces en las esferas pública, público-privada y "
        "de la sociedad civil, aprovechando la experiencia y las estrategias de obtención de recursos de las "
        "asociaciones",
    ),
    (
        "17.18",
        "Para 2020, mejorar la prestación de apoyo para el fomento de la capacidad a los países en "
        "desarrollo, incluidos los países menos adelantados y los pequeños Estados insulares en desarrollo, "
        "con miras a aumentar de forma significativa la disponibilidad de datos oportunos, fiables y de alta "
        "calidad desglosados por grupos de ingresos, género, edad, raza, origen étnico, condición "
        "migratoria, discapacidad, ubicación geográfica y otras características pertinentes en los "
        "contextos nacionales",
    ),
    (
        "17.19",
        "Para 2030, aprovechar las iniciativas existentes para elaborar indicadores que permitan medir "
        "progresos logrados en materia de desarrollo sostenible y que complementen los utilizados para "
        "medir el producto interno bruto, y apoyar el fomento de la capacidad estadística en los países en "
        "desarrollo",
    ),
]

GOAL_RE = re.compile(r"^Objetivo\s+(\d+)\.\s+(.*)$")
TARGET_RE = re.compile(r"^(\d+)\.(\d+|[a-z])\s+(.*)$")
# A target id glued inside a line, e.g. «… según proceda 6.6 Para 2020, …».
EMBEDDED_TARGET_RE = re.compile(r"\s(\d+\.(?:\d+|[a-z]))\s(?=[A-ZÁÉÍÓÚÑ])")


class BuildError(Exception):
    pass


def _replace_exactly(text: str, wrong: str, right: str, expected: int, where: str) -> str:
    found = text.count(wrong)
    if found != expected:
        raise BuildError(f"{where}: expected {expected} occurrence(s) of {wrong!r}, found {found}")
    return text.replace(wrong, right)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _split_lines(raw: str) -> list[str]:
    """Non-empty lines, with glued targets («… 6.6 Para 2020, …») split onto their own line."""
    lines: list[str] = []
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            continue
        pieces = EMBEDDED_TARGET_RE.split(line)
        lines.append(pieces[0])
        for target_id, rest in zip(pieces[1::2], pieces[2::2], strict=True):
            lines.append(f"{target_id} {rest}")
    return lines


def _index_lines(raw: str) -> tuple[dict[str, str], list[str]]:
    """Text of each line by id («goal:N» or a target id), and the ids in file order."""
    texts: dict[str, str] = {}
    order: list[str] = []
    for line in _split_lines(raw):
        if m := GOAL_RE.match(line):
            key, text = f"goal:{int(m.group(1))}", m.group(2)
        elif m := TARGET_RE.match(line):
            key, text = f"{int(m.group(1))}.{m.group(2)}", m.group(3)
        else:
            raise BuildError(f"unrecognised line: {line[:80]!r}")
        if key in texts:
            raise BuildError(f"duplicate line id {key}")
        texts[key] = text
        order.append(key)
    return texts, order


def _apply_line_fixes(texts: dict[str, str], order: list[str]) -> None:
    for key, wrong, right in PASSAGE_FIXES:
        texts[key] = _replace_exactly(texts[key], wrong, right, 1, f"passage fix {key}")
    for key, heading in STUCK_HEADINGS:
        text = _normalise(texts[key])
        if not text.endswith(" " + heading):
            raise BuildError(f"{key}: expected heading {heading!r} at the end")
        texts[key] = text[: -len(heading)]
    for target_id, text in MISSING_TARGETS:
        if target_id in texts:
            raise BuildError(f"{target_id} is no longer missing from the input; drop it from MISSING_TARGETS")
        texts[target_id] = text
        order.append(target_id)


def _assemble(texts: dict[str, str], order: list[str]) -> list[dict[str, object]]:
    goals: list[dict[str, object]] = []
    targets: list[dict[str, str]] = []
    for key in order:
        text = _normalise(texts[key])
        if key.startswith("goal:"):
            number = int(key.split(":")[1])
            targets = []
            goals.append(
                {
                    "number": number,
                    "short_title": SHORT_TITLES[number],
                    "text": text.rstrip("."),
                    "targets": targets,
                }
            )
        elif goals and int(key.split(".")[0]) == goals[-1]["number"]:
            targets.append({"id": key, "text": text})
        else:
            raise BuildError(f"target {key} outside its goal")
    return goals


def parse(raw: str) -> list[dict[str, object]]:
    for wrong, right, expected in SPLIT_WORD_FIXES:
        raw = _replace_exactly(raw, wrong, right, expected, "split-word fix")
    texts, order = _index_lines(raw)
    _apply_line_fixes(texts, order)
    goals = _assemble(texts, order)
    _check(goals)
    return goals


def _check(goals: list[dict[str, object]]) -> None:
    numbers = [g["number"] for g in goals]
    if numbers != list(range(1, 18)):
        raise BuildError(f"goals are {numbers}, expected 1..17")
    for goal in goals:
        targets = goal["targets"]
        assert isinstance(targets, list)
        if len(targets) != OFFICIAL_COUNTS[int(str(goal["number"]))]:
            raise BuildError(
                f"goal {goal['number']}: {len(targets)} targets, expected "
                f"{OFFICIAL_COUNTS[int(str(goal['number']))]}"
            )
        for item in [goal, *targets]:
            text = str(item["text"])
            if "  " in text or text != text.strip() or not text:
                raise BuildError(f"bad spacing in {item.get('id', goal['number'])}: {text[:60]!r}")


def _q(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def to_yaml(goals: list[dict[str, object]]) -> str:
    out = [
        "# ODS (Objetivos de Desarrollo Sostenible): 17 goals, 169 targets, official Spanish text.",
        "# Generated by scripts/build_ods_reference.py — do not edit by hand; see docs/reference-ods.md.",
        f"source: {_q(SOURCE)}",
        f"cleaning: {_q(CLEANING)}",
        "goals:",
    ]
    for goal in goals:
        out.append(f"  - number: {goal['number']}")
        out.append(f"    short_title: {_q(str(goal['short_title']))}")
        out.append(f"    text: {_q(str(goal['text']))}")
        out.append("    targets:")
        targets = goal["targets"]
        assert isinstance(targets, list)
        for target in targets:
            out.append(f"      - id: {_q(target['id'])}")
            out.append(f"        text: {_q(target['text'])}")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_INPUT
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    goals = parse(source.read_text(encoding="utf-8"))
    output.write_text(to_yaml(goals), encoding="utf-8")
    total = sum(len(t) for g in goals if isinstance(t := g["targets"], list))
    print(f"wrote {output}: {len(goals)} goals, {total} targets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
