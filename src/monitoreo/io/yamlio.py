"""YAML reading and writing with exact decimals: ``1.1722`` is read as ``Decimal("1.1722")``, never as a
binary float, and decimals are written back as plain numbers.

Reading is bounded by ``reference/limits.yaml`` (docs/hardening-inputs.md): anchors and aliases are refused
(``AliasError``: an alias bomb of a few hundred bytes expands to gigabytes), so are duplicate keys
(``DuplicateKeyError``: YAML would keep the last value silently). Both are ``yaml.MarkedYAMLError`` with the
line. A number that is not a finite decimal (``.nan``, ``.inf``) or has more digits than Python converts is
read as a ``BadNumber`` marker, so the caller reports it with its field path instead of failing the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

import yaml

from monitoreo.reference.limits import limits

# libyaml's C parser when PyYAML was built with it (about 10× faster; same safe constructors).
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Python refuses to convert integers of more digits than this (``sys.get_int_max_str_digits``).
_INT_DIGITS = 4300
_DIGIT = re.compile(r"[0-9a-fA-F]")


@dataclass(frozen=True)
class BadNumber:
    """A scalar YAML reads as a number but that is not an acceptable one; ``text`` as written (cut)."""

    text: str
    reason: str


class AliasError(yaml.MarkedYAMLError):
    """An anchor (``&``) or alias (``*``) in a data file."""


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A key repeated in one mapping; ``key`` names it."""

    def __init__(self, key: str, mark: yaml.Mark | None) -> None:
        super().__init__(problem=f"la clave «{key}» está repetida", problem_mark=mark)
        self.key = key


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    def construct_document(self, node: yaml.Node) -> Any:
        if not limits().yaml_aliases:
            _refuse_aliases(node)
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not limits().yaml_duplicate_keys:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = (
                    self.construct_object(key_node, deep=True)
                    if isinstance(key_node, yaml.ScalarNode)
                    else None
                )
                if key is None or isinstance(key, BadNumber):
                    continue
                if key in seen:
                    raise DuplicateKeyError(str(key)[:60], key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def _refuse_aliases(root: yaml.Node) -> None:
    """Raise ``AliasError`` when a node is reached twice (an alias) — the walk stops there, so it is linear
    in the size of the file, never in the size of the expansion."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise AliasError(
                problem="los anclas y alias de YAML (&, *) no se admiten en un archivo de datos",
                problem_mark=node.start_mark,
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal | BadNumber:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    try:
        value = Decimal(text.replace("_", ""))
    except InvalidOperation:  # ``.nan``, ``.inf``, sexagesimal «1:30.5»
        return BadNumber(text[:200], "no es un número finito")
    return value if value.is_finite() else BadNumber(text[:200], "no es un número finito")


def _integer(loader: yaml.SafeLoader, node: yaml.Node) -> int | BadNumber:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if len(_DIGIT.findall(text)) >= _INT_DIGITS:
        return BadNumber(
            text[:200], f"tiene más de {limits().max_integer_digits} dígitos enteros (máximo admitido)"
        )
    return yaml.SafeLoader.construct_yaml_int(loader, node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)
_Loader.add_constructor("tag:yaml.org,2002:int", _integer)


def loads(text: str) -> Any:
    """Parse YAML (or JSON, a subset) with floats as ``Decimal``. Raises ``yaml.YAMLError``."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """Never writes anchors/aliases (``&id001``): a data file stays readable when two fields share a value."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    if value == value.to_integral_value():
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


def _represent_enum(dumper: yaml.SafeDumper, value: Enum) -> yaml.Node:
    return dumper.represent_str(str(value.value))


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_multi_representer(Enum, _represent_enum)
_Dumper.add_representer(
    datetime, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat(sep=" "))
)
_Dumper.add_representer(date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat()))


def _plain_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {(k.value if isinstance(k, Enum) else k): _plain_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_keys(v) for v in value]
    return value


def dumps(data: Any) -> str:
    """Write plain data (dicts, lists, Decimals, enums, datetimes) as readable YAML, keys in given order."""
    return yaml.dump(_plain_keys(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
