"""Load a methodology edition file (``src/monitoreo/methodologies/<E>.yaml``), resolve its ``extends``
chain and check it against the rule registry.

Contract: ``load_edition(e)`` / ``load_edition_file(path)`` return an ``EditionSpec`` or raise
``MethodologyError`` listing *every* problem (unknown rule, missing or unknown parameter, value without
``source``/``status``, missing wording, unknown placeholder…), each with a ``methodology.E0nn`` code.

File shape (every leaf value is ``{value, source, status}``, status E/I/A as in methodology.md)::

    edition: 2025
    extends: 2023                    # optional: start from that edition
    title: {value: …, source: …, status: E}
    settings: {justification_clears_finding: …, block_style: …, no_findings: {focalizacion: …, …}}
    judgements: [targeting.new_criteria, …]   # evaluator judgement codes the active rules read
    order: [rule codes]              # optional: evaluation/printing order (default: parent's, then new)
    rules:
      efficiency.initial_execution:
        enabled: false               # only to drop an inherited rule
        label: {value: «Ejecución presupuestaria:», source: …, status: E}   # optional block label
        assessment: {value: true, …} # optional: ok outcomes print as the evaluator's assessment
        parameters: {under_pct: {value: 85, source: …, status: E}}
        wording: {under: {value: «…», source: …, status: E}}
    combined:                        # optional: two outcomes printed as one sentence
      - outcomes: [targeting.served_subset.not_subset, targeting.prioritization_criteria.unclear]
        wording: {value: «… y, además, …», source: …, status: E}

Optional settings: ``pertinence_clause`` (sentence appended to a finding cleared as *superado*) and
``findings_by_indicator`` (eficacia grouped per indicator). See ``docs/methodology-engine.md``.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from monitoreo.domain.findings import Dimension
from monitoreo.errors import Problem
from monitoreo.methodology import registry
from monitoreo.methodology.edition import ActiveRule, Combined, EditionSpec, Sourced
from monitoreo.methodology.errors import MethodologyError
from monitoreo.methodology.rule import Params, RuleSpec
from monitoreo.methodology.wording import COMMON_PLACEHOLDERS, placeholders

TOP_KEYS = frozenset(
    {"edition", "extends", "title", "settings", "judgements", "order", "rules", "description", "combined"}
)
SETTINGS = ("justification_clears_finding", "block_style")
OPTIONAL_SETTINGS = ("pertinence_clause", "findings_by_indicator")
RULE_KEYS = frozenset({"enabled", "parameters", "wording", "note", "label", "assessment"})
STATUSES = ("E", "I", "A")


def shipped_dir() -> Path:
    return Path(str(resources.files("monitoreo.methodologies")))


def known_editions() -> tuple[int, ...]:
    return tuple(sorted(int(p.stem) for p in shipped_dir().glob("*.yaml") if p.stem.isdigit()))


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: str, code: str, message: str) -> None:
        self.problems.append(Problem(self.file, path, code, message))


def _read(path: Path, out: _Collector) -> dict[str, Any] | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        out.add("", "methodology.E001", f"no se puede leer el archivo ({exc})")
        return None
    except yaml.YAMLError as exc:
        out.add("", "methodology.E002", f"YAML mal formado: {exc}")
        return None
    if not isinstance(data, dict):
        out.add("", "methodology.E002", "el documento debe ser un mapa de campos")
        return None
    return data


def _check_sourced(node: Any, path: str, out: _Collector) -> None:
    """Every leaf ``{value, source, status}`` needs a non-empty source and a status E/I/A."""
    if not isinstance(node, dict) or "value" not in node:
        out.add(path, "methodology.E017", "se esperaba {value, source, status}")
        return
    if not isinstance(node.get("source"), str) or not node["source"].strip():
        out.add(path, "methodology.E012", "valor sin fuente: falta `source`")
    if node.get("status") not in STATUSES:
        out.add(path, "methodology.E012", "falta `status` (E establecido, I inferido, A supuesto)")
    extra = set(node) - {"value", "source", "status", "note"}
    if extra:
        out.add(path, "methodology.E004", f"claves desconocidas: {', '.join(sorted(extra))}")


def _check_file(data: dict[str, Any], out: _Collector) -> None:
    for key in sorted(set(data) - TOP_KEYS):
        out.add(key, "methodology.E004", f"clave desconocida «{key}»")
    if "title" in data:
        _check_sourced(data["title"], "title", out)
    settings = data.get("settings") or {}
    for key, node in settings.items():
        if key == "no_findings" and isinstance(node, dict):
            for dim, leaf in node.items():
                _check_sourced(leaf, f"settings.no_findings.{dim}", out)
        elif key in SETTINGS or key in OPTIONAL_SETTINGS:
            _check_sourced(node, f"settings.{key}", out)
        else:
            out.add(f"settings.{key}", "methodology.E004", f"ajuste desconocido «{key}»")
    for code, body in (data.get("rules") or {}).items():
        _check_rule_body(code, body, out)


def _check_rule_body(code: str, body: Any, out: _Collector) -> None:
    if not isinstance(body, dict):
        out.add(f"rules.{code}", "methodology.E017", "se esperaba un mapa")
        return
    for key in sorted(set(body) - RULE_KEYS):
        out.add(f"rules.{code}.{key}", "methodology.E004", f"clave desconocida «{key}»")
    for key in ("label", "assessment"):
        if key in body:
            _check_sourced(body[key], f"rules.{code}.{key}", out)
    for section in ("parameters", "wording"):
        for name, leaf in (body.get(section) or {}).items():
            _check_sourced(leaf, f"rules.{code}.{section}.{name}", out)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key in ("edition", "title", "description", "judgements", "combined"):
        if key in child:
            merged[key] = child[key]
    merged["extends"] = child.get("extends")
    settings = dict(parent.get("settings") or {})
    for key, node in (child.get("settings") or {}).items():
        settings[key] = {**settings.get(key, {}), **node} if key == "no_findings" else node
    merged["settings"] = settings
    rules = {code: dict(body) for code, body in (parent.get("rules") or {}).items()}
    order = list(child.get("order") or parent.get("order") or rules)
    for code, body in (child.get("rules") or {}).items():
        if body.get("enabled") is False:
            rules.pop(code, None)
            continue
        base = rules.get(code, {})
        rules[code] = {
            "parameters": {**base.get("parameters", {}), **body.get("parameters", {})},
            "wording": {**base.get("wording", {}), **body.get("wording", {})},
        }
        for key in ("label", "assessment"):
            if key in body or key in base:
                rules[code][key] = body.get(key, base.get(key))
        if code not in order and "order" not in child:
            order.append(code)
    merged["rules"] = rules
    merged["order"] = order if "order" in child else [c for c in order if c in rules]
    return merged


def _chain(path: Path, out: _Collector, seen: tuple[Path, ...] = ()) -> dict[str, Any] | None:
    data = _read(path, out)
    if data is None:
        return None
    _check_file(data, out)
    parent_edition = data.get("extends")
    if parent_edition is None:
        return _merge({}, data)
    parent = path.with_name(f"{parent_edition}.yaml")
    if not parent.exists():
        parent = shipped_dir() / f"{parent_edition}.yaml"
    if not parent.exists() or parent.resolve() in seen:
        out.add("extends", "methodology.E003", f"`extends: {parent_edition}` no existe o forma un ciclo")
        return None
    base = _chain(parent, out, (*seen, path.resolve()))
    return None if base is None else _merge(base, data)


def _coerce(value: Any, spec_kind: type, nullable: bool) -> tuple[bool, Any]:
    if value is None:
        return nullable, None
    if spec_kind is Decimal and isinstance(value, int | float) and not isinstance(value, bool):
        return True, Decimal(str(value))
    if spec_kind is int and isinstance(value, int) and not isinstance(value, bool):
        return True, value
    if spec_kind is bool and isinstance(value, bool):
        return True, value
    if spec_kind is str and isinstance(value, str):
        return True, value
    return False, None


def _active_rule(code: str, body: dict[str, Any], spec: RuleSpec, out: _Collector) -> ActiveRule:
    where = f"rules.{code}"
    params, sources = Params(), {}
    given = body.get("parameters", {})
    for name in sorted(set(given) - set(spec.params)):
        out.add(f"{where}.parameters.{name}", "methodology.E013", f"parámetro desconocido «{name}»")
    for name, param in spec.params.items():
        if name not in given:
            out.add(
                f"{where}.parameters.{name}", "methodology.E011", f"falta el parámetro «{name}»: {param.doc}"
            )
            continue
        ok, value = _coerce(given[name].get("value"), param.kind, param.nullable)
        if not ok:
            out.add(
                f"{where}.parameters.{name}",
                "methodology.E017",
                f"se esperaba {param.kind.__name__}{' o null' if param.nullable else ''}",
            )
        params[name] = value
        sources[name] = Sourced(
            given[name].get("value"), given[name].get("source", ""), given[name].get("status", "A")
        )
    wording: dict[str, str] = {}
    allowed = spec.wording_keys()
    known_marks = COMMON_PLACEHOLDERS | spec.placeholders | set(spec.params)
    for key, node in body.get("wording", {}).items():
        if key not in allowed:
            out.add(f"{where}.wording.{key}", "methodology.E015", f"redacción desconocida «{key}»")
            continue
        text = node.get("value")
        if not isinstance(text, str):
            out.add(f"{where}.wording.{key}", "methodology.E017", "la redacción debe ser texto")
            continue
        for mark in sorted(placeholders(text) - known_marks):
            out.add(f"{where}.wording.{key}", "methodology.E016", f"marcador desconocido {{{mark}}}")
        wording[key] = text
        sources[f"wording.{key}"] = Sourced(text, node.get("source", ""), node.get("status", "A"))
    for key in spec.outcomes:
        if key not in wording:
            out.add(f"{where}.wording.{key}", "methodology.E014", f"falta la redacción del resultado «{key}»")
    label, assessment = _printing(where, body, out)
    return ActiveRule(
        code=code, params=params, wording=wording, sources=sources, label=label, assessment=assessment
    )


def _printing(where: str, body: dict[str, Any], out: _Collector) -> tuple[str | None, bool]:
    """The rule's block ``label`` (placeholders {t}, {n}…) and its ``assessment`` flag."""
    label = body["label"].get("value") if isinstance(body.get("label"), dict) else None
    if label is not None and not isinstance(label, str):
        out.add(f"{where}.label", "methodology.E017", "el rótulo debe ser texto")
        label = None
    for mark in sorted(placeholders(label or "") - COMMON_PLACEHOLDERS):
        out.add(f"{where}.label", "methodology.E016", f"marcador desconocido {{{mark}}}")
    assessment = body["assessment"].get("value", False) if isinstance(body.get("assessment"), dict) else False
    if not isinstance(assessment, bool):
        out.add(f"{where}.assessment", "methodology.E017", "se esperaba true o false")
        assessment = False
    return label or None, assessment


