"""YAML reading and writing with exact decimals: ``1.1722`` is read as ``Decimal("1.1722")``, never as a
binary float, and decimals are written back as plain numbers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import yaml

# libyaml's C parser when PyYAML was built with it (about 10× faster; same safe constructors).
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    pass


def _decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    return Decimal(text)


_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)


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
_Dumper.add_representer(datetime, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat(sep=" ")))
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
