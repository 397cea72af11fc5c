"""The view model: sections per edition, rows and numbers as the seeds print them."""

from __future__ import annotations

from decimal import Decimal

from monitoreo.domain import Submission
from monitoreo.io.read import parse_submission, submission_to_data
from monitoreo.sheet import SheetModel, build_sheet
from monitoreo.sheet.model import Chart, Fields, Notes, Paragraph, Table


def cells(table: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def row_of(table: Table, label: str) -> list[str]:
    for r in cells(table):
        if r[0] == label:
            return r[1:]
    raise AssertionError(f"no row {label!r} in {table.id}: {[r[0] for r in cells(table)]}")


def texts(model: SheetModel, key: str) -> list[str]:
    out = []
    for b in model.section(key).blocks:
        if isinstance(b, Paragraph):
            out.append(f"{b.label} {b.text}" if b.label else b.text)
        elif isinstance(b, Fields):
            out.extend(f"{i.label} {i.value}" for i in b.items)
    return out


def test_2023_sections_in_seed_order(s23: Submission) -> None:
    model = build_sheet(s23)
    assert model.section_keys == [
        "antecedentes",
        "focalizacion",
        "eficiencia",
        "eficacia",
        "otros_atributos",
        "observaciones",
        "notas_tecnicas",
    ]
    assert [s.title for s in model.sections] == [
        "I. ANTECEDENTES",
        "II. DESEMPEÑO DEL PROGRAMA: FOCALIZACIÓN",
        "III. DESEMPEÑO DEL PROGRAMA: EFICIENCIA",
        "IV. DESEMPEÑO DEL PROGRAMA: EFICACIA",
        "V. OTROS ATRIBUTOS",
        "VI. OBSERVACIONES DE LA INSTITUCIÓN",
        "VII. NOTAS TÉCNICAS",
    ]
    assert model.title.process == "MONITOREO Y SEGUIMIENTO OFERTA PÚBLICA 2023"
    assert model.title.program == "PROGRAMA DE ALIANZAS PRODUCTIVAS"
    assert model.author == "Instituto de Desarrollo Agropecuario"


def test_2020_sections_start_with_results_table(s20: Submission) -> None:
    model = build_sheet(s20)
    assert model.section_keys == [
        "resultados",
        "antecedentes",
        "desempeno",
        "componentes",
        "indicadores",
        "otros_antecedentes",
        "observaciones",
        "notas_tecnicas",
        "leyenda",
    ]
    table = model.table("resultados-analisis")
    assert [c.text for c in table.header[0].cells] == [
        "DIMENSIÓN",
        "RESULTADOS",
        "OBSERVACIONES EVALUADOR(ES)",
    ]
    efficiency = table.rows[1].cells
    assert efficiency[0].text == "Eficiencia y Ejecución Presupuestaria"
    assert [efficiency[1].text, *efficiency[1].lines] == [
        "Subejecución presupuestaria inicial",
        "Subejecución presupuestaria final",
        "No reporta gasto administrativo o presupuesto ejecutado total",
    ]
    assert "Mejora no significativamente" in table.rows[2].cells[1].lines
    assert texts(model, "leyenda") == [
        "S/I: Valor no informado.",
        "N/A: No aplica.",
        "N/C: Valor no comparable.",
    ]


def test_2023_budget_and_coverage(s23: Submission) -> None:
    model = build_sheet(s23)
    assert row_of(model.table("cobertura"), "Cobertura") == ["S/I", "27,4%", "25,5%"]
    assert model.table("cobertura").rows[0].cells[0].sup == "*"
    budget = model.table("presupuesto")
    assert budget.caption == "Presupuesto (M$2024)"
    assert row_of(budget, "Presupuesto Inicial") == ["4.962.579", "4.876.213", "4.893.749"]
    assert [r.cells[0].sup for r in budget.rows] == ["2", "3"]
    executed = model.table("recursos-ejecutados")
    assert row_of(executed, "Recursos Gobiernos Regionales") == ["-", "-", "-"]
    assert row_of(executed, "Total Ejecutado") == ["4.649.278", "4.323.940", "4.219.214"]
    assert executed.rows[-1].kind == "total"
    footnotes = [b for b in model.section("eficiencia").blocks if isinstance(b, Notes)][0]
    assert [n.marker for n in footnotes.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert footnotes.items[6].text == "Total de gastos ejecutados por parte del programa."


def test_2023_components_and_subtitles(s23: Submission) -> None:
    model = build_sheet(s23)
    comps = model.table("componentes")
    first = cells(comps)[0]
    assert (
        first[0]
        == "Asesoría Técnica (Desarrollo de capacidades) (N° de usuarios atendidos con asesoría técnica)"
    )
    assert first[1:] == [
        "2.427.155",
        "2.401.392",
        "2.386.083",
        "4.121",
        "3.634",
        "3.389",
        "589,0",
        "660,8",
        "704,1",
    ]
    assert cells(comps)[1][-3:] == ["2.094,6", "2.017,2", "2.004,9"]
    assert [r[0] for r in cells(comps)[2:]] == [
        "Total Gastos Componentes",
        "Porcentaje Gastos Componentes",
        "Total Gasto Administrativo",
        "Porcentaje Gasto Administrativo",
        "Total Ejecutado",
    ]
    assert row_of(comps, "Porcentaje Gastos Componentes")[:3] == ["89,4%", "88,4%", "87,7%"]
    assert row_of(comps, "Porcentaje Gasto Administrativo")[:3] == ["10,6%", "11,6%", "12,3%"]
    subtitles = model.table("gasto-subtitulos")
    assert cells(subtitles)[0] == ["21 (Gastos en personal)", "442.907"]
    assert cells(subtitles)[-1] == ["Presupuesto Ley Ejecutado 2023", "4.219.214"]


def test_2023_regional_table(s23: Submission) -> None:
    table = build_sheet(s23).table("desagregacion-regional")
    assert row_of(table, "Maule") == ["1.385.239", "37,4%", "1.581", "46,7%"]
    assert row_of(table, "Antofagasta") == ["1.015", "0,0%", "-", "-"]
    assert row_of(table, "TOTAL") == ["3.701.296", "100%", "3.389", "100%"]
    assert cells(table)[-2][0] == "Nivel central"


def test_2023_indicator_and_notes(s23: Submission) -> None:
    model = build_sheet(s23)
    ind = model.table("indicadores-proposito").rows[0].cells
    assert [c.text for c in ind[3:6]] == ["62,00%", "62,00%", "59,00%"]
    assert [ind[2].text, *ind[2].lines] == [
        "Unidad de medida: Porcentual",
        "Dimensión: Eficacia",
        "Periodicidad: Anual",
        "Sentido de medición: Ascendente",
    ]
    assert ind[6].text.startswith("El resultado del indicador de propósito disminuyó (lectura ascendente)")
    assert row_of(model.table("inflactores"), "2021") == ["1,1722"]
    assert row_of(model.table("inflactores"), "2023") == ["1,035"]
    assert row_of(model.table("inflactores"), "2024") == ["1"]
    notes = texts(model, "notas_tecnicas")
    assert notes[0].startswith("Nota técnica 1: La ficha de evaluación de desempeño")
    assert notes[-1] == "Fecha de publicación del reporte: 24 de Abril de 2024 17:51"
    antecedentes = texts(model, "antecedentes")
    assert "Sin hallazgos en la dimensión de focalización." in antecedentes
    assert "Año de término: Permanente" in antecedentes
    assert "Ex Dure o Monitoreo (en los últimos 3 años): Sí" in antecedentes


def test_2020_published_figures_print_as_published(s20: Submission) -> None:
    model = build_sheet(s20)
    budget = model.table("presupuesto")
    assert budget.caption == "Presupuesto (M$ 2021)"
    assert row_of(budget, "Ejecución presupuestaria inicial") == ["89%", "36%"]
    assert row_of(budget, "Ejecución presupuestaria final") == ["89%", "68%"]
    assert row_of(budget, "Presupuesto ejecutado") == ["1.264.732", "518.212"]
    assert row_of(budget, "Recursos extrapresupuestarios") == ["0", "0"]
    assert [r.cells[0].sup for r in budget.rows] == ["*", "**", "***", "****"]
    assert row_of(model.table("cobertura"), "Cobertura") == ["24%", "14%"]
    assert row_of(model.table("gasto-beneficiario"), "Gasto por beneficiario") == ["1.470", "1.010"]
    comps = model.table("componentes")
    assert row_of(comps, "Acciones de promoción para la consolidación de mercados") == [
        "240.299",
        "518.212",
        "238",
        "320",
        "1.009",
        "1.619",
    ]
    assert row_of(comps, "Gasto Administrativo")[:2] == ["S/I", "S/I"]
    assert row_of(comps, "Total")[:2] == ["1.264.732", "518.212"]
    assert cells(model.table("gasto-subtitulos"))[0] == ["21 (Gastos en Personal)", "S/I", "3.255"]
    assert row_of(
        model.table("indicadores-proposito"),
        "Porcentaje de empresas atendidas por el Programa que logran exportar en forma permanente.",
    ) == ["20%", "22%"]


def test_2020_ods_and_observations(s20: Submission) -> None:
    model = build_sheet(s20)
    ods = texts(model, "otros_antecedentes")
    assert ods[0].startswith("5. Igualdad de género: Lograr la igualdad entre los géneros")
    assert ods[1].startswith("5.5 Velar por la participación plena")
    assert [t[:3] for t in ods] == ["5. ", "5.5", "8. ", "8.1", "8.3"]
    observations = texts(model, "observaciones")
    assert observations[0] == "No informa."
    assert observations[1].startswith("Presupuesto: La menor ejecución presupuestaria")


def test_charts_have_text_alternatives_with_data(s20: Submission, s23: Submission) -> None:
    # S20's populations are S/I in both years: no empty chart and no orphan «1 Barra azul…» legend, a
    # sentence instead (issue #14); S23's population chart carries its data.
    model20 = build_sheet(s20)
    assert "grafico-poblaciones" not in [c.id for c in model20.charts()]
    sentence = next(
        b
        for b in model20.section("desempeno").blocks
        if isinstance(b, Paragraph) and b.label == "Población objetivo y beneficiada por año:"
    )
    assert (
        sentence.text
        == "sin datos para graficar: no se informa la población objetivo ni la beneficiada de 2019 y 2020."
    )
    charts = build_sheet(s23).charts()
    population = next(c for c in charts if c.id == "grafico-poblaciones")
    assert "2021: población objetivo S/I, población beneficiada S/I, cobertura S/I" in population.description
    assert "cobertura 25,5%" in population.description
    execution = next(c for c in charts if c.id == "grafico-ejecucion")
    assert "2023: ejecución inicial 86,2%, ejecución final 96,0%" in execution.description
    assert all(isinstance(c, Chart) and c.svg.startswith("<svg") for c in charts)


def test_model_is_deterministic_and_json_ready(s23: Submission) -> None:
    assert build_sheet(s23).model_dump_json() == build_sheet(s23).model_dump_json()


def test_evaluation_texts_replace_printed_ones(s23: Submission) -> None:
    from monitoreo.domain import Dimension, Evaluation

    evaluation = Evaluation(
        submission_id=s23.id,
        edition=2023,
        block={Dimension.TARGETING: ["Hallazgo A.", "Hallazgo B."]},
        indicator_results={1: "El resultado del indicador mejoró."},
    )
    model = build_sheet(s23, evaluation)
    antecedentes = texts(model, "antecedentes")
    assert "Hallazgo A." in antecedentes and "Hallazgo B." in antecedentes
    assert "Sin hallazgos en la dimensión de focalización." not in antecedentes
    # dimensions the evaluation does not cover keep the printed texts
    assert "Sin hallazgos en la dimensión de eficacia." in antecedentes
    assert model.table("indicadores-proposito").rows[0].cells[-1].text == "El resultado del indicador mejoró."


def test_missing_texts_and_values_print_as_codes(s23: Submission) -> None:
    bare = s23.model_copy(
        update={"assessment": None, "inflators": None, "published_at": None, "regional": None}
    )
    model = build_sheet(bare)
    assert "Sin información de evaluación." in texts(model, "antecedentes")
    assert "desagregacion-regional" not in [t.id for t in model.tables()]
    assert "inflactores" not in [t.id for t in model.tables()]
    assert not any(t.startswith("Fecha de publicación") for t in texts(model, "notas_tecnicas"))
    # without the published coverage, 2022 cannot be computed (populations are S/I)
    assert row_of(model.table("cobertura"), "Cobertura") == ["S/I", "27,4%", "25,5%"]
    unpublished = bare.model_copy(update={"published": []})
    assert row_of(build_sheet(unpublished).table("cobertura"), "Cobertura") == ["S/I", "S/I", "25,5%"]


def test_2020_observation_paragraphs_are_cell_paragraphs(s20: Submission) -> None:
    """R4: the two paragraphs of S20's eficiencia observations are two paragraphs of the cell, not lines."""
    cell = build_sheet(s20).table("resultados-analisis").rows[1].cells[2]
    assert cell.text.startswith("La menor ejecución presupuestaria se debe")
    assert cell.lines == []
    assert cell.paragraphs == [
        "El programa no reporta GA, debiendo reportar. Argumenta que sus GA son financiados por el programa "
        "promoción de exportaciones."
    ]


def _with_gore(sub: Submission, gore: dict[int, object]) -> Submission:
    data = submission_to_data(sub)
    for year, value in gore.items():
        data["budget"]["years"][year]["regional_government"] = value
    data["published"] = [p for p in data["published"] if p["metric"] != "total_executed"]
    return parse_submission(data)


def test_2020_gore_row_only_when_the_program_has_gore_resources(s20: Submission) -> None:
    """R3: S20 (no GORE) prints the seed's four rows; with GORE resources the row «Recursos Gobiernos
    Regionales*****» and its note are added, and the components «Total» is the sum of the printed rows."""
    assert "Recursos Gobiernos Regionales" not in [r[0] for r in cells(build_sheet(s20).table("presupuesto"))]
    model = build_sheet(_with_gore(s20, {2019: Decimal(35268), 2020: "-"}))
    budget = model.table("presupuesto")
    assert [r.cells[0].sup for r in budget.rows] == ["*", "**", "***", "****", "*****"]
    assert row_of(budget, "Recursos Gobiernos Regionales") == ["35.268", "-"]
    notes = [b for b in model.section("desempeno").blocks if isinstance(b, Notes)][0]
    assert [n.marker for n in notes.items][-1] == "*****"
    assert notes.items[-1].text.startswith(
        "Recursos apalancados por el programa con los Gobiernos Regionales"
    )
    total = row_of(model.table("componentes"), "Total")[:2]
    assert total == ["1.300.000", "518.212"]  # 1.264.732 + 0 + 35.268; 518.212 + 0 + «-»
    assert model.table("presupuesto").columns == build_sheet(s20).table("presupuesto").columns


def test_2020_printed_total_is_the_sum_of_the_printed_budget_rows() -> None:
    """R3 on the synthetic 2020 fichas with GORE resources: «Total» = ejecutado + extra + GORE, as printed."""
    from monitoreo.synth import generate

    def amount(text: str) -> int:
        return 0 if text == "-" else int(text.replace(".", ""))

    checked = 0
    for sub in generate(67, seed=11, edition=2020):
        if not any(isinstance(b.regional_government, Decimal) for b in sub.budget.years.values()):
            continue
        model = build_sheet(sub)
        budget = model.table("presupuesto")
        parts = [
            row_of(budget, label)
            for label in (
                "Presupuesto ejecutado",
                "Recursos extrapresupuestarios",
                "Recursos Gobiernos Regionales",
            )
        ]
        total = row_of(model.table("componentes"), "Total")[: len(sub.years)]
        assert [sum(amount(p[i]) for p in parts) for i in range(len(sub.years))] == [amount(t) for t in total]
        checked += 1
    assert checked >= 3
