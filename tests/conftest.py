"""Shared fixtures: the two seed fichas as data, and paths."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from monitoreo.domain import Submission
from monitoreo.io import read_submission

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
S23_FILE = SEEDS / "alianzas-productivas-2023.yaml"
S20_FILE = SEEDS / "internacionalizacion-pymes-2020.yaml"
FICHAS = ROOT / "tests" / "golden" / "fichas"

# Inflator tables entered on this machine (~/.local/share/monitoreo) never leak into the tests.
os.environ["MONITOREO_DATA_DIR"] = tempfile.mkdtemp(prefix="monitoreo-test-data-")


@pytest.fixture(scope="session")
def s23() -> Submission:
    """Programa de Alianzas Productivas, edition 2023 (M$2024)."""
    return read_submission(S23_FILE)


@pytest.fixture(scope="session")
def s20() -> Submission:
    """Internacionalización de las Pymes Exportadoras, edition 2020 (M$2021)."""
    return read_submission(S20_FILE)
