"""CLI reference generated from the Typer app: every command and subcommand of ``monitoreo.cli.app``,
found by walking ``typer.main.get_command(app)``, with its ``--help`` text and a table of its parameters.

A command added with ``register(app)`` appears here without anyone editing the docs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import typer.main
from typer.testing import CliRunner

from monitoreo.cli import app

PROG = "monitoreo"
WIDTH = "100"


@dataclass(frozen=True)
class Command:
    """One command of the tree: ``path`` without the program name (``("methodology", "diff")``)."""

    path: tuple[str, ...]
    command: Any

    @property
    def name(self) -> str:
        return " ".join((PROG, *self.path))

    @property
    def anchor(self) -> str:
        return "-".join((PROG, *self.path))

    @property
    def is_group(self) -> bool:
        return hasattr(self.command, "commands")


def walk() -> Iterator[Command]:
    """Every command, depth first, in the order ``--help`` lists them (hidden ones left out)."""

    def visit(cmd: Any, path: tuple[str, ...]) -> Iterator[Command]:
        yield Command(path, cmd)
        for name, sub in getattr(cmd, "commands", {}).items():
            if not getattr(sub, "hidden", False):
                yield from visit(sub, (*path, name))

    yield from visit(typer.main.get_command(app), ())


def help_text(path: tuple[str, ...]) -> str:
    """The output of ``monitoreo <path> --help`` (no colours, 100 columns, trailing spaces removed)."""
    result = CliRunner().invoke(
        app, [*path, "--help"], env={"COLUMNS": WIDTH, "TERMINAL_WIDTH": WIDTH}, prog_name=PROG
    )
    if result.exit_code != 0:
        raise RuntimeError(f"{PROG} {' '.join(path)} --help salió con {result.exit_code}: {result.output}")
    lines = [line.rstrip() for line in result.output.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines).rstrip()


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _param_row(param: Any) -> str | None:
    if getattr(param, "hidden", False) or param.name == "help":
        return None
    kind = getattr(param, "param_type_name", "")
    if kind == "argument":
        names = f"`{param.name.upper()}`" + ("…" if getattr(param, "nargs", 1) != 1 else "")
        what = "argumento"
    else:
        names = ", ".join(f"`{o}`" for o in (*param.opts, *getattr(param, "secondary_opts", ())))
        what = "opción"
    default = param.default
    shown = "" if default in (None, (), [], False) or callable(default) else f"`{default}`"
    required = "sí" if param.required else "no"
    return f"| {names} | {what} | {required} | {shown} | {_cell(getattr(param, 'help', '') or '')} |"


def _section(cmd: Command) -> list[str]:
    level = "#" * min(2 + len(cmd.path) - 1, 4) if cmd.path else "##"
    doc = _cell((cmd.command.help or "").strip().split("\n\n")[0])
    lines = [f"{level} `{cmd.name}` {{ #{cmd.anchor} }}", "", doc, ""]
    rows = [r for r in (_param_row(p) for p in cmd.command.params) if r]
    if rows:
        lines += [
            "| Parámetro | Tipo | Obligatorio | Por omisión | Descripción |",
            "|---|---|---|---|---|",
            *rows,
            "",
        ]
    if cmd.is_group:
        subs = [f"[`{c.name}`](#{c.anchor})" for c in walk() if c.path[:-1] == cmd.path and c.path]
        lines += ["Subcomandos: " + ", ".join(subs) + ".", ""]
    lines += [f'??? example "Salida de `{cmd.name} --help`"', "", "    ```text"]
    lines += [f"    {line}".rstrip() for line in help_text(cmd.path).splitlines()]
    lines += ["    ```", ""]
    return lines


def render() -> str:
    """The whole CLI reference page (Markdown)."""
    commands = list(walk())
    lines = [
        "# Referencia de la línea de comandos",
        "",
        "*Página generada desde el código (`docs/gen/ref_cli.py` recorre `monitoreo.cli.app`); no se edita a mano.*",
        "",
        "Todos los comandos aceptan `--json` (salida para programas) y `--help`. Códigos de salida: `0` éxito,",
        "`1` el trabajo se ejecutó y encontró errores, `2` entrada inválida (cada problema se informa con el",
        "archivo, el campo y un código estable; ver el [catálogo de códigos](codigos.md)).",
        "",
        "| Comando | Para qué |",
        "|---|---|",
    ]
    for cmd in commands[1:]:
        first = _cell((cmd.command.help or "").strip().split("\n\n")[0])
        lines.append(f"| [`{cmd.name}`](#{cmd.anchor}) | {first} |")
    lines.append("")
    for cmd in commands:
        lines += _section(cmd)
    return "\n".join(lines).rstrip() + "\n"
