"""A whole monitoring cycle in a real browser (Debian's Chromium via Playwright, never downloaded), as the
three personas, clicking Spanish labels: the publisher opens the 2025 cycle with the wizard; the service finds
its untouched report cannot be sent, types a section with one bad cell (the rest is kept), fills and sends
after the confirmation page; the evaluator returns it; the service fixes and resends; the evaluator evaluates
and opens the right of reply; the service answers the purpose indicator finding and presses «Enviar las
respuestas» without saving first (the reply survives) and opens the preview; the evaluator accepts the
justification (shown at once as pending approval) and approves; the publisher publishes after a second look;
the public sees the ficha with that finding *superado*.

Screenshots of each step go to a temporary folder, or to ``docs/img/ciclo/`` (the guides) when
``MONITOREO_GUIDE_SHOTS=1``."""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import browser as browser_support
from tests.conftest import ROOT
from tests.workflow.filling import ADMIN, BUDGET, INDICATOR, POTENTIAL, SERVED, TARGET

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = secrets.token_urlsafe(12)
SHOTS = (
    ROOT / "docs" / "img" / "ciclo"
    if os.environ.get("MONITOREO_GUIDE_SHOTS") == "1"
    else Path(tempfile.mkdtemp(prefix="ciclo-capturas-"))
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    data_dir = tmp_path_factory.mktemp("ciclo")
    with browser_support.demo_server(
        data_dir, "--size", "0", "--workers", "1", env={"MONITOREO_DEMO_PASSWORD": PASSWORD}
    ) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with browser_support.chromium() as b:
        yield b


class Session:
    """One persona's browser context."""

    def __init__(self, browser: Any, base: str, username: str) -> None:
        self.base = base.rstrip("/")
        self.context = browser.new_context(locale="es-CL", viewport={"width": 1100, "height": 900})
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
        self.page.wait_for_url("**/gestion/reportes/*/")
        self.page.wait_for_load_state()

    def go(self, label: str) -> str:
        """Click the link or button labelled ``label`` and return the page it leads to, once loaded."""
        self.page.click(f"text={label}")
        self.page.wait_for_load_state()
        return str(self.page.content())

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

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
        assert "guardado" in self.page.locator(".msg").first.inner_text().lower()

    def close(self) -> None:
        self.context.close()


def _service_values() -> dict[str, dict[str, str]]:
    budget = {f"budget.years.{y}.{k}": v for y, row in BUDGET.items() for k, v in row.items()}
    budget |= {
        f"budget.years.{y}.{k}": "-" for y in BUDGET for k in ("regional_government", "extra_budgetary")
    }
    budget |= {f"budget.admin_spend.{y}": v for y, v in ADMIN.items()}
    populations = {f"populations.served.quantity.{y}": v for y, v in SERVED.items()}
    populations |= {f"populations.potential.quantity.{y}": v for y, v in POTENTIAL.items()}
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
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert set(server["logins"]) >= {"manager_indap", "manager_prochile", "evaluador", "publicador"}

    # 1. The publisher opens the cycle: choices, a program picker with search, deadlines.
    admin = Session(browser, base, "publicador")
    admin.page.click("text=Ciclos de monitoreo")
    page = admin.page
    page.get_by_label("Año del proceso").select_option(label="2025")
    page.get_by_label("Metodología").select_option(label="Edición 2025")
    page.get_by_label("Año de precios y tabla de inflactores").select_option(
        label="M$2024 (tabla de inflactores base 2024)"
    )
    page.get_by_label("Plazo para enviar el reporte").fill("2027-04-30")
    page.get_by_label("Plazo para responder a los hallazgos").fill("2027-06-15")
    page.get_by_label("Buscar").fill("alianzas")
    page.get_by_label("Programa de Alianzas Productivas").check()
    page.get_by_label("Evaluador").select_option(label="Evaluadora de la unidad de monitoreo")
    admin.shot("01-abrir-ciclo")
    page.click("button:has-text('Abrir el ciclo')")
    assert "Ciclo 2025 abierto con 1 programa(s)" in page.locator(".msg").first.inner_text()
    assert "Plazo para enviar el reporte: 30 de abril de 2027" in page.content()

    # 2. The service: an untouched report cannot be sent; the dashboard says what is missing, by label.
    service = Session(browser, base, "manager_indap")
    service.open_report()
    assert "Vacía" in service.page.content() and "Presupuesto ejecutado 2025" in service.page.content()
    service.shot("02-tablero-reporte")
    assert "Todavía no se puede enviar" in service.go("Revisar y enviar a revisión")

    # 3. One bad cell keeps the rest of the section.
    service.open_report()
    service.page.click("text=Presupuesto (M$ del año de precios)")
    service.page.get_by_label("Presupuesto inicial (Ley) 2025").fill("5.100.000")
    service.page.get_by_label("Presupuesto ejecutado 2025").fill("cuatro millones")
    service.page.click("button:has-text('Guardar borrador')")
    assert "Se guardaron los demás valores" in service.page.locator(".msg").first.inner_text()
    assert service.page.get_by_label("Presupuesto ejecutado 2025").input_value() == "cuatro millones"
    assert "form.E010" in service.page.content()
    service.shot("03-celda-con-error")
    service.page.goto(service.page.url)  # reloaded: the valid value was saved, shown in es-CL
    assert service.page.get_by_label("Presupuesto inicial (Ley) 2025").input_value() == "5.100.000"

    values = _service_values()
    values["budget"] = {**values["budget"], "budget.years.2025.executed": "4500000"}  # an error to return
    for section, entries in values.items():
        service.fill_section(section, entries)
    service.open_report()
    assert "Todavía no se puede enviar" in service.go(
        "Revisar y enviar a revisión"
    )  # budget.E001: executed above the final budget
    service.fill_section("budget", {"budget.years.2025.executed": "4230000"})
    service.open_report()
    assert "El reporte está completo y sin errores" in service.page.content()
    service.page.click("text=Revisar y enviar a revisión")
    assert "PROGRAMA DE ALIANZAS PRODUCTIVAS" in service.page.locator(".preview").inner_text()
    service.shot("04-confirmar-envio")
    service.page.click("button:has-text('Confirmar: enviar a revisión')")
    assert "Enviado" in service.page.locator(".msg").first.inner_text()

    # 4. The evaluator returns it; the service fixes and resends.
    evaluator = Session(browser, base, "evaluador")
    assert "En revisión" in evaluator.act("Comenzar la revisión")
    evaluator.open_report()
    evaluator.page.click("text=Espacio de revisión")
    assert "Cobertura (población beneficiada / objetivo, %)" in evaluator.page.content()
    evaluator.shot("05-espacio-revision")
    assert "Devuelto" in evaluator.act(
        "Devolver con observaciones", "Explique en una observación la baja del indicador."
    )
    service.open_report()
    assert "Explique en una observación" in service.page.content()
    service.fill_section(
        "observations",
        {
            "observations.0.topic": "Indicador",
            "observations.0.text": "La sequía de 2025 redujo la producción de miel.",
        },
    )
    service.open_report()
    service.page.click("text=Revisar y reenviar corregido")
    service.page.click("button:has-text('Confirmar: reenviar corregido')")
    assert "Reenviado" in service.page.locator(".msg").first.inner_text()

    assert "En revisión" in evaluator.act("Comenzar la revisión")
    assert "Evaluado" in evaluator.act("Evaluar (calcular hallazgos)")
    assert "Derecho a respuesta" in evaluator.act("Abrir el derecho a respuesta")

    # 5. The service answers and presses «Enviar las respuestas» without saving first: the reply survives.
    service.open_report()
    finding = service.page.locator(".finding", has_text="Indicador de propósito 1")
    assert "Valor del indicador en el año evaluado: 50" in finding.inner_text()
    assert "Plazo para responder: 15 de junio de 2027" in service.page.inner_text("body")
    finding.get_by_label("Justificación del servicio").fill(
        "La sequía de 2025 redujo la producción de miel de los proveedores."
    )
    finding.get_by_label("Observación de la institución que la respalda").select_option(
        label="N° 1 — Indicador"
    )
    service.shot("06-responder-hallazgos")
    service.page.click("button:has-text('Enviar las respuestas')")
    assert "Respuesta enviada" in service.page.locator(".msg").first.inner_text()
    assert "La sequía de 2025 redujo la producción de miel de los proveedores." in service.page.content()
    service.page.click("text=Vista previa de la ficha")
    assert "Alianzas Productivas" in service.page.content() and "Forbidden" not in service.page.content()
    service.shot("07-vista-previa-servicio")

    # 6. The evaluator's verdict shows at once, pending approval; then approval.
    evaluator.open_report()
    evaluator.page.click("text=Espacio de revisión")
    row = evaluator.page.locator(".finding", has_text="Indicador de propósito 1")
    row.locator("select[name=verdict]").select_option("pertinente")
    row.get_by_label("Texto").fill(
        "No obstante, la justificación proporcionada por el Servicio se considera pertinente."
    )
    row.locator("button:has-text('Registrar veredicto')").click()
    assert "Veredicto registrado" in evaluator.page.locator(".msg").first.inner_text()
    assert (
        "pendiente de aprobación"
        in evaluator.page.locator(".finding", has_text="Indicador de propósito 1").inner_text()
    )
    evaluator.shot("08-veredicto-pendiente")
    assert "Aprobado" in evaluator.act("Aprobar")

    # 7. The publisher publishes after a second look and follows the link to the public ficha.
    admin.open_report()
    admin.page.click("text=Revisar y publicar la ficha")
    admin.shot("09-confirmar-publicacion")
    admin.page.click("button:has-text('Confirmar: publicar 1 ficha(s)')")
    admin.page.click("text=ver la ficha pública")
    assert "se considera pertinente" in admin.page.content()
    for session in (admin, service, evaluator):
        session.close()

    with urllib.request.urlopen(f"{base.rstrip('/')}/programas/alianzas-productivas/2025.json") as response:
        data = json.load(response)
    outcomes = {(o["code"], o.get("indicator")): o for o in data["evaluation"]["outcomes"]}
    assert outcomes[("effectiveness.purpose_indicator.worse", 1)]["status"] == "superado"
    assert outcomes[("efficiency.initial_execution.under", None)]["status"] == "no_superado"


def test_gestion_pages_fit_a_phone(server: dict[str, Any], browser: Any) -> None:
    """At 390 px no gestión page scrolls sideways (tables scroll inside their own box); runs after the whole
    cycle, so report 1 and the 2025 cycle exist."""
    session = Session(browser, server["url"], "publicador")
    session.page.set_viewport_size({"width": 390, "height": 844})
    for path in (
        "/gestion/",
        "/gestion/ciclos/",
        "/gestion/ciclos/2025/",
        "/gestion/reportes/1/",
        "/gestion/reportes/1/seccion/budget/",
        "/gestion/reportes/1/revision/",
        "/gestion/reportes/1/auditoria/",
    ):
        session.page.goto(server["url"].rstrip("/") + path)
        width = session.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
        if path.endswith("auditoria/"):
            text = session.page.inner_text("body")
            assert (
                "Devolvió el reporte con observaciones" in text
                and "Estado: Devuelto con observaciones" in text
            )
            assert "'state'" not in text and "submission.returned" not in text
            session.shot("10-auditoria-telefono")
    session.close()
