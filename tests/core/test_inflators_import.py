"""Inflator tables the unit enters: ``monitoreo inflators import`` validates the CSV (coded problems naming
row and column, exit 2, nothing written), stores ``base-YYYY`` where the reference loader finds it, and the
2025 ficha prints that table instead of saying there is none."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from monitoreo import reference
from monitoreo.cli import app
from monitoreo.errors import InputError
from monitoreo.reference.inflator_tables import read_inflator_csv, save_table

runner = CliRunner()
GOOD = "anio;inflactor\n2022;1,1850\n2023;1,1200\n2024;1,0712\n2025;1,0350\n2026;1\n"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MONITOREO_DATA_DIR", str(tmp_path / "data"))
    reference.inflator_table.cache_clear()
    yield tmp_path / "data" / "inflators"
    reference.inflator_table.cache_clear()


def _csv(tmp_path: Path, text: str, name: str = "tabla.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _codes(tmp_path: Path, text: str, *args: str) -> list[tuple[str, str]]:
    result = runner.invoke(app, ["inflators", "import", str(_csv(tmp_path, text)), "--json", *args])
    assert result.exit_code == 2, result.output
    payload = json.loads(result.stdout)
    assert payload["ok"] is False
    return [(p["code"], p["path"]) for p in payload["problems"]]


def test_import_stores_a_table_the_reference_loader_finds(tmp_path: Path, data_dir: Path) -> None:
    assert reference.inflators_for_base(2026) is None
    result = runner.invoke(
        app,
        ["inflators", "import", str(_csv(tmp_path, GOOD)), "--json", "--source", "Ley de Presupuestos 2026"],
    )
    assert result.exit_code == 0, result.output
    table = json.loads(result.stdout)["table"]
    assert table["name"] == "base-2026" and table["base"] == 2026
    assert table["factors"] == {
        "2022": "1.1850",
        "2023": "1.1200",
        "2024": "1.0712",
        "2025": "1.0350",
        "2026": "1",
    }
    assert (data_dir / "base-2026.yaml").is_file()
    found = reference.inflators_for_base(2026)
    assert (
        found is not None
        and found.factors[2022] == Decimal("1.1850")
        and found.source == "Ley de Presupuestos 2026"
    )
    listed = json.loads(runner.invoke(app, ["inflators", "list", "--json"]).stdout)
    assert [(t["name"], t["shipped"]) for t in listed] == [("base-2024", True), ("base-2026", False)]


def test_human_output_is_spanish(tmp_path: Path, data_dir: Path) -> None:
    result = runner.invoke(app, ["inflators", "import", str(_csv(tmp_path, GOOD))])
    assert result.exit_code == 0 and "Tabla de inflactores «base-2026» guardada" in result.stdout
    assert "5 años (2022–2026), base 2026" in result.stdout


def test_bad_rows_are_named_with_their_codes_and_nothing_is_written(tmp_path: Path, data_dir: Path) -> None:
    text = "anio,inflactor\n2022,1.18\n2024,x\n2025,-1\n2025,1.03\n20x6,1\n"
    assert _codes(tmp_path, text) == [
        ("inflators.E004", "fila 3, columna inflactor"),
        ("inflators.E005", "fila 4, columna inflactor"),
        ("inflators.E006", "fila 5, columna anio"),
        ("inflators.E003", "fila 6, columna anio"),
    ]
    assert not data_dir.exists()


def test_base_year_must_be_one_and_years_have_no_gaps(tmp_path: Path, data_dir: Path) -> None:
    assert _codes(tmp_path, "anio,inflactor\n2024,1.07\n2026,1\n") == [("inflators.E008", "columna anio")]
    assert _codes(tmp_path, "anio,inflactor\n2025,1.03\n2026,1.01\n") == [
        ("inflators.E007", "columna inflactor")
    ]
    assert _codes(tmp_path, "anio,inflactor\n2025,1\n2026,1.01\n", "--base", "2026") == [
        ("inflators.E007", "columna inflactor")
    ]


def test_missing_column_empty_file_unreadable_file(tmp_path: Path, data_dir: Path) -> None:
    assert _codes(tmp_path, "year;valor\n2026;1\n") == [("inflators.E002", "fila 1")]
    assert _codes(tmp_path, "anio,inflactor\n") == [("inflators.E010", "")]
    result = runner.invoke(app, ["inflators", "import", str(tmp_path / "no-existe.csv")])
    assert result.exit_code == 2 and "inflators.E001" in result.output and "Traceback" not in result.output
    latin = tmp_path / "latin.csv"
    latin.write_bytes("año;inflactor\n2026;1\n".encode("latin-1"))
    assert runner.invoke(app, ["inflators", "import", str(latin)]).exit_code == 2


def test_a_shipped_table_is_never_replaced(tmp_path: Path, data_dir: Path) -> None:
    text = "anio,inflactor\n2023,1.04\n2024,1\n"
    assert _codes(tmp_path, text) == [("inflators.E009", "base")]
    table = read_inflator_csv(_csv(tmp_path, text))
    with pytest.raises(InputError):
        save_table(table, data_dir)


def test_the_2025_ficha_prints_the_entered_table_of_its_price_base(tmp_path: Path, data_dir: Path) -> None:
    from monitoreo.sheet import build_sheet
    from tests.sheet import fixture_2025 as fx

    sub = fx.submission_2025()
    before = build_sheet(sub, fx.evaluation_2025(sub)).section("notas_tecnicas")
    assert not any(b.kind == "table" for b in before.blocks)
    assert runner.invoke(app, ["inflators", "import", str(_csv(tmp_path, GOOD))]).exit_code == 0
    model = build_sheet(sub, fx.evaluation_2025(sub))
    table = model.table("inflactores")
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["2022", "1,185"],
        ["2023", "1,12"],
        ["2024", "1,0712"],
        ["2025", "1,035"],
        ["2026", "1"],
    ]


def test_non_ascii_digits_are_not_years_or_factors(tmp_path: Path, data_dir: Path) -> None:
    assert _codes(tmp_path, "anio,inflactor\n٢٠٢٥,1.03\n2026,١\n") == [
        ("inflators.E003", "fila 2, columna anio"),
        ("inflators.E004", "fila 3, columna inflactor"),
    ]


def test_a_broken_entered_table_is_a_coded_error_not_a_traceback(tmp_path: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "base-2026.yaml").write_text("base: 2026\nfactors: [1, 2\n", encoding="utf-8")
    result = runner.invoke(app, ["inflators", "list"])
    assert result.exit_code == 2 and "inflators.E011" in result.output and "Traceback" not in result.output
    from monitoreo.reference.inflator_tables import BrokenTableError

    with pytest.raises(BrokenTableError):
        reference.inflators_for_base(2026)
