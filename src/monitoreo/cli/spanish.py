"""The command line in Spanish: the texts Click and Typer print (help, errors, «[requerido]») and no type
tags in the help (``--json <bool>`` reads as if the flag took a value).

Contract: ``install()`` is idempotent and only touches the CLI libraries' message lookups and help
rendering; it must run before the first command is built (``monitoreo.cli`` calls it on import). Typer
binds ``gettext`` as ``_`` in its modules, so the lookup is replaced there; its vendored Click writes
f-strings, so usage errors are translated by pattern (``translate_error``) and the help option and the
«Usage:» prefix are wrapped. A message missing here stays in English: ``tests/core/test_cli_spanish.py``
renders every command's help and some usage errors and fails on English left.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

MESSAGES = {
    "Show this message and exit.": "Muestra este mensaje y termina.",
    "Show the version and exit.": "Muestra la versión y termina.",
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Arguments": "Argumentos",
    "Positional arguments": "Argumentos",
    "Commands": "Comandos",
    "Error": "Error",
    "Error: {message}": "Error: {message}",
    "[required]": "[requerido]",
    "required": "requerido",
    "[default: {}]": "[por omisión: {}]",
    "default: {default}": "por omisión: {default}",
    "[env var: {}]": "[variable de entorno: {}]",
    "env var: {var}": "variable de entorno: {var}",
    "(deprecated) ": "(obsoleto) ",
    "deprecated": "obsoleto",
    "(dynamic)": "(calculado)",
    "Aborted.": "Interrumpido.",
    "Aborted!": "Interrumpido.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "Use [blue]'{command_path} {help_option}'[/] para ver la ayuda.",
    "Try '{command} {option}' for help.": "Use '{command} {option}' para ver la ayuda.",
    "Missing command.": "Falta el comando.",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta un parámetro",
    "Missing {param_type}": "Falta {param_type}",
    "Missing parameter: {param_name}": "Falta el parámetro {param_name}",
    "No such option {name!r}.": "No existe la opción {name!r}.",
    "No such command {name!r}.": "No existe el comando {name!r}.",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "Option {name!r} requires an argument.": "La opción {name!r} necesita un valor.",
    "Option {name!r} requires {nargs} arguments.": "La opción {name!r} necesita {nargs} valores.",
    "Got unexpected extra argument ({args})": "Sobra un argumento ({args})",
    "Got unexpected extra arguments ({args})": "Sobran argumentos ({args})",
    "Argument {name!r} takes {nargs} values.": "El argumento {name!r} lleva {nargs} valores.",
    "{value!r} is not a valid {number_type}.": "{value!r} no es un {number_type} válido.",
    "integer": "número entero",
    "float": "número",
    "{value} is not in the range {range}.": "{value} no está en el rango {range}.",
    "{value!r} is not {choice}.": "{value!r} no es {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} no es uno de {choices}.",
    "{value!r} is not a valid boolean.": "{value!r} no es un valor lógico válido.",
    "file": "El archivo",
    "directory": "La carpeta",
    "path": "La ruta",
    "{name} {filename!r} does not exist.": "{name} {filename!r} no existe.",
    "{name} {filename!r} is a file.": "{name} {filename!r} es un archivo.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} es una carpeta.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} no se puede leer.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} no se puede escribir.",
    "Could not open file {filename!r}: {message}": "No se pudo abrir el archivo {filename!r}: {message}",
    "unknown error": "error desconocido",
}
# Typer vendors Click (``typer._click``) with its messages as f-strings: errors are translated by pattern.
_ERRORS = [
    (re.compile(r"^Missing argument (.+)\.$"), r"Falta el argumento \1."),
    (re.compile(r"^Missing option (.+)\.$"), r"Falta la opción \1."),
    (re.compile(r"^Missing parameter:? (.+?)\.?$"), r"Falta el parámetro \1."),
    (re.compile(r"^No such option: (.+)$", re.M), r"No existe la opción \1"),
    (re.compile(r"^No such command (.+)\.$"), r"No existe el comando \1."),
    (re.compile(r"Did you mean (.+)\?"), r"¿Quiso decir \1?"),
    (re.compile(r"\(Possible options: (.+)\)"), r"(opciones posibles: \1)"),
    (re.compile(r"^Invalid value for (.+?): "), r"Valor no válido para \1: "),
    (re.compile(r"^Invalid value: "), "Valor no válido: "),
    (re.compile(r"Value (.+) is not a valid (integer|int)\."), r"\1 no es un número entero."),
    (re.compile(r"Value (.+) is not a valid (float)\."), r"\1 no es un número."),
    (re.compile(r"Value (.+) is not a valid (.+)\."), r"\1 no es un valor válido (\2)."),
    (re.compile(r"(.+) is not one of (.+)\."), r"\1 no es uno de \2."),
    (re.compile(r"(?:File|Path|Directory) (.+) does not exist\."), r"\1 no existe."),
    (re.compile(r"(?:File|Path|Directory) (.+) is a file\."), r"\1 es un archivo, no una carpeta."),
    (re.compile(r"(?:File|Path|Directory) (.+) is a directory\."), r"\1 es una carpeta, no un archivo."),
    (re.compile(r"(.+) is not in the range (.+)\."), r"\1 no está en el rango \2."),
    (re.compile(r"^Option (.+) requires an argument\.$"), r"La opción \1 necesita un valor."),
    (re.compile(r"^Option (.+) requires (.+)$"), r"La opción \1 necesita \2"),
    (re.compile(r"^Option (.+) does not take a value\.$"), r"La opción \1 no lleva valor."),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), r"Sobran argumentos: \1"),
    (re.compile(r"Input should be a valid integer.*$"), "debe ser un número entero"),
    (re.compile(r"Input should be a valid number.*$"), "debe ser un número"),
    (re.compile(r"Input should be a valid boolean.*$"), "debe ser true o false"),
    (re.compile(r"Input should be greater than or equal to (\S+)$"), r"debe ser mayor o igual que \1"),
    (re.compile(r"Input should be greater than (\S+)$"), r"debe ser mayor que \1"),
    (re.compile(r"Input should be less than or equal to (\S+)$"), r"debe ser menor o igual que \1"),
]
_USAGE = (("[OPTIONS]", "[OPCIONES]"), ("COMMAND [ARGS]...", "COMANDO [ARGUMENTOS]..."))
_RICH_CONSTANTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
_installed = False


def gettext(message: str) -> str:
    """The Spanish text of a Click/Typer message (the message itself when it has none)."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def translate_error(message: str) -> str:
    """A usage error of the command line in Spanish (patterns of ``_ERRORS``; unknown ones unchanged)."""
    for pattern, spanish in _ERRORS:
        message = pattern.sub(spanish, message)
    return message


