"""The rule registry. Built-in rules register exactly as a plugin would: their modules are imported by
name (``DEFAULT_PLUGINS``) and third-party packages add modules through the ``monitoreo.rules`` entry-point
group. The engine finds rules only here — ``monitoreo.methodology`` never imports ``monitoreo.rules``."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from monitoreo.domain.findings import Dimension
from monitoreo.methodology.rule import OutcomeSpec, Param, RuleFunction, RuleSpec
from monitoreo.plugins import PluginLoader

DEFAULT_PLUGINS: tuple[str, ...] = (
    "monitoreo.rules.targeting",
    "monitoreo.rules.efficiency",
    "monitoreo.rules.admin_spend",
    "monitoreo.rules.effectiveness",
)
ENTRY_POINT_GROUP = "monitoreo.rules"

_RULES: dict[str, RuleSpec] = {}
_plugins = PluginLoader(DEFAULT_PLUGINS, ENTRY_POINT_GROUP)


class DuplicateRuleError(ValueError):
    """Two rules registered the same code (a programmer error)."""


def register(spec: RuleSpec) -> RuleSpec:
    """Add ``spec``; a second rule with the same code is a programmer error."""
    if spec.code in _RULES and _RULES[spec.code].function is not spec.function:
        raise DuplicateRuleError(f"regla duplicada: {spec.code}")
    _RULES[spec.code] = spec
    return spec


def rule(
    code: str,
    dimension: Dimension,
    *,
    title: str,
    methodology: str,
    params: Mapping[str, Param] | None = None,
    outcomes: Mapping[str, OutcomeSpec],
    variants: frozenset[str] = frozenset(),
    placeholders: frozenset[str] = frozenset(),
    judgements: Mapping[str, str] | None = None,
    judgement_values: Mapping[str, frozenset[str]] | None = None,
) -> Callable[[RuleFunction], RuleFunction]:
    """Decorator registering a rule function with its declaration."""

    def decorate(function: RuleFunction) -> RuleFunction:
        register(
            RuleSpec(
                code=code,
                dimension=dimension,
                title=title,
                methodology=methodology,
                function=function,
                params=dict(params or {}),
                outcomes=dict(outcomes),
                variants=variants,
                placeholders=placeholders,
                judgements=dict(judgements or {}),
                judgement_values=dict(judgement_values or {}),
            )
        )
        return function

    return decorate


def load_plugins() -> None:
    """Import the built-in modules and the entry-point plugins, once per process."""
    _plugins.load()


def rules() -> Mapping[str, RuleSpec]:
    """Every registered rule by code (plugins loaded)."""
    load_plugins()
    return dict(_RULES)


def get(code: str) -> RuleSpec | None:
    return rules().get(code)


def outcome_codes() -> dict[str, OutcomeSpec]:
    """Catalogue of every outcome code (``<rule>.<outcome>``) with its verdict and meaning."""
    return {spec.outcome_code(k): o for spec in rules().values() for k, o in spec.outcomes.items()}


def judgement_codes() -> dict[str, str]:
    """Catalogue of the evaluator judgement codes the rules read, with their meaning."""
    return {code: doc for spec in rules().values() for code, doc in spec.judgements.items()}


def judgement_values() -> dict[str, frozenset[str]]:
    """Values beyond true/false each judgement code accepts («insuficiente», «no_aplica»)."""
    return {code: values for spec in rules().values() for code, values in spec.judgement_values.items()}
