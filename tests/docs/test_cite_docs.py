"""Code comments cite pages of this repository (``scripts/cite_docs.py``), never documents it does not hold."""

from __future__ import annotations

import importlib.util
import re

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("cite_docs", ROOT / "scripts" / "cite_docs.py")
assert _spec is not None and _spec.loader is not None
cite_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cite_docs)


def test_references_are_rewritten_once() -> None:
    cases = {
        "(methodology §4.3-§4.4)": "(docs/methodology.md §4.3-§4.4)",
        "shares; §2.6, §2.8)": "shares; docs/methodology.md §2.6, §2.8)",
        "(architecture guide §4.7).": "(docs/architecture.md «The flow of one ficha»).",
        "``shared/seeds/ficha_2023_alianzas_productivas.txt``": "``tests/golden/fichas/ficha_2023_alianzas_productivas.txt``",
    }
    for before, after in cases.items():
        assert cite_docs.rewrite_text(before) == after
        assert cite_docs.rewrite_text(after) == after


def test_only_comments_and_docstrings_change() -> None:
    source = 'x = "§5.1 EXE"  # methodology §5.1\ndef f():\n    """See §2.3."""\n'
    assert cite_docs.rewrite_python(source) == (
        'x = "§5.1 EXE"  # docs/methodology.md §5.1\ndef f():\n    """See docs/methodology.md §2.3."""\n'
    )
    yaml = 'a: {source: "methodology.md §5.3"}\n# methodology §6\n'
    assert cite_docs.rewrite_yaml(yaml) == 'a: {source: "methodology.md §5.3"}\n# docs/methodology.md §6\n'


def test_the_tree_is_rewritten_and_every_cited_heading_exists() -> None:
    assert cite_docs.main(["--check", str(ROOT)]) == 0
    page = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?[a-z]?)\.? ", page, re.M))
    cited: set[str] = set()
    for path in cite_docs.files(ROOT):
        for run in re.findall(r"docs/methodology\.md (§[^\n)\"]*)", path.read_text(encoding="utf-8")):
            cited |= {n.rstrip(".") for n in re.findall(r"§\s?(\d+(?:\.\d+)?[a-z]?)", run)}
    assert cited and cited <= headings, sorted(cited - headings)
