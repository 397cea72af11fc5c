"""``build_sheet``: the one function that decides what a ficha shows (docs/architecture.md «The flow of one ficha»).

Contract: ``build_sheet(submission, evaluation=None, metrics=None) -> SheetModel`` is pure and
deterministic. ``metrics`` defaults to ``compute_metrics(submission)``; ``evaluation`` (from
``monitoreo.methodology.evaluate``) supplies the findings sentences and the «Resultado» of each purpose
indicator; without it the texts printed in the data file (``submission.assessment``) are used. The
edition picks the layout: 2020 → ``layout_2020``; 2023 → ``layout_2023``; 2025 and later →
``layout_2025``; then every table's
column widths are fitted to its text (``columns.fit_sections``). It never reads files
other than the shipped reference data and fonts and never looks at the clock."""

from __future__ import annotations

from collections.abc import Callable

from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.metrics.compute import Metrics, compute_metrics
from monitoreo.sheet import layout_2020, layout_2023, layout_2025, wording
from monitoreo.sheet.blocks import Context
from monitoreo.sheet.columns import fit_sections
from monitoreo.sheet.format import SheetFormat
from monitoreo.sheet.model import Section, SheetModel, TitleBlock

Layout = Callable[[Context], list[Section]]

#: Layout of each edition family: the first entry whose edition is ≤ the submission's edition wins.
LAYOUTS: tuple[tuple[int, Layout], ...] = (
    (2025, layout_2025.sections),
    (2023, layout_2023.sections),
    (0, layout_2020.sections),
)


def layout_for(edition: int) -> Layout:
    """The section builder of ``edition``."""
    return next(layout for first, layout in LAYOUTS if edition >= first)


def build_sheet(
    submission: Submission, evaluation: Evaluation | None = None, metrics: Metrics | None = None
) -> SheetModel:
    """The ficha of ``submission`` as a ``SheetModel`` (see module docstring)."""
    edition = int(submission.edition)
    ctx = Context(
        sub=submission,
        metrics=metrics if metrics is not None else compute_metrics(submission),
        fmt=SheetFormat.for_edition(edition, int(submission.price_base_year)),
        evaluation=evaluation,
    )
    program = submission.program
    process = wording.PROCESS_TITLE.format(edition=edition)
    return SheetModel(
        submission_id=submission.id,
        edition=edition,
        document_title=f"{program.name} — {process.capitalize()}",
        author=program.service,
        title=TitleBlock(
            process=process,
            program=program.name.upper(),
            service=program.service.upper(),
            ministry=program.ministry.upper(),
        ),
        sections=fit_sections(layout_for(edition)(ctx)),
        published_at_iso=submission.published_at.isoformat() if submission.published_at else None,
        notice=wording.SYNTHETIC_NOTICE if submission.synthetic else None,
    )
