"""Every derived figure the seed fichas print is reproduced from its inputs (methodology §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from monitoreo import formatting, reference
from monitoreo.domain import Missing, Submission
from monitoreo.metrics import compute_metrics

pytestmark = pytest.mark.golden
D = Decimal


def _fmt_pct(value: object) -> str:
    return formatting.percent(value, 1)  # type: ignore[arg-type]


def test_s23_coverage(s23: Submission) -> None:
    m = compute_metrics(s23)
    assert m.value("coverage_pct", 2021) is Missing.NOT_REPORTED
    assert _fmt_pct(m.value("coverage_pct", 2023)) == "25,5%"
    assert m.provenance["coverage_pct"][2023] == "computed"
    assert m.value("coverage_pct", 2022) == D("27.4") and m.provenance["coverage_pct"][2022] == "published"


def test_s23_component_and_admin_shares(s23: Submission) -> None:
    m = compute_metrics(s23)
    assert [_fmt_pct(m.value("component_share_pct", y)) for y in s23.years] == ["89,4%", "88,4%", "87,7%"]
    assert [_fmt_pct(m.value("admin_share_pct", y)) for y in s23.years] == ["10,6%", "11,6%", "12,3%"]


def test_s23_totals(s23: Submission) -> None:
    m = compute_metrics(s23)
    assert [m.value("components_spend", y) for y in s23.years] == [D(4155191), D(3823538), D(3701296)]
    for y in s23.years:
        assert m.value("components_spend", y) + m.value("admin_spend", y) == m.value("total_executed", y)


def test_s23_unit_costs(s23: Submission) -> None:
    m = compute_metrics(s23)
    printed = {c.id: [formatting.number(c.unit_cost[y], 1) for y in s23.years] for c in m.components}
    assert printed == {
        "asesoria-tecnica": ["589,0", "660,8", "704,1"],
        "cofinanciamiento-proyectos-inversion": ["2.094,6", "2.017,2", "2.004,9"],
    }


def test_s23_spend_per_beneficiary_uses_2023_formula(s23: Submission) -> None:
    m = compute_metrics(s23)
    value = m.value("spend_per_beneficiary", 2023)
    assert value == (D(3701296) + D(517918)) / D(3389)
    assert formatting.number(value, 1) == "1.245,0"
    assert m.value("spend_per_beneficiary", 2022) is Missing.NOT_REPORTED


def test_s23_execution(s23: Submission) -> None:
    m = compute_metrics(s23)
    assert [_fmt_pct(m.value("execution_initial_pct", y)) for y in s23.years] == ["93,7%", "88,7%", "86,2%"]
    assert [_fmt_pct(m.value("execution_final_pct", y)) for y in s23.years] == ["108,5%", "97,7%", "96,0%"]


def test_s23_regional_shares_and_totals(s23: Submission) -> None:
    m = compute_metrics(s23)
    assert m.region_totals == {"region_spend_total": D(3701296), "region_served_total": D(3389)}
    rows = {r.region: r for r in m.regions}
    assert _fmt_pct(rows["maule"].spend_share_pct) == "37,4%"
    assert _fmt_pct(rows["maule"].served_share_pct) == "46,7%"
    assert _fmt_pct(rows["nivel-central"].spend_share_pct) == "5,0%"
    assert _fmt_pct(rows["antofagasta"].spend_share_pct) == "0,0%"
    assert rows["antofagasta"].served_share_pct is Missing.NONE
    assert _fmt_pct(rows["araucania"].served_share_pct) == "11,4%"


MONEY = {"total_executed", "components_spend", "admin_spend", "region_spend_total", "region_served_total"}


@pytest.mark.parametrize("seed", ["s23", "s20"])
def test_every_printed_figure_matches_its_computation(seed: str, request: pytest.FixtureRequest) -> None:
    """Data-driven: each figure under ``published`` that the system computes (not one it had to take as
    published) equals the computed value rounded as the edition prints it."""
    sub: Submission = request.getfixturevalue(seed)
    m = compute_metrics(sub)
    r = reference.edition_conventions(sub.edition).rounding
    computed: dict[tuple[str, str | None], dict[int, object]] = {
        (k, None): {y: v for y, v in series.items() if m.provenance[k][y] == "computed"}
        for k, series in m.yearly.items()
    }
    computed |= {
        ("unit_cost", c.id): {y: v for y, v in c.unit_cost.items() if c.provenance[y] == "computed"}
        for c in m.components
    }
    computed |= {
        (f"region_{kind}_share_pct", reg.region): {m.regional_year: getattr(reg, f"{kind}_share_pct")}
        for reg in m.regions
        for kind in ("spend", "served")
    }
    computed |= {(k, None): {m.regional_year: v} for k, v in m.region_totals.items()}
    checked = 0
    for fig in sub.published:
        decimals = (
            0
            if fig.metric in MONEY
            else r.percent_decimals
            if fig.metric.endswith("_pct")
            else r.unit_cost_decimals
        )
        for year, printed in fig.values.items():
            value = computed[(fig.metric, fig.key)].get(year)
            if value is None:  # taken from the ficha, not computed: nothing to compare
                continue
            if isinstance(printed, Missing):
                assert value == printed, (fig.metric, fig.key, year)
            else:
                rounded = formatting.round_decimal(value, decimals, r.mode)  # type: ignore[arg-type]
                assert rounded == printed, (fig.metric, fig.key, year, value)
            checked += 1
    assert checked == (59 if seed == "s23" else 10)  # every printed computable figure was compared


def test_s20_figures_consistent_with_inputs(s20: Submission) -> None:
    m = compute_metrics(s20)
    costs = {c.id: c.unit_cost for c in m.components}
    assert formatting.number(costs["capacitacion-capacidades-exportadoras"][2019], 0, "truncate") == "1.566"
    assert costs["capacitacion-capacidades-exportadoras"][2020] == 0  # production with no spend prints «0»
    assert formatting.number(costs["acciones-promocion"][2019], 0, "truncate") == "1.009"
    assert formatting.number(costs["acciones-promocion"][2020], 0, "truncate") == "1.619"
    # Printed components total is 1 above the sum of its rows (rounding in the source): tolerated, ±1.
    assert m.value("total_executed", 2019) - m.value("components_spend", 2019) == 1
    assert m.value("admin_share_pct", 2020) is Missing.NOT_REPORTED


def test_s20_published_not_computed(s20: Submission) -> None:
    m = compute_metrics(s20)
    for metric, expected in {
        "coverage_pct": (24, 14),
        "execution_initial_pct": (89, 36),
        "execution_final_pct": (89, 68),
        "spend_per_beneficiary": (1470, 1010),
    }.items():
        assert [m.value(metric, y) for y in s20.years] == [D(v) for v in expected]
        assert set(m.provenance[metric].values()) == {"published"}
