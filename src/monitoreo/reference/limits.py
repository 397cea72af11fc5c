"""Input limits as data (``limits.yaml``, each value with its reason): the largest number any input may
hold, the YAML, Excel and message bounds. ``limits()`` is loaded once per process.

``number_problem(value)`` is the one test every reader applies to a number; ``shown(value)`` is how a
message quotes a value the person typed (on one line, cut to ``max_shown_chars``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Limits:
    max_integer_digits: int
    max_decimal_places: int
    yaml_max_bytes: int
    yaml_aliases: bool
    yaml_duplicate_keys: bool
    excel_max_bytes: int
    excel_max_entries: int
    excel_max_uncompressed_bytes: int
    max_shown_chars: int

    @property
    def largest_number(self) -> Decimal:
        """The largest magnitude accepted: 10^max_integer_digits − 10^−max_decimal_places."""
        return Decimal(10) ** self.max_integer_digits - Decimal(1).scaleb(-self.max_decimal_places)


@cache
def limits() -> Limits:
    text = resources.files("monitoreo.reference").joinpath("limits.yaml").read_text(encoding="utf-8")
    raw: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load(text)
    v = {f"{section}.{key}": item["value"] for section, items in raw.items() for key, item in items.items()}
    return Limits(
        max_integer_digits=v["numbers.max_integer_digits"],
        max_decimal_places=v["numbers.max_decimal_places"],
        yaml_max_bytes=v["yaml.max_bytes"],
        yaml_aliases=v["yaml.aliases"],
        yaml_duplicate_keys=v["yaml.duplicate_keys"],
        excel_max_bytes=v["excel.max_bytes"],
        excel_max_entries=v["excel.max_entries"],
        excel_max_uncompressed_bytes=v["excel.max_uncompressed_bytes"],
        max_shown_chars=v["messages.max_shown_chars"],
    )


def number_problem(value: Decimal | int) -> str | None:
    """Why ``value`` is not an acceptable number (Spanish, for a message), or None when it is.

    Not finite (NaN, infinity), more integer digits or decimal places than the limits allow."""
    lim = limits()
    if isinstance(value, int):
        # Count digits without str(): Python refuses str() of an int over 4,300 digits.
        if abs(value) >= 10**lim.max_integer_digits:
            return f"tiene más de {lim.max_integer_digits} dígitos enteros (máximo admitido)"
        return None
    if not value.is_finite():
        return "no es un número finito"
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    integer_digits = len(digits) + exponent
    if value != 0 and integer_digits > lim.max_integer_digits:
        return f"tiene más de {lim.max_integer_digits} dígitos enteros (máximo admitido)"
    if (
        exponent < 0
        and -exponent > lim.max_decimal_places
        and value != value.quantize(Decimal(1).scaleb(-lim.max_decimal_places), rounding="ROUND_DOWN")
    ):
        return f"tiene más de {lim.max_decimal_places} decimales (máximo admitido)"
    return None


def shown(value: Any) -> str:
    """``value`` as a message quotes it: at most ``max_shown_chars`` characters, cut with «…»."""
    text = _CONTROL.sub(" ", value if isinstance(value, str) else _text(value))
    limit = limits().max_shown_chars
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 300:
        return f"número de más de {len(str(2**300))} dígitos"  # str() of a 5,000-digit int raises
    return str(value)


#: Line breaks and control characters: a quoted value stays on the message's one line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
