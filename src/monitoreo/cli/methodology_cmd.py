"""``monitoreo methodology list | show E | check FILE | diff A B`` (all with ``--json``): the methodology
editions as data — what each one contains, whether an edition file is usable, and what changes between two."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from monitoreo.cli.output import EXIT_BAD_INPUT, EXIT_FINDINGS, emit_json, report_problems, stdout
from monitoreo.methodology import (
    EditionSpec,
    MethodologyError,
    diff_editions,
    known_editions,
    load_edition,
    load_edition_file,
)
from monitoreo.methodology.registry import rules

JSON = Annotated[bool, typer.Option("--json", help="Salida JSON.")]
methodology_app = typer.Typer(
    help="Ediciones de la metodología: listar, mostrar, revisar y comparar.", no_args_is_help=True
)


def _load(edition: int) -> EditionSpec:
    try:
        return load_edition(edition)
    except MethodologyError as exc:
        report_problems(exc.problems)
        raise typer.Exit(EXIT_BAD_INPUT) from None


def summary(spec: EditionSpec) -> dict[str, Any]:
    assumed = [k for r in spec.rules for k, s in r.sources.items() if s.status == "A"]
    return {
        "edition": spec.edition,
        "title": spec.title,
        "extends": spec.extends,
        "hash": spec.hash,
        "rules": [r.code for r in spec.rules],
        "judgements": list(spec.judgements),
        "assumptions": len(assumed),
    }


def detail(spec: EditionSpec) -> dict[str, Any]:
    catalogue = rules()
    return summary(spec) | {
        "justification_clears_finding": spec.justification_clears_finding,
        "block_style": spec.block_style,
        "no_findings": {d.value: s for d, s in spec.no_findings.items()},
        "rule_details": [
            {
                "code": r.code,
                "dimension": catalogue[r.code].dimension.value,
                "title": catalogue[r.code].title,
                "methodology": catalogue[r.code].methodology,
                "parameters": {
                    k: {"value": s.value, "source": s.source, "status": s.status}
                    for k, s in r.sources.items()
                    if not k.startswith("wording.")
                },
                "wording": {
                    k.removeprefix("wording."): {"value": s.value, "source": s.source, "status": s.status}
                    for k, s in r.sources.items()
                    if k.startswith("wording.")
                },
                "label": r.label,
                "assessment": r.assessment,
            }
            for r in spec.rules
        ],
        "combined": [
            {
                "outcomes": list(c.outcomes),
                "wording": c.wording,
                "source": c.source.source,
                "status": c.source.status,
            }
            for c in spec.combined
        ],
    }


@methodology_app.command("list")
def list_editions(as_json: JSON = False) -> None:
    """Lista las ediciones incluidas."""
    specs = [_load(e) for e in known_editions()]
    if as_json:
        emit_json([summary(s) for s in specs])
        return
    table = Table(title="Ediciones de la metodología")
    for column in ("Edición", "Extiende", "Reglas", "Supuestos [A]", "Título"):
        table.add_column(column)
    for s in specs:
        data = summary(s)
        table.add_row(
            str(s.edition), str(s.extends or "—"), str(len(s.rules)), str(data["assumptions"]), s.title
        )
    stdout.print(table)


@methodology_app.command("show")
def show(
    edition: Annotated[int, typer.Argument(help="Edición (2020, 2023, 2025…).")], as_json: JSON = False
) -> None:
    """Muestra las reglas activas de una edición con sus parámetros, redacciones y fuentes."""
    data = detail(_load(edition))
    if as_json:
        emit_json(data)
        return
    stdout.print(f"[bold]{escape(data['title'])}[/] (edición {edition}, extiende {data['extends'] or '—'})")
    for rule in data["rule_details"]:
        stdout.print(f"\n[bold]{rule['code']}[/] — {escape(rule['title'])} ({escape(rule['methodology'])})")
        if rule["label"]:
            printed = "rótulo y evaluación junto a los datos" if rule["assessment"] else "rótulo"
            stdout.print(f"  {printed}: {escape(rule['label'])}", highlight=False)
        for section in ("parameters", "wording"):
            for key, item in rule[section].items():
                stdout.print(
                    f"  {key} = {escape(repr(item['value']))} [{item['status']}] "
                    f"[dim]{escape(item['source'])}[/]",
                    highlight=False,
                )
    for item in data["combined"]:
        stdout.print(
            f"\n[bold]{' + '.join(item['outcomes'])}[/] (una frase)\n  {escape(repr(item['wording']))} "
            f"[{item['status']}] [dim]{escape(item['source'])}[/]",
            highlight=False,
        )


@methodology_app.command("check")
def check(
    file: Annotated[Path, typer.Argument(help="Archivo de edición (YAML).")], as_json: JSON = False
) -> None:
    """Revisa un archivo de edición: reglas, parámetros, fuentes y redacciones. Sale con 1 si hay errores."""
    try:
        spec = load_edition_file(file)
    except MethodologyError as exc:
        if as_json:
            emit_json({"file": str(file), "valid": False, "problems": [p.as_dict() for p in exc.problems]})
        else:
            report_problems(exc.problems)
        raise typer.Exit(EXIT_FINDINGS) from None
    if as_json:
        emit_json({"file": str(file), "valid": True, **summary(spec)})
    else:
        stdout.print(
            f"{escape(str(file))}: edición {spec.edition} válida ({len(spec.rules)} reglas)", highlight=False
        )


@methodology_app.command("diff")
def diff(
    a: Annotated[int, typer.Argument(help="Edición de partida.")],
    b: Annotated[int, typer.Argument(help="Edición de llegada.")],
    as_json: JSON = False,
) -> None:
    """Qué cambia de la edición A a la B: reglas, parámetros, redacciones y ajustes."""
    changes = diff_editions(_load(a), _load(b))
    if as_json:
        emit_json({"from": a, "to": b, "changes": [c.as_dict() for c in changes]})
        return
    table = Table(title=f"Metodología {a} → {b}")
    for column in ("Tipo", "Regla", "Clave", str(a), str(b)):
        table.add_column(column, overflow="fold")
    for c in changes:
        table.add_row(c.kind, c.rule or "", c.key or "", str(c.before), str(c.after))
    stdout.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(methodology_app, name="methodology")
