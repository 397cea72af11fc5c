"""Fuzz inputs: the seeds as YAML, the published text fichas, their PDFs and the Excel template, each
mutated by a deterministic driver (``mutate(kind, seed)``: the same seed gives the same bytes, so every
failure the suite reports can be replayed with ``scripts/fuzz.py --replay KIND SEED``).

Mutations mix the careless (a deleted line, a truncated file, a typo in a number) and the hostile (the
values of issue #16: 10^28, 5,000 digits, ``.nan``, alias bombs, duplicate keys, formulas, zip bombs, XML
entities, 30,000-character cells)."""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from tests.conftest import FICHAS, SEEDS

KINDS = ("data", "ficha", "pdf", "excel")

#: Values people or attackers type; each one broke something on main (issue #16) or is a classic.
HOSTILE = (
    "10000000000000000000000000000",
    "7" * 5000,
    "1" * 20,
    "-1",
    "-0",
    "0",
    "1e400",
    "1E+28",
    "-1e-400",
    ".nan",
    ".inf",
    "-.inf",
    "NaN",
    "Infinity",
    "0x1F",
    "0o17",
    "1_000",
    "1:30",
    "12,5",
    "1.234.567,8",
    "S/I",
    "N/A",
    "n/c",
    "-",
    "~",
    "null",
    "true",
    "no",
    "2021-01-01",
    "2021-01-01T10:00:00",
    "''",
    '""',
    "[]",
    "{}",
    "[1, 2",
    "{a: 1",
    "&a x",
    "*a",
    "!!python/object:os.system",
    "!!binary AAAA",
    "|",
    ">-",
    '=HYPERLINK("http://x","clic")',
    "+56 9 1234",
    "@SUM(A1)",
    "=1+1",
    "x" * 30000,
    "\u202e\u0000\u0007",
    "ñandú «comillas» — 🙂",
    "<script>alert(1)</script>",
    "%s%s%n",
    "../../etc/passwd",
    " ",
    "\t",
    "99999999999999999999999999999999999999.5",
    "0.00000000000000000000001",
    "2147483648",
    "-2023",
)


def rng(kind: str, seed: int) -> random.Random:
    return random.Random(f"{kind}:{seed}")


@cache
def seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.yaml")))


@cache
def ficha_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(FICHAS.glob("*.txt")))


@cache
def ficha_pdfs() -> tuple[bytes, ...]:
    """The seeds rendered as PDF fichas (Typst), once per process, or read from ``$MONITOREO_FUZZ_CACHE``
    (the long profile renders them once for all its workers)."""
    from monitoreo.io import read_submission
    from monitoreo.methodology import evaluate
    from monitoreo.sheet import build_sheet
    from monitoreo.sheet.pdf import render_pdf

    cache_dir = Path(os.environ["MONITOREO_FUZZ_CACHE"]) if os.environ.get("MONITOREO_FUZZ_CACHE") else None
    out = []
    for path in sorted(SEEDS.glob("*.yaml")):
        cached = cache_dir / f"{path.stem}.pdf" if cache_dir else None
        if cached is not None and cached.exists():
            out.append(cached.read_bytes())
            continue
        sub = read_submission(path)
        out.append(render_pdf(build_sheet(sub, evaluate(sub))))
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(out[-1])
    return tuple(out)


def warm() -> None:
    """Build every base input and import every entry point, so no input pays for it."""
    seed_texts(), ficha_texts(), ficha_pdfs(), workbook()
    for kind in KINDS:
        mutate(kind, 0)
    import monitoreo.cli  # noqa: F401
    from tests.fuzz.check import registered

    registered()


@cache
def workbook() -> bytes:
    from tests.ingest.workbooks import template

    return template()


# --- text mutations (data files and text fichas) -----------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])-?\d[\d.,]*")
_VALUE = re.compile(r"^(\s*(?:- )?[\w/]+:\s+)(\S.*)$")


def _replace_number(r: random.Random, lines: list[str]) -> None:
    candidates = [i for i, line in enumerate(lines) if _NUMBER.search(line)]
    if candidates:
        i = r.choice(candidates)
        matches = list(_NUMBER.finditer(lines[i]))
        m = r.choice(matches)
        lines[i] = lines[i][: m.start()] + r.choice(HOSTILE) + lines[i][m.end() :]


