"""Synthetic portfolio generator: realistic, valid, deterministic program data files for demos, tests,
benchmarks and training. ``generate`` is the pure library API; ``write_portfolio`` writes the files.
See ``docs/synthetic-portfolio.md``."""

from monitoreo.synth.generate import UnsupportedEditionError, build_submission, generate
from monitoreo.synth.setting import SUPPORTED_EDITIONS
from monitoreo.synth.write import write_portfolio

__all__ = ["SUPPORTED_EDITIONS", "UnsupportedEditionError", "build_submission", "generate", "write_portfolio"]
