"""components.W003: a component's spend or production left out in a year shown is flagged (it counts as S/I)."""

from __future__ import annotations

from typing import Any

import yaml

from monitoreo.domain import Submission
from monitoreo.io import dump_submission, parse_submission
from monitoreo.validation import validate


def with_component(sub: Submission, component: dict[str, Any]) -> Submission:
    data = yaml.safe_load(dump_submission(sub))
    data["components"].append(component)
    return parse_submission(data, "prueba.yaml")


def w003(sub: Submission) -> list[str]:
    return [i.path for i in validate(sub).issues if i.code == "components.W003"]


def test_the_seeds_report_every_component_year(s23: Submission, s20: Submission) -> None:
    assert w003(s23) == [] and w003(s20) == []


def test_a_new_component_with_only_a_name_is_flagged_per_series_and_year(s23: Submission) -> None:
    sub = with_component(s23, {"id": "componente-9", "name": "Asesoría nueva", "unit": "Personas"})
    assert w003(sub) == [
        f"components.componente-9.{field}.{year}"
        for year in (2021, 2022, 2023)
        for field in ("spend", "output")
    ]
    issue = next(i for i in validate(sub).issues if i.code == "components.W003")
    assert "«Asesoría nueva» no informa gasto" in issue.message and issue.severity.value == "warning"


def test_dash_for_years_before_the_component_existed_is_not_flagged_but_explicit_si_is(
    s23: Submission,
) -> None:
    sub = with_component(
        s23,
        {
            "id": "componente-9",
            "name": "Asesoría nueva",
            "unit": "Personas",
            "spend": {2021: "-", 2022: "-", 2023: "S/I"},
            "output": {2021: "-", 2022: "-", 2023: 120},
        },
    )
    assert w003(sub) == ["components.componente-9.spend.2023"]
