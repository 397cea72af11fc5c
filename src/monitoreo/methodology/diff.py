"""Differences between two editions (``monitoreo methodology diff A B``) and back-testing of one
submission under two editions (``monitoreo evaluate --edition B --compare A``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from monitoreo.domain.outcomes import Outcome
from monitoreo.domain.submission import Submission
from monitoreo.methodology.edition import EditionSpec
from monitoreo.methodology.evaluate import evaluate


@dataclass(frozen=True)
class Change:
    """One difference: ``kind`` is ``rule_added``, ``rule_removed``, ``parameter``, ``wording``,
    ``printing`` (a rule's ``label`` / ``assessment``), ``combined``, ``setting`` or ``judgements``;
    ``before``/``after`` are the values in A and B."""

    kind: str
    rule: str | None
    key: str | None
    before: Any
    after: Any

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rule": self.rule,
            "key": self.key,
            "before": self.before,
            "after": self.after,
        }


def _value(node: Any) -> Any:
    return node.get("value") if isinstance(node, dict) else node


def _section_changes(kind: str, rule: str | None, a: dict[str, Any], b: dict[str, Any]) -> list[Change]:
    return [
        Change(kind, rule, key, _value(a.get(key)), _value(b.get(key)))
        for key in sorted(set(a) | set(b))
        if _value(a.get(key)) != _value(b.get(key))
    ]


#: Per-rule keys about where its outcomes print.
PRINTING = ("label", "assessment")


def diff_editions(a: EditionSpec, b: EditionSpec) -> list[Change]:
    """Everything that changes from edition ``a`` to edition ``b`` (values only, not sources)."""
    changes: list[Change] = []
    sa, sb = dict(a.resolved.get("settings", {})), dict(b.resolved.get("settings", {}))
    nfa, nfb = sa.pop("no_findings", {}), sb.pop("no_findings", {})
    changes += _section_changes("setting", None, sa, sb)
    changes += _section_changes(
        "setting",
        None,
        {f"no_findings.{k}": v for k, v in nfa.items()},
        {f"no_findings.{k}": v for k, v in nfb.items()},
    )
    if list(a.judgements) != list(b.judgements):
        changes.append(Change("judgements", None, None, list(a.judgements), list(b.judgements)))
    ra, rb = a.resolved.get("rules", {}), b.resolved.get("rules", {})
    for code in [r.code for r in a.rules if r.code not in rb]:
        changes.append(Change("rule_removed", code, None, True, None))
    for code in [r.code for r in b.rules if r.code not in ra]:
        changes.append(Change("rule_added", code, None, None, True))
    for rule in b.rules:
        if rule.code in ra:
            changes += _section_changes(
                "parameter",
                rule.code,
                ra[rule.code].get("parameters", {}),
                rb[rule.code].get("parameters", {}),
            )
            changes += _section_changes(
                "wording", rule.code, ra[rule.code].get("wording", {}), rb[rule.code].get("wording", {})
            )
            changes += _section_changes(
                "printing",
                rule.code,
                {k: ra[rule.code].get(k) for k in PRINTING},
                {k: rb[rule.code].get(k) for k in PRINTING},
            )
    combined_a = {tuple(c.outcomes): c.wording for c in a.combined}
    combined_b = {tuple(c.outcomes): c.wording for c in b.combined}
    for key in [*combined_a, *(k for k in combined_b if k not in combined_a)]:
        if combined_a.get(key) != combined_b.get(key):
            changes.append(
                Change("combined", None, " + ".join(key), combined_a.get(key), combined_b.get(key))
            )
    return changes


@dataclass(frozen=True)
class OutcomeChange:
    """How the outcome of one rule (and purpose indicator) differs between two editions."""

    rule: str
    indicator: int | None
    before: Outcome | None
    after: Outcome | None

    def as_dict(self) -> dict[str, Any]:
        def show(o: Outcome | None) -> dict[str, Any] | None:
            return (
                None
                if o is None
                else {
                    "code": o.code,
                    "verdict": o.verdict.value,
                    "status": o.status.value if o.status else None,
                    "text": o.text,
                }
            )

        return {
            "rule": self.rule,
            "indicator": self.indicator,
            "before": show(self.before),
            "after": show(self.after),
        }


def _key(o: Outcome) -> tuple[str, int | None]:
    return (o.rule, o.indicator)


def compare(
    submission: Submission, before: int, after: int, history: Sequence[Submission] = ()
) -> list[OutcomeChange]:
    """Outcomes that change (code, verdict, status or text) from edition ``before`` to ``after``."""
    old = {_key(o): o for o in evaluate(submission, before, history).outcomes}
    new = {_key(o): o for o in evaluate(submission, after, history).outcomes}
    keys = list(old) + [k for k in new if k not in old]
    changes = []
    for key in keys:
        a, b = old.get(key), new.get(key)
        same = (
            a is not None
            and b is not None
            and (a.code, a.verdict, a.status, a.text) == (b.code, b.verdict, b.status, b.text)
        )
        if not same:
            changes.append(OutcomeChange(key[0], key[1], a, b))
    return changes
