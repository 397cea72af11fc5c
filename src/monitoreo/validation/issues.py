"""Issues and the validation report (frictionless-style): every issue has a stable code
``<area>.<E|W><nnn>``, a severity, a location (field path) and a Spanish message rendered from its type's
template. The report keeps every issue; nothing stops at the first problem."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """``error`` blocks a submission; ``warning`` goes to the reviewer."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """How people read it: «error» / «advertencia»."""
        return "error" if self is Severity.ERROR else "advertencia"


@dataclass(frozen=True)
class IssueType:
    """A kind of issue: its code, severity, short title and message template (``{name}`` fields)."""

    code: str
    title: str
    template: str

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self.code.split(".")[-1].startswith("E") else Severity.WARNING


@dataclass(frozen=True)
class Issue:
    code: str
    severity: Severity
    path: str
    message: str
    values: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
            "values": {k: _plain(v) for k, v in self.values.items()},
        }


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, int | float | str | bool | None) else str(value)


@dataclass(frozen=True)
class ValidationReport:
    submission_id: str
    issues: tuple[Issue, ...] = ()

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def codes(self) -> list[str]:
        return [i.code for i in self.issues]

    def flatten(self, spec: Sequence[str] = ("code", "path")) -> list[list[Any]]:
        """Rows of the requested issue attributes, as frictionless' ``report.flatten``."""
        return [[getattr(issue, name) for name in spec] for issue in self.issues]

    @classmethod
    def of(cls, submission_id: str, issues: Iterable[Issue]) -> ValidationReport:
        return cls(submission_id, tuple(issues))