def _replace_value(r: random.Random, lines: list[str]) -> None:
    candidates = [i for i, line in enumerate(lines) if _VALUE.match(line)]
    if candidates:
        i = r.choice(candidates)
        m = _VALUE.match(lines[i])
        assert m is not None
        lines[i] = m.group(1) + r.choice(HOSTILE)


def _delete_line(r: random.Random, lines: list[str]) -> None:
    if lines:
        del lines[r.randrange(len(lines))]


def _duplicate_line(r: random.Random, lines: list[str]) -> None:
    if lines:
        i = r.randrange(len(lines))
        lines.insert(i, lines[i])


def _swap_lines(r: random.Random, lines: list[str]) -> None:
    if len(lines) > 1:
        i, j = r.randrange(len(lines)), r.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]


def _indent(r: random.Random, lines: list[str]) -> None:
    if lines:
        i = r.randrange(len(lines))
        lines[i] = (
            r.choice(["", " ", "  ", "\t", "    "]) + lines[i].lstrip(" ")
            if r.random() < 0.5
            else lines[i][1:]
        )


def _insert_junk(r: random.Random, lines: list[str]) -> None:
    junk = r.choice(
        [
            "&a",
            "*a",
            "<<: *a",
            "? complex",
            "--- ",
            "...",
            "%YAML 1.1",
            "!!python/name:os.system",
            "- [",
            "}",
            "a: &a [1,2,3,4,5,6,7,8,9]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
            "x" * 30000,
            "\x00\x01\x02",
            "\ufeff",
            "\r",
            "MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA 2019",
            "MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA 9999",
            "Presupuesto Inicial " + " ".join(["7" * 5000] * 3),
        ]
    )
    lines.insert(r.randrange(len(lines) + 1), junk)


def _truncate(r: random.Random, lines: list[str]) -> None:
    if lines:
        del lines[r.randrange(len(lines)) :]


def _duplicate_key(r: random.Random, lines: list[str]) -> None:
    candidates = [i for i, line in enumerate(lines) if _VALUE.match(line)]
    if candidates:
        i = r.choice(candidates)
        lines.insert(i, lines[i])


TEXT_MUTATIONS: tuple[Callable[[random.Random, list[str]], None], ...] = (
    _replace_number,
    _replace_number,
    _replace_value,
    _replace_value,
    _delete_line,
    _duplicate_line,
    _swap_lines,
    _indent,
    _insert_junk,
    _truncate,
    _duplicate_key,
)


