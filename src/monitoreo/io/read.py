"""Read a data file (YAML or JSON) into a ``Submission``, or fail with every problem found.

Contract: ``read_submission(path)`` returns a valid ``Submission`` or raises ``InputError`` whose
``problems`` name the file, the field path (``budget.years.2021.initial``) and the problem, each with a
stable ``input.E0nn`` code. It never raises anything else for bad input."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from monitoreo.domain.submission import Submission
from monitoreo.errors import InputError, Problem
from monitoreo.io import atomic, yamlio
from monitoreo.io.checks import semantic_problems

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
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _problem_for(file: str, path: str, errors: list[ErrorDetails]) -> Problem:
    types = {e["type"] for e in errors}
    value = errors[0].get("input")
    if "missing" in types:
        return Problem(file, path, "input.E010", "falta este campo obligatorio")
    if "extra_forbidden" in types:
        return Problem(file, path, "input.E011", "campo desconocido")
    if types & {"greater_than_equal", "greater_than"} and isinstance(value, int | float) or (
        "greater_than_equal" in types and str(value).startswith("-")
    ):
        return Problem(file, path, "input.E013", f"no puede ser negativo (valor «{_show(value)}»)")
    if "enum" in types and types & {"decimal_parsing", "decimal_type"}:
        return Problem(
            file, path, "input.E012", f"valor «{_show(value)}» inválido: se esperaba un número o S/I, N/A, N/C, -"
        )
    if "value_error" in types or "assertion_error" in types:
        msg = str(errors[0]["msg"]).removeprefix("Value error, ")
        return Problem(file, path, "input.E014", msg)
    if "string_pattern_mismatch" in types:
        return Problem(file, path, "input.E014", f"valor «{_show(value)}» con formato inválido "
                       "(se esperan minúsculas sin tildes, dígitos y guiones, o el formato indicado)")
    if types & {"less_than_equal", "less_than", "greater_than_equal", "greater_than", "string_too_short",
                "too_short", "string_pattern_mismatch"}:
        return Problem(file, path, "input.E014", f"valor «{_show(value)}» fuera de rango: {errors[0]['msg']}")
    return Problem(file, path, "input.E012", f"valor «{_show(value)}» inválido: {errors[0]['msg']}")


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
    try:
        submission = Submission.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_problems(file, exc)) from None
    problems = list(semantic_problems(submission, file))
    if problems:
        raise InputError(problems)
    return submission


def read_text(path: Path) -> str:
    """File contents as UTF-8 text, or ``InputError`` (missing, unreadable, not UTF-8)."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(file, "", "input.E001", f"no se puede leer el archivo ({exc.strerror})")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            [Problem(file, "", "input.E002", f"no es texto UTF-8 (byte {exc.start})")]
        ) from None


def read_submission(path: str | Path) -> Submission:
    """Read and validate one data file (``.yaml``, ``.yml`` or ``.json``)."""
    path = Path(path)
    file = str(path)
    text = read_text(path)
    try:
        data = yamlio.loads(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"línea {mark.line + 1}, columna {mark.column + 1}" if mark else "posición desconocida"
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError([Problem(file, where, "input.E003", f"YAML mal formado: {problem}")]) from None
    except (ArithmeticError, ValueError) as exc:
        raise InputError([Problem(file, "", "input.E003", f"número mal formado: {exc}")]) from None
    return parse_submission(data, file)


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
