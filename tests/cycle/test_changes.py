"""Changes against last year's report, as the evaluator reads them."""

from __future__ import annotations

import copy
from typing import Any

from monitoreo.cycle.changes import changes


def test_changes_have_labels_es_cl_values_and_dropped_values(
    previous: dict[str, Any], prefilled: dict[str, Any]
) -> None:
    assert changes(previous, prefilled) == []  # pre-filling changes nothing in the shared years
    data = copy.deepcopy(prefilled)
    data["budget"]["years"]["2023"]["executed"] = "4300000"
    del data["budget"]["admin_spend"]["2023"]
    data["components"] = data["components"][1:]  # the first component closed
    data["components"][0]["spend"]["2023"] = "1315213.0"  # same number, other spelling: not a change
    found = [(c.section, c.label, c.before, c.after, c.kind) for c in changes(previous, data)]
    assert found == [
        ("budget", "Presupuesto ejecutado 2023", "4.219.214", "4.300.000", "changed"),
        ("budget", "Gasto administrativo 2023", "517.918", "", "dropped"),
        (
            "components",
            "Componente «Asesoría Técnica (Desarrollo de capacidades)»",
            "Asesoría Técnica (Desarrollo de capacidades)",
            "",
            "removed",
        ),
    ]
    assert changes(None, data) == []
