"""``manage.py load_fichas FILE... [--no-publicar]``: load data files (YAML/JSON) into the portal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from monitoreo.errors import InputError
from monitoreo.io import read_submission
from programs.loader import load_submissions


class Command(BaseCommand):
    help = "Carga archivos de datos de programas (YAML o JSON) en el portal."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--no-publicar", action="store_true", help="Cargar sin publicar.")

    def handle(self, *args: Any, **options: Any) -> None:
        subs, problems = [], []
        for path in options["files"]:
            try:
                subs.append(read_submission(path))
            except InputError as exc:
                problems.extend(str(p) for p in exc.problems)
        if problems:
            raise CommandError("\n".join(problems), returncode=2)
        report = load_submissions(subs, publish=not options["no_publicar"])
        self.stdout.write(f"{report.fichas} fichas cargadas ({report.outcomes} resultados).")
