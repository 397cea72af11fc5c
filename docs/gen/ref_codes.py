"""Catalogue of every stable code, generated from the registries that define them:

* validation issues — ``monitoreo.validation.issue_types()``;
* rules, outcome (finding) codes and evaluator judgement codes — ``monitoreo.methodology.registry``;
* methodology-file problems — ``monitoreo.methodology.METHODOLOGY_CODES``;
* data-file problems — ``monitoreo.io.codes.INPUT_CODES``;
* ficha import problems — ``monitoreo.ingest.issues.IMPORT_CODES``;
* Excel intake template problems — ``monitoreo.ingest.excel.EXCEL_CODES``;
* web intake forms and the cycle's guards — ``monitoreo.cycle.codes.CYCLE_CODES``;
* operations (render, publish, synth, analytics, microdata, metrics, reference) — ``monitoreo.codes.OPERATION_CODES``;
* value codes (S/I, N/A, N/C, «-») — ``monitoreo.domain.values.Missing``;
* finding status and outcome verdicts — ``monitoreo.domain.outcomes``.

``all_codes()`` lists every code so a test can check each appears on the page."""

from __future__ import annotations

from collections.abc import Iterable

from monitoreo.codes import OPERATION_CODES
from monitoreo.cycle.codes import CYCLE_CODES
from monitoreo.domain.findings import Dimension
from monitoreo.domain.outcomes import FindingStatus, OutcomeVerdict
from monitoreo.domain.values import Missing
from monitoreo.ingest.excel import EXCEL_CODES
from monitoreo.ingest.issues import IMPORT_CODES
from monitoreo.io.codes import INPUT_CODES
from monitoreo.methodology import METHODOLOGY_CODES, known_editions, load_edition
from monitoreo.methodology.registry import judgement_codes, outcome_codes, rules
from monitoreo.validation import issue_types


def all_codes() -> list[str]:
    """Every code the page must list."""
    return [
        *issue_types(),
        *rules(),
        *outcome_codes(),
        *judgement_codes(),
        *METHODOLOGY_CODES,
        *INPUT_CODES,
        *IMPORT_CODES,
        *EXCEL_CODES,
        *CYCLE_CODES,
        *OPERATION_CODES,
        *(m.value for m in Missing),
        *(v.value for v in OutcomeVerdict),
        *(s.value for s in FindingStatus),
    ]


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    head = list(header)
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def _editions_of(code: str) -> str:
    active = [str(e) for e in known_editions() if load_edition(e).rule(code) is not None]
    return ", ".join(f"[{e}](ediciones/{e}.md)" for e in active) or "—"


def _codes(code: str) -> str:
    return f"`{code}`"


