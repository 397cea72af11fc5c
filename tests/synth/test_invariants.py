"""Invariants and realism of a synthetic portfolio (docs/synthetic-portfolio.md): exact sums, unique ids,
sizes, and the share of programs with S/I, under-execution, rule-triggering variations."""

from __future__ import annotations

import re
from decimal import Decimal

from monitoreo import reference
from monitoreo.domain import Missing, Submission
from monitoreo.io.checks import semantic_problems
from monitoreo.metrics import compute_metrics
from monitoreo.synth.catalog import load_catalog

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _numbers(values: object) -> list[Decimal]:
    assert isinstance(values, (list, tuple))
    return [v for v in values if isinstance(v, Decimal)]


def _share(portfolio: list[Submission], predicate: object) -> float:
    assert callable(predicate)
    return sum(1 for s in portfolio if predicate(s)) / len(portfolio)


def test_no_reader_problem_in_700_programs(portfolio_700: list[Submission]) -> None:
    assert [p for s in portfolio_700 for p in semantic_problems(s, s.id)] == []


def test_ids_are_unique_slugs_across_700_programs(portfolio_700: list[Submission]) -> None:
    ids = [s.id for s in portfolio_700]
    assert len(set(ids)) == 700
    assert all(SLUG.match(i) for i in ids)
    assert ids[41].endswith("-0042")
    for sub in portfolio_700:
        component_ids = [c.id for c in sub.components]
        assert len(set(component_ids)) == len(component_ids)
        assert all(SLUG.match(c) for c in component_ids)


def test_regional_table_adds_up_to_components_spend_and_served(portfolio_700: list[Submission]) -> None:
    for sub in portfolio_700:
        t = sub.evaluated_year
        assert sub.regional is not None and sub.regional.year == t
        spend = sum(_numbers([r.spend for r in sub.regional.rows]))
        served = sum(_numbers([r.served for r in sub.regional.rows]))
        assert spend == sum(c.spend[t] for c in sub.components)  # type: ignore[misc]
        assert sub.populations.served is not None
        assert served == sub.populations.served.quantity[t]
        keys = [r.region for r in sub.regional.rows]
        assert keys == sorted(keys, key=reference.region_order)
        assert set(keys) - {"nivel-central"} <= set(sub.program.regions)


def test_subtitles_add_up_to_the_executed_budget(portfolio_700: list[Submission]) -> None:
    for sub in portfolio_700:
        t = sub.evaluated_year
        table = sub.budget.subtitles[t]
        executed = sub.budget.years[t].executed
        assert sum(_numbers([r.executed for r in table.rows])) == executed == table.total
        assert {r.code for r in table.rows} <= set(reference.subtitles())
        assert all(isinstance(r.executed, Decimal) and r.executed > 0 for r in table.rows)


def test_admin_plus_components_is_total_executed(portfolio_700: list[Submission]) -> None:
    for sub in portfolio_700:
        m = compute_metrics(sub)
        for year in sub.years:
            admin = m.value("admin_share_pct", year)
            comps = m.value("component_share_pct", year)
            if isinstance(admin, Decimal):
                assert isinstance(comps, Decimal)
                assert abs(admin + comps - 100) < Decimal("1e-20")
            else:
                assert admin is Missing.NOT_REPORTED


def test_sizes_span_tens_of_millions_to_hundreds_of_billions(portfolio_700: list[Submission]) -> None:
    sizes = [s.budget.years[s.evaluated_year].executed for s in portfolio_700]
    numbers = _numbers(sizes)
    assert len(numbers) == 700
    assert min(numbers) >= 10_000 and max(numbers) <= 500_000_000
    assert min(numbers) < 100_000 and max(numbers) > 50_000_000  # the log-uniform range is really used
    assert all(v == v.to_integral_value() for v in numbers)


def test_some_but_few_programs_have_codes(portfolio_200: list[Submission]) -> None:
    share = _share(portfolio_200, lambda s: "S/I" in s.model_dump_json())
    assert 0.03 <= share <= 0.30
    assert any('"N/C"' in s.model_dump_json() for s in portfolio_200)


def test_execution_profiles(portfolio_200: list[Submission]) -> None:
    def execution(s: Submission, year: int) -> Decimal | Missing:
        return compute_metrics(s).value("execution_initial_pct", year)

    under = _share(portfolio_200, lambda s: execution(s, s.evaluated_year) < 85)
    over = _share(portfolio_200, lambda s: execution(s, s.evaluated_year) > 110)
    assert 0.06 <= under <= 0.22
    assert 0 < over <= 0.10
    persistent = [
        s
        for s in portfolio_200
        if all(isinstance(execution(s, y), Decimal) and execution(s, y) < 85 for y in s.years)
    ]
    assert 1 <= len(persistent) <= 20


def test_indicators_go_both_ways_with_two_decimals(portfolio_200: list[Submission]) -> None:
    directions = {i.direction for s in portfolio_200 for i in s.indicators}
    assert directions == {"ascendente", "descendente"}
    for sub in portfolio_200:
        assert 1 <= len(sub.indicators) <= 2
        for value in _numbers(list(v for i in sub.indicators for v in i.values.values())):
            assert 0 <= value <= 100 and value == value.quantize(Decimal("0.01"))


