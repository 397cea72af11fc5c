"""Edition-bound number formatting for the ficha: the one place where the sheet turns values into text.

Delegates to ``monitoreo.formatting`` (es-CL: «1.234.567,8», «25,5%», «S/I») with the edition's rounding
from ``reference.edition_conventions`` (2020: integers, truncation; 2023: one decimal, half-up). The few
presentation details the conventions file does not carry are below, each with its evidence
(docs/methodology.md §2.10, «How numbers are printed»)."""

from __future__ import annotations

from dataclasses import dataclass

from monitoreo import formatting, reference
from monitoreo.domain.values import Missing, Num


@dataclass(frozen=True)
class SheetFormat:
    """Formatting of one ficha: edition rounding and price-base label."""

    edition: int
    price_base_year: int
    percent_decimals: int
    unit_cost_decimals: int
    mode: str
    indicator_decimals: int
    money_label: str

    @classmethod
    def for_edition(cls, edition: int, price_base_year: int) -> SheetFormat:
        """Formatting of ``edition``; money labels use the submission's ``price_base_year``."""
        conventions = reference.edition_conventions(edition)
        rounding = conventions.rounding
        label = conventions.money_label.format(year=price_base_year)
        return cls(
            edition=edition,
            price_base_year=price_base_year,
            percent_decimals=rounding.percent_decimals,
            unit_cost_decimals=rounding.unit_cost_decimals,
            mode=rounding.mode,
            indicator_decimals=rounding.indicator_decimals,
            money_label=label,
        )

    def money(self, value: Num) -> str:
        """M$ amounts as integers («4.219.214»)."""
        return formatting.number(value, 0, self.mode)

    def count(self, value: Num) -> str:
        """People, units of production («3.389»)."""
        return formatting.number(value, 0, self.mode)

    def pct(self, value: Num) -> str:
        """A percent (0-100) with the edition's decimals («25,5%», «24%»)."""
        return formatting.percent(value, self.percent_decimals, self.mode)

    def total_pct(self, value: Num) -> str:
        """The share of a TOTAL row: «100%» without decimals, as S23 prints it."""
        return formatting.percent(value, 0, self.mode)

    def unit_cost(self, value: Num) -> str:
        """Unit costs and spend per beneficiary («704,1», «1.009»)."""
        return formatting.number(value, self.unit_cost_decimals, self.mode)

    def indicator(self, value: Num, percent: bool) -> str:
        """A purpose-indicator value in its unit («62,00%», «20%»)."""
        if percent:
            return formatting.percent(value, self.indicator_decimals, self.mode)
        return formatting.number(value, self.indicator_decimals, self.mode)

    def label(self, text: str) -> str:
        """``text`` with ``{money}`` replaced by the price-base label («(M$2024)»)."""
        return text.replace("{money}", self.money_label)


factor = formatting.factor  # one place turns values into text: monitoreo.formatting


def plain_number(value: Num) -> float | None:
    """Value for chart geometry: a float, or ``None`` for a code (drawn as a gap)."""
    return None if isinstance(value, Missing) else float(value)
