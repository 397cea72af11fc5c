"""Shared output helpers of the CLI: JSON to stdout, problems to stderr, exit codes.

Exit codes: 0 success; 1 the work ran and found errors (validation, failed renders); 2 bad input or usage."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.markup import escape

from monitoreo.errors import Problem

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)


def emit_json(data: Any) -> None:
    """Write ``data`` as UTF-8 JSON (non-ASCII kept) to stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def report_problems(problems: Iterable[Problem]) -> None:
    """One line per problem on stderr: ``file: path: message [code]``."""
    for problem in problems:
        # One line per problem, whatever the message quotes: scripts and people grep for «[code]».
        line = " ".join(str(problem).splitlines())
        stderr.print(f"[bold red]error[/]: {escape(line)}", markup=True, highlight=False)
