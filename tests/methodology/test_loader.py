"""Edition files: every shipped edition loads; a bad file is refused with every problem and its code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from monitoreo.methodology import (
    MethodologyError,
    diff_editions,
    known_editions,
    load_edition,
    load_edition_file,
)
from monitoreo.methodology.loader import shipped_dir
from monitoreo.methodology.registry import rules


def test_shipped_editions() -> None:
    assert known_editions() == (2020, 2023, 2025)
    assert [load_edition(e).extends for e in known_editions()] == [None, 2020, 2023]
    assert load_edition(2020).justification_clears_finding is False
    assert load_edition(2023).justification_clears_finding is True


def test_every_rule_is_used_by_some_edition() -> None:
    used = {r.code for e in known_editions() for r in load_edition(e).rules}
    assert used == set(rules())


def test_every_value_has_a_source_and_assumptions_are_marked() -> None:
    for edition in known_editions():
        spec = load_edition(edition)
        for rule in spec.rules:
            for key, sourced in rule.sources.items():
                assert sourced.source.strip(), (edition, rule.code, key)
                assert sourced.status in ("E", "I", "A")
    assert load_edition(2020).rule("efficiency.initial_execution").sources["under_pct"].status == "A"  # type: ignore[union-attr]
    assert load_edition(2025).rule("efficiency.initial_execution").sources["under_pct"].status == "E"  # type: ignore[union-attr]


def _variant(tmp_path: Path, edit: object) -> Path:
    data = yaml.safe_load((shipped_dir() / "2025.yaml").read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    path = tmp_path / "2099.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _codes(path: Path) -> list[str]:
    with pytest.raises(MethodologyError) as info:
        load_edition_file(path)
    return [p.code for p in info.value.problems]


RULE = "efficiency.initial_execution"


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda d: d["rules"].__setitem__("efficiency.unknown", {"parameters": {}}), "methodology.E010"),
        (lambda d: d["rules"][RULE]["parameters"].pop("under_pct"), None),  # inherited from 2023: still fine
        (
            lambda d: d["rules"]["efficiency.spend_per_beneficiary"]["parameters"].pop("band_pct"),
            "methodology.E011",
        ),
        (lambda d: d["rules"][RULE]["parameters"]["under_pct"].pop("source"), "methodology.E012"),
        (lambda d: d["rules"][RULE]["parameters"]["under_pct"].pop("status"), "methodology.E012"),
        (
            lambda d: d["rules"][RULE]["parameters"].__setitem__(
                "typo_pct", {"value": 1, "source": "x", "status": "A"}
            ),
            "methodology.E013",
        ),
        (
            lambda d: d["rules"]["efficiency.spend_per_beneficiary"]["wording"].pop("no_history"),
            "methodology.E014",
        ),
        (
            lambda d: d["rules"][RULE]["wording"].__setitem__(
                "sideways", {"value": "x", "source": "x", "status": "A"}
            ),
            "methodology.E015",
        ),
        (lambda d: d["rules"][RULE]["wording"]["under"].__setitem__("value", "en {año}"), "methodology.E016"),
        (
            lambda d: d["rules"][RULE]["parameters"]["under_pct"].__setitem__("value", "85"),
            "methodology.E017",
        ),
        (lambda d: d["judgements"].pop(), "methodology.E018"),
        (lambda d: d["order"].pop(), "methodology.E019"),
        (lambda d: d.__setitem__("extends", 1999), "methodology.E003"),
        (lambda d: d.__setitem__("colour", "blue"), "methodology.E004"),
    ],
)
def test_bad_edition_files_are_refused_with_a_code(tmp_path: Path, edit: object, code: str | None) -> None:
    path = _variant(tmp_path, edit)
    if code is None:
        assert load_edition_file(path).edition == 2025
    else:
        assert code in _codes(path)


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    def edit(d: dict) -> None:  # type: ignore[type-arg]
        d["rules"][RULE]["parameters"]["under_pct"].pop("source")
        d["rules"]["efficiency.unknown"] = {}

    assert {"methodology.E010", "methodology.E012"} <= set(_codes(_variant(tmp_path, edit)))


def test_unknown_edition() -> None:
    with pytest.raises(MethodologyError) as info:
        load_edition(1999)
    assert info.value.problems[0].code == "methodology.E001"


def test_disabling_an_inherited_rule(tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        lambda d: (
            d["rules"].__setitem__("efficiency.admin_spend_estimation", {"enabled": False})
            or d["judgements"].remove("efficiency.admin_estimation_correct")
            or d["order"].remove("efficiency.admin_spend_estimation")
        ),
    )
    assert load_edition_file(path).rule("efficiency.admin_spend_estimation") is None


def test_diff_2023_2025() -> None:
    changes = diff_editions(load_edition(2023), load_edition(2025))
    added = {c.rule for c in changes if c.kind == "rule_added"}
    assert "efficiency.spend_per_beneficiary" in added and "efficiency.initial_execution_persistence" in added
    assert any(c.kind == "setting" and c.key == "no_findings.eficiencia" for c in changes)
    assert diff_editions(load_edition(2025), load_edition(2025)) == []


def test_2025_printing_data() -> None:
    spec = load_edition(2025)
    assert spec.labelled and spec.by_indicator
    assert (
        spec.pertinence_clause
        == "No obstante, la justificación proporcionada por el Servicio se considera pertinente."
    )
    assert spec.rule("effectiveness.indicator_quality").label == "Indicador de propósito {n}:"  # type: ignore[union-attr]
    assert {r.code for r in spec.rules if r.assessment} == {
        "targeting.target_subset",
        "targeting.universal",
        "targeting.focalization_criteria",
        "targeting.served_subset",
        "targeting.prioritization_criteria",
        "efficiency.spend_per_beneficiary",
    }
    assert len(spec.combined) == 4
    assert not load_edition(2023).labelled and load_edition(2023).combined == ()


def _set(path: str, value: object) -> object:
    def edit(data: dict[str, object]) -> None:
        *parents, last = path.split("/")
        node: object = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]  # type: ignore[index]
        node[int(last) if isinstance(node, list) else last] = value  # type: ignore[index]

    return edit


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [
        ("combined/0/outcomes", ["targeting.target_subset.subset", "no.such.outcome"], "methodology.E020"),
        ("combined/1/outcomes", ["targeting.served_subset.subset"], "methodology.E020"),
        ("combined/2/wording", {"value": "… {zz} …", "source": "x", "status": "A"}, "methodology.E016"),
        ("combined/3/wording", {"value": "…"}, "methodology.E012"),
        (
            f"rules/{RULE}/label",
            {"value": "Ejecución {x}:", "source": "x", "status": "E"},
            "methodology.E016",
        ),
        (f"rules/{RULE}/assessment", {"value": "sí", "source": "x", "status": "E"}, "methodology.E017"),
        (f"rules/{RULE}/label", "Ejecución presupuestaria:", "methodology.E017"),
        ("settings/pertinence_clause", {"value": 3, "source": "x", "status": "E"}, "methodology.E017"),
        (
            "settings/findings_by_indicator",
            {"value": "yes", "source": "x", "status": "E"},
            "methodology.E017",
        ),
    ],
)
def test_bad_printing_data_is_refused(tmp_path: Path, path: str, value: object, code: str) -> None:
    assert code in _codes(_variant(tmp_path, _set(path, value)))
