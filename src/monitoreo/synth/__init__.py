"""Synthetic portfolio generator: realistic, valid, deterministic program data files for demos, tests,
benchmarks and training. ``generate`` is the pure library API; ``write_portfolio`` writes the files."""

from monitoreo.synth.generate import SUPPORTED_EDITIONS, UnsupportedEditionError, build_submission, generate
from monitoreo.synth.write import write_portfolio

__all__ = ["SUPPORTED_EDITIONS", "UnsupportedEditionError", "build_submission", "generate", "write_portfolio"]
