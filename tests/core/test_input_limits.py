"""Issue #16, rows «one number», «YAML», «edition» and «messages» on the data-file side: every hostile or
careless value is one coded problem naming the file and the field (or line), never a traceback, a hang or a
silent last-wins. Limits come from ``reference/limits.yaml`` (docs/hardening-inputs.md)."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest

from monitoreo.errors import InputError, Problem
from monitoreo.io import parse_submission, read_submission
from monitoreo.io.codes import INPUT_CODES
from monitoreo.io.read import submission_to_data
from monitoreo.reference.limits import limits, number_problem
from tests.conftest import S23_FILE

SEED = S23_FILE.read_text(encoding="utf-8")
FIELD = "budget.years.2021.initial"


def problems_of(tmp_path: Path, text: str) -> list[Problem]:
    path = tmp_path / "programa.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_submission(path)
    assert all(p.file == str(path) and p.code in INPUT_CODES for p in info.value.problems)
    return info.value.problems


def with_initial(value: str) -> str:
    assert "initial: 4962579" in SEED
    return SEED.replace("initial: 4962579", f"initial: {value}", 1)


@pytest.mark.parametrize(
    "value",
    [
        "10000000000000000000000000000",
        "7" * 5000,
        '"10000000000000000000000000000"',
        "1e40",
        "0.00000000000000000001",
    ],
)
def test_a_number_beyond_the_limits_is_input_e015_on_its_field(tmp_path: Path, value: str) -> None:
    # main: 10^28 was accepted (and broke the ficha); 5,000 digits gave «número mal formado» without a field.
    [p] = problems_of(tmp_path, with_initial(value))
    assert (p.path, p.code) == (FIELD, "input.E015")
    assert len(p.message) < 200


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", ".NaN"])
def test_nan_and_infinity_name_the_field(tmp_path: Path, value: str) -> None:
    # main: «número mal formado: [<class 'decimal.ConversionSyntax'>]» with no field path.
    [p] = problems_of(tmp_path, with_initial(value))
    assert (p.path, p.code) == (FIELD, "input.E015")
    assert "finito" in p.message and "class" not in p.message


def test_the_largest_accepted_number_is_accepted(tmp_path: Path) -> None:
    lim = limits()
    largest = "9" * lim.max_integer_digits
    path = tmp_path / "programa.yaml"
    path.write_text(with_initial(largest), encoding="utf-8")
    assert read_submission(path).budget.years[2021].initial == Decimal(largest)
    assert number_problem(Decimal(largest) + 1) is not None
    assert number_problem(lim.largest_number) is None


def test_a_large_number_from_a_form_is_refused_too() -> None:
    # The web form and the workbook give strings; the check runs on the validated submission.
    data = submission_to_data(read_submission(S23_FILE))
    data["budget"]["years"][2021]["initial"] = "10000000000000000000000000000"
    with pytest.raises(InputError) as info:
        parse_submission(data, "formulario")
    assert [(p.path, p.code) for p in info.value.problems] == [(FIELD, "input.E015")]


def test_duplicate_keys_are_refused_with_key_and_line(tmp_path: Path) -> None:
    # main: accepted, the last value won silently.
    text = SEED.replace("id: alianzas-productivas", "id: otro\nid: alianzas-productivas", 1)
    [p] = problems_of(tmp_path, text)
    assert p.code == "input.E007" and "«id»" in p.message
    line = 1 + text.splitlines().index("id: alianzas-productivas")
    assert p.path.startswith(f"línea {line},")


def test_a_nested_duplicate_key_is_refused(tmp_path: Path) -> None:
    [p] = problems_of(tmp_path, with_initial("4962579, initial: 5"))
    assert p.code == "input.E007" and "«initial»" in p.message


def alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    lines.append("ods: *i")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_fast(tmp_path: Path) -> None:
    # main: a 672-byte bomb ran past 60 s and 3 GB.
    bomb = alias_bomb()
    assert len(bomb) < 700
    start = time.perf_counter()
    [p] = problems_of(tmp_path, bomb)
    assert time.perf_counter() - start < 2
    assert p.code == "input.E008" and p.path.startswith("línea 1,")


def test_a_single_alias_is_refused(tmp_path: Path) -> None:
    text = SEED.replace("id: alianzas-productivas", "id: &x alianzas-productivas\nalias: *x", 1)
    assert [p.code for p in problems_of(tmp_path, text)] == ["input.E008"]


def test_an_unknown_edition_is_an_input_problem(tmp_path: Path) -> None:
    # main: ``ReferenceError`` traceback in metrics and validate.
    text = SEED.replace("edition: 2023", "edition: 2019", 1)
    [p] = problems_of(tmp_path, text)
    assert (p.path, p.code) == ("edition", "input.E026")
    assert "2020, 2023, 2025" in p.message


def test_a_long_value_is_cut_in_the_message(tmp_path: Path) -> None:
    # main: messages repeated 30,000-character values in full.
    [p] = problems_of(tmp_path, with_initial("x" * 30000))
    assert p.code == "input.E012" and len(p.message) < 300 and "…" in p.message


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    text = SEED + "#" * limits().yaml_max_bytes
    [p] = problems_of(tmp_path, text)
    assert p.code == "input.E006"


def test_deep_nesting_is_a_coded_problem(tmp_path: Path) -> None:
    [p] = problems_of(tmp_path, "a: " + "[" * 20000 + "]" * 20000 + "\n")
    assert p.code == "input.E003"


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_name_the_field(tmp_path: Path, value: str) -> None:
    import json

    from monitoreo.io import yamlio

    data = json.loads(json.dumps(yamlio.loads(SEED), default=str))
    data["budget"]["years"]["2021"]["initial"] = "PLACEHOLDER"
    path = tmp_path / "programa.json"
    path.write_text(json.dumps(data).replace('"PLACEHOLDER"', value), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_submission(path)
    assert [(p.path, p.code) for p in info.value.problems] == [(FIELD, "input.E015")]


def test_a_device_or_folder_is_not_read(tmp_path: Path) -> None:
    # /dev/zero would be read without end.
    for path in (Path("/dev/zero"), tmp_path):
        with pytest.raises(InputError) as info:
            read_submission(path)
        assert [p.code for p in info.value.problems] == ["input.E001"]
