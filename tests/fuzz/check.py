"""Run one fuzz input through the real entry points and classify what happened.

``run_input(kind, seed, folder)`` returns an ``Outcome``: ``accepted`` (read, exit 0 or 1 with findings),
``rejected`` (bad input reported as it should: exit 2 — or a failed import — with every problem naming the
file and carrying a registered code), or a failure: ``traceback`` (an exception escaped, or a traceback was
printed), ``uncoded`` (a rejection line without file or registered code), ``bad_exit`` (an exit code other
than 0, 1, 2). Hangs and memory are measured by the driver (``scripts/fuzz.py``), not here.

Entry points: data files through the CLI (``validate``, ``metrics``, ``evaluate``, ``render --format html``),
text and PDF fichas through ``monitoreo import``, workbooks through ``read_workbook`` then
``parse_submission`` (what the web intake calls)."""

from __future__ import annotations

import json
import re
import shutil
import time
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tests.fuzz.corpus import mutate, rng

_CODE = re.compile(r"\[([a-z_]+\.[EW]\d{3})\]")
#: Problems about the whole workbook (not one cell): they name the file and may have no cell.
FILE_LEVEL_EXCEL = {"excel.E001", "excel.E006", "excel.E008", "excel.E009"}
DATA_COMMANDS = ("validate", "validate", "metrics", "evaluate", "evaluate", "render")
FAILURES = ("traceback", "uncoded", "bad_exit")


@dataclass
class Outcome:
    kind: str
    seed: int
    status: str
    detail: str = ""
    command: str = ""
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def failed(self) -> bool:
        return self.status in FAILURES


@cache
def registered() -> frozenset[str]:
    from tests.core.test_code_registry import registered as codes

    return frozenset(codes())


def run_input(kind: str, seed: int, folder: Path) -> Outcome:
    """Write input ``seed`` of ``kind`` under ``folder`` (emptied first) and run it (module docstring)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    name, data = mutate(kind, seed)
    path = folder / name
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        if kind == "data":
            outcome = _data(path, folder, DATA_COMMANDS[rng("command", seed).randrange(len(DATA_COMMANDS))])
        elif kind in ("ficha", "pdf"):
            outcome = _import(path, folder)
        else:
            outcome = _excel(path, data)
    except Exception as exc:  # noqa: BLE001 - the point: an escaping exception is the failure we count
        outcome = Outcome(kind, seed, "traceback", f"{type(exc).__name__}: {str(exc)[:300]}")
    outcome.kind, outcome.seed, outcome.seconds = kind, seed, round(time.perf_counter() - started, 3)
    return outcome


def _invoke(args: list[str]) -> tuple[int, str, BaseException | None]:
    from typer.testing import CliRunner

    from monitoreo.cli import app

    result = CliRunner().invoke(app, args)
    exc = result.exception if not isinstance(result.exception, SystemExit) else None
    return result.exit_code, result.output, exc


def _escaped(command: str, exc: BaseException | None, output: str) -> Outcome | None:
    if exc is not None:
        return Outcome("", 0, "traceback", f"{type(exc).__name__}: {str(exc)[:300]}", command)
    if "Traceback (most recent call last)" in output:
        return Outcome("", 0, "traceback", output[-600:], command)
    return None


def _data(path: Path, folder: Path, command: str) -> Outcome:
    extra = (
        ["--out", str(folder / "out"), "--format", "html", "--workers", "1"] if command == "render" else []
    )
    code, output, exc = _invoke([command, str(path), *extra])
    failure = _escaped(command, exc, output)
    if failure:
        return failure
    if code not in (0, 1, 2):
        return Outcome("", 0, "bad_exit", f"exit {code}: {output[-300:]}", command)
    if code != 2:
        return Outcome("", 0, "accepted", f"exit {code}", command)
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    if not errors:
        return Outcome("", 0, "uncoded", f"exit 2 without an error line: {output[-300:]}", command)
    for line in errors:
        codes = _CODE.findall(line)
        if str(path) not in line or not codes or not set(codes) <= registered():
            return Outcome("", 0, "uncoded", line[:300], command)
    return Outcome(
        "", 0, "rejected", " ".join(sorted({c for line in errors for c in _CODE.findall(line)})), command
    )


def _import(path: Path, folder: Path) -> Outcome:
    out = folder / "out"
    code, output, exc = _invoke(["import", str(path), "--out", str(out), "--json", "--workers", "1"])
    failure = _escaped("import", exc, output)
    if failure:
        return failure
    if code not in (0, 1):
        return Outcome("", 0, "bad_exit", f"exit {code}: {output[-300:]}", "import")
    start = output.find("[")
    entries = json.loads(output[start:]) if start >= 0 else []
    if len(entries) != 1:
        return Outcome("", 0, "uncoded", f"no JSON entry: {output[-300:]}", "import")
    entry = entries[0]
    codes = {issue["code"] for issue in entry["issues"]}
    if not codes <= registered() or entry["file"] != str(path):
        return Outcome("", 0, "uncoded", f"codes {sorted(codes)}", "import")
    if entry["ok"]:
        return Outcome("", 0, "accepted", "", "import")
    written = sorted(p.name for p in out.iterdir()) if out.exists() else []
    if written or not any(c.startswith("import.E") for c in codes) or code != 1:
        return Outcome(
            "", 0, "uncoded", f"failed import: exit {code}, codes {sorted(codes)}, wrote {written}", "import"
        )
    return Outcome("", 0, "rejected", " ".join(sorted(c for c in codes if ".E" in c)), "import")


def _excel(path: Path, content: bytes) -> Outcome:
    from monitoreo.errors import InputError
    from monitoreo.ingest.excel_book import read_workbook
    from monitoreo.io import parse_submission
    from tests.ingest.workbooks import report_data

    new, problems = read_workbook(content, report_data(), path.name)
    if new is None and not problems:
        return Outcome("", 0, "uncoded", "no data and no problem", "read_workbook")
    for p in problems:
        if (
            p.code not in registered()
            or p.file != path.name
            or (not p.path and p.code not in FILE_LEVEL_EXCEL)
        ):
            return Outcome("", 0, "uncoded", str(p)[:300], "read_workbook")
    if problems:
        return Outcome("", 0, "rejected", " ".join(sorted({p.code for p in problems})), "read_workbook")
    assert new is not None
    try:
        parse_submission(new, path.name)
    except InputError as exc:
        bad = [p for p in exc.problems if p.code not in registered() or not p.path]
        if bad:
            return Outcome("", 0, "uncoded", str(bad[0])[:300], "parse_submission")
        return Outcome(
            "", 0, "rejected", " ".join(sorted({p.code for p in exc.problems})), "parse_submission"
        )
    return Outcome("", 0, "accepted", "", "read_workbook")