def _combined(data: dict[str, Any], active: list[ActiveRule], out: _Collector) -> tuple[Combined, ...]:
    """The ``combined`` sentences: each names two outcome codes of active rules and a sourced wording."""
    listed = data.get("combined") or []
    if not isinstance(listed, list):
        out.add("combined", "methodology.E020", "se esperaba una lista")
        return ()
    specs = registry.rules()
    known = {specs[r.code].outcome_code(k) for r in active if r.code in specs for k in specs[r.code].outcomes}
    result: list[Combined] = []
    for i, item in enumerate(listed):
        where = f"combined.{i}"
        codes = item.get("outcomes") if isinstance(item, dict) else None
        if not isinstance(codes, list) or len(codes) != 2 or not all(c in known for c in codes):
            out.add(
                where,
                "methodology.E020",
                f"`outcomes` debe nombrar dos resultados de reglas activas: {codes}",
            )
            continue
        node = item.get("wording")
        _check_sourced(node, f"{where}.wording", out)
        if not isinstance(node, dict) or not isinstance(node.get("value"), str):
            continue
        for mark in sorted(placeholders(node["value"]) - COMMON_PLACEHOLDERS):
            out.add(f"{where}.wording", "methodology.E016", f"marcador desconocido {{{mark}}}")
        result.append(
            Combined(
                (codes[0], codes[1]),
                node["value"],
                Sourced(node["value"], node.get("source", ""), node.get("status", "A")),
            )
        )
    return tuple(result)


