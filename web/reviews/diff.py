"""What changed against last year: ``monitoreo.cycle.changes`` (labels, es-CL values, dropped values shown as
such), re-exported for the evaluator's workspace."""

from __future__ import annotations

from monitoreo.cycle.changes import Change, changes

__all__ = ["Change", "changes"]
