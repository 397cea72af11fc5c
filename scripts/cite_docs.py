"""Point the comments of src/ and web/ at pages of this repository instead of documents it does not hold.

Rewrites, in comments and docstrings only (Python ``#`` comments and triple-quoted strings, YAML ``#``
comment lines; never code, string data or YAML values):

* «methodology §5.1», «(§2.3)», «§4.3-§4.4» → «docs/methodology.md §5.1» … (the project's methodology page
  keeps the numbered headings the comments used);
* «architecture guide §4.7» / «§5 …» → the page and heading of this repository that holds the point;
* «shared/seeds/<ficha>.txt» → «tests/golden/fichas/<ficha>.txt», «shared/docs/methodology.md» →
  «docs/methodology.md».

Idempotent: a reference already preceded by «docs/methodology.md » is left alone, so the lead can re-run it
after merging other branches. Usage: ``python scripts/cite_docs.py [--check] [ROOT]`` — ``--check`` lists
what would change and exits 1 if anything would.
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

PAGE = "docs/methodology.md"
_RUN = re.compile(
    r"(?P<prefix>\bmethodology\s+)?(?P<run>§\s?\d[\w.]*(?:\s*(?:[-–,;]|and|y)\s*§\s?\d[\w.]*)*)"
)
_GUIDE = [
    (re.compile(r"architecture guide §4\.7"), "docs/architecture.md «The flow of one ficha»"),
    (re.compile(r"architecture guide §5, «Typst rules»"), "docs/ficha-rendering.md «PDF (Typst)»"),
    (re.compile(r"architecture guide §5: "), "docs/ficha-rendering.md «Charts»: "),
    (re.compile(r"architecture guide §5 —"), "docs/ficha-import.md «How it reads» —"),
    (re.compile(r"architecture guide §5"), "docs/ficha-import.md «How it reads»"),
    (re.compile(r"architecture guide §4"), "docs/architecture.md"),
]
_PATHS = [
    (re.compile(r"shared/docs/methodology\.md"), PAGE),
    (re.compile(r"shared/seeds/(ficha_\w+\.txt)"), r"tests/golden/fichas/\1"),
    (re.compile(r"\(shared/seeds\)"), "(tests/golden/fichas)"),
]


def rewrite_text(text: str) -> str:
    """The comment ``text`` with its references pointing into this repository (see module docstring)."""
    for pattern, replacement in _GUIDE + _PATHS:
        text = pattern.sub(replacement, text)
    out: list[str] = []
    last = 0
    for match in _RUN.finditer(text):
        start = match.start()
        before = text[:start]
        if before.endswith((f"{PAGE} ", "methodology.md ")):
            continue
        out.append(text[last:start])
        out.append(f"{PAGE} {match.group('run')}")
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def rewrite_python(source: str) -> str:
    """Rewrite the comments and triple-quoted strings of a Python module."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    edits: list[tuple[tuple[int, int], tuple[int, int], str]] = []
    for tok in tokens:
        docstring = tok.type == tokenize.STRING and tok.string.lstrip("rRbBuUfF").startswith(('"""', "'''"))
        if tok.type == tokenize.COMMENT or docstring:
            new = rewrite_text(tok.string)
            if new != tok.string:
                edits.append((tok.start, tok.end, new))
    for (srow, scol), (erow, ecol), new in reversed(edits):
        head = "".join(lines[: srow - 1]) + lines[srow - 1][:scol]
        tail = lines[erow - 1][ecol:] + "".join(lines[erow:])
        source = head + new + tail
        lines = source.splitlines(keepends=True)
    return source


def rewrite_yaml(source: str) -> str:
    """Rewrite the comment lines (``# …``) of a YAML file; values are data and stay as they are."""
    out = []
    for line in source.splitlines(keepends=True):
        stripped = line.lstrip()
        out.append(
            line[: len(line) - len(stripped)] + rewrite_text(stripped) if stripped.startswith("#") else line
        )
    return "".join(out)


def files(root: Path) -> list[Path]:
    found: list[Path] = []
    for top in ("src", "web"):
        for suffix in ("*.py", "*.yaml"):
            found.extend(p for p in (root / top).rglob(suffix) if "migrations" not in p.parts)
    return sorted(found)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    changed = []
    for path in files(root):
        source = path.read_text(encoding="utf-8")
        new = rewrite_python(source) if path.suffix == ".py" else rewrite_yaml(source)
        if new != source:
            changed.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(path.relative_to(root))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