def _settings(data: dict[str, Any], out: _Collector) -> dict[str, Sourced]:
    settings = data.get("settings") or {}
    result: dict[str, Sourced] = {}
    for key in SETTINGS:
        node = settings.get(key)
        if not isinstance(node, dict):
            out.add(f"settings.{key}", "methodology.E005", f"falta el ajuste «{key}»")
            continue
        result[key] = Sourced(node.get("value"), node.get("source", ""), node.get("status", "A"))
    if not isinstance(result.get("justification_clears_finding", Sourced(True, "", "A")).value, bool):
        out.add("settings.justification_clears_finding", "methodology.E017", "se esperaba true o false")
    if result.get("block_style", Sourced("labels", "", "A")).value not in ("labels", "sentences"):
        out.add("settings.block_style", "methodology.E017", "se esperaba labels o sentences")
    for key in OPTIONAL_SETTINGS:
        node = settings.get(key)
        if isinstance(node, dict):
            result[key] = Sourced(node.get("value"), node.get("source", ""), node.get("status", "A"))
    clause = result.get("pertinence_clause")
    if clause is not None and not isinstance(clause.value, str):
        out.add("settings.pertinence_clause", "methodology.E017", "se esperaba texto")
    grouped = result.get("findings_by_indicator")
    if grouped is not None and not isinstance(grouped.value, bool):
        out.add("settings.findings_by_indicator", "methodology.E017", "se esperaba true o false")
    no_findings = settings.get("no_findings") or {}
    for dim in Dimension:
        node = no_findings.get(dim.value)
        if not isinstance(node, dict) or not isinstance(node.get("value"), str):
            out.add(
                f"settings.no_findings.{dim.value}", "methodology.E005", "falta la frase «Sin hallazgos…»"
            )
            continue
        result[f"no_findings.{dim.value}"] = Sourced(
            node["value"], node.get("source", ""), node.get("status", "A")
        )
    return result


