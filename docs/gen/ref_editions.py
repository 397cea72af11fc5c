"""One page per methodology edition, generated from the edition files through the engine's loader
(``monitoreo.methodology.load_edition``) and diff (``diff_editions``): settings, active rules in evaluation
order with parameters and wording, each value with its source and status (E/I/A), the evaluator judgements
it reads, and what changed against the previous edition."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from monitoreo.formatting import number
from monitoreo.methodology import EditionSpec, Sourced, diff_editions, known_editions, load_edition
from monitoreo.methodology.registry import rules

STATUS = {"E": "E — establecido", "I": "I — inferido", "A": "**A — supuesto**"}
KIND = {
    "setting": "Ajuste",
    "judgements": "Juicios del evaluador",
    "rule_added": "Regla agregada",
    "rule_removed": "Regla retirada",
    "parameter": "Parámetro",
    "wording": "Redacción",
}


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, str):
        return f"«{_cell(value)}»" if value else "*(no se imprime)*"
    if isinstance(value, list):
        return ", ".join(f"`{v}`" for v in value) or "—"
    if isinstance(value, int | float | Decimal):
        exact = Decimal(str(value))
        return number(exact, max(0, -int(exact.as_tuple().exponent)))
    return _cell(value)


def previous(edition: int) -> int | None:
    """The edition a page compares against: the one it extends, else the closest earlier shipped one."""
    spec = load_edition(edition)
    earlier = [e for e in known_editions() if e < edition]
    return spec.extends if spec.extends is not None else (earlier[-1] if earlier else None)


def _sourced_rows(items: list[tuple[str, Sourced]]) -> list[str]:
    rows = ["| Clave | Valor | Estado | Fuente |", "|---|---|---|---|"]
    rows += [f"| `{k}` | {_show(s.value)} | {STATUS[s.status]} | {_cell(s.source)} |" for k, s in items]
    return rows + [""]


def _status_counts(spec: EditionSpec) -> dict[str, int]:
    counts = {"E": 0, "I": 0, "A": 0}
    for s in spec.settings_sources.values():
        counts[s.status] += 1
    for rule in spec.rules:
        for s in rule.sources.values():
            counts[s.status] += 1
    return counts


def _changes(spec: EditionSpec) -> list[str]:
    before = previous(spec.edition)
    if before is None:
        return ["Primera edición incluida: no hay edición anterior con qué comparar.", ""]
    changes = diff_editions(load_edition(before), spec)
    lines = [
        f"Comparada con [{before}]({before}.md) (`monitoreo methodology diff {before} {spec.edition}`).",
        "",
    ]
    if not changes:
        return lines + ["Sin cambios.", ""]
    lines += ["| Cambio | Regla | Clave | Antes | Después |", "|---|---|---|---|---|"]
    for c in changes:
        rule = f"`{c.rule}`" if c.rule else ""
        key = f"`{c.key}`" if c.key else ""
        if c.kind in ("rule_added", "rule_removed"):
            lines.append(f"| {KIND[c.kind]} | {rule} | | | |")
        else:
            lines.append(
                f"| {KIND.get(c.kind, c.kind)} | {rule} | {key} | {_show(c.before)} | {_show(c.after)} |"
            )
    return lines + [""]


def render(edition: int) -> str:
    """The page of one edition (Markdown, Spanish headings; sources cite methodology.md and the seeds)."""
    spec = load_edition(edition)
    registry = rules()
    counts = _status_counts(spec)
    description = spec.resolved.get("description") or ""
    lines = [
        f"# Edición {edition}",
        "",
        f"*Generada desde `src/monitoreo/methodologies/{edition}.yaml` con el cargador del motor; no se edita a mano.*",
        "",
        f"**{_cell(spec.title)}**"
        + (f" — extiende la edición [{spec.extends}]({spec.extends}.md)." if spec.extends else "."),
        "",
        _cell(description),
        "",
        f"Huella de la edición (SHA-256 de la edición resuelta): `{spec.hash}`.",
        "",
        f"Valores por estado: {counts['E']} establecidos (E), {counts['I']} inferidos (I), "
        f"{counts['A']} supuestos (A). Un supuesto **A** no está respaldado por una fuente citada: es un valor",
        "propuesto que la unidad debe confirmar.",
        "",
        "## Qué cambia respecto de la edición anterior",
        "",
        *_changes(spec),
        "## Ajustes",
        "",
        *_sourced_rows(sorted(spec.settings_sources.items())),
        "## Juicios del evaluador que lee",
        "",
        (", ".join(f"`{j}`" for j in spec.judgements) or "Ninguno.")
        + " (ver el [catálogo](../codigos.md#juicios-del-evaluador)).",
        "",
        "## Reglas activas, en orden de evaluación",
        "",
    ]
    for n, rule in enumerate(spec.rules, 1):
        reg = registry.get(rule.code)
        title = reg.title if reg else ""
        lines += [f"### {n}. `{rule.code}`", "", f"{_cell(title)}", ""]
        if reg:
            lines += [f"Dimensión: {reg.dimension}. Metodología: {_cell(reg.methodology)}.", ""]
        params = [(k, s) for k, s in rule.sources.items() if not k.startswith("wording.")]
        wording = [
            (k.removeprefix("wording."), s) for k, s in rule.sources.items() if k.startswith("wording.")
        ]
        if params:
            lines += ["Parámetros:", "", *_sourced_rows(params)]
        if wording:
            lines += ["Redacción (lo que imprime la ficha para cada resultado):", "", *_sourced_rows(wording)]
    return "\n".join(lines).rstrip() + "\n"


def index() -> str:
    lines = [
        "# Ediciones de la metodología",
        "",
        "*Generada desde `src/monitoreo/methodologies/*.yaml`; una página por edición.*",
        "",
        "Cada edición es un archivo revisado: reglas activas, parámetros, redacciones, fuentes y estado",
        "(E establecido, I inferido, A supuesto). Para agregar una edición vea la",
        "[guía de contribución](../../contributing.md).",
        "",
        "| Edición | Título | Extiende | Reglas activas | Supuestos (A) |",
        "|---|---|---|---|---|",
    ]
    for e in known_editions():
        spec = load_edition(e)
        ext = f"[{spec.extends}]({spec.extends}.md)" if spec.extends else "—"
        lines.append(
            f"| [{e}]({e}.md) | {_cell(spec.title)} | {ext} | {len(spec.rules)} | {_status_counts(spec)['A']} |"
        )
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """``{file name: markdown}`` for the index and every shipped edition."""
    out = {"index.md": index()}
    out.update({f"{e}.md": render(e) for e in known_editions()})
    return out
