"""The seeds plus a synthetic portfolio of 50 programs, evaluated by the engine: the bundle validates with
``frictionless validate`` (the CLI, as users run it) and reloading it reproduces every metric."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from monitoreo.domain import Submission
from monitoreo.methodology import evaluate
from monitoreo.metrics import compute_metrics
from monitoreo.publish import publish_bundle, read_table, reload_bundle
from monitoreo.synth import generate


@pytest.fixture(scope="module")
def portfolio(s23: Submission, s20: Submission) -> list[Submission]:
    return [s23, s20, *generate(50, seed=11)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, portfolio: list[Submission]) -> Path:
    out = tmp_path_factory.mktemp("portfolio") / "bundle"
    publish_bundle(portfolio, out, [evaluate(s) for s in portfolio])
    return out


def test_frictionless_validate_cli_accepts_the_bundle(bundle: Path) -> None:
    exe = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(exe), "validate", str(bundle / "datapackage.json")], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_reloading_the_portfolio_reproduces_every_metric(bundle: Path, portfolio: list[Submission]) -> None:
    reloaded = {(s.edition, s.id): s for s in reload_bundle(bundle)}
    assert len(reloaded) == len(portfolio)
    for original in portfolio:
        assert compute_metrics(reloaded[(original.edition, original.id)]) == compute_metrics(original), (
            original.id
        )


def test_outcomes_of_the_engine_are_published(bundle: Path, portfolio: list[Submission]) -> None:
    rows = read_table(bundle, "outcomes")
    assert len(rows) == sum(len(evaluate(s).outcomes) for s in portfolio)
    assert {r["verdict"] for r in rows} <= {"finding", "ok", "not_evaluable"}
    assert any(r["verdict"] == "finding" and r["status"] == "no_superado" for r in rows)
