"""«INDICADOR DE PROPÓSITO» tables of both layouts.

2023: the columns come out one after another, as paragraphs: name, formula, «Unidad de medida: …»,
«Dimensión: …», «Periodicidad: …», «Sentido de medición: …», the effective values («62,00% 62,00% 59,00%»)
and the «Resultado» sentence, then the next indicator. The attribute paragraphs anchor each indicator.
2020: rows «name … 20% 22%» (name and values only)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from monitoreo.ingest.cells import series
from monitoreo.ingest.es_numbers import is_value_token
from monitoreo.ingest.lines import Line, join, paragraphs
from monitoreo.ingest.reader import Reader
from monitoreo.ingest.tables import read_rows

_ATTRS = (
    ("unit", r"Unidad de medida"),
    ("dimension", r"Dimensi[óo]n"),
    ("periodicity", r"Periodicidad"),
    ("direction", r"Sentido de medici[óo]n"),
)
_ATTR_START = re.compile(r"^(Unidad de|Dimensi[óo]n:|Periodicidad:|Sentido de)", re.IGNORECASE)
_ATTR_VALUE = {
    key: re.compile(
        label + r":\s*(.+?)(?=\s+(?:Unidad de medida|Dimensi[óo]n|Periodicidad|Sentido de medici[óo]n):|$)",
        re.IGNORECASE,
    )
    for key, label in _ATTRS
}
_HEADER = re.compile(
    r"^(Indicador\b.*|Efectivo( \d{4})?|\d{4}( Resultado)?|Resultado|INDICADOR DE PROP[ÓO]SITO)$",
    re.IGNORECASE,
)
_RESULT_START = re.compile(r"^(El resultado|El indicador|No es posible|No se|Sin )", re.IGNORECASE)
_ANALYSIS = re.compile(r"^Indicador de prop[óo]sito (\d+)\s*:\s*(.*)$", re.IGNORECASE)


def _values(para: Sequence[Line], n: int) -> tuple[list[str], str] | None:
    """The ``n`` value cells that open ``para`` and the text after them (the «Resultado» cell when it is
    printed on the same line, e.g. «53,46% 56,44% 56,44% S/I»), or ``None``."""
    tokens = join(para).split()
    if len(tokens) < n or not all(is_value_token(t) for t in tokens[:n]):
        return None
    return tokens[:n], " ".join(tokens[n:])


def read_2023(
    r: Reader, lines: Sequence[Line], years: Sequence[int]
) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """Indicators and their «Resultado» sentences by number (1-based)."""
    body = list(lines)
    while body and (body[0].blank or _HEADER.match(body[0].text)):
        body.pop(0)
    paras = paragraphs(body)
    n = len(years)
    indicators: list[dict[str, Any]] = []
    results: dict[int, str] = {}
    pending: list[list[Line]] = []
    has_result = False
    i = 0
    while i < len(paras):
        if not _ATTR_START.match(paras[i][0].text):
            pending.append(paras[i])
            i += 1
            continue
        attrs: list[Line] = []
        while i < len(paras) and _ATTR_START.match(paras[i][0].text):
            attrs.extend(paras[i])
            i += 1
        if (
            indicators
            and not has_result
            and pending
            and (len(pending) >= 3 or _RESULT_START.match(pending[0][0].text))
        ):
            results[len(indicators)] = join(pending.pop(0))
        indicators.append(_indicator(r, pending, attrs, len(indicators)))
        pending, has_result = [], False
        found = _values(paras[i], n) if i < len(paras) else None
        if found is not None:
            path = f"indicators.{len(indicators) - 1}.values"
            indicators[-1]["values"] = series(r, found[0], years, path, paras[i][0], amount=False)
            if found[1]:
                results[len(indicators)], has_result = found[1], True
            i += 1
        else:
            r.issue(
                "import.W009",
                f"indicators.{len(indicators) - 1}.values",
                "valores efectivos no encontrados",
                attrs[-1],
            )
    if indicators and pending and not has_result:
        results[len(indicators)] = join(pending[0])
    return indicators, {k: v for k, v in results.items() if v != "S/I"}


def _indicator(r: Reader, head: list[list[Line]], attrs: list[Line], index: int) -> dict[str, Any]:
    path = f"indicators.{index}"
    entry: dict[str, Any] = {}
    if head:
        entry["name"] = join(head[0])
        r.mark(f"{path}.name", head[0][0])
        if len(head) > 1:
            entry["formula"] = " ".join(join(p) for p in head[1:])
    else:
        r.issue("import.W009", f"{path}.name", "nombre del indicador no encontrado", attrs[0])
    text = join(attrs)
    for key, pattern in _ATTR_VALUE.items():
        match = pattern.search(text)
        if match:
            value = match.group(1).strip()
            entry[key] = value.lower() if key == "direction" else value
        else:
            r.issue("import.W009", f"{path}.{key}", "atributo no encontrado", attrs[0])
    if entry.get("direction") not in (None, "ascendente", "descendente"):
        r.issue(
            "import.W009", f"{path}.direction", f"sentido «{entry.pop('direction')}» desconocido", attrs[0]
        )
    return entry


def read_analysis_2023(r: Reader, lines: Sequence[Line]) -> dict[int, str]:
    """«Indicador de propósito N: • texto…» blocks by number."""
    out: dict[int, list[Line]] = {}
    current: list[Line] | None = None
    for line in lines:
        match = _ANALYSIS.match(line.text)
        if match:
            current = out.setdefault(int(match.group(1)), [])
            if match.group(2):
                current.append(Line(match.group(2), line.number, line.page))
            r.mark(f"assessment.indicators.{match.group(1)}", line)
        elif current is not None and not line.blank:
            current.append(line)
    return {k: join(v).lstrip("•").strip() for k, v in out.items()}


def split_result(result: str, analysis: str | None) -> tuple[str, str | None]:
    """The «Resultado» sentence and the analysis that follows it in the analysis block."""
    if analysis is None:
        return result, None
    analysis = analysis.lstrip("• ").strip()
    if result and analysis.startswith(result):
        rest = analysis[len(result) :].strip()
        return result, rest or None
    if not result:  # no «Resultado» printed: the bullet is all analysis
        return "", analysis or None
    return result, analysis or None


def read_2020(r: Reader, lines: Sequence[Line], years: Sequence[int]) -> list[dict[str, Any]]:
    """«Porcentaje de empresas … permanente. 20% 22%» rows."""
    out: list[dict[str, Any]] = []
    header = re.compile(r"^Indicador\b.*Efectivo", re.IGNORECASE)
    for row in read_rows(lines, lambda key: len(years), header=lambda text: bool(header.match(text))):
        if row.years or not row.cells or not row.label:
            continue
        path = f"indicators.{len(out)}"
        if row.incomplete:
            r.issue("import.W007", path, f"fila «{row.label}» incompleta", row.line)
            continue
        out.append(
            {"name": row.label, "values": series(r, row.cells, years, f"{path}.values", row.line, False)}
        )
        r.mark(f"{path}.name", row.lines[0])
    return out
