"""The validation stage: ``validate(submission) -> ValidationReport`` runs every registered check and
returns every issue with its stable code (``<area>.<E|W><nnn>``). See ``docs/methodology-engine.md``."""

from monitoreo.validation.issues import Issue, IssueType, Severity, ValidationReport
from monitoreo.validation.registry import issue_types
from monitoreo.validation.validate import validate

__all__ = ["Issue", "IssueType", "Severity", "ValidationReport", "issue_types", "validate"]
