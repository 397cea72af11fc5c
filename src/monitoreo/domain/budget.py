"""Budget and spending (docs/methodology.md §2.2, §2.6, §2.7): phases per year, spend by subtítulo and
administrative spend. Amounts are M$ of the submission's ``price_base_year``."""

from __future__ import annotations

from pydantic import Field

from monitoreo.domain.base import AmountSeries, Model
from monitoreo.domain.periods import Year
from monitoreo.domain.values import Amount, Missing


class BudgetYear(Model):
    """One year's budget phases. ``total_executed`` is the printed «Total Ejecutado» when the ficha prints
    it; when it is absent the metrics compute executed + GORE + extra-budgetary."""

    initial: Amount = Field(default=Missing.NOT_REPORTED, description="Presupuesto inicial (Ley).")
    final: Amount = Field(default=Missing.NOT_REPORTED, description="Presupuesto final.")
    executed: Amount = Field(default=Missing.NOT_REPORTED, description="Presupuesto Ley ejecutado.")
    regional_government: Amount = Field(default=Missing.NONE, description="Recursos Gobiernos Regionales.")
    extra_budgetary: Amount = Field(default=Missing.NONE, description="Recursos extrapresupuestarios.")
    total_executed: Amount | None = Field(default=None, description="Total ejecutado, si se publica.")


class SubtitleRow(Model):
    """One subtítulo of the economic classification: «21 (Gastos en personal) 442.907»."""

    code: str = Field(pattern=r"^\d{2}$", description="Código del subtítulo (reference/subtitles.yaml).")
    label: str | None = Field(default=None, description="Rótulo tal como se imprime, si difiere del oficial.")
    executed: Amount
    admin: Amount | None = Field(default=None, description="Columna «Gastos administrativos» (2020).")


class SubtitleTable(Model):
    """«GASTO POR SUBTÍTULOS» of one year; the printed total must equal the Presupuesto Ley ejecutado."""

    rows: list[SubtitleRow] = Field(default_factory=list)
    total: Amount | None = Field(default=None, description="Total impreso.")
    admin_total: Amount | None = Field(
        default=None, description="Total impreso de la columna administrativa."
    )


class Budget(Model):
    """Budget per year plus spending detail."""

    years: dict[Year, BudgetYear] = Field(default_factory=dict)
    subtitles: dict[Year, SubtitleTable] = Field(default_factory=dict)
    admin_spend: AmountSeries = Field(default_factory=dict, description="Gasto administrativo por año.")
    admin_spend_description: str | None = None
