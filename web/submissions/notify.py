"""E-mail notifications after a transition commits (``transaction.on_commit``). Django's e-mail backend
(console by default, locmem in tests); a failed e-mail is logged, never raised."""

from __future__ import annotations

import logging
from typing import Any

from accounts.roles import PUBLISHER, REPORTER
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction

log = logging.getLogger("monitoreo.notify")

SUBJECTS = {
    "submission.submitted": "Reporte enviado a revisión",
    "submission.resubmitted": "Reporte corregido reenviado",
    "submission.returned": "Su reporte fue devuelto con observaciones",
    "submission.evaluated": "Reporte evaluado",
    "submission.reply_opened": "Derecho a respuesta abierto: responda los hallazgos",
    "submission.replies_sent": "El servicio respondió los hallazgos",
    "submission.approved": "Reporte aprobado, listo para publicar",
    "submission.published": "Ficha publicada",
    "submission.assigned": "Se le asignó un reporte",
}


def recipients(report: Any, code: str) -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if code in {"submission.submitted", "submission.resubmitted", "submission.replies_sent", "submission.assigned"}:
        chosen = users.filter(pk=report.evaluator_id) if report.evaluator_id else users.filter(groups__name=PUBLISHER)
    elif code == "submission.approved":
        chosen = users.filter(groups__name=PUBLISHER)
    else:
        chosen = users.filter(groups__name=REPORTER, services__service=report.program.service)
    return sorted(set(chosen.values_list("email", flat=True)))


def _send(subject: str, body: str, to: list[str]) -> None:
    try:
        send_mail(subject, body, None, to)
    except Exception:  # noqa: BLE001 - a mail server problem never undoes a committed transition
        log.exception("no se pudo enviar el correo «%s» a %s", subject, ", ".join(to))


def notify(report: Any, code: str, comment: str = "") -> None:
    """Queue the e-mail of ``code`` for after the commit of the current transaction."""
    subject = SUBJECTS.get(code)
    if subject is None:
        return
    to = recipients(report, code)
    if not to:
        return
    body = (f"{subject}.\n\nPrograma: {report.program.name}\nCiclo: {report.cycle.year}\n"
            f"Estado: {report.state_label}\n" + (f"\nComentarios:\n{comment}\n" if comment else ""))
    transaction.on_commit(lambda: _send(f"[Monitoreo {report.cycle.year}] {subject}", body, to))