def _judgements(data: dict[str, Any], active: list[ActiveRule], out: _Collector) -> tuple[str, ...]:
    listed = data.get("judgements") or []
    if not isinstance(listed, list) or not all(isinstance(c, str) for c in listed):
        out.add("judgements", "methodology.E017", "se esperaba una lista de códigos")
        return ()
    specs = registry.rules()
    needed = {c for r in active if r.code in specs for c in specs[r.code].judgements}
    for code in sorted(needed - set(listed)):
        out.add("judgements", "methodology.E018", f"falta el juicio «{code}» que leen las reglas activas")
    for code in sorted(set(listed) - needed):
        out.add("judgements", "methodology.E018", f"el juicio «{code}» no lo lee ninguna regla activa")
    return tuple(listed)


def _to_json(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _resolve(data: dict[str, Any], out: _Collector) -> EditionSpec | None:
    for key in ("edition", "title"):
        if key not in data:
            out.add(key, "methodology.E005", f"falta «{key}»")
    specs = registry.rules()
    order = list(data.get("order") or [])
    if sorted(order) != sorted(data.get("rules", {})):
        out.add("order", "methodology.E019", "`order` debe nombrar cada regla activa exactamente una vez")
    active: list[ActiveRule] = []
    given = data.get("rules", {})
    for code in [c for c in order if c in given] + [c for c in given if c not in order]:
        if code not in specs:
            out.add(f"rules.{code}", "methodology.E010", f"regla desconocida «{code}»")
            continue
        active.append(_active_rule(code, given[code], specs[code], out))
    settings = _settings(data, out)
    judgements = _judgements(data, active, out)
    combined = _combined(data, active, out)
    if out.problems:
        return None
    resolved = json.loads(json.dumps(data, default=_to_json, sort_keys=True, ensure_ascii=False))
    digest = hashlib.sha256(json.dumps(resolved, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return EditionSpec(
        edition=int(data["edition"]),
        title=str(data["title"]["value"]),
        extends=data.get("extends"),
        justification_clears_finding=bool(settings["justification_clears_finding"].value),
        block_style=settings["block_style"].value,
        no_findings={d: str(settings[f"no_findings.{d.value}"].value) for d in Dimension},
        rules=tuple(active),
        judgements=judgements,
        settings_sources=settings,
        resolved=resolved,
        hash=digest,
        combined=combined,
        pertinence_clause=str(settings["pertinence_clause"].value)
        if "pertinence_clause" in settings
        else None,
        by_indicator=bool(settings["findings_by_indicator"].value)
        if "findings_by_indicator" in settings
        else False,
    )


def load_edition_file(path: str | Path) -> EditionSpec:
    """Load, resolve and check the edition file at ``path`` (parents looked up next to it, then shipped)."""
    path = Path(path)
    out = _Collector(str(path))
    data = _chain(path, out)
    spec = _resolve(data, out) if data is not None else None
    if spec is None:
        raise MethodologyError(out.problems)
    return spec


@cache
def load_edition(edition: int) -> EditionSpec:
    """The shipped edition ``edition`` (2020, 2023, 2025…); unknown → ``MethodologyError`` E001."""
    path = shipped_dir() / f"{int(edition)}.yaml"
    if not path.exists():
        known = ", ".join(str(e) for e in known_editions())
        raise MethodologyError(
            [
                Problem(
                    str(path),
                    "edition",
                    "methodology.E001",
                    f"edición {edition} desconocida (conocidas: {known})",
                )
            ]
        )
    return load_edition_file(path)
