"""Parser of the 2020 ficha layout (stub)."""

from __future__ import annotations

from typing import Any

from monitoreo.ingest.reader import Reader


def parse(r: Reader, edition: int) -> dict[str, Any]:
    return {}
