"""Beneficiary microdata: the engine equals the slow reference on small random data, and the contract's
edge cases (duplicates, CUT codes, missing attributes, targeting) hold."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoreo.microdata import MicrodataError, MicrodataResult, beneficiaries
from monitoreo.microdata.engine import DuckDBSettings
from tests.microdata.reference import reference

SCHEMA = pa.schema(
    [
        ("program_id", pa.string()),
        ("year", pa.int32()),
        ("person_id", pa.int64()),
        ("sex", pa.string()),
        ("region", pa.string()),
        ("rsh_percentile", pa.int32()),
        ("new_or_carry_over", pa.string()),
    ]
)

records = st.lists(
    st.fixed_dictionaries(
        {
            "program_id": st.sampled_from(["a", "b", "c"]),
            "year": st.sampled_from([2022, 2023]),
            "person_id": st.integers(1, 8),
            "sex": st.sampled_from(["F", "M", None]),
            "region": st.sampled_from(["maule", "07", "7", "13", "metropolitana", "Maule", "99", None]),
            "rsh_percentile": st.one_of(st.none(), st.integers(0, 100)),
            "new_or_carry_over": st.sampled_from(["nuevo", "arrastre", "Arrastre", None]),
        }
    ),
    min_size=1,
    max_size=40,
)

CUTOFFS = {"a": 40, "b": 60}


def write(rows: list[dict[str, Any]], path: Path) -> Path:
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), path)
    return path


def assert_matches(result: MicrodataResult, rows: list[dict[str, Any]]) -> None:
    expected = reference(rows, CUTOFFS)
    got = {(p.program_id, p.year): p for p in result.programs}
    assert set(got) == set(expected["programs"])
    for key, exp in expected["programs"].items():
        p = got[key]
        assert (p.served, p.carry_over, p.new) == (
            exp["served"],
            exp["carry_over"],
            exp["served"] - exp["carry_over"],
        )
        assert p.by_sex == dict(exp["by_sex"]) and p.by_region == dict(exp["by_region"])
        assert (p.with_rsh, p.without_rsh) == (exp["with_rsh"], exp["served"] - exp["with_rsh"])
        assert p.above_cutoff == (exp["above_cutoff"] if key[0] in CUTOFFS else None)
    assert {(o.year, o.program_a, o.program_b): o.shared for o in result.overlaps} == expected["overlaps"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=records)
def test_duckdb_engine_equals_the_reference(rows: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = beneficiaries([write(rows, Path(tmp) / "r.parquet")], cutoffs=CUTOFFS)
    assert_matches(result, rows)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=records, slice_rows=st.integers(1, 12), ids=st.sampled_from(["int", "negative", "string"]))
def test_sliced_overlaps_and_codes_equal_the_reference(
    rows: list[dict[str, Any]], slice_rows: int, ids: str
) -> None:
    """The overlap join run on person slices (integer ranges, negative ids, hashed string ids) and the
    integer codes give the reference's numbers, whatever the slice size."""
    if ids != "int":
        rows = [
            r | {"person_id": -r["person_id"] if ids == "negative" else f"rut-{r['person_id']}"} for r in rows
        ]
    schema = SCHEMA if ids != "string" else SCHEMA.set(2, pa.field("person_id", pa.string()))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.parquet"
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
        result = beneficiaries([path], cutoffs=CUTOFFS, settings=DuckDBSettings(slice_rows=slice_rows))
    assert_matches(result, rows)


def test_plain_strings_several_files_and_unknown_regions(tmp_path: Path) -> None:
    """Program ids that are not dictionary-encoded (CSV, plain Parquet strings), spread over several files
    with different spellings of the same region, are coded consistently across the files."""
    rows = [
        {
            "program_id": "p-2",
            "year": 2023,
            "person_id": 1,
            "sex": "M",
            "region": " 7 ",
            "rsh_percentile": 80,
            "new_or_carry_over": "ARRASTRE",
        },
        {
            "program_id": "p-10",
            "year": 2023,
            "person_id": 1,
            "sex": "F",
            "region": "Isla de Pascua",
            "rsh_percentile": None,
            "new_or_carry_over": "nuevo",
        },
    ]
    first = write(rows, tmp_path / "a.parquet")
    csv = tmp_path / "b.csv"
    csv.write_text(
        "program_id,year,person_id,sex,region,rsh_percentile,new_or_carry_over\n"
        "p-2,2023,1,F,maule,20,nuevo\np-10,2023,2,,07,,\n",
        encoding="utf-8",
    )
    result = beneficiaries([first, csv], cutoffs={"p-2": 50}, settings=DuckDBSettings(slice_rows=1))
    more = [
        {
            "program_id": "p-2",
            "year": 2023,
            "person_id": 1,
            "sex": "F",
            "region": "maule",
            "rsh_percentile": 20,
            "new_or_carry_over": "nuevo",
        },
        {
            "program_id": "p-10",
            "year": 2023,
            "person_id": 2,
            "sex": None,
            "region": "07",
            "rsh_percentile": None,
            "new_or_carry_over": None,
        },
    ]
    expected = reference(rows + more, {"p-2": 50})
    p2 = next(p for p in result.programs if p.program_id == "p-2")
    assert (p2.served, p2.carry_over, p2.by_sex, p2.by_region, p2.above_cutoff) == (
        1,
        1,
        {"F": 1},
        {"maule": 1},
        0,
    )
    p10 = next(p for p in result.programs if p.program_id == "p-10")
    assert (
        p10.by_region
        == dict(expected["programs"][("p-10", 2023)]["by_region"])
        == {"isla de pascua": 1, "maule": 1}
    )
    assert [(o.program_a, o.program_b, o.shared) for o in result.overlaps] == [("p-10", "p-2", 1)]


