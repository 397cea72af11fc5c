"""The three kinds of year a ficha mixes, as distinct types (docs/methodology.md §1, "Three kinds of year").

* ``EvaluatedYear``: the year *t* whose execution is reported (and the history years t-1, t-2).
* ``PriceYear``: the price base of money figures (M$2024 means thousands of pesos of 2024).
* ``Edition``: the methodology edition / monitoring process («MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA 2023»).

They are ``NewType`` over ``int`` so that mypy refuses to pass one where another is expected.
"""

from __future__ import annotations

from typing import NewType

EvaluatedYear = NewType("EvaluatedYear", int)
PriceYear = NewType("PriceYear", int)
Edition = NewType("Edition", int)

#: Plain calendar year used as a key of year series (2021, 2022, 2023 in a 2023 ficha).
Year = int
