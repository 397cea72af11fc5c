"""The evaluation engine, with no rule content: editions are data (``monitoreo/methodologies/*.yaml``),
rules register through ``registry`` (built-ins live in ``monitoreo.rules`` and load as plugins).

Public API: ``evaluate(submission, edition=None, history=()) -> Evaluation`` and ``load_edition(e)``.
See ``docs/methodology-engine.md``."""

from monitoreo.methodology.diff import Change, OutcomeChange, compare, diff_editions
from monitoreo.methodology.edition import ActiveRule, EditionSpec, Sourced
from monitoreo.methodology.errors import METHODOLOGY_CODES, MethodologyError
from monitoreo.methodology.evaluate import evaluate
from monitoreo.methodology.loader import known_editions, load_edition, load_edition_file

__all__ = [
    "METHODOLOGY_CODES",
    "ActiveRule",
    "Change",
    "OutcomeChange",
    "compare",
    "diff_editions",
    "EditionSpec",
    "MethodologyError",
    "Sourced",
    "evaluate",
    "known_editions",
    "load_edition",
    "load_edition_file",
]
