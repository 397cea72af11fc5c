"""``manage.py load_demo [--size N] [--seed S]``: seeds + a synthetic portfolio, published."""

from __future__ import annotations

import json
import os
import time
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from monitoreo import formatting
from programs.demo import seed_submissions, synthetic_submissions
from programs.loader import load_submissions


class Command(BaseCommand):
    help = "Carga las fichas semilla y una cartera sintética (datos de demostración)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", type=int, default=700, help="Programas sintéticos (700 por defecto).")
        parser.add_argument("--seed", type=int, default=2023, help="Semilla del generador.")
        parser.add_argument("--json", action="store_true", help="Resumen en JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        subs = seed_submissions() + list(synthetic_submissions(options["size"], options["seed"]))
        report = load_submissions(subs, publish=True)
        summary = {
            "programs": report.programs_created + report.programs_updated,
            "fichas": report.fichas,
            "outcomes": report.outcomes,
            "seconds": round(time.perf_counter() - start, 2),
        }
        try:  # hook of the monitoring cycle (web/accounts): demo personas and their logins
            from accounts.personas import create_demo_personas
        except ImportError:
            pass
        else:
            summary["logins"] = create_demo_personas(os.environ.get("MONITOREO_DEMO_PASSWORD") or None)
            from submissions.workflow import STATE_LABELS, State

            from programs.demo import open_demo_cycle

            # Each persona gets reports to work on (docs/web-portal.md). Its synthetic reports come with the
            # synthetic portfolio: ``--size 0`` (real fichas only, e.g. a test opening its own cycle) opens none.
            summary["cycle"] = open_demo_cycle() if options["size"] > 0 else {}
            summary["cycle_text"] = {
                user: ", ".join(STATE_LABELS[State(s)].lower() for s in states)
                for user, states in summary["cycle"].items()
            }
        if options["json"]:
            self.stdout.write(json.dumps(summary))
        else:
            fichas, outcomes = (formatting.number(Decimal(summary[k])) for k in ("fichas", "outcomes"))
            seconds = formatting.number(Decimal(str(summary["seconds"])), 1)
            self.stdout.write(f"{fichas} fichas cargadas ({outcomes} resultados) en {seconds} s")