def test_known_answer_and_shares(tmp_path: Path) -> None:
    rows = [
        {
            "program_id": "a",
            "year": 2023,
            "person_id": 1,
            "sex": "F",
            "region": "07",
            "rsh_percentile": 30,
            "new_or_carry_over": "nuevo",
        },
        {
            "program_id": "a",
            "year": 2023,
            "person_id": 1,
            "sex": "F",
            "region": "maule",
            "rsh_percentile": 50,
            "new_or_carry_over": "arrastre",
        },  # same person, second benefit: counted once, carry-over
        {
            "program_id": "a",
            "year": 2023,
            "person_id": 2,
            "sex": "M",
            "region": "13",
            "rsh_percentile": 70,
            "new_or_carry_over": "nuevo",
        },
        {
            "program_id": "a",
            "year": 2023,
            "person_id": 3,
            "sex": None,
            "region": None,
            "rsh_percentile": None,
            "new_or_carry_over": "nuevo",
        },
        {
            "program_id": "b",
            "year": 2023,
            "person_id": 2,
            "sex": "M",
            "region": "13",
            "rsh_percentile": 70,
            "new_or_carry_over": "nuevo",
        },
    ]
    result = beneficiaries([write(rows, tmp_path / "r.parquet")], cutoffs={"a": 40})
    a = next(p for p in result.programs if p.program_id == "a")
    assert (a.served, a.new, a.carry_over) == (3, 2, 1)
    assert a.by_sex == {"F": 1, "M": 1, "S/I": 1}
    assert a.by_region == {"maule": 1, "metropolitana": 1, "S/I": 1}
    assert (a.with_rsh, a.without_rsh, a.above_cutoff) == (2, 1, 1)  # person 1 counts at 30, person 2 at 70
    d = result.as_dict()
    pa_ = d["programs"][0]
    assert pa_["share_above_cutoff"] == 0.5 and pa_["sex_shares"]["F"] == pytest.approx(1 / 3)
    assert d["overlaps"] == [
        {
            "year": 2023,
            "program_a": "a",
            "program_b": "b",
            "shared": 1,
            "share_of_a": pytest.approx(1 / 3),
            "share_of_b": 1.0,
        }
    ]


def test_csv_input_and_several_files(tmp_path: Path) -> None:
    csv = tmp_path / "r.csv"
    csv.write_text(
        "program_id,year,person_id,sex,region,rsh_percentile,new_or_carry_over\n"
        "a,2023,1,F,07,30,nuevo\na,2023,2,M,13,,arrastre\n",
        encoding="utf-8",
    )
    parquet = write(
        [
            {
                "program_id": "a",
                "year": 2023,
                "person_id": 3,
                "sex": "F",
                "region": "maule",
                "rsh_percentile": 10,
                "new_or_carry_over": "nuevo",
            }
        ],
        tmp_path / "r.parquet",
    )
    result = beneficiaries([csv, parquet])
    (a,) = result.programs
    assert (a.served, a.carry_over, a.with_rsh) == (3, 1, 2)
    assert a.by_region == {"maule": 2, "metropolitana": 1}


def test_bad_files_name_the_file_and_the_column(tmp_path: Path) -> None:
    bad = tmp_path / "sin-sexo.parquet"
    pq.write_table(pa.table({"program_id": ["a"], "year": [2023], "person_id": [1]}), bad)
    with pytest.raises(MicrodataError, match="sin-sexo.parquet.*«sex»"):
        beneficiaries([bad])
    with pytest.raises(MicrodataError, match="no existe"):
        beneficiaries([tmp_path / "nada.parquet"])
    (tmp_path / "x.xlsx").write_bytes(b"PK")
    with pytest.raises(MicrodataError, match="formato"):
        beneficiaries([tmp_path / "x.xlsx"])
    short = tmp_path / "sin-region.csv"
    short.write_text(
        "program_id,year,person_id,sex,rsh_percentile,new_or_carry_over\na,2023,1,F,40,nuevo\n",
        encoding="utf-8",
    )
    with pytest.raises(MicrodataError, match="sin-region.csv: falta la columna «region»"):
        beneficiaries([short])
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("año,región\n".encode("latin-1"))
    with pytest.raises(MicrodataError, match="latin1.csv: la primera línea no es un encabezado CSV en UTF-8"):
        beneficiaries([latin])