def test_spend_per_beneficiary_sometimes_jumps_over_20_percent(portfolio_200: list[Submission]) -> None:
    def jump(s: Submission) -> bool:
        series = compute_metrics(s).yearly["spend_per_beneficiary"]
        *before, now = (series[y] for y in s.years)
        if not all(isinstance(v, Decimal) for v in (*before, now)):
            return False
        mean = sum(before) / len(before)  # type: ignore[arg-type]
        return abs(now / mean - 1) > Decimal("0.2")  # type: ignore[operator]

    assert 0.05 <= _share(portfolio_200, jump) <= 0.45


def test_populations_nest_mostly(portfolio_200: list[Submission]) -> None:
    def nested(s: Submission) -> bool:
        p = s.populations
        assert p.potential and p.target and p.served
        t = s.evaluated_year
        pp, po, pb = p.potential.quantity[t], p.target.quantity[t], p.served.quantity[t]
        return not isinstance(pp, Decimal) or (
            isinstance(po, Decimal) and isinstance(pb, Decimal) and pp >= po >= pb
        )

    assert 0.85 <= _share(portfolio_200, nested) < 1


def test_sex_split_and_quantities_are_integers(portfolio_200: list[Submission]) -> None:
    for sub in portfolio_200:
        served = sub.populations.served
        assert served is not None
        split = served.by_sex[sub.evaluated_year]
        assert split.male_pct is not None and split.female_pct is not None
        assert split.male_pct + split.female_pct == 100
        if split.male is not None and split.female is not None:
            assert split.male + split.female == served.quantity[sub.evaluated_year]
        for comp in sub.components:
            assert all(v == v.to_integral_value() and v >= 1 for v in _numbers(list(comp.output.values())))


def test_ods_and_texts(portfolio_200: list[Submission]) -> None:
    goals = reference.ods_goals()
    for sub in portfolio_200:
        for contribution in sub.ods:
            assert all(goals[contribution.goal].target(t) is not None for t in contribution.targets)
        assert sub.gender_approach and sub.gender_approach.startswith("El programa")
    assert 0.1 <= _share(portfolio_200, lambda s: bool(s.observations)) <= 0.7


def test_only_pertinent_indicator_decisions_are_reviewed(portfolio_200: list[Submission]) -> None:
    reviewed = [s for s in portfolio_200 if s.review.decisions]
    assert 0.03 <= len(reviewed) / len(portfolio_200) <= 0.3
    for sub in reviewed:
        (decision,) = sub.review.decisions
        assert decision.finding == "effectiveness.purpose_indicator.worse"
        assert decision.verdict == "pertinente"
        assert decision.indicator is not None and decision.justification is not None
        assert decision.justification.observation is not None
        observation = sub.observations[decision.justification.observation - 1]
        assert observation.text == decision.justification.text
        assert sub.review.judgements == []


def test_catalog_has_real_ministries_and_valid_references() -> None:
    catalog = load_catalog()
    assert len(catalog.ministries) >= 15
    per_ministry = {m: sum(1 for s in catalog.services if s.ministry == m) for m in catalog.ministries}
    assert sum(1 for n in per_ministry.values() if n >= 2) >= 12
    names = {s.name for s in catalog.services}
    for real in (
        "Fondo de Solidaridad e Inversión Social",
        "Servicio Nacional del Adulto Mayor",
        "Junta Nacional de Auxilio Escolar y Becas",
        "Fondo Nacional de Salud",
        "Instituto de Desarrollo Agropecuario",
        "Corporación de Fomento de la Producción",
        "Servicio Nacional de Capacitación y Empleo",
        "Servicio de Vivienda y Urbanización",
    ):
        assert real in names
    goals = reference.ods_goals()
    subtitles = reference.subtitles()
    for theme in catalog.themes.values():
        assert {i.direction for i in theme.indicators} & {"ascendente"}
        for pick in theme.ods:
            assert all(goals[pick.goal].target(t) is not None for t in pick.targets), (theme.key, pick)
        assert all(c.subtitle in subtitles for c in theme.components)
    assert set(catalog.region_weights) == {r.key for r in reference.regions() if not r.not_a_region}


def test_no_synthetic_program_is_named_like_a_real_one(
    portfolio_700: list[Submission], s20: Submission, s23: Submission
) -> None:
    """Issue 14: the 700-program portfolio drew «Programa de Alianzas Productivas» (same service as the real
    seed); a real program's name is drawn again, and every synthetic submission says it is synthetic."""
    from monitoreo.synth.identity import slugify

    real = {slugify(s.program.name, 400) for s in (s20, s23)}
    assert real == {slugify(n, 400) for n in load_catalog().real_names}
    assert [s.program.name for s in portfolio_700 if slugify(s.program.name, 400) in real] == []
    assert all(s.synthetic for s in portfolio_700)
