"""Workbooks for the Excel intake tests and the fuzz suite: the 2023 seed's template and ways to tamper
with its zip members (XML of a worksheet, extra entries, a zip bomb)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from functools import cache
from typing import Any

import yaml

from monitoreo.ingest.excel_book import write_workbook
from tests.conftest import S23_FILE


@cache
def _seed_json() -> str:
    return json.dumps(yaml.safe_load(S23_FILE.read_text(encoding="utf-8")), default=str)


def report_data() -> dict[str, Any]:
    """The 2023 seed as the web app stores a report (JSON: string keys and values)."""
    data: dict[str, Any] = json.loads(_seed_json())
    return data


@cache
def template() -> bytes:
    return write_workbook(report_data())


def members(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def sheet_member(sheet: str, content: bytes | None = None) -> str:
    """Zip member of a worksheet by its title, from ``xl/workbook.xml`` and its relationships."""
    import re

    parts = members(content or template())
    workbook = parts["xl/workbook.xml"].decode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    match = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="(\w+)"', workbook) or re.search(
        rf'<sheet [^>]*r:id="(\w+)"[^>]*name="{re.escape(sheet)}"', workbook
    )
    assert match, sheet
    target = re.search(rf'<Relationship [^>]*Id="{match.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{match.group(1)}"', rels
    )
    assert target, sheet
    return target.group(1).lstrip("/") if target.group(1).startswith("/xl/") else "xl/" + target.group(1)


def edit_sheet(sheet: str, change: Callable[[str], str], content: bytes | None = None) -> bytes:
    parts = members(content or template())
    member = sheet_member(sheet, content)
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    return pack(parts)


def replace_cell(sheet: str, address: str, xml: str, content: bytes | None = None) -> bytes:
    """The workbook with cell ``address`` of ``sheet`` replaced by ``xml`` (a whole ``<c>`` element)."""
    import re

    def change(text: str) -> str:
        pattern = re.compile(rf'<c r="{address}"[^>]*?(/>|>.*?</c>)')
        assert pattern.search(text), address
        return pattern.sub(lambda _m: xml, text, count=1)

    return edit_sheet(sheet, change, content)


def zip_bomb(megabytes: int) -> bytes:
    """The template plus one entry of ``megabytes`` MB of zeros (about 1 kB compressed per MB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members(template()).items():
            archive.writestr(name, data)
        with archive.open("xl/media/image1.bin", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                entry.write(chunk)
    return out.getvalue()
