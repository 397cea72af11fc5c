"""Rendered seeds, built once per session (PDF rendering is the slow part)."""

from __future__ import annotations

import pytest

from monitoreo.domain import Submission
from monitoreo.sheet import SheetModel, build_sheet


@pytest.fixture(scope="session")
def m23(s23: Submission) -> SheetModel:
    return build_sheet(s23)


@pytest.fixture(scope="session")
def m20(s20: Submission) -> SheetModel:
    return build_sheet(s20)


@pytest.fixture(scope="session")
def pdf23(m23: SheetModel) -> bytes:
    from monitoreo.sheet.pdf import render_pdf

    return render_pdf(m23)


@pytest.fixture(scope="session")
def pdf20(m20: SheetModel) -> bytes:
    from monitoreo.sheet.pdf import render_pdf

    return render_pdf(m20)
