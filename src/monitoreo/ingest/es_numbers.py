"""es-CL numbers and missing-value codes as published fichas print them, read back into values.

Contract: ``parse_value(token)`` turns one printed cell into a ``Num`` — «1.234.567,8» → ``Decimal("1234567.8")``,
«25,5%» → ``Decimal("25.5")`` (a percent 0-100, the sign dropped), «S/I» / «N/A» / «N/C» / «-» → ``Missing``
— or returns ``None`` when the token is not a printed value. Dots are thousands separators only when they
group digits by three («4.121» is four thousand one hundred twenty-one), never decimal points. A bare
four-digit integer without a dot («2023») is a year, not an amount: the fichas print amounts ≥ 1.000 with a
dot, so ``is_year_token`` tells header rows from value rows.
"""

from __future__ import annotations

import re

from monitoreo.domain.values import Missing, Num
from monitoreo.formatting import parse_number

_CODES = {code.value: code for code in Missing}
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?$")
_YEAR = re.compile(r"^(19|20)\d{2}$")


def parse_value(token: str) -> Num | None:
    """The value a printed cell holds, or ``None`` if ``token`` is not a number or a code."""
    token = token.strip()
    code = _CODES.get(token)
    if code is not None:
        return code
    if not _NUMBER.match(token):
        return None
    return parse_number(token.rstrip("%"))


def is_value_token(token: str) -> bool:
    """True when ``token`` is a printed number, percentage or missing-value code."""
    return parse_value(token) is not None


def is_year_token(token: str) -> bool:
    """True for a bare year such as «2023» (column headers), which no printed amount looks like."""
    return bool(_YEAR.match(token))


def is_percent_token(token: str) -> bool:
    """True for «25,5%» and for the codes, which may stand in any percentage cell."""
    return token.endswith("%") and _NUMBER.match(token) is not None or token in _CODES


def parse_int(token: str) -> int | None:
    """A plain integer such as a year («2007»), or ``None``."""
    token = token.strip()
    return int(token) if token.isdigit() and len(token) <= 6 else None


_GLUED = re.compile(r"^\d{1,3}(?:\.\d{3,})+$")


def split_glued(token: str) -> list[str]:
    """Amounts printed so tightly that the PDF has no space between them («55.395.3122.212.515» →
    «55.395.312», «2.212.515»): a dot group of more than three digits ends one number and starts the next.
    Any other token is returned as is."""
    if not _GLUED.match(token) or all(len(g) == 3 for g in token.split(".")[1:]):
        return [token]
    numbers: list[str] = []
    current = token.split(".")[0]
    for group in token.split(".")[1:]:
        current += "." + group[:3]
        if len(group) > 3:
            numbers.append(current)
            current = group[3:]
            if len(current) > 3:
                return [token]
    numbers.append(current)
    return numbers


def tokens(text: str) -> list[str]:
    """Whitespace tokens of a table line, glued amounts split (``split_glued``)."""
    return [part for token in text.split() for part in split_glued(token)]
