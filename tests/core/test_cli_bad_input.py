"""Issue #16, rows «edition» and «messages» through the real CLI: bad input exits 2 with the input file,
the field and a registered code; no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from monitoreo.cli import app
from tests.conftest import S23_FILE
from tests.core.test_code_registry import registered

runner = CliRunner()


def bad_file(tmp_path: Path, old: str, new: str) -> Path:
    text = S23_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "programa.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def codes_in(output: str) -> set[str]:
    return set(re.findall(r"\[([a-z_]+\.[EW]\d{3})\]", output))


@pytest.mark.parametrize("command", ["validate", "metrics", "evaluate", "render", "publish"])
def test_an_unknown_edition_exits_2_naming_the_input_file(tmp_path: Path, command: str) -> None:
    # main: a ReferenceError traceback (validate, metrics), an internal file named (evaluate), no code (publish),
    # exit 1 (render).
    path = bad_file(tmp_path, "edition: 2023", "edition: 2019")
    extra = ["--out", str(tmp_path / "out")] if command in ("render", "publish") else []
    result = runner.invoke(app, [command, str(path), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    assert f"{path}: edition:" in result.output
    assert codes_in(result.output) == {"input.E026"}
    assert "methodologies" not in result.output


def test_evaluate_with_an_unknown_edition_option_exits_2() -> None:
    result = runner.invoke(app, ["evaluate", str(S23_FILE), "--edition", "2019"])
    assert result.exit_code == 2
    assert "--edition" in result.output and codes_in(result.output) == {"methodology.E001"}
    assert "methodologies" not in result.output


@pytest.mark.parametrize(
    ("value", "code"),
    [(".nan", "input.E015"), ("1" * 5000, "input.E015"), ("10000000000000000000000000000", "input.E015")],
)
@pytest.mark.parametrize("command", ["validate", "metrics", "render"])
def test_a_bad_number_exits_2_with_the_field(tmp_path: Path, command: str, value: str, code: str) -> None:
    path = bad_file(tmp_path, "initial: 4962579", f"initial: {value}")
    extra = ["--out", str(tmp_path / "out"), "--format", "html"] if command == "render" else []
    result = runner.invoke(app, [command, str(path), *extra])
    assert result.exit_code == 2, result.output
    assert f"{path}: budget.years.2021.initial:" in result.output
    assert codes_in(result.output) == {code} and code in registered()


def test_every_problem_line_has_a_registered_code(tmp_path: Path) -> None:
    path = bad_file(tmp_path, "id: alianzas-productivas", "id: otro\nid: alianzas-productivas")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert codes_in(result.output) == {"input.E007"}


def test_an_unforeseen_error_exits_3_with_a_code_not_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # main: every traceback exited 1, like «found errors».
    import monitoreo.cli as cli

    def broken() -> None:
        raise RuntimeError("falla\ninesperada")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("MONITOREO_DEBUG", raising=False)
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 3
    err = capsys.readouterr().err
    assert "RuntimeError: falla inesperada" in err and "[monitoreo.E000]" in err and "Traceback" not in err
    monkeypatch.setenv("MONITOREO_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main()
