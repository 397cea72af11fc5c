"""Every rule, outcome, judgement, loader and validation code is documented in docs/methodology-engine.md."""

from __future__ import annotations

from monitoreo.methodology import METHODOLOGY_CODES
from monitoreo.methodology.registry import judgement_codes, outcome_codes, rules
from monitoreo.validation import issue_types
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "methodology-engine.md").read_text(encoding="utf-8")


def test_every_code_is_documented() -> None:
    codes = [*rules(), *outcome_codes(), *judgement_codes(), *METHODOLOGY_CODES, *issue_types()]
    missing = [code for code in codes if f"`{code}`" not in DOC]
    assert missing == []
