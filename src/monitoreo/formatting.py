"""es-CL formatting of numbers, percentages, codes and dates, as the published fichas print them.

The only place that turns values into text: «4.219.214», «704,1», «25,5%», «S/I», «-»,
«24 de Abril de 2024 17:51». Rounding is explicit: ``half_up`` (S23: 704,067 → «704,1») or ``truncate``
(S20: 1.009,66 → «1.009»), with the number of decimals chosen by the caller (the edition's conventions).

``parse_number`` is the way back, the one reader of es-CL number text (imported fichas, Excel intake)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation

from monitoreo.domain.values import Missing, Num

_MODES = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}
_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
#: Month names as running text writes them («15 de mayo de 2026»); the 2023 ficha capitalises them.
MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def round_decimal(value: Decimal, decimals: int, mode: str = "half_up") -> Decimal:
    """``value`` rounded to ``decimals`` places with ``mode`` (``half_up`` or ``truncate``).

    The precision follows the value (the default context's 28 digits would make a stored 29-digit amount
    an ``InvalidOperation`` on every page that prints it): printing never fails on a number."""
    digits = max(value.adjusted() + 1, 1) + decimals + 2
    return value.quantize(
        Decimal(1).scaleb(-decimals), rounding=_MODES[mode], context=Context(prec=max(28, digits))
    )


def number(value: Num, decimals: int = 0, mode: str = "half_up") -> str:
    """«1.234.567,8»: dot for thousands, comma for decimals; a code prints as itself."""
    if isinstance(value, Missing):
        return value.value
    rounded = round_decimal(value, decimals, mode)
    sign = "-" if rounded < 0 else ""
    text = format(abs(rounded), f",.{decimals}f")  # "1,234,567.8"
    return sign + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(value: Num, decimals: int = 1, mode: str = "half_up") -> str:
    """«25,5%» from a percent value (0-100), no space before the sign, as the fichas print it."""
    if isinstance(value, Missing):
        return value.value
    return number(value, decimals, mode) + "%"


def factor(value: Decimal) -> str:
    """An inflator as printed in S23: significant decimals only («1,2252», «1,035», «1»)."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def money(value: Num) -> str:
    """M$ amounts are printed as integers («4.962.579»)."""
    return number(value, 0)


def published_date(moment: datetime) -> str:
    """«24 de Abril de 2024 17:51» (capitalised month, as the 2023 ficha prints it)."""
    return f"{moment.day} de {MONTHS[moment.month - 1].capitalize()} de {moment.year} {moment:%H:%M}"


def long_date(d: date) -> str:
    """«30 de abril de 2026» (deadlines and other dates in running text)."""
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def plain(value: Num) -> float | str:
    """JSON-friendly value: an unrounded float, or the code string («S/I»)."""
    return value.value if isinstance(value, Missing) else float(value)


def parse_number(text: str) -> Decimal:
    """The number es-CL text writes: «1.234.567,8» → 1234567.8, «25,5» → 25.5, «4.121» → 4121 (dots that
    group digits by three are thousands separators, never decimal points) and a plain «59.5» as
    spreadsheets write it → 59.5. Raises ``ValueError`` for anything else, infinities and NaN included."""
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(text):
        text = text.replace(".", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value
