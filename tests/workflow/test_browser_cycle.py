"""A whole monitoring cycle in a real browser (Debian's Chromium via Playwright, never downloaded):
the publisher opens the 2025 cycle; the service fills and submits; the evaluator returns it; the service
fixes and resubmits; the evaluator evaluates and opens the right of reply; the service answers the purpose
indicator finding; the evaluator accepts the justification and approves; the publisher publishes; the public
sees the ficha with that finding *superado*."""

from __future__ import annotations

import json
import secrets
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests import browser as browser_support
from tests.workflow.filling import ADMIN, BUDGET, INDICATOR, SERVED, TARGET

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = secrets.token_urlsafe(12)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    data_dir = tmp_path_factory.mktemp("ciclo")
    with browser_support.demo_server(data_dir, "--size", "0", "--workers", "1",
                                     env={"MONITOREO_DEMO_PASSWORD": PASSWORD}) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with browser_support.chromium() as b:
        yield b


class Session:
    """One persona's browser context."""

    def __init__(self, browser: Any, base: str, username: str) -> None:
        self.base = base.rstrip("/")
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.page.goto(f"{self.base}/cuentas/ingresar/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("button:has-text('Ingresar')")
        self.page.wait_for_url(f"{self.base}/gestion/")

    def open_report(self) -> None:
        self.page.goto(f"{self.base}/gestion/")
        self.page.click("text=Programa de Alianzas Productivas")

    def act(self, label: str, comment: str = "") -> str:
        self.open_report()
        if comment:
            self.page.fill("textarea[name=comment]", comment)
        self.page.click(f"button:has-text('{label}')")
        message = self.page.locator(".msg").first.inner_text()
        return str(message)

    def fill_section(self, section: str, values: dict[str, str]) -> None:
        self.open_report()
        self.page.click(f"a[href$='/seccion/{section}/']")
        for name, value in values.items():
            self.page.fill(f"[name='{name}']", value)
        self.page.click("button:has-text('Guardar borrador')")
        assert "Borrador guardado" in self.page.locator(".msg").first.inner_text()

    def close(self) -> None:
        self.context.close()


def _service_values() -> dict[str, dict[str, str]]:
    budget = {f"budget.years.{y}.{k}": v for y, row in BUDGET.items() for k, v in row.items()}
    budget |= {f"budget.years.{y}.{k}": "-" for y in BUDGET for k in ("regional_government", "extra_budgetary")}
    budget |= {f"budget.admin_spend.{y}": v for y, v in ADMIN.items()}
    populations = {f"populations.served.quantity.{y}": v for y, v in SERVED.items()}
    populations |= {f"populations.target.quantity.{y}": v for y, v in TARGET.items()}
    components = {}
    for i, (spend, output) in enumerate((("2400000", "3500"), ("1300000", "660"))):
        for y in ("2024", "2025"):
            components[f"components.{i}.spend.{y}"] = spend
            components[f"components.{i}.output.{y}"] = output
    indicators = {f"indicators.0.values.{y}": v.replace(".", ",") for y, v in INDICATOR.items()}
    return {"budget": budget, "populations": populations, "components": components, "indicators": indicators}


def test_whole_cycle(server: dict[str, Any], browser: Any) -> None:
    base = server["url"]
    assert set(server["logins"]) >= {"manager_indap", "manager_prochile", "evaluador", "publicador"}

    admin = Session(browser, base, "publicador")
    admin.page.click("text=Ciclos de monitoreo")
    for name, value in (("year", "2025"), ("methodology_edition", "2025"), ("price_base_year", "2026")):
        admin.page.fill(f"input[name={name}]", value)
    admin.page.fill("textarea[name=programs]", "alianzas-productivas")
    admin.page.select_option("select[name=evaluator]", label="evaluador")
    admin.page.click("button:has-text('Abrir el ciclo')")
    assert "Ciclo 2025 abierto con 1 programa(s)" in admin.page.locator(".msg").first.inner_text()

    service = Session(browser, base, "manager_indap")
    values = _service_values()
    budget = dict(values["budget"])
    values["budget"] = {**budget, "budget.years.2025.executed": "4500000"}  # an error the evaluator will return
    for section, entries in values.items():
        service.fill_section(section, entries)
    assert "1 error(es) por corregir" in service.act("Enviar a revisión")  # budget.E001 blocks it
    service.page.click("a[href$='/seccion/budget/']")
    assert "budget.E001" in service.page.content()
    service.fill_section("budget", {"budget.years.2025.executed": "4230000"})
    assert "Enviado" in service.act("Enviar a revisión")

    evaluator = Session(browser, base, "evaluador")
    assert "En revisión" in evaluator.act("Comenzar la revisión")
    assert "Devuelto" in evaluator.act("Devolver con observaciones", "Explique en una observación la baja del indicador.")

    service.open_report()
    assert "Explique en una observación" in service.page.content()
    service.fill_section("observations", {"observations.0.topic": "Indicador",
                                          "observations.0.text": "La sequía de 2025 redujo la producción de miel."})
    assert "Reenviado" in service.act("Reenviar corregido")

    assert "En revisión" in evaluator.act("Comenzar la revisión")
    assert "Evaluado" in evaluator.act("Evaluar (calcular hallazgos)")
    assert "Derecho a respuesta" in evaluator.act("Abrir el derecho a respuesta")

    service.open_report()
    finding = service.page.locator(".finding", has_text="Indicador de propósito 1")
    finding.locator("textarea[name=text]").fill("La sequía de 2025 redujo la producción de miel de los proveedores.")
    finding.locator("button:has-text('Guardar respuesta')").click()
    assert "Respuesta guardada" in service.page.locator(".msg").first.inner_text()
    assert "Respuesta enviada" in service.act("Enviar las respuestas")

    evaluator.open_report()
    evaluator.page.click("text=Espacio de revisión")
    row = evaluator.page.locator(".finding", has_text="Indicador de propósito 1")
    row.locator("select[name=verdict]").select_option("pertinente")
    row.locator("input[name=text]").fill("No obstante, la justificación proporcionada por el Servicio se considera pertinente.")
    row.locator("button:has-text('Registrar veredicto')").click()
    assert "Veredicto registrado" in evaluator.page.locator(".msg").first.inner_text()
    evaluator.page.click("text=Vista previa de la ficha (HTML)")
    assert "Alianzas Productivas" in evaluator.page.content()
    assert "Aprobado" in evaluator.act("Aprobar")

    assert "Publicado" in admin.act("Publicar la ficha")
    for session in (admin, service, evaluator):
        session.close()

    public = browser.new_context()
    page = public.new_page()
    page.goto(f"{base.rstrip('/')}/programas/alianzas-productivas/2025/")
    assert "se considera pertinente" in page.content()
    public.close()
    with urllib.request.urlopen(f"{base.rstrip('/')}/programas/alianzas-productivas/2025.json") as response:
        data = json.load(response)
    outcomes = {(o["code"], o.get("indicator")): o for o in data["evaluation"]["outcomes"]}
    assert outcomes[("effectiveness.purpose_indicator.worse", 1)]["status"] == "superado"
    assert outcomes[("efficiency.initial_execution.under", None)]["status"] == "no_superado"
