"""Quick fuzz profile (collected by the normal test run, ~30–60 s): a few hundred mutated inputs across data
files, text and PDF fichas and Excel workbooks, each through the real entry points; none may give a
traceback, an uncoded rejection or an exit code other than 0, 1, 2. The long profile (10,000 inputs, hangs
and memory measured in worker processes) is ``make fuzz`` (``scripts/fuzz.py``; figures in
docs/hardening-inputs.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.check import run_input
from tests.fuzz.corpus import mutate

QUICK = {"data": 60, "ficha": 40, "pdf": 8, "excel": 50}


@pytest.mark.parametrize("kind", sorted(QUICK))
def test_no_input_escapes_the_coded_path(kind: str, tmp_path: Path) -> None:
    failures = []
    statuses: dict[str, int] = {}
    for seed in range(QUICK[kind]):
        outcome = run_input(kind, seed, tmp_path / "in")
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        if outcome.failed:
            failures.append(outcome.as_dict())
    assert failures == [], f"replay with: python scripts/fuzz.py --replay {kind} SEED ({statuses})"
    assert statuses.get("rejected", 0) > 0  # the mutations do reach the error paths


def test_mutations_are_deterministic() -> None:
    for kind in ("data", "ficha", "excel"):
        assert mutate(kind, 7) == mutate(kind, 7)
        assert mutate(kind, 7) != mutate(kind, 8)
