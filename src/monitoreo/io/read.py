"""Read a data file (YAML or JSON) into a ``Submission``, or fail with every problem found.

Contract: ``read_submission(path)`` returns a valid ``Submission`` or raises ``InputError`` whose
``problems`` name the file, the field path (``budget.years.2021.initial``) and the problem, each with a
stable ``input.E0nn`` code. It never raises anything else for bad input."""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable, Iterator
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from monitoreo.domain.submission import Submission
from monitoreo.errors import InputError, Problem
from monitoreo.io import atomic, yamlio
from monitoreo.io.checks import semantic_problems
from monitoreo.io.yamlio import AliasError, BadNumber, DuplicateKeyError
from monitoreo.reference.limits import limits, number_problem, shown

# Segments pydantic adds to an error location to name a union member or validator, not a field.
_TAG = re.compile(
    r"^(decimal|int|str|bool|float|none|datetime|date|constrained-decimal|"
    r"((str-)?enum|literal|function-\w+|is-instance|json-or-python|list|dict|nullable|lax-or-strict|tagged-union)\[.*\]|"
    r"[A-Z]\w*)$"
)


def _clean_path(loc: Iterable[int | str]) -> str:
    parts = [str(p) for p in loc if not (isinstance(p, str) and _TAG.match(p))]
    return ".".join(parts) or "(documento)"


def _show(value: Any) -> str:
    return shown(value)


def _problem_for(file: str, path: str, errors: list[ErrorDetails]) -> Problem:
    types = {e["type"] for e in errors}
    value = errors[0].get("input")
    if "missing" in types:
        return Problem(file, path, "input.E010", "falta este campo obligatorio")
    if "extra_forbidden" in types:
        return Problem(file, path, "input.E011", "campo desconocido")
    if (
        types & {"greater_than_equal", "greater_than"}
        and isinstance(value, int | float)
        or ("greater_than_equal" in types and str(value).startswith("-"))
    ):
        return Problem(file, path, "input.E013", f"no puede ser negativo (valor «{_show(value)}»)")
    if "enum" in types and types & {"decimal_parsing", "decimal_type"}:
        return Problem(
            file,
            path,
            "input.E012",
            f"valor «{_show(value)}» inválido: se esperaba un número o S/I, N/A, N/C, -",
        )
    if "value_error" in types or "assertion_error" in types:
        msg = str(errors[0]["msg"]).removeprefix("Value error, ")
        return Problem(file, path, "input.E014", _show(msg) if len(msg) > 300 else msg)
    if "string_pattern_mismatch" in types:
        return Problem(
            file,
            path,
            "input.E014",
            f"valor «{_show(value)}» con formato inválido "
            "(se esperan minúsculas sin tildes, dígitos y guiones, o el formato indicado)",
        )
    if "finite_number" in types:
        return Problem(file, path, "input.E015", f"valor «{_show(value)}»: no es un número finito")
    if types & {
        "less_than_equal",
        "less_than",
        "greater_than_equal",
        "greater_than",
        "string_too_short",
        "too_short",
        "string_pattern_mismatch",
    }:
        return Problem(file, path, "input.E014", f"valor «{_show(value)}» fuera de rango: {_msg(errors[0])}")
    return Problem(file, path, "input.E012", f"valor «{_show(value)}» inválido: {_msg(errors[0])}")


def _msg(error: ErrorDetails) -> str:
    """pydantic's message, cut: some quote the whole input (a 30,000-character cell)."""
    return shown(str(error["msg"])) if len(str(error["msg"])) > 200 else str(error["msg"])


def validation_problems(file: str, error: ValidationError) -> list[Problem]:
    """One problem per field path (pydantic reports one error per union member; they are merged)."""
    grouped: dict[str, list[ErrorDetails]] = {}
    for err in error.errors():
        grouped.setdefault(_clean_path(err["loc"]), []).append(err)
    return [_problem_for(file, path, errs) for path, errs in grouped.items()]


def parse_submission(data: Any, file: str = "<datos>") -> Submission:
    """Validate already-parsed data; raises ``InputError`` with every problem."""
    if not isinstance(data, dict):
        raise InputError([Problem(file, "", "input.E004", "el documento debe ser un mapa de campos")])
    bad = list(_bad_numbers(data, file))
    if bad:
        raise InputError(bad)
    try:
        submission = Submission.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_problems(file, exc)) from None
    problems = list(_number_limits(submission, file)) or list(semantic_problems(submission, file))
    if problems:
        raise InputError(problems)
    return submission


