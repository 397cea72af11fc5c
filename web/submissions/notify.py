"""E-mail notifications after a transition commits (``transaction.on_commit``). Django's e-mail backend
(console by default, locmem in tests); a failed e-mail is logged, never raised."""

from __future__ import annotations

import logging
import os
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
    "cycle.opened": "Se abrió el ciclo de monitoreo: complete el reporte de su programa",
}
#: A second e-mail, to the service, for these codes: the receipt of what it sent.
RECEIPTS = {
    "submission.submitted": "Recibimos su reporte",
    "submission.resubmitted": "Recibimos su reporte corregido",
    "submission.replies_sent": "Recibimos sus respuestas a los hallazgos",
}


def report_url(report: Any) -> str:
    """Absolute link to the report page (``MONITOREO_SITE_URL``, default http://localhost:8000)."""
    from django.conf import settings
    from django.urls import reverse

    base = getattr(settings, "MONITOREO_SITE_URL", "") or os.environ.get(
        "MONITOREO_SITE_URL", "http://localhost:8000"
    )
    return base.rstrip("/") + reverse("gestion:report", kwargs={"pk": report.pk})


def _body(report: Any, subject: str, comment: str) -> str:
    from datetime import date

    from monitoreo.cycle.deadlines import deadline_note

    cycle = report.cycle
    notes = [
        deadline_note("submission", cycle.submission_deadline, date.today()),
        deadline_note("reply", cycle.reply_deadline, date.today()),
    ]
    return (
        f"{subject}.\n\nPrograma: {report.program.name}\nCiclo: {cycle.year}\nEstado: {report.state_label}\n"
        f"Reporte: {report_url(report)}\n"
        + "".join(f"{n}\n" for n in notes if n)
        + (f"\nComentarios:\n{comment}\n" if comment else "")
    )


def recipients(report: Any, code: str) -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if code in {
        "submission.submitted",
        "submission.resubmitted",
        "submission.replies_sent",
        "submission.assigned",
    }:
        chosen = (
            users.filter(pk=report.evaluator_id)
            if report.evaluator_id
            else users.filter(groups__name=PUBLISHER)
        )
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
    if to:
        body = _body(report, subject, comment)
        transaction.on_commit(lambda: _send(f"[Monitoreo {report.cycle.year}] {subject}", body, to))
    receipt = RECEIPTS.get(code)
    service = recipients(report, "submission.returned")  # the program's service
    if receipt and service:
        text = _body(report, receipt, "")
        transaction.on_commit(lambda: _send(f"[Monitoreo {report.cycle.year}] {receipt}", text, service))
