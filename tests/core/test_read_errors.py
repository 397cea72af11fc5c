"""Bad input gives one clear problem per field path, with a stable code, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoreo.errors import InputError, Problem
from monitoreo.io import dump_submission, read_submission
from monitoreo.io.codes import INPUT_CODES
from tests.conftest import S20_FILE, S23_FILE


def problems_of(tmp_path: Path, text: str | bytes) -> list[Problem]:
    path = tmp_path / "programa.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(InputError) as info:
        read_submission(path)
    assert all(p.file == str(path) for p in info.value.problems)
    assert all(p.code in INPUT_CODES for p in info.value.problems)
    return info.value.problems


def seed_with(old: str, new: str) -> str:
    text = S23_FILE.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_malformed_yaml(tmp_path: Path) -> None:
    [p] = problems_of(tmp_path, "id: [abierto\nedition: 2023\n")
    assert p.code == "input.E003" and "línea" in p.path


def test_not_utf8_and_not_a_mapping(tmp_path: Path) -> None:
    assert [p.code for p in problems_of(tmp_path, b"\xff\xfe\x00garbage")] == ["input.E002"]
    assert [p.code for p in problems_of(tmp_path, "- 1\n- 2\n")] == ["input.E004"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_submission(tmp_path / "no-existe.yaml")
    assert info.value.problems[0].code == "input.E001"


def test_wrong_type_names_the_field(tmp_path: Path) -> None:
    [p] = problems_of(tmp_path, seed_with("initial: 4962579", "initial: mucho"))
    assert (p.path, p.code) == ("budget.years.2021.initial", "input.E012")
    assert "mucho" in p.message and "S/I" in p.message


def test_negative_amount(tmp_path: Path) -> None:
    [p] = problems_of(tmp_path, seed_with("spend: 23084", "spend: -23084"))
    assert (p.path, p.code) == ("regional.rows.0.spend", "input.E013")


def test_unknown_region_and_subtitle(tmp_path: Path) -> None:
    text = seed_with("region: maule,", "region: atlantida,").replace('code: "29"', 'code: "99"')
    found = {(p.path, p.code) for p in problems_of(tmp_path, text)}
    assert found == {
        ("regional.rows.7.region", "input.E021"),
        ("budget.subtitles.2023.rows.3.code", "input.E022"),
    }


def test_missing_required_fields_one_problem_each(tmp_path: Path) -> None:
    text = seed_with("  ministry: Ministerio de Agricultura\n", "").replace("edition: 2023\n", "")
    found = {(p.path, p.code) for p in problems_of(tmp_path, text)}
    assert found == {("program.ministry", "input.E010"), ("edition", "input.E010")}


def test_year_outside_the_window(tmp_path: Path) -> None:
    [p] = problems_of(tmp_path, seed_with("admin_spend: {2021: 494087", "admin_spend: {2019: 494087"))
    assert (p.path, p.code) == ("budget.admin_spend.2019", "input.E020")


def test_unknown_field(tmp_path: Path) -> None:
    [p] = problems_of(tmp_path, seed_with("start_year: 2007", "start_year: 2007\n  color: rojo"))
    assert (p.path, p.code) == ("program.color", "input.E011")


def test_unknown_ods_target(tmp_path: Path) -> None:
    # Reference checks run once the types are right: a file with type errors reports those first.
    [p] = problems_of(tmp_path, seed_with("  - {goal: 2}", "  - {goal: 2, targets: ['2.99']}"))
    assert (p.path, p.code) == ("ods.0.targets.0", "input.E023")


@pytest.mark.parametrize("seed", [S23_FILE, S20_FILE])
def test_dump_and_read_back_is_equal(seed: Path, tmp_path: Path) -> None:
    original = read_submission(seed)
    copy = tmp_path / "copia.yaml"
    copy.write_text(dump_submission(original), encoding="utf-8")
    assert read_submission(copy) == original


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.data())
def test_fuzzed_seed_never_raises_anything_but_input_error(tmp_path: Path, data: st.DataObject) -> None:
    text = S23_FILE.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text) - 1))
    length = data.draw(st.integers(0, 40))
    junk = data.draw(st.text(max_size=20))
    path = tmp_path / "fuzz.yaml"
    path.write_text(text[:start] + junk + text[start + length :], encoding="utf-8")
    try:
        read_submission(path)
    except InputError as exc:
        assert exc.problems and all(p.code in INPUT_CODES for p in exc.problems)
