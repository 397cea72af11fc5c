"""One continuous life per program: the same year shows the same real figures in every edition that shows it,
and a program's execution persists from one year to the next (docs/synthetic-portfolio.md «Program life»)."""

from __future__ import annotations

from decimal import Decimal
from statistics import correlation

from monitoreo import reference
from monitoreo.domain import Submission
from monitoreo.metrics import compute_metrics
from monitoreo.synth import generate
from monitoreo.synth.life import price_factor


def _pairs(a: dict[int, object], b: dict[int, object], year: int) -> list[tuple[Decimal, Decimal]]:
    x, y = a.get(year), b.get(year)
    return [(x, y)] if isinstance(x, Decimal) and isinstance(y, Decimal) else []


def test_the_overlapping_year_has_the_same_figures_in_editions_2023_and_2025() -> None:
    """2023 is the evaluated year of edition 2023 and the first of 2025. Base 2026 is not shipped, so the
    2025 amounts are the real-terms ones as drawn (factor 1), like those of base 2024: they are equal."""
    assert price_factor(2024) == price_factor(2026) == 1.0
    compared = 0
    for e23, e25 in zip(generate(40, seed=4, edition=2023), generate(40, seed=4, edition=2025), strict=True):
        pairs = []
        for field in (
            "initial",
            "final",
            "executed",
            "regional_government",
            "extra_budgetary",
            "total_executed",
        ):
            pairs += _pairs(
                {2023: getattr(e23.budget.years[2023], field)},
                {2023: getattr(e25.budget.years[2023], field)},
                2023,
            )
        pairs += _pairs(dict(e23.budget.admin_spend), dict(e25.budget.admin_spend), 2023)
        for c23, c25 in zip(e23.components, e25.components, strict=True):
            pairs += _pairs(dict(c23.spend), dict(c25.spend), 2023) + _pairs(
                dict(c23.output), dict(c25.output), 2023
            )
        for kind in ("potential", "target", "served"):
            p23, p25 = getattr(e23.populations, kind), getattr(e25.populations, kind)
            assert p23 is not None and p25 is not None
            pairs += _pairs(dict(p23.quantity), dict(p25.quantity), 2023)
        for i23, i25 in zip(e23.indicators, e25.indicators, strict=True):
            pairs += _pairs(dict(i23.values), dict(i25.values), 2023)
        assert all(x == y for x, y in pairs), e23.id
        compared += len(pairs)
    assert compared > 40 * 12


def test_edition_2020_amounts_are_the_life_in_pesos_of_2021() -> None:
    """Edition 2020 is in M$2021: the real terms (M$2024) divided by the shipped factor of 2021."""
    factor = reference.inflator_table("base-2024").factors[2021]
    assert abs(price_factor(2021) - 1 / float(factor)) < 1e-12
    # 2020 (edition 2020, M$2021) and 2021 (edition 2023, M$2024) are consecutive years of one life: once
    # the 2020 amount is brought to M$2024, the ratio is the program's real growth, drawn in [0,88; 1,18].
    growth = []
    for e20, e23 in zip(
        generate(200, seed=4, edition=2020), generate(200, seed=4, edition=2023), strict=True
    ):
        a, b = e20.budget.years[2020].executed, e23.budget.years[2021].executed
        assert isinstance(a, Decimal) and isinstance(b, Decimal)
        growth.append(float(b / (a * factor)))
    assert all(0.8799 <= g <= 1.1801 for g in growth)
    growth.sort()
    assert 0.98 <= growth[len(growth) // 2] <= 1.08


def _execution(sub: Submission, year: int) -> Decimal | None:
    value = compute_metrics(sub).value("execution_initial_pct", year)
    return value if isinstance(value, Decimal) else None


def test_execution_rate_persists_from_year_to_year(portfolio_700: list[Submission]) -> None:
    """Measured on seed 2023: correlation 0,53 (2021→2022) and 0,55 (2022→2023); independent draws give ≈0."""
    for before, after in ((2021, 2022), (2022, 2023)):
        pairs = [(_execution(s, before), _execution(s, after)) for s in portfolio_700]
        xs = [(float(x), float(y)) for x, y in pairs if x is not None and y is not None]
        assert len(xs) > 650
        assert correlation([x for x, _ in xs], [y for _, y in xs]) > 0.4


def test_under_executors_tend_to_stay_so(portfolio_700: list[Submission]) -> None:
    """Of the programs under 85 % in 2022, most are under again in 2023 (measured 0,5–0,7), far above the
    share of the whole portfolio (≈11 %)."""
    under_2022 = [s for s in portfolio_700 if (v := _execution(s, 2022)) is not None and v < 85]
    again = [s for s in under_2022 if (v := _execution(s, 2023)) is not None and v < 85]
    everyone = [s for s in portfolio_700 if (v := _execution(s, 2023)) is not None and v < 85]
    assert len(under_2022) >= 40
    assert len(again) / len(under_2022) > 3 * len(everyone) / len(portfolio_700)
