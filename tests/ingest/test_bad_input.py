"""Empty, truncated, binary and garbage inputs, and fuzzed mutations of the seeds, give coded issues and
never a traceback; a result has a submission exactly when it has no ``E`` issue."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoreo.ingest import IMPORT_CODES, ImportResult, import_ficha, parse_ficha_text
from tests.conftest import FICHAS

SEEDS = sorted(FICHAS.glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]


def _codes(result: ImportResult) -> list[str]:
    return [i.code for i in result.issues]


def _consistent(result: ImportResult) -> None:
    assert all(code in IMPORT_CODES for code in _codes(result))
    has_error = any(i.is_error for i in result.issues)
    assert (result.submission is None) == has_error


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "import.E003"),
        (b"   \n\n  ", "import.E003"),
        (bytes(range(256)) * 4, "import.E002"),
        (b"hola, esto no es una ficha\n", "import.E004"),
        (b"%PDF-1.7\n garbage", "import.E008"),
    ],
)
def test_bad_files_give_one_coded_error(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / ("x.pdf" if content.startswith(b"%PDF") else "x.txt")
    path.write_bytes(content)
    result = import_ficha(path)
    assert _codes(result) == [code]
    _consistent(result)


def test_missing_file_is_e001(tmp_path: Path) -> None:
    assert _codes(import_ficha(tmp_path / "no-existe.txt")) == ["import.E001"]


def test_a_directory_is_e001(tmp_path: Path) -> None:
    assert _codes(import_ficha(tmp_path)) == ["import.E001"]


def test_unknown_edition_is_e005() -> None:
    text = TEXTS[1].replace("OFERTA PÚBLICA 2023", "OFERTA PÚBLICA 2019")
    assert "import.E005" in _codes(parse_ficha_text(text))


@pytest.mark.parametrize("cut", [0.05, 0.2, 0.5, 0.8])
@pytest.mark.parametrize("index", [0, 1])
def test_truncated_seeds_give_codes_not_tracebacks(index: int, cut: float) -> None:
    text = TEXTS[index]
    result = parse_ficha_text(text[: int(len(text) * cut)])
    _consistent(result)
    assert result.issues


def test_missing_sections_are_warnings() -> None:
    text = TEXTS[1]
    start, end = text.index("DESAGREGACIÓN REGIONAL"), text.index(" IV. DESEMPEÑO")
    result = parse_ficha_text(text[:start] + text[end:])
    assert result.submission is not None and result.submission.regional is None
    assert ("import.W003", "regional") in [(i.code, i.path) for i in result.issues]


def test_an_unreadable_cell_is_left_out_with_w002() -> None:
    text = TEXTS[1].replace("Presupuesto Final3 4.283.131", "Presupuesto Final3 4.28x.131")
    result = parse_ficha_text(text)
    assert result.submission is not None
    assert "import.W007" in _codes(result) or "import.W002" in _codes(result)


def test_pypdfium2_fallback_reads_a_rendered_ficha() -> None:
    from monitoreo.ingest.pdf_text import extract_text
    from monitoreo.io import read_submission
    from monitoreo.sheet import build_sheet
    from monitoreo.sheet.pdf import render_pdf
    from tests.conftest import S23_FILE

    got = extract_text(render_pdf(build_sheet(read_submission(S23_FILE))), prefer="pypdfium2")
    assert got.extractor == "pypdfium2" and "\ufffe" not in got.text
    result = parse_ficha_text(got.text, "s23.pdf", got.extractor, got.metadata)
    assert result.submission is not None, [str(i) for i in result.issues]
    assert result.submission.program.name == "Programa de Alianzas Productivas"


_line_edit = st.tuples(
    st.integers(0, 10_000), st.sampled_from(["drop", "dup", "junk", "swap"]), st.text(max_size=12)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, 1), edits=st.lists(_line_edit, max_size=12))
def test_fuzzed_seed_mutations_never_raise(index: int, edits: list[tuple[int, str, str]]) -> None:
    lines = TEXTS[index].split("\n")
    for position, kind, junk in edits:
        i = position % len(lines)
        if kind == "drop":
            del lines[i]
        elif kind == "dup":
            lines.insert(i, lines[i])
        elif kind == "junk":
            lines[i] = lines[i][: len(lines[i]) // 2] + junk
        else:
            j = (i * 7 + 3) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            lines = [""]
    _consistent(parse_ficha_text("\n".join(lines)))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    _consistent(parse_ficha_text("MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA 2023\n" + text))


def test_every_issue_code_is_documented() -> None:
    doc = (FICHAS.parents[2] / "docs" / "ficha-import.md").read_text(encoding="utf-8")
    assert [c for c in IMPORT_CODES if f"`{c}`" not in doc] == []
