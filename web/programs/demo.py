"""Demo data: the two seed fichas plus a synthetic portfolio (``monitoreo.synth``), loaded in bulk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings

from monitoreo.domain.submission import Submission
from monitoreo.io import read_submission

SEEDS_DIR = Path(settings.BASE_DIR).parent / "examples" / "seeds"


def seed_submissions(directory: Path = SEEDS_DIR) -> list[Submission]:
    """The real published fichas typed in as data (``examples/seeds/*.yaml``)."""
    return [read_submission(p) for p in sorted(directory.glob("*.yaml"))]


#: Editions of the synthetic portfolio: the same programs (same ids) in each, so fichas have a history.
DEMO_EDITIONS = (2020, 2023)


def synthetic_submissions(
    n: int, seed: int = 2023, editions: tuple[int, ...] = DEMO_EDITIONS
) -> Iterator[Submission]:
    """``n`` synthetic programs (``monitoreo.synth.generate``), one submission per edition in ``editions``."""
    from monitoreo.synth import generate

    for edition in editions:
        yield from generate(n, seed, edition=edition)


#: The demo monitoring cycle (``open_demo_cycle``): its year and, per reporter persona, the states its
#: synthetic demo reports are left in (the persona's real program stays a pre-filled draft).
DEMO_PRICE_BASE, DEMO_INFLATORS = 2024, "base-2024"
DEMO_CYCLE_YEAR = 2025
DEMO_STATES = ("submitted", "in_review", "right_of_reply")
_ACTIONS = {
    "submitted": ("submit",),
    "in_review": ("submit", "start_review"),
    "right_of_reply": ("submit", "start_review", "evaluate", "open_reply"),
}


def _demo_reports(services: dict[str, Any], seed: int) -> dict[str, list[tuple[Submission, str]]]:
    """Per reporter service, synthetic 2025 reports re-homed to that service (one per ``DEMO_STATES``;
    the right-of-reply one has findings to answer). They are marked synthetic and their ids start with
    ``ciclo-``, so they never pass for a real program."""
    from monitoreo.methodology import evaluate
    from monitoreo.synth import generate

    wanted = {service: list(DEMO_STATES) for service in services}
    out: dict[str, list[tuple[Submission, str]]] = {service: [] for service in services}
    for sub in generate(60, seed, edition=DEMO_CYCLE_YEAR):
        has_findings = bool(evaluate(sub).public_findings())
        for service, states in wanted.items():
            state = next((s for s in states if (s == "right_of_reply") == has_findings), None)
            if state is None:
                continue
            program = sub.program.model_copy(
                update={"service": service, "ministry": services[service].ministry}
            )
            out[service].append(
                (sub.model_copy(update={"id": f"ciclo-{sub.id}"[:120], "program": program}), state)
            )
            states.remove(state)
            break
        if not any(wanted.values()):
            break
    return {service: sorted(items, key=lambda i: DEMO_STATES.index(i[1])) for service, items in out.items()}


def open_demo_cycle(seed: int = DEMO_CYCLE_YEAR) -> dict[str, list[str]]:
    """Open the 2025 demo cycle through the cycle services (``cycles.services.open_cycle``,
    ``submissions.services.save_document`` / ``perform``), so every demo persona has something to do: each
    reporter's real program is a pre-filled draft and three synthetic reports of its service are submitted,
    in review and in right of reply; the evaluator is assigned all of them. Returns ``{username: [states]}``
    (empty when the cycle already exists or the personas are missing). E-mails go to memory, not stdout."""
    from accounts.models import ServiceMembership
    from accounts.personas import PERSONAS
    from accounts.roles import REPORTER
    from cycles.models import MonitoringCycle
    from cycles.services import open_cycle
    from django.contrib.auth import get_user_model
    from django.test.utils import override_settings
    from submissions.models import Report
    from submissions.services import perform, save_document

    from programs.models import Program

    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=[p.username for p in PERSONAS])
    }
    if len(users) < len(PERSONAS) or MonitoringCycle.objects.filter(year=DEMO_CYCLE_YEAR).exists():
        return {}
    reporters = {p.service: users[p.username] for p in PERSONAS if p.role == REPORTER and p.service}
    real = {
        pr.service: pr
        for pr in Program.objects.filter(
            service__in=list(reporters), fichas__published=True, fichas__synthetic=False
        ).distinct()
    }
    reporters = {s: u for s, u in reporters.items() if s in real}
    plan = _demo_reports(real, seed)
    demo_programs = {}
    for items in plan.values():
        for sub, _ in items:
            demo_programs[sub.id], _ = Program.objects.update_or_create(
                slug=sub.id,
                defaults={
                    "name": sub.program.name,
                    "service": sub.program.service,
                    "ministry": sub.program.ministry,
                },
            )
    publisher = next(users[p.username] for p in PERSONAS if p.role == "publicador")
    evaluator = next(users[p.username] for p in PERSONAS if p.role == "evaluador")
    states: dict[str, list[str]] = {}
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        # Last year's reports are in M$2024 and no base-2026 inflator table ships (docs/inflators.md): the demo
        # cycle runs in M$2024 with base-2024, as a unit would until it enters the 2026 table.
        cycle = open_cycle(
            publisher,
            DEMO_CYCLE_YEAR,
            DEMO_CYCLE_YEAR,
            DEMO_PRICE_BASE,
            DEMO_INFLATORS,
            [*real.values(), *demo_programs.values()],
            evaluator=evaluator,
        )
        for service, reporter in reporters.items():
            states[reporter.username] = ["draft"]
            ServiceMembership.objects.get_or_create(user=reporter, service=service)
            for sub, state in plan[service]:
                report = Report.objects.get(cycle=cycle, program=demo_programs[sub.id])
                report = save_document(
                    report,
                    sub.model_dump(mode="json"),
                    reporter,
                    report.version,
                    note="reporte de demostración (ficticio)",
                )
                for action in _ACTIONS[state]:
                    report = perform(report, action, reporter if action == "submit" else evaluator)
                states[reporter.username].append(report.state)
    states[evaluator.username] = sorted(s for v in states.values() for s in v[1:])
    return states
