"""Shared portfolios: generated once per session (generation is deterministic and pure)."""

from __future__ import annotations

import pytest

from monitoreo.domain import Submission
from monitoreo.synth import generate


@pytest.fixture(scope="session")
def portfolio_700() -> list[Submission]:
    """The ~700-program portfolio the web demo uses (seed 2023, edition 2023)."""
    return list(generate(700, seed=2023))


@pytest.fixture(scope="session")
def portfolio_200(portfolio_700: list[Submission]) -> list[Submission]:
    """The first 200 programs (program i does not depend on n)."""
    return portfolio_700[:200]