def render() -> str:
    """The catalogue page (Markdown, Spanish)."""
    lines = [
        "# Catálogo de códigos",
        "",
        "*Página generada desde los registros del código (`docs/gen/ref_codes.py`); no se edita a mano.*",
        "Los códigos son estables: nunca se reutilizan; los nuevos se agregan al final.",
        "",
        "Forma de los códigos: `<área>.<E|W><nnn>`. **E** es un error (bloquea el archivo o el reporte);",
        "**W** es una advertencia que revisa el evaluador.",
        "",
        "## Valores que no son números",
        "",
        "Una cifra puede venir como código en lugar de número; nunca se reemplaza por cero.",
        "",
        *_table(["Código", "Significado"], [(_codes(m.value), m.label) for m in Missing]),
        "## Validación del reporte (`monitoreo validate`)",
        "",
        "Revisión de consistencia interna del reporte antes de evaluar (sumas, cifras impresas contra",
        "calculadas, anidamiento de poblaciones, textos narrativos).",
        "",
        *_table(
            ["Código", "Gravedad", "Título", "Mensaje (plantilla)"],
            [
                (
                    _codes(k.code),
                    "error" if k.severity.value == "error" else "advertencia",
                    k.title,
                    f"`{k.template}`",
                )
                for k in sorted(issue_types().values(), key=lambda k: k.code)
            ],
        ),
        "## Reglas de la metodología",
        "",
        "Cada regla lee parámetros de la edición (ver [ediciones](ediciones/index.md)); ninguna tiene números",
        "ni textos propios.",
        "",
        *_table(
            ["Regla", "Dimensión", "Qué evalúa", "Metodología", "Ediciones"],
            [
                (_codes(r.code), Dimension(r.dimension).value, r.title, r.methodology, _editions_of(r.code))
                for r in rules().values()
            ],
        ),
        "## Resultados y hallazgos (`monitoreo evaluate`)",
        "",
        "Un resultado es `<regla>.<resultado>`. Su clase (*verdict*) es `finding` (hallazgo), `ok` (sin",
        "hallazgo) o `not_evaluable` (no evaluable: estructural, nunca es hallazgo). Un hallazgo queda",
        "`superado` cuando la justificación del servicio fue juzgada pertinente y la edición lo permite;",
        "si no, queda `no_superado`.",
        "",
        *_table(["Clase", "Significado"], [(_codes(v.value), v.label) for v in OutcomeVerdict]),
        *_table(
            ["Estado del hallazgo", "Significado"],
            [
                (
                    _codes(FindingStatus.RESOLVED.value),
                    "justificación pertinente: no se imprime como hallazgo",
                ),
                (_codes(FindingStatus.UNRESOLVED.value), "el hallazgo se imprime en la ficha"),
            ],
        ),
        *_table(
            ["Código de resultado", "Clase", "Significado"],
            [(_codes(code), f"`{o.verdict.value}`", o.doc) for code, o in outcome_codes().items()],
        ),
        "## Juicios del evaluador",
        "",
        "Algunas reglas leen un juicio del evaluador (`review.judgements` del archivo de datos). Sin juicio,",
        "la regla queda pendiente (no evaluable, nada se imprime).",
        "",
        *_table(["Código de juicio", "Qué se juzga"], [(_codes(c), d) for c, d in judgement_codes().items()]),
        "## Archivo de datos (`input.*`)",
        "",
        "Problemas al leer un archivo de datos (YAML/JSON); cada uno se informa con archivo y ruta del campo.",
        "Ver también [el formato del archivo](../data-format.md).",
        "",
        *_table(["Código", "Significado"], [(_codes(c), d) for c, d in INPUT_CODES.items()]),
        "## Importación de fichas publicadas (`monitoreo import`)",
        "",
        "`import.E*`: la ficha no se pudo convertir en archivo de datos. `import.W*`: un campo no se pudo leer",
        "o se infirió; el archivo de datos igual se escribe.",
        "",
        *_table(["Código", "Significado"], [(_codes(c), d) for c, d in IMPORT_CODES.items()]),
        "## Planilla Excel de reporte (`excel.*`)",
        "",
        "Problemas al cargar la planilla del servicio en el portal; cada uno nombra la hoja y la celda",
        "(`Presupuesto!C4`) y no se importa nada mientras haya errores.",
        "",
        *_table(["Código", "Significado"], [(_codes(c), d) for c, d in EXCEL_CODES.items()]),
        "## Formularios web y ciclo de monitoreo (`form.*`, `cycle.*`)",
        "",
        "Un valor escrito en un formulario de la gestión que no es un valor de su campo (se muestra junto al",
        "campo, con lo escrito, y el resto de la sección se guarda) y las negativas del ciclo (enviar un reporte",
        "incompleto, abrir o publicar con un año de precios sin tabla de inflactores).",
        "",
        *_table(["Código", "Significado"], [(_codes(c), d) for c, d in CYCLE_CODES.items()]),
        "## Operaciones (componer, publicar, generar, analizar)",
        "",
        "Errores de las operaciones por lotes y de las tablas de referencia; la CLI los informa con el archivo",
        "afectado y termina con código distinto de cero.",
        "",
        *_table(["Código", "Significado"], [(_codes(c), d) for c, d in OPERATION_CODES.items()]),
        "## Archivos de edición de la metodología (`monitoreo methodology check`)",
        "",
        *_table(["Código", "Significado"], [(_codes(c), d) for c, d in METHODOLOGY_CODES.items()]),
    ]
    return "\n".join(lines).rstrip() + "\n"
