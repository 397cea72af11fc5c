"""The same expressions on Spark (local[1], no UI, loopback only) give the reference's numbers."""

from __future__ import annotations

import importlib.util
import os
import random
from pathlib import Path

import pytest

from monitoreo.microdata import beneficiaries
from tests.microdata.test_beneficiaries import CUTOFFS, assert_matches, write

# In CI the Spark path must run: a missing pyspark there is a failure, not a skip (the Makefile installs it).
if os.environ.get("CI") != "true":
    pytest.importorskip(
        "pyspark", reason="Spark path needs the `spark` extra (make setup-test installs it) and Java"
    )
elif importlib.util.find_spec("pyspark") is None:
    raise RuntimeError("CI: pyspark no está instalado; el Makefile instala el extra `spark`")


@pytest.mark.slow
# pyspark's collect() leaves Py4J result sockets to the garbage collector (third-party, not our leak)
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_spark_engine_equals_the_reference_and_duckdb(tmp_path: Path) -> None:
    rng = random.Random(7)
    rows = [
        {
            "program_id": rng.choice("abcd"),
            "year": rng.choice([2022, 2023]),
            "person_id": rng.randint(1, 40),
            "sex": rng.choice(["F", "M", None]),
            "region": rng.choice(["maule", "07", "13", None, "Aysen"]),
            "rsh_percentile": rng.choice([None, *range(0, 101, 5)]),
            "new_or_carry_over": rng.choice(["nuevo", "arrastre", None]),
        }
        for _ in range(300)
    ]
    path = write(rows, tmp_path / "r.parquet")
    spark = beneficiaries([path], engine="spark", cutoffs=CUTOFFS)
    assert spark.engine == "spark"
    assert_matches(spark, rows)
    duck = beneficiaries([path], engine="duckdb", cutoffs=CUTOFFS)
    assert spark.programs == duck.programs and spark.overlaps == duck.overlaps
