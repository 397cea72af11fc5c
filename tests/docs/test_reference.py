"""The generated reference lists every command, rule and code, straight from the code."""

from __future__ import annotations

import typer.main

from monitoreo.cli import app
from monitoreo.ingest.issues import IMPORT_CODES
from monitoreo.io.codes import INPUT_CODES
from monitoreo.methodology import METHODOLOGY_CODES, known_editions, load_edition
from monitoreo.methodology.registry import judgement_codes, outcome_codes, rules
from monitoreo.publish.schema import TABLES
from monitoreo.validation import issue_types


def _command_paths() -> list[str]:
    """Walk the Typer app independently of the generator."""
    found: list[str] = []

    def visit(cmd: object, path: tuple[str, ...]) -> None:
        found.append(" ".join(("monitoreo", *path)))
        for name, sub in getattr(cmd, "commands", {}).items():
            visit(sub, (*path, name))

    visit(typer.main.get_command(app), ())
    return found


def test_every_command_and_subcommand_has_a_section(generated: dict[str, str]) -> None:
    page = generated["referencia/cli.md"]
    paths = _command_paths()
    assert len(paths) >= 12  # the root, 11 commands, methodology's subcommands
    assert [p for p in paths if f"`{p}`" not in page] == []
    # The usage lines are in Spanish (monitoreo.cli.spanish): «[OPCIONES]», never «[OPTIONS]».
    assert [p for p in paths if f"{p} [OPCIONES]" not in page and p != "monitoreo"] == []
    assert "[OPTIONS]" not in page and "Usage:" not in page


def test_every_option_of_every_command_is_listed(generated: dict[str, str]) -> None:
    page = generated["referencia/cli.md"]
    missing = []

    def visit(cmd: object, path: tuple[str, ...]) -> None:
        for param in getattr(cmd, "params", []):
            for opt in getattr(param, "opts", []):
                if opt.startswith("-") and opt != "--help" and f"`{opt}`" not in page:
                    missing.append((path, opt))
        for name, sub in getattr(cmd, "commands", {}).items():
            visit(sub, (*path, name))

    visit(typer.main.get_command(app), ())
    assert missing == []


def test_every_code_is_in_the_catalogue(generated: dict[str, str]) -> None:
    page = generated["referencia/codigos.md"]
    codes = [
        *issue_types(),
        *rules(),
        *outcome_codes(),
        *judgement_codes(),
        *METHODOLOGY_CODES,
        *INPUT_CODES,
        *IMPORT_CODES,
        "S/I",
        "N/A",
        "N/C",
        "-",
        "superado",
        "no_superado",
        "finding",
    ]
    assert len(codes) > 100
    assert [c for c in codes if f"`{c}`" not in page] == []


def test_each_edition_has_a_page_with_its_rules_and_changes(generated: dict[str, str]) -> None:
    assert known_editions() == (2020, 2023, 2025)
    for edition in known_editions():
        page = generated[f"referencia/ediciones/{edition}.md"]
        spec = load_edition(edition)
        assert [r.code for r in spec.rules if f"`{r.code}`" not in page] == []
        assert spec.hash in page
    page_2025 = generated["referencia/ediciones/2025.md"]
    # 2025 adds the persistence rule and makes the subset rule read unreported populations as findings
    assert "| Regla agregada | `efficiency.initial_execution_persistence` |" in page_2025
    assert "| Parámetro | `targeting.target_subset` | `not_reported_is_finding` | no | sí |" in page_2025
    assert "Primera edición incluida" in generated["referencia/ediciones/2020.md"]


def test_assumed_values_are_flagged_with_their_source(generated: dict[str, str]) -> None:
    page = generated["referencia/ediciones/2023.md"]
    # 2023 thresholds of the target-subset rule are assumptions (status A), not established values
    row = next(line for line in page.splitlines() if line.startswith("| `not_reported_is_finding` |"))
    assert "**A — supuesto**" in row and "methodology.md §5.2" in row


def test_every_bundle_table_and_column_is_described(generated: dict[str, str]) -> None:
    page = generated["referencia/tablas.md"]
    missing = [(t.name, c.name) for t in TABLES for c in t.columns if f"| `{c.name}` |" not in page]
    assert missing == []
    assert [t.name for t in TABLES if f"## `{t.name}`" not in page] == []


def test_data_format_reference_comes_from_the_one_generator(generated: dict[str, str]) -> None:
    from monitoreo.domain import Submission

    page = generated["data-format-reference.md"]
    assert page.startswith("# Data file reference (generated)")
    assert [f for f in Submission.model_fields if f"| `{f}` |" not in page] == []
    assert '"title": "Submission"' in generated["referencia/submission.schema.json"]
