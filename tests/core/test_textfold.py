"""One folding for accent- and case-insensitive matching (importer) and search (portal, tests/web/test_search.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from monitoreo.ingest.lines import ascii_fold
from monitoreo.textfold import fold


def test_spanish_text_folds_to_plain_lowercase() -> None:
    assert fold("Asesoría Técnica (Ñuble)") == "asesoria tecnica (nuble)"
    assert fold("ﬁnal ÚLTIMO") == "final ultimo"


def test_the_importer_folds_with_it() -> None:
    for text in ("Región de Los Ríos", "BÍOBÍO", "Libertador General Bernardo OHiggins"):
        assert ascii_fold(text) == fold(text)


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_letters_that_fold_into_capitals_settle() -> None:
    assert fold("𝛢") == "α" and fold("İstanbul") == "istanbul"
