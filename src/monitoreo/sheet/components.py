"""The component and regional tables («GASTO Y PRODUCCIÓN DE COMPONENTES», «DESAGREGACIÓN REGIONAL…»)
of both layouts. Row order and labels as printed in S23 and S20."""

from __future__ import annotations

from decimal import Decimal

from monitoreo.domain.values import Missing, Num
from monitoreo.sheet.blocks import Context, c, label_row, row
from monitoreo.sheet.model import Row, Table


def _component_rows(ctx: Context) -> list[Row]:
    fmt, years = ctx.fmt, ctx.years
    costs = {m.id: m.unit_cost for m in ctx.metrics.components}
    rows = []
    for comp in ctx.sub.components:
        name = f"{comp.name} ({comp.unit})" if comp.unit else comp.name
        spend = [fmt.money(comp.spend.get(y, Missing.NOT_REPORTED)) for y in years]
        output = [fmt.count(comp.output.get(y, Missing.NOT_REPORTED)) for y in years]
        cost = [fmt.unit_cost(costs[comp.id].get(y, Missing.NOT_REPORTED)) for y in years]
        rows.append(label_row(name, spend + output + cost))
    return rows


def _summary_row(ctx: Context, label: str, values: list[str], total: bool = False) -> Row:
    """A row under the components with values in the spend columns only."""
    blank = c("", colspan=2 * len(ctx.years))
    return row(c(label), *(c(v) for v in values), blank, total=total)


def _header(ctx: Context, first: str, spend: str, output: str, cost: str, sup: str | None) -> list[Row]:
    n = len(ctx.years)
    top = row(
        c(first, sup=sup, rowspan=2, align="left"),
        c(spend, colspan=n, align="center"),
        c(output, colspan=n, align="center"),
        c(cost, colspan=n, align="center"),
    )
    return [top, row(*(c(str(y)) for _ in range(3) for y in ctx.years))]


def _table(ctx: Context, header: list[Row], rows: list[Row], caption: str) -> Table:
    n = len(ctx.years)
    # Widths: the label, then M$ amounts (widest), production counts and unit costs.
    return Table(
        id="componentes",
        caption=caption,
        columns=[3.2] + [1.2] * n + [0.85] * n + [1.0] * n,
        align=["left"] + ["right"] * (3 * n),
        header=header,
        rows=rows,
        dense=True,
    )


def components_table_2023(ctx: Context) -> Table:
    fmt = ctx.fmt
    money = [fmt.money(v) for v in ctx.yearly("components_spend")]
    rows = _component_rows(ctx) + [
        _summary_row(ctx, "Total Gastos Componentes", money),
        _summary_row(
            ctx, "Porcentaje Gastos Componentes", [fmt.pct(v) for v in ctx.yearly("component_share_pct")]
        ),
        _summary_row(ctx, "Total Gasto Administrativo", [fmt.money(v) for v in ctx.yearly("admin_spend")]),
        _summary_row(
            ctx, "Porcentaje Gasto Administrativo", [fmt.pct(v) for v in ctx.yearly("admin_share_pct")]
        ),
        _summary_row(
            ctx, "Total Ejecutado", [fmt.money(v) for v in ctx.yearly("total_executed")], total=True
        ),
    ]
    header = _header(
        ctx,
        "Componentes (unidad de producción)",
        fmt.label("Gasto ejecutado ({money})"),
        "Producción (unidad)",
        fmt.label("Gasto unitario ({money})"),
        "*",
    )
    return _table(ctx, header, rows, fmt.label("GASTO Y PRODUCCIÓN DE COMPONENTES ({money})"))


def components_table_2020(ctx: Context) -> Table:
    fmt = ctx.fmt
    unit = f"Miles de $ ({fmt.price_base_year})"
    rows = _component_rows(ctx) + [
        _summary_row(ctx, "Gasto Administrativo", [fmt.money(v) for v in ctx.yearly("admin_spend")]),
        _summary_row(ctx, "Total", [fmt.money(v) for v in ctx.yearly("total_executed")], total=True),
        _summary_row(
            ctx, "Porcentaje gasto administrativo", [fmt.pct(v) for v in ctx.yearly("admin_share_pct")]
        ),
    ]
    header = _header(
        ctx,
        "Componente (Unidad)",
        f"Gasto ejecutado ({unit})",
        "Producción (Unidad)",
        f"Gasto unitario ({unit})",
        None,
    )
    return _table(ctx, header, rows, fmt.label("GASTO Y PRODUCCIÓN DE COMPONENTES ({money})"))


def _whole(total: Num) -> Num:
    """The share of a TOTAL row: 100 when there is a positive total, else the total's code."""
    if isinstance(total, Missing):
        return total
    return Decimal(100) if total > 0 else Missing.NOT_APPLICABLE


def regional_table(ctx: Context) -> Table | None:
    """«DESAGREGACIÓN REGIONAL DE GASTO COMPONENTES Y POBLACIÓN BENEFICIADA» (regions in data order,
    which is ficha order, then the TOTAL row with «100%»)."""
    if not ctx.metrics.regions:
        return None
    fmt = ctx.fmt
    rows = [
        label_row(
            r.name,
            [
                fmt.money(r.spend),
                fmt.pct(r.spend_share_pct),
                fmt.count(r.served),
                fmt.pct(r.served_share_pct),
            ],
        )
        for r in ctx.metrics.regions
    ]
    spend = ctx.metrics.region_totals.get("region_spend_total", Missing.NOT_REPORTED)
    served = ctx.metrics.region_totals.get("region_served_total", Missing.NOT_REPORTED)
    rows.append(
        label_row(
            "TOTAL",
            [
                fmt.money(spend),
                fmt.total_pct(_whole(spend)),
                fmt.count(served),
                fmt.total_pct(_whole(served)),
            ],
            total=True,
        )
    )
    header = row(
        c("Región"),
        c(fmt.label("Total ejecutado ({money})")),
        c("Porcentaje total ejecutado"),
        c("Población beneficiada"),
        c("Porcentaje población beneficiada"),
    )
    return Table(
        id="desagregacion-regional",
        caption="DESAGREGACIÓN REGIONAL DE GASTO COMPONENTES Y POBLACIÓN BENEFICIADA",
        columns=[3.0, 1.3, 1.3, 1.3, 1.3],
        align=["left", "right", "right", "right", "right"],
        header=[header],
        rows=rows,
        dense=True,
    )
