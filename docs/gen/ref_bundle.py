"""Tables and fields of the open-data bundle, generated from ``monitoreo.publish.schema.TABLES`` (the same
Table Schemas ``monitoreo publish`` writes into ``datapackage.json``)."""

from __future__ import annotations

from monitoreo.publish.schema import TABLES


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render() -> str:
    lines = [
        "# Tablas del paquete de datos abiertos",
        "",
        "*Página generada desde `monitoreo.publish.schema` (los mismos esquemas que `monitoreo publish` escribe",
        "en `datapackage.json`); no se edita a mano.* Cómo usarlas: [Datos abiertos](../datos-abiertos.md).",
        "",
        "Cada tabla está en `data/<tabla>.csv` y `data/<tabla>.parquet` con las mismas columnas.",
        "",
        "| Tabla | Contenido | Clave |",
        "|---|---|---|",
    ]
    lines += [
        f"| [`{t.name}`](#{t.name}) | {_cell(t.title)} | {', '.join(f'`{k}`' for k in t.primary_key)} |"
        for t in TABLES
    ]
    lines.append("")
    for t in TABLES:
        lines += [
            f"## `{t.name}` {{ #{t.name} }}",
            "",
            f"**{_cell(t.title)}.** {_cell(t.description)}",
            "",
            f"Clave primaria: {', '.join(f'`{k}`' for k in t.primary_key)}.",
            "",
            "| Columna | Tipo | Obligatoria | Descripción |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| `{c.name}` | {c.type} | {'sí' if c.required else 'no'} | {_cell(c.description)} |"
            for c in t.columns
        ]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
