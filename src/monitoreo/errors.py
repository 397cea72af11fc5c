"""Errors of the core. Bad *data* becomes problems or issues in a report; these are raised only for
bad input files that cannot be read at all, bad configuration or programmer errors. Every error has a code."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file: where (file and field path) and what (code and Spanish message)."""

    file: str
    path: str
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "path": self.path, "code": self.code, "message": self.message}


class MonitoreoError(Exception):
    """Base of every error the core raises on purpose."""

    code = "monitoreo.E000"


@dataclass
class InputError(MonitoreoError):
    """An input file could not be turned into a valid domain object; lists every problem found."""

    problems: list[Problem] = field(default_factory=list)
    code = "input.E000"

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
