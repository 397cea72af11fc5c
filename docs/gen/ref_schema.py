"""The data-file reference and JSON Schema, from the models. The Markdown page is rendered by the single
generator ``scripts/gen_data_format_doc.py`` (imported, not copied); the schema is
``Submission.model_json_schema()``, what ``monitoreo schema`` prints."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from monitoreo.domain import Submission

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gen_data_format_doc.py"


def data_format_reference() -> str:
    spec = importlib.util.spec_from_file_location("gen_data_format_doc", SCRIPT)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"no se puede cargar {SCRIPT}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.render()
    return text


def json_schema() -> str:
    return json.dumps(Submission.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
