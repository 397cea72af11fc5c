"""How values appear inside issue messages: es-CL numbers (``monitoreo.formatting``), codes as printed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from monitoreo import formatting
from monitoreo.domain.values import Missing


def show(value: Any) -> str:
    if isinstance(value, Missing):
        return value.value
    if isinstance(value, Decimal):
        decimals = 0 if value == value.to_integral_value() else min(2, max(1, -value.as_tuple().exponent))  # type: ignore[operator]
        return formatting.number(value, decimals)
    return str(value)
