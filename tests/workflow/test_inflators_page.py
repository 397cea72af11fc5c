"""Inflator tables in the cycle app (docs/inflators.md): the publisher adds a base-2026 table from a CSV
(coded problems by row/column, nothing stored on error, audited); a cycle opened without a table of its price
base does not carry earlier amounts under the new base's label and says so; with the table it re-expresses
them."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from audit.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from monitoreo import reference
from tests.workflow.conftest import user

pytestmark = pytest.mark.django_db

GOOD = b"anio;inflactor\n2022;1,1850\n2023;1,1200\n2024;1,0712\n2025;1,0350\n2026;1\n"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MONITOREO_DATA_DIR", str(tmp_path))
    reference.inflator_table.cache_clear()
    yield tmp_path / "inflators"
    reference.inflator_table.cache_clear()


def _publisher() -> Client:
    client = Client()
    client.force_login(user("publicador"))
    return client


def _post(client: Client, content: bytes, name: str = "inflactores-2026.csv") -> object:
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(
        reverse("gestion:inflators"), {"archivo": upload, "source": "Ley de Presupuestos 2026"}
    )


def test_publisher_adds_a_table_the_core_finds(data_dir: Path) -> None:
    client = _publisher()
    page = client.get(reverse("gestion:inflators")).content.decode()
    assert "base-2024" in page and "base-2026" not in page
    response = _post(client, GOOD)
    assert response.status_code == 302
    table = reference.inflators_for_base(2026)
    assert table is not None and table.factors[2024] == Decimal("1.0712")
    entry = LogEntry.objects.filter(action="inflators.table_added").get()
    assert entry.after["base"] == 2026 and entry.actor_name == "publicador"
    page = client.get(reverse("gestion:inflators")).content.decode()
    assert "Tabla de inflactores base 2026 guardada (2022–2026)." in page
    assert "base-2026" in page and "2024: 1,0712" in page and "Ley de Presupuestos 2026" in page


def test_a_bad_csv_shows_coded_problems_and_stores_nothing(data_dir: Path) -> None:
    response = _post(_publisher(), b"anio,inflactor\n2024,x\n2026,1\n")
    assert response.status_code == 400
    page = response.content.decode()
    assert "fila 2, columna inflactor: «x» no es un número [inflators.E004]" in page
    assert not data_dir.exists() and reference.inflators_for_base(2026) is None
    assert not LogEntry.objects.filter(action="inflators.table_added").exists()
    assert "inflators.E001" in _publisher().post(reverse("gestion:inflators"), {}).content.decode()


def test_other_roles_cannot_add_a_table(data_dir: Path) -> None:
    client = Client()
    client.force_login(user("evaluador"))
    upload = SimpleUploadedFile("t.csv", GOOD, content_type="text/csv")
    assert client.post(reverse("gestion:inflators"), {"archivo": upload}).status_code == 403
    assert reference.inflators_for_base(2026) is None


def test_prefill_without_a_table_of_the_new_base_does_not_carry_money() -> None:
    from cycles.prefill import prefill

    previous = {
        "price_base_year": 2024,
        "evaluated_year": 2023,
        "budget": {"years": {"2023": {"initial": "1000"}}, "admin_spend": {"2023": "50"}},
        "components": [{"id": "a", "spend": {"2023": "900"}, "output": {"2023": "10"}}],
    }
    new = prefill(previous, 2025, 2025, 2026, 3, None)
    assert new["budget"] == {"years": {}, "admin_spend": {}}
    assert new["components"][0]["spend"] == {} and new["components"][0]["output"] == {"2023": "10"}
    same_base = prefill(previous, 2025, 2025, 2024, 3, None)
    assert same_base["budget"]["years"]["2023"]["initial"] == "1000"


def test_a_cycle_in_a_base_without_table_is_refused_until_the_unit_enters_it(data_dir: Path) -> None:
    # Without a base-2026 table, last year's M$2024 amounts cannot be re-expressed: opening is refused
    # (cycle.E003) instead of carrying them under the M$2026 label; the entered table lifts it.
    from monitoreo.cycle.prices import price_problem, tables

    problem = price_problem(2026, "", [2024])
    assert problem is not None and "base 2026" in problem
    assert "base-2026" not in tables()
    _post(_publisher(), GOOD)
    assert tables()["base-2026"] == 2026
    assert price_problem(2026, "base-2026", [2024]) is None


def test_a_broken_entered_table_is_said_and_the_shipped_ones_still_listed(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "base-2026.yaml").write_text("base: [\n", encoding="utf-8")
    response = _publisher().get(reverse("gestion:inflators"))
    page = response.content.decode()
    assert response.status_code == 200 and "inflators.E011" in page and "base-2024" in page
