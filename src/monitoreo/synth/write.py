"""``write_portfolio``: write a synthetic portfolio as data files ``<out_dir>/<id>.yaml``.

Contract: each file is written atomically by ``monitoreo.io.write_submission`` (temporary file + rename),
so an interruption never leaves a half-written file; ``out_dir`` is created when missing; existing files
with the same names are replaced; ``progress(done, total)`` is called after each file. Returns the paths
in portfolio order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from monitoreo.io import write_submission
from monitoreo.synth.generate import generate

Progress = Callable[[int, int], None]


def write_portfolio(
    out_dir: str | Path, n: int, seed: int, edition: int = 2023, progress: Progress | None = None
) -> list[Path]:
    """Generate ``n`` programs for ``seed`` and ``edition`` and write one YAML file per program."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for done, submission in enumerate(generate(n, seed, edition), start=1):
        path = out / f"{submission.id}.yaml"
        write_submission(submission, path)
        paths.append(path)
        if progress is not None:
            progress(done, n)
    return paths
