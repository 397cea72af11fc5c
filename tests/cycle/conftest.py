"""The 2025 report of Alianzas Productivas as a service finds it: pre-filled from the 2023 seed (no Django)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from monitoreo.cycle.prefill import prefill
from tests.conftest import ROOT

SEED_2023 = ROOT / "examples" / "seeds" / "alianzas-productivas-2023.yaml"


def seed_2023() -> dict[str, Any]:
    from monitoreo.io.read import parse_submission

    raw = yaml.safe_load(SEED_2023.read_text(encoding="utf-8"))
    return parse_submission(raw, "seed").model_dump(mode="json", exclude_none=True)


@pytest.fixture
def previous() -> dict[str, Any]:
    return seed_2023()


@pytest.fixture
def prefilled(previous: dict[str, Any]) -> dict[str, Any]:
    # A 2025 cycle in M$2024 with table base-2024, as the workflow fixture: the seed's amounts carry over
    # unchanged (M$2026 without a base-2026 table would leave them empty, docs/inflators.md).
    return prefill(previous, 2025, 2025, 2024, 3)
