"""Common base of every domain model: immutable, strict about unknown fields, typed."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from monitoreo.domain.periods import Year
from monitoreo.domain.values import Amount, Num


class Model(BaseModel):
    """Immutable domain value: unknown fields are errors, instances are hashable by value."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


#: Values per calendar year (keys are years inside the ficha's window).
Series = dict[Year, Num]
#: Non-negative values (amounts, counts) per calendar year.
AmountSeries = dict[Year, Amount]
