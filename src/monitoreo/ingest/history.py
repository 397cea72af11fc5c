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
_EX_ANTE_2020 = re.compile(r"^Evaluaci[oó]n Ex[- ]Ante(?: de dise[ñn]o)?:\s*(.+?)(?:\s*\((.+?)\s+(\d{4})\))?$",
                           re.IGNORECASE)
_EX_POST_2020 = re.compile(r"^Evaluaci[oó]n(?:es)? Ex[- ]Post:\s*(.+)$", re.IGNORECASE)
_EVAL_2020 = re.compile(r'^(?P<type>.+?)\s+(?P<year>\d{4})\s+[“"](?P<title>[^"”]+)[”"](?:\s*-\s*(?P<status>.+))?$')


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
        ex_post = _EX_POST_2020.match(line.text)
        ex_ante = _EX_ANTE_2020.match(line.text)
        if ex_ante:
            verdict, kind, year = ex_ante.groups()
            done = verdict.rstrip(".").casefold() not in {"no", "no aplica", "no tiene"}
            entry: dict[str, Any] = {"done": done}
            if done:
                entry["verdict"] = verdict.strip()
                if year:
                    entry |= {"year": int(year), "type": kind.strip()}
            out["ex_ante"] = entry
            r.mark("history.ex_ante", line)
        elif ex_post:
            text = ex_post.group(1).strip()
            if text.rstrip(".").casefold() in {"no", "no aplica", "no tiene"}:
                out["ex_post"] = {"done": False}
            else:
                items = [_EVAL_2020.match(part.strip()) for part in text.split(";")]
                evaluations = []
                for part, item in zip(text.split(";"), items, strict=True):
                    if item is None:
                        r.issue("import.W012", "history.ex_post", f"evaluación «{part.strip()}» ilegible", line)
                        continue
                    evaluations.append({k: (int(v) if k == "year" else v.strip())
                                        for k, v in item.groupdict().items() if v})
                out["ex_post"] = {"done": True, **({"evaluations": evaluations} if evaluations else {})}
            r.mark("history.ex_post", line)
    return out
