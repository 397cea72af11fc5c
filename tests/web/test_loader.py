"""The bulk loader: key figures, outcomes, replacement, latest edition, publication."""

from __future__ import annotations

import pytest
from programs.loader import load_submissions, set_published
from programs.models import Ficha, Outcome, Program

from monitoreo.domain import Missing, Submission
from tests.web.conftest import S23_ID, variants

pytestmark = pytest.mark.django_db


def test_seeds_are_loaded_with_key_figures_of_the_evaluated_year() -> None:
    ficha = Ficha.objects.get(program__slug=S23_ID)
    assert (ficha.edition, ficha.evaluated_year, ficha.price_base_year) == (2023, 2023, 2024)
    assert ficha.published and ficha.is_latest
    assert ficha.executed_budget == 4219214
    assert ficha.coverage_pct == pytest.approx(3389 / 13280 * 100)
    assert ficha.figures["coverage_pct"] == pytest.approx(25.5196, abs=1e-4)
    assert "|maule|" in ficha.regions and ficha.search_text.startswith("programa de alianzas productivas")
    assert ficha.program.ministry == "Ministerio de Agricultura"


def test_outcomes_are_copied_and_findings_counted_per_dimension() -> None:
    ficha = Ficha.objects.get(program__slug=S23_ID)
    evaluation_outcomes = ficha.evaluation["outcomes"]
    assert Outcome.objects.filter(ficha=ficha).count() == len(evaluation_outcomes) > 0
    # Public findings are the no superados (issue 14): S23's one finding was superado.
    findings = [o for o in evaluation_outcomes if o["verdict"] == "finding" and o["status"] != "superado"]
    counted = ficha.findings_targeting + ficha.findings_efficiency + ficha.findings_effectiveness
    assert counted == ficha.findings_total == len(findings) == 0


def test_a_missing_value_is_null_for_sorting_but_kept_as_its_code(s23: Submission) -> None:
    assert s23.populations.target is not None
    target = s23.populations.target.model_copy(
        update={"quantity": dict.fromkeys(s23.years, Missing.NOT_REPORTED)}
    )
    unknown = variants(s23, 1)[0].model_copy(
        update={"populations": s23.populations.model_copy(update={"target": target}), "published": []}
    )
    load_submissions([unknown])
    ficha = Ficha.objects.get(program__slug=unknown.id)
    assert ficha.figures["coverage_pct"] == "S/I" and ficha.coverage_pct is None
    assert ficha.executed_budget == 4219214


def test_reloading_replaces_the_ficha_of_the_same_program_and_edition(s23: Submission) -> None:
    before = Ficha.objects.count()
    renamed = s23.model_copy(
        update={"program": s23.program.model_copy(update={"name": "Alianzas (renombrado)"})}
    )
    report = load_submissions([renamed])
    assert (report.programs_created, report.programs_updated, report.fichas) == (0, 1, 1)
    assert Ficha.objects.count() == before
    assert Program.objects.get(slug=S23_ID).name == "Alianzas (renombrado)"


def test_latest_published_edition_is_marked(s23: Submission) -> None:
    older = s23.model_copy(
        update={"edition": 2020, "evaluated_year": 2021, "years": [2019, 2020, 2021], "published_at": None}
    )
    load_submissions([older])
    latest = Ficha.objects.filter(program__slug=S23_ID, is_latest=True).get()
    assert latest.edition == 2023
    set_published(latest, False)
    assert Ficha.objects.filter(program__slug=S23_ID, is_latest=True).get().edition == 2020


def test_bulk_load_runs_a_bounded_number_of_queries(s23: Submission, max_queries: object) -> None:
    subs = variants(s23, 60)
    with max_queries(20):  # type: ignore[operator]
        report = load_submissions(subs, publish=False)
    assert report.fichas == 60 and report.programs_created == 60
    assert not Ficha.objects.filter(program__slug="sintetico-000", published=True).exists()


def test_load_demo_summary_is_es_cl() -> None:
    import io
    import re

    from django.core.management import call_command
    from programs.demo import seed_submissions, synthetic_submissions

    fichas = len(seed_submissions()) + len(list(synthetic_submissions(3, 2023)))
    out = io.StringIO()
    call_command("load_demo", "--size", "3", stdout=out)
    summary = out.getvalue().splitlines()[0]
    assert re.fullmatch(rf"{fichas} fichas cargadas \(\d+ resultados\) en \d+,\d s", summary), summary
