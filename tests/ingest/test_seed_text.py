"""Importing each seed text gives the hand-encoded seed data file, field by field (compared projection
in ``tests/ingest/projection.py``, with every exclusion explained)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from monitoreo.domain import Dimension, Missing, Submission
from monitoreo.ingest import import_ficha
from tests.conftest import FICHAS
from tests.ingest.projection import differences, projection

pytestmark = pytest.mark.golden
T23 = FICHAS / "ficha_2023_alianzas_productivas.txt"
T20 = FICHAS / "ficha_2020_internacionalizacion_pymes.txt"


def test_s23_text_imports_to_the_seed_data_file(s23: Submission) -> None:
    result = import_ficha(T23)
    assert result.submission is not None, [str(i) for i in result.issues]
    assert differences(s23, result.submission) == []
    assert result.edition == 2023


def test_s23_warns_only_about_guessed_fields() -> None:
    codes = sorted((i.code, i.path) for i in import_ficha(T23).issues)
    assert codes == [("import.W001", "program.name"), ("import.W005", "populations.target.unit")]


def test_s23_provenance_names_the_source_and_lines() -> None:
    result = import_ficha(T23)
    assert result.provenance["source"] == str(T23)
    assert result.provenance["layout"] == 2023
    fields = result.provenance["fields"]
    assert fields["program.name"] == {"line": 4, "page": 1}
    assert fields["budget.years.initial"]["line"] == 100


def test_s23_component_ids_are_slugs_of_the_names() -> None:
    sub = import_ficha(T23).submission
    assert sub is not None
    assert [c.id for c in sub.components] == ["asesoria-tecnica", "cofinanciamiento-proyectos-inversion"]
    assert sub.id == "alianzas-productivas"


def test_s23_values_keep_codes_and_decimals() -> None:
    sub = import_ficha(T23).submission
    assert sub is not None
    assert sub.budget.years[2021].regional_government is Missing.NONE
    assert sub.published_series("coverage_pct")[2021] is Missing.NOT_REPORTED
    assert sub.published_series("unit_cost", "asesoria-tecnica")[2023] == Decimal("704.1")


def test_the_diff_helper_reports_paths(s23: Submission) -> None:
    changed = s23.model_copy(update={"gender_approach": "otro"})
    assert differences(s23, changed) == [f"gender_approach: {s23.gender_approach!r} ≠ 'otro'"]
    assert "review" not in projection(s23)


def test_s20_text_imports_to_the_seed_data_file(s20: Submission) -> None:
    result = import_ficha(T20)
    assert result.submission is not None, [str(i) for i in result.issues]
    assert differences(s20, result.submission) == []
    assert result.edition == 2020 and result.provenance["layout"] == 2020


def test_s20_warns_only_about_guessed_fields() -> None:
    codes = sorted((i.code, i.path) for i in import_ficha(T20).issues)
    assert codes == [("import.W001", "program.name"), ("import.W005", "budget.subtitles.2020")]


def test_s20_section_ii_before_section_i_is_read() -> None:
    sub = import_ficha(T20).submission
    assert sub is not None and sub.assessment is not None
    assert sub.assessment.dimensions[Dimension.EFFICIENCY].results[-1] == (
        "No reporta gasto administrativo o presupuesto ejecutado total"
    )
    assert sub.program.ministry == "Ministerio de Relaciones Exteriores"
    assert sub.published_series("execution_initial_pct") == {2019: Decimal(89), 2020: Decimal(36)}
    assert [c.id for c in sub.components] == [
        "acciones-promocion-consolidacion-mercados",
        "capacitacion-fortalecimiento-capacidades-exportadoras",
    ]
