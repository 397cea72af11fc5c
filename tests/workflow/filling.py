"""What a service types into the pre-filled 2025 report of Alianzas Productivas (values of 2024 and 2025),
chosen so that the purpose indicator gets worse (59 → 50): a candidate finding the service can answer."""

from __future__ import annotations

import copy
from typing import Any

BUDGET = {
    "2024": {"initial": "5000000", "final": "4600000", "executed": "4220000"},
    "2025": {"initial": "5100000", "final": "4700000", "executed": "4230000"},
}
SERVED = {"2024": "3400", "2025": "3500"}
TARGET = {"2024": "13300", "2025": "13400"}
ADMIN = {"2024": "520000", "2025": "530000"}
INDICATOR = {"2024": "58", "2025": "50"}
#: The 2023 ficha quantifies no potential population; the completeness rule asks for an explicit answer.
POTENTIAL = {"2025": "S/I"}


def filled(data: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    years = out["budget"].setdefault("years", {})
    for year, row in BUDGET.items():
        years[year] = {**row, "regional_government": "-", "extra_budgetary": "-"}
    out["budget"].setdefault("admin_spend", {}).update(ADMIN)
    out["populations"]["served"]["quantity"].update(SERVED)
    potential = out["populations"]["potential"] = out["populations"].get("potential") or {}
    potential.setdefault("quantity", {}).update(POTENTIAL)
    out["populations"]["target"]["quantity"].update(TARGET)
    for comp, spend, output in zip(out["components"], ("2400000", "1300000"), ("3500", "660"), strict=True):
        comp["spend"].update({"2024": spend, "2025": spend})
        comp["output"].update({"2024": output, "2025": output})
    out["indicators"][0]["values"].update(INDICATOR)
    return out
