"""Write the open-data bundle: every table as CSV (UTF-8) and Parquet, a Frictionless ``datapackage.json``
and a ``manifest.json`` with checksums.

Contract of ``publish_bundle(submissions, out_dir, evaluations=None)``:

* builds the whole bundle in a temporary sibling directory and renames it onto ``out_dir`` at the end, so
  a failure never leaves a half-written bundle and a reader never sees a mix of two bundles;
* output is deterministic: the same inputs give byte-identical CSV and ``datapackage.json`` (no clock);
* ``evaluations=None`` asks the methodology engine (``monitoreo.methodology.evaluate``) for each submission
  when it is installed; pass ``[]``-aligned ``None`` values to publish without outcomes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.explain.metrics import formula_catalogue
from monitoreo.methodology import evaluate
from monitoreo.publish.schema import TABLES, TableSpec
from monitoreo.publish.tables import Row, as_text, build_rows

PACKAGE_NAME = "monitoreo-oferta-publica"
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
SOURCES = [
    {
        "title": "Fichas de Monitoreo y Seguimiento de la Oferta Pública (Subsecretaría de Evaluación Social y DIPRES)",
        "path": "https://bips.ministeriodesarrollosocial.gob.cl",
    },
    {
        "title": "Reportes de Evaluación y Monitoreo SES-DIPRES",
        "path": "https://evaluacionymonitoreosesdipres.gob.cl",
    },
]
_ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "datetime": pa.timestamp("s"),
}


@dataclass(frozen=True)
class BundleManifest:
    """What was published: where, how many programs, rows per table and the files with their SHA-256."""

    out_dir: Path
    programs: int
    editions: tuple[int, ...]
    rows: dict[str, int]
    files: dict[str, str] = field(default_factory=dict)
    evaluated: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "out_dir": str(self.out_dir),
            "programs": self.programs,
            "editions": list(self.editions),
            "rows": self.rows,
            "files": self.files,
            "evaluated": self.evaluated,
        }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_csv(spec: TableSpec, rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(spec.names)
        for row in rows:
            writer.writerow([as_text(row.get(name)) for name in spec.names])


def _arrow_value(value: Any, type_: str) -> Any:
    if value is None:
        return None
    if type_ == "number":
        return float(value)
    if type_ == "integer":
        return int(value)
    return value


_PANDAS_DTYPES = {
    "string": "object",
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "datetime": "datetime64[s]",
}


def arrow_table(spec: TableSpec, rows: list[Row]) -> pa.Table:
    """The rows as a typed Arrow table (numbers as float64, codes as strings). It goes through pandas
    nullable dtypes so the file carries pandas metadata: readers using pandas (frictionless among them) get
    nullable integers back instead of floats with NaN."""
    import pandas as pd

    schema = pa.schema([pa.field(c.name, _ARROW[c.type]) for c in spec.columns])
    frame = pd.DataFrame(
        {
            c.name: pd.Series(
                [_arrow_value(row.get(c.name), c.type) for row in rows], dtype=_PANDAS_DTYPES[c.type]
            )
            for c in spec.columns
        }
    )
    return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)


def _resource(spec: TableSpec, path: str, fmt: str, rows: int, digest: str, size: int) -> dict[str, Any]:
    suffix = "" if fmt == "csv" else "-parquet"
    out: dict[str, Any] = {
        "name": spec.name + suffix,
        "title": spec.title + ("" if fmt == "csv" else " (Parquet)"),
        "description": spec.description,
        "path": path,
        "format": fmt,
        "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
        "profile": "tabular-data-resource",
        "schema": spec.schema(),
        "bytes": size,
        "hash": f"sha256:{digest}",
    }
    if fmt == "csv":
        out["encoding"] = "utf-8"
        out["dialect"] = {"delimiter": ",", "header": True}
    else:  # frictionless reads Parquet through pandas and cannot count its bytes or hash it
        out.pop("hash")
        out.pop("bytes")
    out["rows"] = rows
    return out


def datapackage(resources: list[dict[str, Any]], editions: Sequence[int]) -> dict[str, Any]:
    years = ", ".join(str(e) for e in editions)
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "Monitoreo y Seguimiento de la Oferta Pública — datos abiertos",
        "description": (
            f"Programas, presupuestos, componentes, regiones, indicadores y hallazgos de las ediciones {years}. "
            "Montos en miles de pesos (M$) del año indicado en price_base_year de cada fila. Los códigos S/I, "
            "N/A, N/C y «-» van en las columnas *_code. Las fórmulas de cada cifra, por edición, están en "
            "formulas.json. Ver docs/open-data.md."
        ),
        "keywords": [
            "monitoreo",
            "oferta pública",
            "presupuesto",
            "programas sociales",
            "Chile",
            "fiscal-data-package",
        ],
        "licenses": [LICENSE],
        "sources": SOURCES,
        "resources": resources,
    }


def _evaluations(
    subs: list[Submission], evaluations: Sequence[Evaluation | None] | None
) -> list[Evaluation | None]:
    if evaluations is not None:
        return list(evaluations)
    return [evaluate(s) for s in subs]


def _swap_into_place(tmp: Path, out_dir: Path) -> None:
    """Rename ``tmp`` onto ``out_dir``; an existing bundle is moved aside first and removed after."""
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        out_dir.rename(old)
    try:
        tmp.rename(out_dir)
    except OSError:
        if old is not None:
            old.rename(out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_tables(tables: dict[str, list[Row]], directory: Path, editions: Sequence[int]) -> dict[str, str]:
    """Write CSV + Parquet + datapackage.json + manifest.json into ``directory``; returns file checksums."""
    data = directory / "data"
    data.mkdir(parents=True)
    resources: list[dict[str, Any]] = []
    parquet_resources: list[dict[str, Any]] = []
    files: dict[str, str] = {}
    for spec in TABLES:
        rows = tables[spec.name]
        csv_path, pq_path = data / f"{spec.name}.csv", data / f"{spec.name}.parquet"
        _write_csv(spec, rows, csv_path)
        pq.write_table(arrow_table(spec, rows), pq_path, compression="zstd")
        for path, fmt, target in ((csv_path, "csv", resources), (pq_path, "parquet", parquet_resources)):
            rel = f"data/{path.name}"
            files[rel] = _sha256(path)
            target.append(_resource(spec, rel, fmt, len(rows), files[rel], path.stat().st_size))
    # How each figure is computed, per edition (docs/explanations.md): the formulas behind the metric columns.
    (directory / "formulas.json").write_text(
        json.dumps({str(e): formula_catalogue(e) for e in editions}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    files["formulas.json"] = _sha256(directory / "formulas.json")
    package = datapackage(resources + parquet_resources, editions)
    (directory / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    files["datapackage.json"] = _sha256(directory / "datapackage.json")
    return files


def publish_bundle(
    submissions: Iterable[Submission],
    out_dir: str | Path,
    evaluations: Sequence[Evaluation | None] | None = None,
) -> BundleManifest:
    """Publish ``submissions`` (and their evaluations) as an open-data bundle in ``out_dir`` (atomic)."""
    subs = list(submissions)
    out = Path(out_dir)
    evals = _evaluations(subs, evaluations)
    tables = build_rows(subs, evals)
    editions = tuple(sorted({int(s.edition) for s in subs}))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        files = write_tables(tables, tmp, editions)
        manifest = BundleManifest(
            out_dir=out,
            programs=len(subs),
            editions=editions,
            rows={name: len(rows) for name, rows in tables.items()},
            files=files,
            evaluated=any(e is not None for e in evals),
        )
        manifest_data = manifest.as_dict() | {"out_dir": None}
        (tmp / "manifest.json").write_text(
            json.dumps(manifest_data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        _swap_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest
