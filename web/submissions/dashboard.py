"""The report dashboard: each section's state (complete / with problems / empty, by the edition's
completeness rule, ``monitoreo.cycle.completeness``) and every problem in plain Spanish with the label of its
field and a link to it (``monitoreo.cycle.fields.label_of``). Thin: the rules are core functions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from monitoreo.cycle.completeness import Completeness, completeness
from monitoreo.cycle.fields import label_of
from monitoreo.cycle.narrative import CODE, stale_texts
from submissions.document import DocumentCheck


@dataclass(frozen=True)
class Item:
    """One problem or warning as the dashboard lists it."""

    section: str | None
    label: str
    message: str
    code: str
    severity: str
    url: str | None


def anchor_url(report_pk: int, section: str | None, anchor: str | None) -> str | None:
    if section is None:
        return None
    url = reverse("gestion:section", kwargs={"pk": report_pk, "name": section})
    return url + (f"#f-{anchor}" if anchor else "")


def items(
    report_pk: int, data: dict[str, Any], check: DocumentCheck, previous: dict[str, Any] | None = None
) -> list[Item]:
    """Every problem (errors first) of the check, named by field label, and the texts carried over from
    ``previous`` that still quote last year's figures (``cycle.W001``, a warning)."""
    raw = [(p.path, p.message, p.code, "error") for p in check.problems]
    raw += [(i.path, i.message, i.code, i.severity.value) for i in check.issues]
    raw += [(t.path, t.message, CODE, "warning") for t in stale_texts(previous, data)]
    out = []
    for path, message, code, severity in raw:
        ref = label_of(data, path)
        out.append(
            Item(
                ref.section,
                ref.label,
                message,
                code,
                severity,
                anchor_url(report_pk, ref.section, ref.anchor),
            )
        )
    return sorted(out, key=lambda i: i.severity != "error")


def errors_by_section(listed: list[Item]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in listed:
        if item.severity == "error" and item.section:
            counts[item.section] = counts.get(item.section, 0) + 1
    return counts


@dataclass(frozen=True)
class Dashboard:
    state: Completeness
    items: list[Item]
    evaluated_year: Any

    @property
    def errors(self) -> list[Item]:
        return [i for i in self.items if i.severity == "error"]

    @property
    def warnings(self) -> list[Item]:
        return [i for i in self.items if i.severity != "error"]

    @property
    def ready(self) -> bool:
        """Complete and without errors: the report can be submitted."""
        return self.state.complete and not self.errors


def dashboard(
    report_pk: int, data: dict[str, Any], check: DocumentCheck, previous: dict[str, Any] | None = None
) -> Dashboard:
    listed = items(report_pk, data, check, previous)
    return Dashboard(completeness(data, errors_by_section(listed)), listed, data.get("evaluated_year"))
