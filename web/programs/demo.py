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


def synthetic_submissions(n: int, seed: int = 2023) -> Iterator[Submission]:
    """``n`` synthetic programs, or none while ``monitoreo.synth`` is absent."""
    if n <= 0:
        return iter(())
    try:
        from monitoreo.synth import generate
    except ImportError:
        return iter(())
    return generate(n, seed, edition=2023)
