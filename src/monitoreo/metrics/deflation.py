"""Constant prices (docs/methodology.md §2.9): value(base b) = value(year y) × inflactor_b(y).

With a table of cumulative factors f (any base), an amount in pesos of price year p is expressed in pesos
of price year q as ``amount × f(p) / f(q)``; this gives the nominal→base conversion of the ficha
(q = base, f(base) = 1) and its inverse, and composes (p→q→r equals p→r)."""

from __future__ import annotations

from decimal import Decimal

from monitoreo.domain.inflators import InflatorTable
from monitoreo.domain.periods import PriceYear
from monitoreo.domain.values import Missing, Money, Num
from monitoreo.errors import MonitoreoError


class InflatorMissingError(MonitoreoError):
    """The table has no factor for a year that a conversion needs."""

    code = "metrics.E001"


def factor(table: InflatorTable, source: PriceYear, target: PriceYear) -> Decimal:
    """The multiplier that takes pesos of ``source`` to pesos of ``target``."""
    for year in (source, target):
        if year not in table.factors:
            raise InflatorMissingError(f"la tabla de inflactores base {table.base} no trae el año {year}")
    return table.factors[source] / table.factors[target]


def convert(amount: Num, source: PriceYear, target: PriceYear, table: InflatorTable) -> Num:
    """``amount`` (pesos of ``source``) in pesos of ``target``; codes pass through unchanged."""
    if isinstance(amount, Missing):
        return amount
    return amount * factor(table, source, target)


def to_price_year(money: Money, target: PriceYear, table: InflatorTable) -> Money:
    """``money`` re-expressed in pesos of ``target``."""
    return Money(amount=convert(money.amount, money.price_year, target, table), price_year=target)
