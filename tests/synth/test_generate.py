"""The synthetic generator is deterministic, valid and round-trips through the data-file format."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitoreo.domain import Submission
from monitoreo.io import dump_submission, parse_submission, read_submission
from monitoreo.io.yamlio import loads
from monitoreo.synth import SUPPORTED_EDITIONS, UnsupportedEditionError, generate, write_portfolio


def test_same_seed_gives_equal_portfolios() -> None:
    first = list(generate(25, seed=7))
    second = list(generate(25, seed=7))
    assert first == second
    assert [dump_submission(s) for s in first] == [dump_submission(s) for s in second]


def test_program_i_does_not_depend_on_portfolio_size(portfolio_700: list[Submission]) -> None:
    assert list(generate(10, seed=2023)) == portfolio_700[:10]


def test_a_program_keeps_its_identity_across_editions() -> None:
    by_edition = [list(generate(15, seed=4, edition=e)) for e in SUPPORTED_EDITIONS]
    for programs in zip(*by_edition, strict=True):
        assert len({p.id for p in programs}) == 1
        assert len({(p.program.name, p.program.service, p.program.ministry) for p in programs}) == 1
        assert len({tuple(c.id for c in p.components) for p in programs}) == 1
        assert len({tuple(p.program.regions) for p in programs}) == 1
        assert len({(p.program.start_year, p.program.end_year) for p in programs}) == 1
        assert len({p.history.ex_ante for p in programs}) == 1
        assert all(p.program.start_year < p.years[0] for p in programs)


def test_different_seeds_differ() -> None:
    a = list(generate(20, seed=1))
    b = list(generate(20, seed=2))
    assert all(x != y for x, y in zip(a, b, strict=True))
    assert {s.program.name for s in a} != {s.program.name for s in b}


@pytest.mark.parametrize("edition", SUPPORTED_EDITIONS)
def test_every_written_file_reads_back_equal(tmp_path: Path, edition: int) -> None:
    paths = write_portfolio(tmp_path, 30, seed=11, edition=edition)
    expected = list(generate(30, seed=11, edition=edition))
    assert [p.name for p in paths] == [f"{s.id}.yaml" for s in expected]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in paths
    )  # no temporary files left
    for path, submission in zip(paths, expected, strict=True):
        assert read_submission(path) == submission


@pytest.mark.parametrize(
    ("edition", "years", "price_base"),
    [
        (2020, [2019, 2020], 2021),
        (2023, [2021, 2022, 2023], 2024),
        (2025, [2023, 2024, 2025], 2026),
    ],
)
def test_edition_window_and_price_base(edition: int, years: list[int], price_base: int) -> None:
    for sub in generate(5, seed=3, edition=edition):
        assert sub.edition == edition and sub.evaluated_year == edition
        assert sub.years == years
        assert sub.price_base_year == price_base
        assert f"pesos año {price_base}" in " ".join(sub.technical_notes)
        assert (sub.inflators is not None) == (edition == 2023)
        assert (sub.health_adjustments is not None) == (edition == 2020)
        assert sub.published_at is not None and sub.published_at.year == edition + 1
        assert sub.assessment is None


def test_unsupported_edition_is_refused() -> None:
    with pytest.raises(UnsupportedEditionError):
        list(generate(1, seed=1, edition=2021))


def test_generated_data_passes_the_reader_checks(portfolio_200: list[Submission]) -> None:
    for sub in portfolio_200[::5]:
        assert parse_submission(loads(dump_submission(sub)), sub.id) == sub
