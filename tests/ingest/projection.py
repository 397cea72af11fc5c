"""The compared projection of a data file, and a field-by-field diff that prints paths.

What a published ficha cannot give back, and is therefore left out of every comparison (each exclusion is
a datum the printed text genuinely does not contain):

* ``review`` — the evaluator's judgements and decisions on findings are human inputs; the ficha prints their
  consequences (texts kept under ``assessment``), not the decisions as data.
* component ids — chosen by whoever typed the data file (``acciones-promocion``); the importer derives them
  from the printed name (``acciones-promocion-consolidacion-mercados``). Ids are replaced by their position
  in both files (and in the ``unit_cost`` keys that point at them); ``test_component_ids`` checks the slug rule.
* 2020 only, ``indicators[*].direction`` — the 2020 layout does not print the «Sentido de medición».
* the order of ``published`` figures — compared as a mapping keyed by (metric, key).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from monitoreo.domain import Submission


def projection(sub: Submission) -> dict[str, Any]:
    """``model_dump()`` of ``sub`` reduced to what a printed ficha contains (module docstring)."""
    data = sub.model_dump()
    data.pop("review", None)
    ids = {c["id"]: f"component-{i + 1}" for i, c in enumerate(data["components"])}
    for comp in data["components"]:
        comp["id"] = ids[comp["id"]]
    if sub.edition == 2020:
        for ind in data["indicators"]:
            ind.pop("direction", None)
    published: dict[str, Any] = {}
    for fig in data.pop("published"):
        key = ids.get(fig["key"], fig["key"]) if fig["metric"] == "unit_cost" else fig["key"]
        published[f"{fig['metric']}[{key}]" if key else fig["metric"]] = fig["values"]
    data["published"] = published
    return data


def diff(expected: Any, actual: Any, path: str = "") -> Iterator[str]:
    """One line per difference: ``path: expected ≠ actual`` (missing keys shown as <absent>)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in list(expected) + [k for k in actual if k not in expected]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in actual:
                yield f"{sub}: {expected[key]!r} ≠ <absent>"
            elif key not in expected:
                yield f"{sub}: <absent> ≠ {actual[key]!r}"
            else:
                yield from diff(expected[key], actual[key], sub)
    elif isinstance(expected, list) and isinstance(actual, list):
        for i in range(max(len(expected), len(actual))):
            sub = f"{path}[{i}]"
            if i >= len(actual):
                yield f"{sub}: {expected[i]!r} ≠ <absent>"
            elif i >= len(expected):
                yield f"{sub}: <absent> ≠ {actual[i]!r}"
            else:
                yield from diff(expected[i], actual[i], sub)
    elif expected != actual or type(expected) is not type(actual) and not _both_numbers(expected, actual):
        yield f"{path}: {expected!r} ≠ {actual!r}"


def _both_numbers(a: Any, b: Any) -> bool:
    from decimal import Decimal

    return isinstance(a, Decimal | int) and isinstance(b, Decimal | int)


def differences(expected: Submission, actual: Submission) -> list[str]:
    return list(diff(projection(expected), projection(actual)))
