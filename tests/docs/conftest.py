"""Fixtures of the documentation tests: the generators in ``docs/gen`` are importable, and their output is
computed once per session."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

GEN = ROOT / "docs" / "gen"
if str(GEN) not in sys.path:
    sys.path.insert(0, str(GEN))


@pytest.fixture(scope="session")
def generated() -> dict[str, str]:
    import nav

    return nav.generated_pages()