def _bad_numbers(data: Any, file: str, path: str = "") -> Iterator[Problem]:
    """``input.E015`` for each ``BadNumber`` the YAML reader left in ``data`` (``.nan``, 5,000 digits)."""
    if isinstance(data, BadNumber):
        yield Problem(file, path or "(documento)", "input.E015", f"valor «{shown(data.text)}»: {data.reason}")
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _bad_numbers(value, file, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _bad_numbers(value, file, f"{path}.{i}" if path else str(i))


def _number_limits(node: Any, file: str, path: str = "") -> Iterator[Problem]:
    """``input.E015`` for every number of the validated submission beyond ``reference/limits.yaml`` (an
    amount of 10^28 would otherwise be saved and break the ficha of everyone who opens it)."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _number_limits(getattr(node, name), file, f"{path}.{name}" if path else name)
    elif isinstance(node, dict):
        for key, value in node.items():
            key_text = key.value if isinstance(key, Enum) else key
            yield from _number_limits(value, file, f"{path}.{key_text}" if path else str(key_text))
    elif isinstance(node, list | tuple):
        for i, value in enumerate(node):
            yield from _number_limits(value, file, f"{path}.{i}" if path else str(i))
    elif isinstance(node, Decimal) or (isinstance(node, int) and not isinstance(node, bool | Enum)):
        reason = number_problem(node)
        if reason is not None:
            yield Problem(file, path, "input.E015", f"valor «{shown(node)}»: {reason}")


def read_text(path: Path) -> str:
    """File contents as UTF-8 text, or ``InputError`` (missing, unreadable, not UTF-8)."""
    file = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a folder, a pipe or /dev/zero would never end or fail later
            raise InputError(
                [
                    Problem(
                        file, "", "input.E001", "no es un archivo de datos (es una carpeta o un dispositivo)"
                    )
                ]
            )
        size = info.st_size
        if size > limits().yaml_max_bytes:
            raise InputError(
                [
                    Problem(
                        file,
                        "",
                        "input.E006",
                        f"el archivo pesa {size} bytes; el máximo admitido es {limits().yaml_max_bytes}",
                    )
                ]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            [Problem(file, "", "input.E001", f"no se puede leer el archivo ({exc.strerror})")]
        ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(file, "", "input.E002", f"no es texto UTF-8 (byte {exc.start})")]) from None


def read_submission(path: str | Path) -> Submission:
    """Read and validate one data file (``.yaml``, ``.yml`` or ``.json``)."""
    path = Path(path)
    file = str(path)
    text = read_text(path)
    try:
        data = yamlio.loads(text)
    except (DuplicateKeyError, AliasError) as exc:
        code = "input.E007" if isinstance(exc, DuplicateKeyError) else "input.E008"
        raise InputError([Problem(file, _where(exc), code, str(exc.problem))]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else 0
        raise InputError(
            [
                Problem(
                    file,
                    f"línea {line}" if line else "posición desconocida",
                    "input.E003",
                    f"carácter no admitido (#x{exc.character:04x})"
                    if isinstance(exc.character, int)
                    else "carácter no admitido",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise InputError(
            [Problem(file, _where(exc), "input.E003", f"YAML mal formado: {shown(problem)}")]
        ) from None
    except (ArithmeticError, ValueError) as exc:
        raise InputError(
            [Problem(file, "", "input.E003", f"número mal formado: {shown(str(exc))}")]
        ) from None
    except RecursionError:
        raise InputError(
            [Problem(file, "", "input.E003", "YAML mal formado: anidamiento demasiado profundo")]
        ) from None
    return parse_submission(data, file)


def _where(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    return f"línea {mark.line + 1}, columna {mark.column + 1}" if mark else "posición desconocida"


def submission_to_data(submission: Submission) -> dict[str, Any]:
    """Plain data for writing (defaults left out so files stay as short as the ficha)."""
    return submission.model_dump(mode="python", exclude_defaults=True, exclude={"schema_version"}) | {
        "schema_version": submission.schema_version
    }


def dump_submission(submission: Submission) -> str:
    """YAML text of ``submission``; ``read_submission`` of it gives an equal object."""
    data = submission_to_data(submission)
    ordered = {"schema_version": data.pop("schema_version"), **data}
    return yamlio.dumps(ordered)


def write_submission(submission: Submission, path: Path) -> None:
    """Write atomically: a temporary file renamed into place, so a failure leaves nothing half-written."""
    atomic.write_text(path, dump_submission(submission))
