"""The command line speaks Spanish: every command's help, the usage line and usage errors; no type tags."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.cli.spanish import translate_error

runner = CliRunner()
ENGLISH = re.compile(
    r"Show this|Usage:|\[required\]|\[default:|\[env var|Options|Arguments|Commands|"
    r"\[OPTIONS\]|COMMAND \[ARGS\]|Try '|Missing |No such |Invalid value|Input should"
)
TYPE_TAG = re.compile(r"<(bool|int|float|str|text|path|Path|list\[[^\]]*\]|integer)>")


def _commands() -> list[list[str]]:
    root = get_command(app)
    paths: list[list[str]] = [[]]
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        paths.append([name])
        paths.extend([name, sub] for sub in getattr(command, "commands", {}))
    return paths


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "monitoreo")
def test_help_is_spanish_without_type_tags(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "Uso: monitoreo" in result.output
    assert "Muestra este mensaje y termina." in result.output
    assert ENGLISH.findall(result.output) == []
    assert TYPE_TAG.findall(result.output) == []


def test_required_is_spanish() -> None:
    out = runner.invoke(app, ["metrics", "--help"], env={"COLUMNS": "80"}).output
    assert "[requerido]" in out and "Argumentos" in out and "Opciones" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["metrics"], "Falta el argumento 'files'."),
        (["metrics", "--nada", "x.yaml"], "No existe la opción --nada"),
        (["synth", "--programs", "muchos"], "debe ser un número entero"),
        (["no-existe"], "No existe el comando"),
    ],
)
def test_usage_errors_are_spanish_and_exit_2(args: list[str], expected: str) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert expected in result.output
    assert "Use 'monitoreo" in result.output and "para ver la ayuda." in result.output
    assert ENGLISH.findall(result.output) == []


def test_unknown_messages_pass_through() -> None:
    assert translate_error("algo distinto") == "algo distinto"
    assert translate_error("Missing option '--out'.") == "Falta la opción '--out'."
