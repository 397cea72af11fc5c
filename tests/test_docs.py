"""Documentation that is generated from code stays current."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_data_format_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_data_format_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_input_code_is_documented() -> None:
    from monitoreo.io.codes import INPUT_CODES

    text = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert [code for code in INPUT_CODES if f"`{code}`" not in text] == []
