"""The edition-2025 examples (``examples/2025/*.yaml``): ``monitoreo evaluate --json`` on each equals the
``*.expected.json`` next to it, and together they print every sentence of the census of the real 2025
reports (docs/edition-2025.md) and the assessment sentences.

The census sentences are transcribed here from the docs page, independently of the edition file, so a
drift of the YAML wording fails this test. To refresh the expected files after an intended change:
``MONITOREO_UPDATE_EXPECTED=1 pytest tests/methodology/test_examples_2025.py`` (then review the diff)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from monitoreo.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "2025").glob("*.yaml"))
runner = CliRunner()

#: docs/edition-2025.md, «Census of the real 2025 reports», with t = 2025.
CENSUS = {
    "IND-FORMULATION": "El indicador de propósito del programa no se encuentra correctamente formulado.",
    "IND-WORSE": "El resultado del indicador de propósito disminuyó (lectura ascendente), indicando un menor desempeño "
    "del programa en 2025 respecto de 2024.",
    "IND-WORSE-DESC": "El resultado del indicador de propósito aumentó (lectura descendente), indicando un menor "
    "desempeño del programa en 2025 respecto de 2024.",
    "EXE-INI-UNDER": "El programa presenta una subejecución presupuestaria (inferior al 85%) respecto de su presupuesto "
    "inicial en 2025.",
    "EXE-FIN-UNDER": "El programa presenta una subejecución presupuestaria (inferior al 90%) respecto de su presupuesto "
    "final en 2025.",
    "EXE-INI-OVER": "El programa presenta una sobre ejecución presupuestaria (superior al 110%) respecto de su "
    "presupuesto inicial en 2025.",
    "EXE-FIN-OVER": "El programa presenta una sobre ejecución presupuestaria (superior al 110%) respecto de su "
    "presupuesto final en 2025.",
    "EXE-PERSIST": "El programa presenta persistencia de subejecución presupuestaria inicial en 2025, ya que ha ejecutado "
    "menos del 85% de su presupuesto inicial anual durante tres años consecutivos.",
    "EXE-INI-NR": "No es posible evaluar la ejecución presupuestaria respecto del presupuesto inicial en 2025, dado que "
    "el programa no reporta la información requerida.",
    "EXE-FIN-NR": "No es posible evaluar la ejecución presupuestaria respecto del presupuesto final en 2025, dado que "
    "el programa no reporta la información requerida.",
    "IND-NOT-PERTINENT": "El indicador de propósito no es pertinente, debido a que no permite medir directamente el "
    "logro del propósito del programa.",
    "IND-NOT-REPORTED": "No es posible evaluar la variación del indicador de propósito, debido a que no se reportan los "
    "valores en 2025.",
    "IND-PERSIST": "El programa presenta persistencia en el no reporte del indicador de propósito en 2025, debido a que "
    "no ha sido informado por tres años consecutivos.",
    "PRI-CRIT": "La población beneficiada del programa en 2025 no presenta criterios de priorización claros y objetivos "
    "para su selección.",
    "PRI-NOT-SUBSET": "La población beneficiada del programa en 2025 no corresponde a un subconjunto de la población "
    "objetivo.",
    "PRI-NOT-SUBSET+PRI-CRIT": "La población beneficiada del programa en 2025 no corresponde a un subconjunto de la "
    "población objetivo y, además, no presenta criterios de priorización claros y objetivos "
    "para su selección.",
    "PRI-NOT-REPORTED": "El programa no reporta la información requerida o esta es insuficiente para evaluar los "
    "criterios de priorización de la población beneficiada en 2025.",
    "FOC-CRIT": "La población objetivo del programa no presenta criterios de focalización que permitan definir la "
    "población a atender en el mediano plazo.",
    "FOC-PO-NOT-SUBSET": "La población objetivo del programa no corresponde a un subconjunto de la población potencial.",
    "FOC-PO-NOT-SUBSET+FOC-CRIT": "La población objetivo del programa no corresponde a un subconjunto de la población "
    "potencial y, además, no presenta criterios de focalización que permitan definir la "
    "población a atender en el mediano plazo.",
    "FOC-NOT-REPORTED": "El programa no reporta la información requerida o esta es insuficiente para evaluar los "
    "criterios de focalización de la población objetivo.",
    "FOC-UNIVERSAL-BAD": "El programa se declara universal (población potencial = población objetivo), pero esta "
    "condición no se ajusta a su diseño y/o cobertura.",
    "GXB-OUT": "El programa presenta un gasto por beneficiario fuera del rango esperado (variación mayor al 20%) durante "
    "2025, en relación con el promedio de los dos años anteriores (2023 y 2024).",
    "GXB-NOT-REPORTED": "No es posible evaluar el gasto por beneficiario, debido a que el programa no reporta la "
    "información requerida en 2025.",
    "ADM-DESC": "El gasto administrativo no se encuentra correctamente descrito, debido a que incluye gastos distintos a "
    "los servicios de apoyo y/o no es coherente con la desagregación por subtítulos.",
    "ADM-DESC-NR": "No es posible evaluar la descripción del gasto administrativo, debido a que el programa no reporta la "
    "información requerida.",
    "ADM-EST-NR": "No es posible evaluar la estimación del gasto administrativo, debido a que el programa no reporta la "
    "información requerida.",
    "ADM-EST": "El gasto administrativo no se encuentra correctamente estimado, dado que incorpora gastos distintos a "
    "servicios de apoyo al programa.",
    "ADM-SHARE": "Sin embargo, es superior al 20% respecto al presupuesto total ejecutado.",
    "ADM-SHARE+ESTIMATE-OK": "El gasto administrativo se encuentra correctamente estimado, considerando exclusivamente "
    "servicios de apoyo al programa. Sin embargo, es superior al 20% respecto al presupuesto "
    "total ejecutado.",
}

PERTINENT = "No obstante, la justificación proporcionada por el Servicio se considera pertinente."
#: Assessment sentences printed with the program's data (docs/edition-2025.md, «Assessments»; methodology §5.1).
ASSESSMENTS = {
    "FOC-PO-OK": "La población objetivo del programa corresponde a un subconjunto de la población potencial, y los "
    "criterios de focalización permiten definir la población a atender en el mediano plazo.",
    "PRI-OK": "La población beneficiada del programa en 2025 corresponde a un subconjunto de la población objetivo, y "
    "los criterios de priorización son claros y objetivos para su selección.",
    "FOC-UNIVERSAL-OK": "El programa se declara universal (población potencial = población objetivo), lo cual resulta "
    "pertinente. En consecuencia, no corresponde evaluar los criterios de focalización de la "
    "población objetivo.",
    "PRI-UNIVERSAL": "Dado que el programa es universal no aplica evaluar los criterios de priorización de la población "
    "beneficiada en 2025.",
    "FOC-NOT-APPLICABLE": "Por las características del diseño del programa, no aplica evaluar los criterios de "
    "focalización de la población objetivo.",
    "PRI-NOT-APPLICABLE": "Por las características el diseño del programa no aplica evaluar los criterios de priorización "
    "de la población beneficiada en 2025.",
    "GXB-OK": "El programa presenta un gasto por beneficiario dentro del rango esperado (menor al 20%) durante 2025, en "
    "relación con el promedio de los dos años anteriores (2023 y 2024).",
    "GXB-NO-HISTORY": "No es posible evaluar el gasto por beneficiario, debido a que no se cuenta con información "
    "histórica (2023 y/o 2024).",
    "GXB-OUT-SUPERADO": f"{CENSUS['GXB-OUT']} {PERTINENT}",
    "EXE-INI-UNDER-SUPERADO": f"{CENSUS['EXE-INI-UNDER']} {PERTINENT}",
    "IND-WORSE-SUPERADO": f"{CENSUS['IND-WORSE']} {PERTINENT}",
}


def _evaluate(path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["evaluate", "--json", str(path.relative_to(ROOT))], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 1
    # The edition's hash changes with any edit of the edition file, sources included: not compared here
    # (the outcomes, texts and blocks are).
    return {k: v for k, v in data[0].items() if k != "methodology_hash"}


@pytest.fixture(scope="module")
def evaluated(monkeypatch_module: pytest.MonkeyPatch) -> dict[str, dict[str, Any]]:
    monkeypatch_module.chdir(ROOT)
    return {p.stem: _evaluate(p) for p in EXAMPLES}


@pytest.fixture(scope="module")
def monkeypatch_module() -> Any:
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_there_are_at_least_16_examples() -> None:
    assert len(EXAMPLES) >= 16


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_matches_expected(path: Path, evaluated: dict[str, dict[str, Any]]) -> None:
    got = evaluated[path.stem]
    expected_file = path.with_suffix(".expected.json")
    if os.environ.get("MONITOREO_UPDATE_EXPECTED"):
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))


def _findings(ev: dict[str, Any]) -> list[str]:
    return [s["text"] for d in ev["dimensions"].values() for b in d["findings"] for s in b["sentences"]]


def _assessed(ev: dict[str, Any]) -> list[str]:
    return [s["text"] for b in ev["assessments"] for s in b["sentences"]]


@pytest.mark.parametrize("code", list(CENSUS))
def test_every_census_sentence_is_printed_by_some_example(
    code: str, evaluated: dict[str, dict[str, Any]]
) -> None:
    assert any(CENSUS[code] in _findings(ev) for ev in evaluated.values()), code


@pytest.mark.parametrize("code", list(ASSESSMENTS))
def test_every_assessment_sentence_is_printed_by_some_example(
    code: str, evaluated: dict[str, dict[str, Any]]
) -> None:
    assert any(ASSESSMENTS[code] in _assessed(ev) for ev in evaluated.values()), code


def test_every_finding_sentence_is_followed_by_a_reason(evaluated: dict[str, dict[str, Any]]) -> None:
    """Examples are written like real reports: each printed finding carries the evaluator's text."""
    missing = [
        (name, s["codes"])
        for name, ev in evaluated.items()
        for d in ev["dimensions"].values()
        for b in d["findings"]
        for s in b["sentences"]
        if not s["detail"]
    ]
    assert missing == []


def test_outcomes_come_in_print_order(evaluated: dict[str, dict[str, Any]]) -> None:
    """Per dimension: blocks in the order of the census table; eficacia by indicator number."""
    order = [
        "Criterios de focalización:",
        "Criterios de priorización:",
        "Ejecución presupuestaria:",
        "Gasto por beneficiario:",
        "Gasto Administrativo:",
    ]
    for ev in evaluated.values():
        for dim, data in ev["dimensions"].items():
            labels = [o["label"] for o in data["outcomes"]]
            if dim == "eficacia":
                numbers = [o["indicator"] for o in data["outcomes"] if o["indicator"] is not None]
                assert numbers == sorted(numbers)
            else:
                assert labels == sorted(labels, key=order.index)
            blocks = [b["label"] for b in data["findings"]]
            assert len(blocks) == len(set(blocks)), "a label prints once"
            assert (data["no_findings"] is None) == bool(blocks)
