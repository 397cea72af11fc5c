"""Runnable examples of the user guides, and how they are checked.

Convention (documented in ``docs/contributing.md``):

* A ```` ```console ```` block is run: each line ``$ <command>`` (continued with a trailing ``\\``) is run
  with bash in a scratch copy of the repository's example files; the other lines are output the command
  must print, in order (whitespace collapsed, a line ``…`` skips any output). A command ending in
  ``# código de salida: N`` must exit with ``N``; otherwise with 0.
* A ```` ```pycon ```` block is a doctest (``>>>`` / ``...`` / expected output), run in the same folder.
* Blocks of one page run in order and share the folder, so a page can publish a bundle and then query it.
* Other blocks (```` ```sh ````, ```` ```yaml ````…) are illustrations and are not run."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

FENCE = re.compile(r"^( *)```(console|pycon)[ \t]*$(.*?)^\1```[ \t]*$", re.M | re.S)
EXIT = re.compile(r"\s+#\s*código de salida:\s*(\d+)\s*$")


@dataclass
class Step:
    command: str
    exit_code: int = 0
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # console | pycon
    text: str
    line: int
    steps: list[Step] = field(default_factory=list)


def _console_steps(text: str) -> list[Step]:
    steps: list[Step] = []
    lines = text.strip("\n").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command = command[:-1].rstrip() + " " + lines[i].strip()
            code = EXIT.search(command)
            steps.append(Step(EXIT.sub("", command).strip(), int(code.group(1)) if code else 0))
        elif steps and line.strip():
            steps[-1].expected.append(line)
        i += 1
    return steps


def blocks(markdown: str) -> list[Block]:
    """The runnable blocks of a page, in order."""
    found = []
    for match in FENCE.finditer(markdown):
        kind, body = match.group(2), textwrap.dedent(match.group(3))
        block = Block(kind, body, markdown.count("\n", 0, match.start()) + 1)
        if kind == "console":
            block.steps = _console_steps(body)
        found.append(block)
    return found


def collapse(text: str) -> str:
    return " ".join(text.split())


def missing_output(expected: list[str], output: str) -> list[str]:
    """Expected lines not found in ``output``, in order (``…`` lines skip anything)."""
    haystack = collapse(output)
    position, missing = 0, []
    for line in expected:
        wanted = collapse(line)
        if wanted in ("…", "..."):
            continue
        found = haystack.find(wanted, position)
        if found < 0:
            missing.append(line)
        else:
            position = found + len(wanted)
    return missing