def install() -> None:
    """Put the Spanish texts and the tag-free help in place (see module docstring)."""
    global _installed
    if _installed:
        return
    typer_core = importlib.import_module("typer.core")
    rich_utils = importlib.import_module("typer.rich_utils")
    click_core = importlib.import_module("typer._click.core")
    formatting = importlib.import_module("typer._click.formatting")
    for module in (typer_core, rich_utils):
        module._ = gettext  # type: ignore[attr-defined]
    for constant, english in _RICH_CONSTANTS.items():
        setattr(rich_utils, constant, gettext(english))
    # «Usage:» is highlighted by a pattern that names the English word.
    rich_utils.OptionHighlighter.highlights = [
        h.replace("(?P<usage>Usage: )", "(?P<usage>Uso: )") for h in rich_utils.OptionHighlighter.highlights
    ]
    for cls in (typer_core.TyperOption, typer_core.TyperArgument):
        cls.display_type_rich = _display_type
    _wrap_usage(formatting.HelpFormatter)
    _wrap_help_option(click_core.Command)
    _wrap_errors(rich_utils)
    _installed = True


def _wrap_usage(formatter: Any) -> None:
    write_usage = formatter.write_usage

    def spanish_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, spanish in _USAGE:
            args = args.replace(english, spanish)
        write_usage(self, prog, args, "Uso: " if prefix is None else prefix)

    formatter.write_usage = spanish_usage


def _wrap_help_option(command: Any) -> None:
    get_help_option = command.get_help_option

    def spanish_help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and option.help:
            option.help = gettext(option.help)
        return option

    command.get_help_option = spanish_help_option


def _wrap_errors(rich_utils: Any) -> None:
    rich_format_error = rich_utils.rich_format_error

    def spanish_error(error: Any) -> None:
        english = error.format_message
        error.format_message = lambda: translate_error(english())
        rich_format_error(error)

    rich_utils.rich_format_error = spanish_error


def _display_type(param: Any, ctx: Any) -> str | None:
    """No type tag: a stated metavar or nothing (a choice's values are listed in its help text)."""
    return None if param.metavar is None else str(param.metavar)
