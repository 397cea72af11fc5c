"""Inflator tables the unit enters (``docs/inflators.md``): a cycle's table (e.g. base 2026) imported from a
CSV without a release, stored as YAML where ``reference.inflator_table`` finds it.

Contract:
* ``user_directory()`` — where entered tables live: ``$MONITOREO_DATA_DIR/inflators`` when the variable is
  set, else ``$XDG_DATA_HOME/monitoreo/inflators`` (``~/.local/share/monitoreo/inflators``).
* ``read_inflator_csv(path, source)`` — a validated ``InflatorTable`` or ``InputError`` listing every
  problem with the CSV row/column and a stable code (``inflators.E0nn``); never a partial table.
* ``save_table(table, directory)`` — writes ``base-YYYY.yaml`` atomically (temporary name, then rename);
  a shipped table is never replaced (``inflators.E009``).
* ``inflators_for_base(base)`` — the table whose base is ``base`` (shipped first, then entered), or None.

The CSV has a header row with the columns ``anio`` and ``inflactor`` (``año`` and ``factor`` are accepted),
one row per year; factors in es-CL («1,035») or with a decimal point («1.035»)."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

import yaml

from monitoreo.domain.inflators import InflatorTable
from monitoreo.domain.periods import PriceYear
from monitoreo.errors import InputError, MonitoreoError, Problem

#: Stable codes: ``monitoreo.codes.OPERATION_CODES`` («inflators.E0nn»).


class BrokenTableError(MonitoreoError):
    """An entered table file that cannot be read back (edited by hand, truncated…)."""

    code = "inflators.E011"


YEAR_COLUMNS = ("anio", "año", "ano", "year")
FACTOR_COLUMNS = ("inflactor", "factor")
DATA_DIR_ENV = "MONITOREO_DATA_DIR"


def user_directory() -> Path:
    """Where the tables the unit enters are stored (see the module docstring)."""
    root = os.environ.get(DATA_DIR_ENV)
    if root:
        return Path(root) / "inflators"
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "monitoreo" / "inflators"


def shipped_names() -> set[str]:
    """Names of the tables distributed with the package (``base-2024``)."""
    folder = resources.files("monitoreo.reference").joinpath("inflators")
    return {p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")}


def table_name(base: int) -> str:
    return f"base-{base}"


def load_user_table(name: str, directory: Path | None = None) -> InflatorTable | None:
    """An entered table by name, or None when there is none."""
    path = (directory or user_directory()) / f"{name}.yaml"
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        factors = {int(k): Decimal(str(v)) for k, v in data["factors"].items()}
        return InflatorTable(base=PriceYear(int(data["base"])), factors=factors, source=data.get("source"))
    except (
        OSError,
        UnicodeDecodeError,
        yaml.YAMLError,
        KeyError,
        TypeError,
        AttributeError,
        ValueError,
        ArithmeticError,
    ) as exc:  # a hand-edited file: say which one, never a traceback
        raise BrokenTableError(
            f"{path}: la tabla de inflactores ingresada está dañada ({exc.__class__.__name__}); "
            "vuelva a importarla con monitoreo inflators import"
        ) from None


def inflators_for_base(base: int) -> InflatorTable | None:
    """The table of price base ``base`` (shipped, else entered by the unit), or None when none exists."""
    from monitoreo import reference  # the package imports this module: import at call time

    try:
        return reference.inflator_table(table_name(base))
    except reference.ReferenceError:
        return None


def shipped_tables() -> list[tuple[str, InflatorTable, bool]]:
    """The shipped tables as (name, table, True), by name."""
    from monitoreo import reference

    return [(name, reference.inflator_table(name), True) for name in sorted(shipped_names())]


def all_tables(directory: Path | None = None) -> list[tuple[str, InflatorTable, bool]]:
    """Every known table as (name, table, shipped), shipped first, then entered ones by name;
    ``BrokenTableError`` when an entered file cannot be read."""
    out = shipped_tables()
    folder = directory or user_directory()
    if folder.is_dir():
        for path in sorted(folder.glob("base-*.yaml")):
            name = path.name.removesuffix(".yaml")
            table = load_user_table(name, folder)
            if table is not None and name not in shipped_names():
                out.append((name, table, False))
    return out


@dataclass(frozen=True)
class _Row:
    line: int
    year: str
    factor: str


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    cleaned = [h.strip().casefold().lstrip("\ufeff") for h in header]
    return next((cleaned.index(n) for n in names if n in cleaned), None)


def _parse_factor(text: str) -> Decimal | None:
    value = text.strip()
    if not value.isascii():
        return None
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _rows(path: Path, problems: list[Problem]) -> list[_Row]:
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(
            Problem(file, "", "inflators.E001", f"no se puede leer el archivo ({exc.__class__.__name__})")
        )
        return []
    lines = list(csv.reader(text.splitlines(), delimiter=_delimiter(text)))
    if not lines:
        problems.append(Problem(file, "", "inflators.E010", "el archivo está vacío"))
        return []
    header = lines[0]
    year_col, factor_col = _column(header, YEAR_COLUMNS), _column(header, FACTOR_COLUMNS)
    for col, name in ((year_col, "anio"), (factor_col, "inflactor")):
        if col is None:
            problems.append(
                Problem(file, "fila 1", "inflators.E002", f"falta la columna «{name}» en el encabezado")
            )
    if year_col is None or factor_col is None:
        return []
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        year = cells[year_col] if year_col < len(cells) else ""
        value = cells[factor_col] if factor_col < len(cells) else ""
        rows.append(_Row(number, year.strip(), value.strip()))
    if not rows:
        problems.append(Problem(file, "", "inflators.E010", "no hay filas de datos bajo el encabezado"))
    return rows


def _delimiter(text: str) -> str:
    """«;» when the header uses it (es-CL spreadsheets write «1,035» and separate cells with «;»)."""
    first = text.splitlines()[0] if text else ""
    for candidate in (";", "\t"):
        if candidate in first:
            return candidate
    return ","


def read_inflator_csv(path: Path, base: int | None = None, source: str | None = None) -> InflatorTable:
    """The table in ``path`` (see the module docstring); ``base`` defaults to the year whose factor is 1."""
    problems: list[Problem] = []
    file = str(path)
    factors: dict[int, Decimal] = {}
    seen: set[int] = set()
    for r in _rows(path, problems):
        where = f"fila {r.line}"
        if not (r.year.isascii() and r.year.isdigit()) or not 1900 <= int(r.year) <= 2100:
            problems.append(
                Problem(file, f"{where}, columna anio", "inflators.E003", f"«{r.year}» no es un año válido")
            )
            continue
        year = int(r.year)
        value = _parse_factor(r.factor)
        if year in seen:
            problems.append(
                Problem(
                    file, f"{where}, columna anio", "inflators.E006", f"el año {year} ya tiene un inflactor"
                )
            )
            continue
        seen.add(year)
        if value is None:
            problems.append(
                Problem(
                    file, f"{where}, columna inflactor", "inflators.E004", f"«{r.factor}» no es un número"
                )
            )
        elif value <= 0:
            problems.append(
                Problem(
                    file,
                    f"{where}, columna inflactor",
                    "inflators.E005",
                    f"el inflactor de {year} debe ser positivo (es «{r.factor}»)",
                )
            )
        else:
            factors[year] = value
    if factors and not problems:
        problems += _check_table(file, factors, base)
    if problems:
        raise InputError(problems)
    chosen = base if base is not None else next(y for y, f in factors.items() if f == 1)
    return InflatorTable(
        base=PriceYear(chosen),
        factors=dict(sorted(factors.items())),
        source=source or f"Importada desde {path.name}",
    )


def _check_table(file: str, factors: dict[int, Decimal], base: int | None) -> list[Problem]:
    problems = []
    ones = [y for y, f in factors.items() if f == 1]
    if base is not None and factors.get(base) != 1:
        problems.append(
            Problem(
                file,
                "columna inflactor",
                "inflators.E007",
                f"el año base {base} debe estar en la tabla con inflactor 1",
            )
        )
    elif base is None and len(ones) != 1:
        problems.append(
            Problem(
                file,
                "columna inflactor",
                "inflators.E007",
                "la tabla debe tener exactamente un año con inflactor 1 (el año base)",
            )
        )
    missing = sorted(set(range(min(factors), max(factors) + 1)) - set(factors))
    if missing:
        years = ", ".join(str(y) for y in missing)
        problems.append(Problem(file, "columna anio", "inflators.E008", f"faltan los años {years}"))
    return problems


def save_table(table: InflatorTable, directory: Path | None = None) -> Path:
    """Store ``table`` as ``base-YYYY.yaml`` in ``directory`` (default: ``user_directory()``)."""
    name = table_name(int(table.base))
    if name in shipped_names():
        raise InputError(
            [
                Problem(
                    name, "base", "inflators.E009", f"la tabla {name} viene con monitoreo y no se reemplaza"
                )
            ]
        )
    folder = directory or user_directory()
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "source": table.source or "",
        "base": int(table.base),
        # Strings keep every digit of the Decimal (the loader reads them back with Decimal(str(v))).
        "factors": {int(y): str(f) for y, f in sorted(table.factors.items())},
    }
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    target = folder / f"{name}.yaml"
    temporary = folder / f".{name}.yaml.tmp"
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
    from monitoreo import reference

    reference.inflator_table.cache_clear()
    return target
