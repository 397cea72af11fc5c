"""The report's state machine as a table: ``TRANSITIONS[action]`` = the states it leaves, the state it
reaches, the role allowed to take it and the audit code it writes. ``services`` executes it; tests walk the
table (``tests/workflow/test_workflow_table.py``); ``docs/monitoring-cycle.md`` prints it.

draft → submitted → in_review → returned → resubmitted → in_review … → evaluated → right_of_reply →
replied → approved → published (evaluated → approved directly when there is no finding to answer)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    RESUBMITTED = "resubmitted"
    EVALUATED = "evaluated"
    RIGHT_OF_REPLY = "right_of_reply"
    REPLIED = "replied"
    APPROVED = "approved"
    PUBLISHED = "published"


STATE_LABELS: dict[State, str] = {
    State.DRAFT: "Borrador",
    State.SUBMITTED: "Enviado",
    State.IN_REVIEW: "En revisión",
    State.RETURNED: "Devuelto con observaciones",
    State.RESUBMITTED: "Reenviado",
    State.EVALUATED: "Evaluado (hallazgos candidatos)",
    State.RIGHT_OF_REPLY: "Derecho a respuesta",
    State.REPLIED: "Respuesta enviada",
    State.APPROVED: "Aprobado",
    State.PUBLISHED: "Publicado",
}


class WorkflowError(Exception):
    """An action that the report's state (or a guard) does not allow; the message is for the user. ``code``:
    the stable code of a guard's refusal (``monitoreo.cycle.codes.CYCLE_CODES``), when it has one."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(f"{message} [{code}]" if code else message)
        self.code = code


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[State, ...]
    target: State
    role: str
    audit: str
    label: str


def _t(
    action: str, sources: tuple[State, ...], target: State, role: str, audit: str, label: str
) -> Transition:
    return Transition(action, sources, target, role, audit, label)


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        _t(
            "submit",
            (State.DRAFT,),
            State.SUBMITTED,
            "reportero",
            "submission.submitted",
            "Enviar a revisión",
        ),
        _t(
            "resubmit",
            (State.RETURNED,),
            State.RESUBMITTED,
            "reportero",
            "submission.resubmitted",
            "Reenviar corregido",
        ),
        _t(
            "start_review",
            (State.SUBMITTED, State.RESUBMITTED),
            State.IN_REVIEW,
            "evaluador",
            "submission.review_started",
            "Comenzar la revisión",
        ),
        _t(
            "return",
            (State.IN_REVIEW,),
            State.RETURNED,
            "evaluador",
            "submission.returned",
            "Devolver con observaciones",
        ),
        _t(
            "evaluate",
            (State.IN_REVIEW,),
            State.EVALUATED,
            "evaluador",
            "submission.evaluated",
            "Evaluar (calcular hallazgos)",
        ),
        _t(
            "open_reply",
            (State.EVALUATED,),
            State.RIGHT_OF_REPLY,
            "evaluador",
            "submission.reply_opened",
            "Abrir el derecho a respuesta",
        ),
        _t(
            "send_replies",
            (State.RIGHT_OF_REPLY,),
            State.REPLIED,
            "reportero",
            "submission.replies_sent",
            "Enviar las respuestas",
        ),
        _t(
            "approve",
            (State.EVALUATED, State.REPLIED),
            State.APPROVED,
            "evaluador",
            "submission.approved",
            "Aprobar",
        ),
        _t(
            "publish",
            (State.APPROVED,),
            State.PUBLISHED,
            "publicador",
            "submission.published",
            "Publicar la ficha",
        ),
    )
}

#: States in which the service edits its report (forms and Excel upload).
EDITABLE = (State.DRAFT, State.RETURNED)
#: States in which the evaluator records judgements.
JUDGING = (State.IN_REVIEW, State.EVALUATED)


def next_state(state: State, action: str) -> State:
    """The state ``action`` leads to from ``state``, or ``WorkflowError``."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise WorkflowError(f"acción desconocida «{action}»")
    if state not in transition.sources:
        raise WorkflowError(
            f"No se puede «{transition.label.lower()}» un reporte en estado «{STATE_LABELS[state]}»."
        )
    return transition.target


def actions_from(state: State) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if state in t.sources]
