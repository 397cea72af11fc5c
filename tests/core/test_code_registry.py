"""Every stable code the code base emits is listed in a registry, so the catalogue page documents it.

The scan reads the source of ``src/monitoreo`` and ``web/`` for string literals shaped like a code
(``render.E001``, ``import.W002``) and checks each against the union of the registries that
``docs/gen/ref_codes.py`` publishes."""

from __future__ import annotations

import re
from pathlib import Path

from monitoreo.codes import OPERATION_CODES
from monitoreo.cycle.codes import CYCLE_CODES
from monitoreo.ingest.excel import EXCEL_CODES
from monitoreo.ingest.issues import IMPORT_CODES
from monitoreo.io.codes import INPUT_CODES
from monitoreo.methodology import METHODOLOGY_CODES
from monitoreo.validation import issue_types

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"""["']([a-z_]+\.[EW]\d{3})["']""")


def registered() -> set[str]:
    return {
        *OPERATION_CODES,
        *CYCLE_CODES,
        *EXCEL_CODES,
        *IMPORT_CODES,
        *INPUT_CODES,
        *METHODOLOGY_CODES,
        *issue_types(),
    }


def used_codes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for folder in (ROOT / "src" / "monitoreo", ROOT / "web"):
        for path in sorted(folder.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for code in CODE.findall(path.read_text(encoding="utf-8")):
                found.setdefault(code, []).append(str(path.relative_to(ROOT)))
    return found


def test_the_scan_finds_codes_of_every_area() -> None:
    areas = {code.split(".")[0] for code in used_codes()}
    assert {"render", "publish", "input", "import", "excel", "microdata", "metrics"} <= areas


def test_every_code_used_in_the_source_is_registered() -> None:
    unregistered = {code: files for code, files in used_codes().items() if code not in registered()}
    assert unregistered == {}


def test_registries_do_not_overlap() -> None:
    registries = [
        OPERATION_CODES,
        CYCLE_CODES,
        EXCEL_CODES,
        IMPORT_CODES,
        INPUT_CODES,
        METHODOLOGY_CODES,
        issue_types(),
    ]
    seen: dict[str, int] = {}
    for index, registry in enumerate(registries):
        for code in registry:
            assert code not in seen, f"{code} está en dos registros"
            seen[code] = index


def test_descriptions_are_spanish_sentences() -> None:
    for code, text in {**OPERATION_CODES, **INPUT_CODES, **CYCLE_CODES}.items():
        assert text[0].isupper() and text.endswith("."), code
