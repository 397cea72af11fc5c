"""The validation report on the seeds: the Araucanía contradiction, the explained warnings, no false alarm."""

from __future__ import annotations

from decimal import Decimal

import pytest

from monitoreo.domain import BudgetYear, Submission
from monitoreo.validation import Severity, issue_types, validate


def test_s23_lists_the_araucania_contradiction_and_nothing_else_wrong(s23: Submission) -> None:
    report = validate(s23)
    assert report.flatten(["code", "path"]) == [
        ["budget.W001", "budget.years.2021.executed"],
        ["narrative.E001", "populations.served.description"],
    ]
    error = report.errors[0]
    assert error.values["printed"] == Decimal(12)
    assert error.values["served"] == Decimal(388) and error.values["total"] == Decimal(3389)
    assert "la Araucanía (12%)" in error.message and "11,4%" in error.message


def test_s20_has_only_the_explained_warning(s20: Submission) -> None:
    report = validate(s20)
    assert report.valid
    assert report.flatten(["code", "path"]) == [
        ["components.W001", "components.capacitacion-capacidades-exportadoras.spend.2020"]
    ]


def test_s20_off_by_one_sums_do_not_alarm(s20: Submission) -> None:
    # components 2019: 240.299 + 1.024.432 = 1.264.731 vs 1.264.732; subtítulos 2020: 518.213 vs 518.212
    assert not [i for i in validate(s20).issues if i.code.startswith("budget.E")]


@pytest.mark.parametrize(("extra", "code"), [(3, None), (4, "budget.E001")])
def test_components_plus_admin_tolerance_is_one_per_addend(
    s23: Submission, extra: int, code: str | None
) -> None:
    years = dict(s23.budget.years)
    b = years[2023]
    years[2023] = b.model_copy(
        update={
            "total_executed": b.total_executed + extra,  # type: ignore[operator]
            "executed": b.executed + extra,
        }
    )  # type: ignore[operator]
    sub = s23.model_copy(update={"budget": s23.budget.model_copy(update={"years": years})})
    codes = [i.code for i in validate(sub).issues if i.code.startswith("budget.E001")]
    assert codes == ([code] if code else [])


def test_the_sum_tolerance_is_the_editions_data(s20: Submission, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a tolerance of 0 in the edition's conventions, S20's off-by-one sums become errors."""
    import dataclasses

    from monitoreo.validation import tolerance

    strict = dataclasses.replace(tolerance.edition_conventions(2020), sum_tolerance_per_addend=Decimal(0))
    monkeypatch.setattr(tolerance, "edition_conventions", lambda edition: strict)
    codes = sorted({i.code for i in validate(s20).issues if i.code.startswith("budget.E")})
    assert codes == ["budget.E003", "budget.E004"]  # subtítulos 2020: 518.213 vs 518.212 (total and executed)


def test_regional_sums(s23: Submission) -> None:
    assert s23.regional is not None
    rows = list(s23.regional.rows)
    rows[0] = rows[0].model_copy(update={"spend": rows[0].spend + 100, "served": rows[0].served + 50})  # type: ignore[operator]
    sub = s23.model_copy(update={"regional": s23.regional.model_copy(update={"rows": rows})})
    assert {"regional.E001", "regional.E002"} <= set(validate(sub).codes())


def test_populations_out_of_order_are_warnings(s23: Submission) -> None:
    assert s23.populations.target is not None
    target = s23.populations.target.model_copy(update={"quantity": {2023: Decimal(100)}})
    sub = s23.model_copy(
        update={"populations": s23.populations.model_copy(update={"target": target}), "published": []}
    )
    issues = [i for i in validate(sub).issues if i.code.startswith("populations.")]
    assert [(i.code, i.severity) for i in issues] == [("populations.W001", Severity.WARNING)]


def test_printed_percentage_that_disagrees(s23: Submission) -> None:
    published = [
        f.model_copy(update={"values": {2023: Decimal("25.7")}}) if f.metric == "coverage_pct" else f
        for f in s23.published
    ]
    report = validate(s23.model_copy(update={"published": published}))
    assert [i.values["printed"] for i in report.issues if i.code == "published.E001"] == [Decimal("25.7")]


def test_executed_above_final_is_a_warning(s20: Submission) -> None:
    years = {2020: BudgetYear(initial=Decimal(10), final=Decimal(10), executed=Decimal(11))}
    sub = s20.model_copy(update={"budget": s20.budget.model_copy(update={"years": years, "subtitles": {}})})
    assert "budget.W001" in validate(sub).codes()


def test_issue_codes_are_well_formed() -> None:
    import re

    types = issue_types()
    assert len(types) >= 12
    for code, kind in types.items():
        assert re.fullmatch(r"[a-z]+\.[EW]\d{3}", code)
        assert kind.severity is (Severity.ERROR if ".E" in code else Severity.WARNING)
