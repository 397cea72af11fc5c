"""Demo data: the two seed fichas plus a synthetic portfolio (``monitoreo.synth``), loaded in bulk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from monitoreo.domain.submission import Submission
from monitoreo.io import read_submission

SEEDS_DIR = Path(settings.BASE_DIR).parent / "examples" / "seeds"


def seed_submissions(directory: Path = SEEDS_DIR) -> list[Submission]:
    """The real published fichas typed in as data (``examples/seeds/*.yaml``)."""
    return [read_submission(p) for p in sorted(directory.glob("*.yaml"))]


#: Editions of the synthetic portfolio: the same programs (same ids) in each, so fichas have a history.
DEMO_EDITIONS = (2020, 2023)


def synthetic_submissions(n: int, seed: int = 2023, editions: tuple[int, ...] = DEMO_EDITIONS) -> Iterator[Submission]:
    """``n`` synthetic programs (``monitoreo.synth.generate``), one submission per edition in ``editions``."""
    from monitoreo.synth import generate

    for edition in editions:
        yield from generate(n, seed, edition=edition)