def mutate_text(text: str, r: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(r.choice((1, 1, 1, 2, 3, 5))):
        r.choice(TEXT_MUTATIONS)(r, lines)
    out = "\n".join(lines)
    if r.random() < 0.03:
        data = bytearray(out.encode("utf-8"))
        for _ in range(r.randint(1, 8)):
            if data:
                data[r.randrange(len(data))] = r.randrange(256)
        return data.decode("utf-8", errors="surrogateescape")
    return out


# --- binary mutations (PDF and xlsx zips) -------------------------------------------------------------------


def flip_bytes(data: bytes, r: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(r.randint(1, 20)):
        out[r.randrange(len(out))] = r.randrange(256)
    return bytes(out)


def mutate_pdf(data: bytes, r: random.Random) -> bytes:
    choice = r.random()
    if choice < 0.5:
        return flip_bytes(data, r)
    if choice < 0.7:
        return data[: r.randrange(len(data))]
    if choice < 0.8:
        return b"%PDF-1.7\n" + bytes(r.randrange(256) for _ in range(r.randint(0, 4000)))
    if choice < 0.9:
        start = r.randrange(len(data))
        return data[:start] + data[start:][: r.randrange(1, 500)] * r.randint(2, 50) + data[start:]
    return data.replace(b"/Length", b"/Length 99999999", 1)


_CELL = re.compile(r'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>.*?</c>)')


def _hostile_cell(address: str, r: random.Random) -> str:
    value = (
        r.choice(HOSTILE).replace("&", "&amp;").replace("<", "&lt;").replace("\x00", "").replace("\x07", "")
    )
    return r.choice(
        [
            f'<c r="{address}" t="n"><v>{value}</v></c>',
            f'<c r="{address}" t="inlineStr"><is><t>{value}</t></is></c>',
            f'<c r="{address}" t="d"><v>{value}</v></c>',
            f'<c r="{address}" t="b"><v>{value}</v></c>',
            f'<c r="{address}" t="e"><v>#DIV/0!</v></c>',
            f'<c r="{address}" t="s"><v>{r.randint(0, 99999)}</v></c>',
            f'<c r="{address}" t="str"><f>HYPERLINK("http://x","{value[:20]}")</f><v>y</v></c>',
            f'<c r="{address}"><f>1+1</f></c>',
            f'<c r="{address}" t="inlineStr"><is><t>{value}</t></is></c>',
        ]
    )


def _mutate_sheet(xml: str, r: random.Random) -> str:
    cells = list(_CELL.finditer(xml))
    choice = r.random()
    if cells and choice < 0.75:
        m = r.choice(cells)
        return xml[: m.start()] + _hostile_cell(m.group(1), r) + xml[m.end() :]
    if choice < 0.82:
        return (
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "boom"><!ENTITY f "&e;&e;&e;&e;">]>'
            + xml.replace("<t>Campo</t>", "<t>&f;</t>")
        )
    if choice < 0.88:
        return re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', xml, count=1)
    if choice < 0.94:
        return xml[: r.randrange(len(xml))]
    return xml.replace(
        "<sheetData>", '<sheetData><row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>', 1
    )


def mutate_xlsx(data: bytes, r: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    choice = r.random()
    sheets = sorted(n for n in parts if n.startswith("xl/worksheets/"))
    if choice < 0.7:
        for _ in range(r.choice((1, 1, 2, 4))):
            name = r.choice(sheets)
            parts[name] = _mutate_sheet(parts[name].decode("utf-8"), r).encode("utf-8")
    elif choice < 0.78:
        return flip_bytes(data, r)
    elif choice < 0.83:
        return data[: r.randrange(len(data))]
    elif choice < 0.88:
        del parts[r.choice(sorted(parts))]
    elif choice < 0.92:
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'name="Presupuesto"', b'name="Otra"')
    elif choice < 0.94:
        return _bomb(parts, 60)
    elif choice < 0.96:
        return _forged_size(parts, r.choice((1 << 30, 1 << 40)))
    else:
        for i in range(r.choice((10, 600))):
            parts[f"xl/media/x{i}.bin"] = b""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(_entry(name), content)
    return out.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed date, so the same seed gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _bomb(parts: dict[str, bytes], megabytes: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(_entry(name), content)
        with archive.open(_entry("xl/media/image1.bin"), "w", force_zip64=True) as entry:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                entry.write(chunk)
    return out.getvalue()


def _forged_size(parts: dict[str, bytes], size: int) -> bytes:
    """A small zip whose directory claims one entry unpacks to ``size`` bytes (a bomb's signature, without
    spending seconds compressing a real gigabyte)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(_entry(name), content)
        archive.writestr(_entry("xl/media/image1.bin"), b"\0" * 1024)
    data = bytearray(out.getvalue())
    header = data.rfind(b"PK\x01\x02")  # the last central-directory entry: image1.bin
    data[header + 24 : header + 28] = min(size, 0xFFFFFFFE).to_bytes(4, "little")
    return bytes(data)


def mutate(kind: str, seed: int) -> tuple[str, bytes]:
    """(file name, bytes) of fuzz input ``seed`` of ``kind`` (one of ``KINDS``)."""
    r = rng(kind, seed)
    if kind == "data":
        base = r.choice(seed_texts())
        suffix = ".json" if r.random() < 0.05 else ".yaml"
        if suffix == ".json":
            import json

            from monitoreo.io import yamlio

            base = json.dumps(yamlio.loads(base), default=str, ensure_ascii=False, indent=1)
        return f"programa-{seed}{suffix}", mutate_text(base, r).encode("utf-8", errors="surrogateescape")
    if kind == "ficha":
        return f"ficha-{seed}.txt", mutate_text(r.choice(ficha_texts()), r).encode(
            "utf-8", errors="surrogateescape"
        )
    if kind == "pdf":
        return f"ficha-{seed}.pdf", mutate_pdf(r.choice(ficha_pdfs()), r)
    if kind == "excel":
        return f"planilla-{seed}.xlsx", mutate_xlsx(workbook(), r)
    raise ValueError(kind)


def write_input(kind: str, seed: int, folder: Path) -> Path:
    name, data = mutate(kind, seed)
    path = folder / name
    path.write_bytes(data)
    return path
