"""«HISTORIAL EVALUATIVO» of both layouts into ``EvaluationHistory`` data.

2023: «Evaluaciones Ex Ante: Sí» / «2020: Recomendado favorablemente»; «Ex Dure o Monitoreo (…):Sí» /
«2020, 2021, 2022»; «Evaluación Ex-Post: No»; «Otras evaluaciones: Sí» / «2021: Impacto - FAO».
2020: «Evaluación Ex-Ante de diseño: Recomendado Favorablemente (Revisión de Diseño 2020)»;
«Evaluaciones Ex Post: Evaluación Sectorial (ES) 2020 "Promoción de Exportaciones" - En curso»."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from monitoreo.ingest.lines import Line
from monitoreo.ingest.reader import Reader

_KEYS = (
    ("ex_ante", re.compile(r"^Evaluaci[oó]n(?:es)? Ex[- ]Ante:\s*(.*)$", re.IGNORECASE)),
    ("monitoring", re.compile(r"^Ex[- ]Dure o Monitoreo[^:]*:\s*(.*)$", re.IGNORECASE)),
    ("ex_post", re.compile(r"^Evaluaci[oó]n(?:es)? Ex[- ]Post:\s*(.*)$", re.IGNORECASE)),
    ("other", re.compile(r"^Otras evaluaciones:\s*(.*)$", re.IGNORECASE)),
)
_ITEM = re.compile(r"^(\d{4})\s*:\s*(.+)$")
_YES = {"sí": True, "si": True, "no": False}
_EX_ANTE_2020 = re.compile(
    r"^Evaluaci[oó]n Ex[- ]Ante(?: de dise[ñn]o)?:\s*(.+?)(?:\s*\((?:(.+?)\s+)?(\d{4})\))?$", re.IGNORECASE
)
_EVAL_2020 = re.compile(
    r'^(?P<type>.+?)\s+(?P<year>\d{4})(?:\s+[“"](?P<title>[^"”]+)[”"])?(?P<rest>(?:\s+-\s+.+)?)$'
)
#: Statuses printed after an evaluation («… - En curso»); any other trailing text names the evaluator.
_STATUSES = {"en curso", "en ejecución", "en ejecucion", "finalizada", "terminada", "concluida", "en proceso"}
_NO = {"no", "no aplica", "no tiene", "no informa"}


def _blocks(r: Reader, lines: Sequence[Line]) -> dict[str, tuple[Line, str, list[Line]]]:
    blocks: dict[str, tuple[Line, str, list[Line]]] = {}
    current: list[Line] | None = None
    for line in lines:
        if line.blank:
            continue
        for key, pattern in _KEYS:
            match = pattern.match(line.text)
            if match:
                current = []
                blocks[key] = (line, match.group(1).strip(), current)
                break
        else:
            if current is not None:
                current.append(line)
    return blocks


def read_2023(r: Reader, lines: Sequence[Line]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, (line, answer, rest) in _blocks(r, lines).items():
        done = _YES.get(answer.rstrip(".").strip().casefold())
        if done is None:
            r.issue("import.W012", f"history.{key}", f"respuesta «{answer}» no es Sí/No", line)
            continue
        r.mark(f"history.{key}", line)
        entry: dict[str, Any] = {"done": done}
        if key == "monitoring":
            years = [int(y) for x in rest for y in re.findall(r"\b(\d{4})\b", x.text)]
            if done and years:
                entry["years"] = years
        elif key == "ex_ante":
            item = next((m for x in rest if (m := _ITEM.match(x.text))), None)
            if done and item:
                entry |= {"year": int(item.group(1)), "verdict": item.group(2).strip()}
        elif done:
            evaluations = [_evaluation(m) for x in rest if (m := _ITEM.match(x.text))]
            if evaluations:
                entry["evaluations"] = evaluations
        out[key] = entry
    return out


def _evaluation(match: re.Match[str]) -> dict[str, Any]:
    kind, _, evaluator = match.group(2).partition(" - ")
    item: dict[str, Any] = {"year": int(match.group(1)), "type": kind.strip()}
    if evaluator.strip():
        item["evaluator"] = evaluator.strip()
    return item


def read_2020(r: Reader, lines: Sequence[Line]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for line in lines:
        ex_ante = _EX_ANTE_2020.match(line.text)
        key = next((k for k, pattern in _KEYS if k != "ex_ante" and pattern.match(line.text)), None)
        if ex_ante:
            out["ex_ante"] = _ex_ante_2020(ex_ante)
            r.mark("history.ex_ante", line)
        elif key == "monitoring":
            text = _KEYS[1][1].match(line.text).group(1).strip()  # type: ignore[union-attr]
            years = [int(y) for y in re.findall(r"\b(\d{4})\b", text)]
            out[key] = {
                "done": bool(years) or text.casefold() in {"sí", "si"},
                **({"years": years} if years else {}),
            }
            r.mark(f"history.{key}", line)
        elif key in ("ex_post", "other"):
            pattern = dict(_KEYS)[key]
            out[key] = _evaluations_2020(r, key, pattern.match(line.text).group(1).strip(), line)  # type: ignore[union-attr]
            r.mark(f"history.{key}", line)
    return out


def _ex_ante_2020(match: re.Match[str]) -> dict[str, Any]:
    verdict, kind, year = match.groups()
    if verdict.rstrip(".").casefold() in _NO:
        return {"done": False}
    entry: dict[str, Any] = {"done": True}
    if verdict.casefold() not in {"sí", "si"}:
        entry["verdict"] = verdict.strip()
    if year:
        entry["year"] = int(year)
    if kind:
        entry["type"] = kind.strip()
    return entry


def _evaluations_2020(r: Reader, key: str, text: str, line: Line) -> dict[str, Any]:
    """«Evaluación Sectorial (ES) 2020 "Promoción de Exportaciones" - En curso; …», «Sí» or «No»."""
    if text.rstrip(".").casefold() in _NO:
        return {"done": False}
    if text.casefold() in {"sí", "si"}:
        return {"done": True}
    evaluations = []
    for part in (p.strip() for p in text.split(";")):
        item = _EVAL_2020.match(part)
        if item is None:
            r.issue("import.W012", f"history.{key}", f"evaluación «{part}» ilegible", line)
            continue
        entry: dict[str, Any] = {"type": item["type"].strip(), "year": int(item["year"])}
        if item["title"]:
            entry["title"] = item["title"].strip()
        rest = [x.strip() for x in item["rest"].split(" - ") if x.strip()]
        if rest and rest[-1].casefold() in _STATUSES:
            entry["status"] = rest.pop()
        if rest:
            entry["evaluator"] = " - ".join(rest)
        evaluations.append(entry)
    return {"done": True, **({"evaluations": evaluations} if evaluations else {})}
