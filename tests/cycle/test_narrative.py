"""Texts carried over from last year that still quote last year's figures are flagged (cycle.W001)."""

from __future__ import annotations

import copy
from typing import Any

from monitoreo.cycle.narrative import stale_texts


def test_the_served_description_quoting_3389_is_flagged(
    previous: dict[str, Any], prefilled: dict[str, Any]
) -> None:
    [stale] = stale_texts(previous, prefilled)
    assert (stale.path, stale.label, stale.quoted) == (
        "populations.served.description",
        "Población beneficiada — descripción",
        "3.389",
    )
    assert stale.figure == "Población beneficiada — cuantificación 2023"
    assert "actualícelo" in stale.message


def test_an_edited_text_is_no_longer_flagged(previous: dict[str, Any], prefilled: dict[str, Any]) -> None:
    edited = copy.deepcopy(prefilled)
    edited["populations"]["served"]["description"] = "La población beneficiada fue de 3.612 personas."
    assert stale_texts(previous, edited) == []


def test_small_numbers_and_no_previous_are_not_flagged(
    previous: dict[str, Any], prefilled: dict[str, Any]
) -> None:
    assert stale_texts(None, prefilled) == []
    data = copy.deepcopy(prefilled)
    old = copy.deepcopy(previous)
    for doc in (data, old):
        doc["populations"]["served"]["description"] = "El 66% son hombres; 47% en el Maule."
    assert stale_texts(old, data) == []
