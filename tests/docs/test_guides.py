"""The examples of the Spanish guides run: every ```console command exits as documented and prints what
the guide shows; every ```pycon block passes as a doctest. They run against the bundled seeds in a scratch
folder (see ``snippets.py`` for the convention)."""

from __future__ import annotations

import doctest
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from monitoreo.cli import app
from tests.conftest import ROOT
from tests.docs.snippets import Block, blocks, missing_output

GUIDES = ("guia-evaluador.md", "guia-servicio.md", "datos-abiertos.md")
#: The least each guide must show runnable (so a guide cannot silently lose its examples).
MIN_COMMANDS = {"guia-evaluador.md": 10, "guia-servicio.md": 3, "datos-abiertos.md": 2}


def _page(name: str) -> str:
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


def _workspace(tmp: Path) -> Path:
    """A folder laid out like a clone: the seeds and the published ficha texts, nothing else."""
    shutil.copytree(ROOT / "examples", tmp / "examples")
    shutil.copytree(ROOT / "tests" / "golden" / "fichas", tmp / "tests" / "golden" / "fichas")
    return tmp


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_commands_exist(guide: str) -> None:
    found = [b for b in blocks(_page(guide))]
    commands = [s.command for b in found for s in b.steps]
    assert len(commands) >= MIN_COMMANDS[guide]
    root = typer.main.get_command(app)
    names = set(getattr(root, "commands", {}))
    unknown = [c for c in commands if c.startswith("monitoreo ") and c.split()[1] not in names | {"--help"}]
    assert unknown == []


def _run_console(block: Block, cwd: Path, env: dict[str, str], guide: str) -> None:
    for step in block.steps:
        result = subprocess.run(
            ["bash", "-c", step.command],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
            timeout=300,
        )
        output = result.stdout
        where = f"{guide}:{block.line}: $ {step.command}"
        assert result.returncode == step.exit_code, f"{where}\nsalió con {result.returncode}\n{output}"
        assert missing_output(step.expected, output) == [], f"{where}\n--- salida ---\n{output}"


def _run_pycon(block: Block, globs: dict[str, object], guide: str) -> None:
    test = doctest.DocTestParser().get_doctest(block.text, globs, f"{guide}:{block.line}", guide, block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    globs.update(test.globs)  # later blocks of the page see the names defined here
    assert runner.failures == 0, "".join(report)


@pytest.mark.slow
@pytest.mark.parametrize("guide", GUIDES)
def test_guide_examples_run(guide: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = _workspace(tmp_path)
    monkeypatch.chdir(cwd)
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": "100",
        "TERMINAL_WIDTH": "100",
        "NO_COLOR": "1",
        "PYTHONUNBUFFERED": "1",
    }  # stdout and stderr interleave as on a terminal
    env.pop("FORCE_COLOR", None)
    globs: dict[str, object] = {}
    for block in blocks(_page(guide)):
        if block.kind == "console":
            _run_console(block, cwd, env, guide)
        else:
            _run_pycon(block, globs, guide)
