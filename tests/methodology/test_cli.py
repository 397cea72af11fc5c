"""``monitoreo evaluate | validate | methodology`` shells: JSON shape, exit codes, Spanish errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from monitoreo.cli import app
from monitoreo.methodology.loader import shipped_dir
from tests.conftest import S20_FILE, S23_FILE, SEEDS

runner = CliRunner()


def _json(args: list[str], code: int = 0) -> object:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def test_evaluate_json_shape() -> None:
    data = _json(["evaluate", "--json", str(S23_FILE)])
    assert isinstance(data, list) and data[0]["id"] == "alianzas-productivas" and data[0]["edition"] == 2023
    worse = [o for o in data[0]["outcomes"] if o["code"] == "effectiveness.purpose_indicator.worse"]
    assert worse[0]["dimension"] == "eficacia" and worse[0]["verdict"] == "finding"
    assert worse[0]["status"] == "superado"
    assert worse[0]["text"].endswith("pero la justificación entregada es pertinente.")
    assert {o["status"] for o in data[0]["outcomes"] if o["verdict"] != "finding"} == {None}


def test_evaluate_edition_option_and_directory() -> None:
    data = _json(["evaluate", "--json", "--edition", "2020", str(SEEDS)])
    assert [d["edition"] for d in data] == [2020, 2020]  # type: ignore[union-attr]


def test_evaluate_compare() -> None:
    data = _json(["evaluate", "--json", "--edition", "2025", "--compare", "2023", str(S23_FILE)])
    changes = data[0]["changes"]  # type: ignore[index]
    rules = {c["rule"] for c in changes}
    assert "efficiency.spend_per_beneficiary" in rules and "targeting.target_subset" in rules
    assert "efficiency.initial_execution" not in rules


def test_evaluate_with_history(tmp_path: Path) -> None:
    data = _json(["evaluate", "--json", "--edition", "2025", "--history", str(SEEDS), str(S20_FILE)])
    assert data[0]["id"] == "internacionalizacion-pymes-exportadoras"  # type: ignore[index]


def test_evaluate_unknown_edition_is_bad_input() -> None:
    result = runner.invoke(app, ["evaluate", "--edition", "1999", str(S23_FILE)])
    assert result.exit_code == 2
    assert "methodology.E001" in result.output and "Traceback" not in result.output


def test_evaluate_unreadable_file_is_bad_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tmp_path / "nada.yaml")])
    assert result.exit_code == 2 and "input.E001" in result.output


def test_validate_exit_codes() -> None:
    data = _json(["validate", "--json", str(S23_FILE)], code=1)
    assert [i["code"] for i in data[0]["issues"]] == ["budget.W001", "narrative.E001"]  # type: ignore[index]
    assert runner.invoke(app, ["validate", str(S20_FILE)]).exit_code == 0


def test_methodology_commands(tmp_path: Path) -> None:
    listed = _json(["methodology", "list", "--json"])
    assert [e["edition"] for e in listed] == [2020, 2023, 2025]  # type: ignore[union-attr]
    shown = _json(["methodology", "show", "2025", "--json"])
    assert shown["rule_details"][0]["code"] == "targeting.target_subset"  # type: ignore[index]
    assert _json(["methodology", "check", "--json", str(shipped_dir() / "2023.yaml")])["valid"] is True  # type: ignore[index]
    diff = _json(["methodology", "diff", "2023", "2025", "--json"])
    assert any(c["kind"] == "rule_added" for c in diff["changes"])  # type: ignore[index]
    bad = tmp_path / "2030.yaml"
    bad.write_text("edition: 2030\nextends: 2025\nrules: {nope.rule: {}}\norder: []\n", encoding="utf-8")
    refused = _json(["methodology", "check", "--json", str(bad)], code=1)
    assert "methodology.E010" in {p["code"] for p in refused["problems"]}  # type: ignore[index]


def test_the_readable_table_says_dimensions_verdicts_and_status_in_spanish() -> None:
    s20 = runner.invoke(app, ["evaluate", str(S20_FILE)], env={"COLUMNS": "400"})
    s23 = runner.invoke(app, ["evaluate", str(S23_FILE)], env={"COLUMNS": "400"})
    assert s20.exit_code == 0 and s23.exit_code == 0, s20.output + s23.output
    assert "│ Eficiencia   │ efficiency.initial_execution.under" in s20.stdout
    assert "│ hallazgo     │ no superado │" in s20.stdout and "│ sin hallazgo │" in s20.stdout
    assert "│ no evaluable │" in s23.stdout and "│ Focalización │" in s23.stdout
    assert "not_evaluable │" not in s23.stdout and "│ finding" not in s20.stdout
