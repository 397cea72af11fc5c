"""``log_action``: append one audit entry (call inside the transaction of the change it records)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from audit.models import LogEntry

#: Every action code the application writes (docs/monitoring-cycle.md lists them with their meaning).
ACTION_CODES = (
    "cycle.opened",
    "submission.created",
    "submission.assigned",
    "submission.saved",
    "submission.imported",
    "submission.submitted",
    "submission.resubmitted",
    "submission.review_started",
    "submission.returned",
    "submission.evaluated",
    "submission.reply_opened",
    "submission.replies_sent",
    "submission.approved",
    "submission.published",
    "review.judgements_saved",
    "finding.replied",
    "finding.verdict",
    "submission.component_added",
    "submission.component_removed",
    "submission.indicator_added",
    "submission.indicator_removed",
    "inflators.table_added",
    "cycle.programs_added",
    "cycle.program_removed",
    "cycle.deadlines_set",
    "auth.login",
    "auth.login_failed",
    "auth.locked",
)


def log_action(
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    *,
    program_slug: str = "",
    obj: Any = None,
    before: Any = None,
    after: Any = None,
    comment: str = "",
) -> LogEntry:
    """Append an entry; ``action`` must be one of ``ACTION_CODES``."""
    if action not in ACTION_CODES:
        raise ValueError(f"código de acción desconocido: {action}")
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return LogEntry.objects.create(
        actor=user,
        actor_name=user.get_username() if user is not None else "",
        action=action,
        program_slug=program_slug,
        object_type=type(obj).__name__.lower() if obj is not None else "",
        object_id=str(getattr(obj, "pk", "") or ""),
        before=before,
        after=after,
        comment=comment,
    )
