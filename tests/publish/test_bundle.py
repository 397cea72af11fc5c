"""The open-data bundle: Frictionless-valid, codes and price years kept, reloading reproduces the metrics."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from frictionless import validate

from monitoreo.domain import Submission
from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import Evaluation, FindingStatus, Outcome, OutcomeVerdict
from monitoreo.metrics import compute_metrics
from monitoreo.publish import TABLES, publish_bundle, read_table, reload_bundle
from monitoreo.publish import bundle as bundle_module


def _evaluation(sub: Submission) -> Evaluation:
    return Evaluation(
        submission_id=sub.id,
        edition=sub.edition,
        outcomes=[
            Outcome(
                code="efficiency.initial_execution.under",
                rule="efficiency.initial_execution",
                dimension=Dimension.EFFICIENCY,
                verdict=OutcomeVerdict.FINDING,
                status=FindingStatus.UNRESOLVED,
                text="Subejecución presupuestaria inicial",
                values={"execution_initial_pct": 36.0},
                label="Ejecución presupuestaria:",
                detail="El servicio no transfirió la segunda cuota, «por ley».",
            ),
            Outcome(
                code="effectiveness.purpose_indicator.better",
                rule="effectiveness.purpose_indicator",
                dimension=Dimension.EFFECTIVENESS,
                verdict=OutcomeVerdict.OK,
                indicator=1,
                text="Mejora",
            ),
        ],
    )


@pytest.fixture(scope="module")
def seeds_bundle(tmp_path_factory: pytest.TempPathFactory, s23: Submission, s20: Submission) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "open-data"
    publish_bundle([s23, s20], out, evaluations=[None, _evaluation(s20)])
    return out


def test_bundle_of_the_seeds_is_a_valid_data_package(seeds_bundle: Path) -> None:
    report = validate(seeds_bundle / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((seeds_bundle / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["sources"]
    names = {r["name"] for r in package["resources"]}
    for spec in TABLES:
        assert {spec.name, spec.name + "-parquet"} <= names
        assert (seeds_bundle / "data" / f"{spec.name}.csv").is_file()
        assert (seeds_bundle / "data" / f"{spec.name}.parquet").is_file()
    budgets = next(r for r in package["resources"] if r["name"] == "budgets")
    types = {f["name"]: f.get("columnType") for f in budgets["schema"]["fields"]}
    assert types["amount_mclp"] == "value" and types["phase"] == "phase:id"
    assert types["fiscal_year"] == "date:fiscal-year"
    for resource in package["resources"]:
        assert resource["schema"]["primaryKey"]
        assert all(f["description"] for f in resource["schema"]["fields"])


def test_reloading_reproduces_every_metric(seeds_bundle: Path, s23: Submission, s20: Submission) -> None:
    for fmt in ("parquet", "csv"):
        reloaded = {s.id: s for s in reload_bundle(seeds_bundle, fmt)}
        for original in (s23, s20):
            assert compute_metrics(reloaded[original.id]) == compute_metrics(original), (fmt, original.id)


def test_published_metric_columns_equal_compute_metrics(seeds_bundle: Path, s23: Submission) -> None:
    m = compute_metrics(s23)
    rows = {
        r["year"]: r for r in read_table(seeds_bundle, "program_years", "csv") if r["program_id"] == s23.id
    }
    assert rows[2023]["coverage_pct"] == m.yearly["coverage_pct"][2023]
    assert rows[2023]["execution_initial_pct"] == m.yearly["execution_initial_pct"][2023]
    assert rows[2021]["coverage_pct"] is None and rows[2021]["coverage_pct_code"] == "S/I"
    assert rows[2022]["metrics_published"] == "coverage_pct"  # printed 27,4% without its inputs
    parquet = {r["year"]: r for r in read_table(seeds_bundle, "program_years") if r["program_id"] == s23.id}
    assert parquet[2023]["coverage_pct"] == pytest.approx(float(m.yearly["coverage_pct"][2023]), rel=1e-12)
    comps = {(r["component_id"], r["year"]): r for r in read_table(seeds_bundle, "components", "csv")}
    assert round(comps[("asesoria-tecnica", 2023)]["unit_cost_mclp"], 1) == Decimal("704.1")
    regions = {
        r["region_key"]: r for r in read_table(seeds_bundle, "regions", "csv") if r["program_id"] == s23.id
    }
    assert round(regions["maule"]["served_share_pct"], 1) == Decimal("46.7")
    assert regions["nivel-central"]["region_cut"] is None and regions["maule"]["region_cut"] == "07"


def test_missing_value_codes_stay_distinguishable(seeds_bundle: Path) -> None:
    regions = {r["region_key"]: r for r in read_table(seeds_bundle, "regions")}
    assert regions["antofagasta"]["served"] is None and regions["antofagasta"]["served_code"] == "-"
    assert regions["antofagasta"]["spend_mclp"] == 1015 and regions["antofagasta"]["spend_mclp_code"] is None
    budgets = {
        (r["program_id"], r["fiscal_year"], r["phase"]): r for r in read_table(seeds_bundle, "budgets")
    }
    assert budgets[("alianzas-productivas", 2023, "gobiernos_regionales")]["amount_mclp_code"] == "-"
    assert budgets[("internacionalizacion-pymes-exportadoras", 2020, "inicial")]["amount_mclp_code"] == "S/I"
    assert (
        budgets[("internacionalizacion-pymes-exportadoras", 2020, "extrapresupuestario")]["amount_mclp"] == 0
    )
    comps = {(r["component_id"], r["year"]): r for r in read_table(seeds_bundle, "components")}
    assert comps[("capacitacion-capacidades-exportadoras", 2020)]["unit_cost_mclp"] == 0
    text = (seeds_bundle / "data" / "regions.csv").read_text(encoding="utf-8")
    assert ",-," in text  # the code is written as is, never as 0 or an empty cell


def test_money_rows_name_their_price_year(seeds_bundle: Path) -> None:
    table = pq.read_table(seeds_bundle / "data" / "budgets.parquet").to_pylist()
    years = {(r["program_id"], r["price_base_year"]) for r in table}
    assert years == {("alianzas-productivas", 2024), ("internacionalizacion-pymes-exportadoras", 2021)}
    assert all(r["currency"] == "CLP" and r["multiplier"] == 1000 for r in table)


def test_outcomes_table_carries_codes_dimension_verdict_and_status(seeds_bundle: Path) -> None:
    rows = read_table(seeds_bundle, "outcomes", "csv")
    assert [(r["code"], r["dimension"], r["verdict"], r["status"], r["indicator"]) for r in rows] == [
        ("efficiency.initial_execution.under", "eficiencia", "finding", "no_superado", None),
        ("effectiveness.purpose_indicator.better", "eficacia", "ok", None, 1),
    ]
    assert json.loads(rows[0]["values_json"]) == {"execution_initial_pct": 36.0}


def test_outcomes_table_carries_the_block_label_and_the_evaluators_text(seeds_bundle: Path) -> None:
    for fmt in ("csv", "parquet"):
        rows = read_table(seeds_bundle, "outcomes", fmt)
        assert [(r["label"], r["detail"]) for r in rows] == [
            ("Ejecución presupuestaria:", "El servicio no transfirió la segunda cuota, «por ley»."),
            (None, None),
        ]


def test_bundle_is_deterministic(tmp_path: Path, s23: Submission, s20: Submission) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    publish_bundle([s23, s20], a, evaluations=[None, None])
    publish_bundle([s23, s20], b, evaluations=[None, None])
    for name in ("datapackage.json", "data/program_years.csv", "data/budgets.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_a_failure_leaves_the_previous_bundle_intact(
    tmp_path: Path, s23: Submission, s20: Submission, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bundle"
    publish_bundle([s23], out, evaluations=[None])
    before = (out / "data" / "programs.csv").read_bytes()

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disco lleno")

    monkeypatch.setattr(bundle_module, "datapackage", boom)
    with pytest.raises(OSError):
        publish_bundle([s23, s20], out, evaluations=[None, None])
    assert (out / "data" / "programs.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle"]  # no temporary directory left behind
