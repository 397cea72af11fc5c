"""The CLI starts at once: importing it loads no heavy engine (issue #19). Which modules load is the
contract here; the start-up time itself is measured in ``benchmarks/bench_cli.py``."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "ibis",
    "duckdb",
    "pyarrow",
    "pandas",
    "polars",
    "pyspark",
    "typst",
    "jinja2",
    "openpyxl",
    "pypdfium2",
    "monitoreo.sheet",
    "monitoreo.analytics.portfolio",
    "monitoreo.microdata.engine",
    "monitoreo.publish",
)


def _loaded(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_engine() -> None:
    loaded = _loaded("import monitoreo.cli")
    assert not [name for name in HEAVY if name in loaded]


def test_metrics_on_one_file_loads_no_heavy_engine() -> None:
    code = (
        "from typer.testing import CliRunner\nfrom monitoreo.cli import app\n"
        "r = CliRunner().invoke(app, ['metrics', 'examples/seeds/alianzas-productivas-2023.yaml'])\n"
        "assert r.exit_code == 0, r.output"
    )
    loaded = _loaded(code)
    assert not [name for name in HEAVY if name in loaded]
