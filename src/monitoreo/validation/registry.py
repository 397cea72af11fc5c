"""Check registry and the catalogue of issue types. Built-in checks register exactly as a plugin would:
their modules are imported by name (``DEFAULT_CHECKS``) and packages may add modules through the
``monitoreo.checks`` entry-point group. ``ISSUE_TYPES`` is importable for a docs generator."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from monitoreo.domain.submission import Submission
from monitoreo.metrics import Metrics
from monitoreo.plugins import PluginLoader
from monitoreo.validation.format import show
from monitoreo.validation.issues import Issue, IssueType

DEFAULT_CHECKS: tuple[str, ...] = (
    "monitoreo.validation.checks.budget",
    "monitoreo.validation.checks.populations",
    "monitoreo.validation.checks.components",
    "monitoreo.validation.checks.regional",
    "monitoreo.validation.checks.published",
    "monitoreo.validation.checks.narrative",
    "monitoreo.validation.checks.review",
    "monitoreo.validation.checks.prices",
    # Edition-aware review checks: a module of the engine, loaded by name like any plugin (the validation
    # layer never imports the engine; docs/methodology-engine.md «Validation»).
    "monitoreo.methodology.review_check",
)
ENTRY_POINT_GROUP = "monitoreo.checks"

Check = Callable[[Submission, Metrics], Iterable[Issue]]

ISSUE_TYPES: dict[str, IssueType] = {}
_CHECKS: dict[str, Check] = {}
_plugins = PluginLoader(DEFAULT_CHECKS, ENTRY_POINT_GROUP)


def issue_type(code: str, title: str, template: str) -> IssueType:
    """Declare an issue type (module level, in the check module that raises it)."""
    kind = IssueType(code, title, template)
    ISSUE_TYPES[code] = kind
    return kind


def check(name: str) -> Callable[[Check], Check]:
    """Register a check function under ``name``."""

    def decorate(function: Check) -> Check:
        _CHECKS[name] = function
        return function

    return decorate


def make(kind: IssueType, path: str, **values: Any) -> Issue:
    """An issue of ``kind`` at ``path``, its message rendered with ``values`` (es-CL numbers)."""
    message = kind.template.format(**{k: show(v) for k, v in values.items()})
    return Issue(kind.code, kind.severity, path, message, dict(values))


def load_plugins() -> None:
    """Import the built-in modules and the entry-point plugins, once per process."""
    _plugins.load()


def checks() -> dict[str, Check]:
    load_plugins()
    return dict(_CHECKS)


def issue_types() -> dict[str, IssueType]:
    """Catalogue of every issue type (plugins loaded)."""
    load_plugins()
    return dict(ISSUE_TYPES)
