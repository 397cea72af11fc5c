"""The snippet runner itself: parsing of console blocks and matching of expected output."""

from __future__ import annotations

from tests.docs.snippets import blocks, missing_output

PAGE = """Texto.

```console
$ monitoreo validate a.yaml  # código de salida: 1
a.yaml: con errores
…
  error x [narrative.E001]
$ monitoreo render a.yaml \\
    --out fichas
```

```sh
$ no se ejecuta
```

```pycon
>>> 1 + 1
2
```
"""


def test_console_and_pycon_blocks_are_found_in_order() -> None:
    found = blocks(PAGE)
    assert [b.kind for b in found] == ["console", "pycon"]
    steps = found[0].steps
    assert [(s.command, s.exit_code) for s in steps] == [
        ("monitoreo validate a.yaml", 1),
        ("monitoreo render a.yaml --out fichas", 0),
    ]
    assert steps[0].expected == ["a.yaml: con errores", "…", "  error x [narrative.E001]"]
    assert found[0].line == 3


def test_expected_lines_must_appear_in_order_with_whitespace_collapsed() -> None:
    output = "a.yaml: con   errores\nbasura\n  error x\n   [narrative.E001]\n"
    assert missing_output(["a.yaml: con errores", "…", "error x [narrative.E001]"], output) == []
    assert missing_output(["error x [narrative.E001]", "a.yaml: con errores"], output) == [
        "a.yaml: con errores"
    ]
    assert missing_output(["no está"], output) == ["no está"]
