"""Checks that need reference data or cross-field context, run after the type checks: years inside the
window, known regions, subtítulos and ODS, unique component ids, known published metrics. Each yields
``Problem``s with a stable code; the data-quality checks of a valid file live in ``validation``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from monitoreo import reference
from monitoreo.domain.metric_names import ALL_METRICS
from monitoreo.domain.submission import Submission
from monitoreo.errors import Problem


def _year_series(sub: Submission) -> Iterator[tuple[str, Mapping[int, object]]]:
    """Every year-keyed mapping of the submission with its field path."""
    pops = sub.populations
    for name, pop in (("potential", pops.potential), ("target", pops.target), ("served", pops.served)):
        if pop is not None:
            yield f"populations.{name}.quantity", pop.quantity
    if pops.served is not None:
        yield "populations.served.by_sex", pops.served.by_sex
        yield "populations.served.new", pops.served.new
        yield "populations.served.carry_over", pops.served.carry_over
    yield "budget.years", sub.budget.years
    yield "budget.subtitles", sub.budget.subtitles
    yield "budget.admin_spend", sub.budget.admin_spend
    for i, comp in enumerate(sub.components):
        yield f"components.{i}.spend", comp.spend
        yield f"components.{i}.output", comp.output
    for i, ind in enumerate(sub.indicators):
        yield f"indicators.{i}.values", ind.values
    for i, fig in enumerate(sub.published):
        yield f"published.{i}.values", fig.values


def check_window(sub: Submission, file: str) -> Iterator[Problem]:
    window = set(sub.years)
    shown = f"{sub.years[0]}–{sub.years[-1]}"
    for path, series in _year_series(sub):
        for year in series:
            if year not in window:
                yield Problem(
                    file, f"{path}.{year}", "input.E020", f"el año {year} está fuera de la ventana {shown}"
                )
    if sub.regional is not None and sub.regional.year not in window:
        yield Problem(
            file,
            "regional.year",
            "input.E020",
            f"el año {sub.regional.year} está fuera de la ventana {shown}",
        )


def check_regions(sub: Submission, file: str) -> Iterator[Problem]:
    for i, key in enumerate(sub.program.regions):
        region = reference.find_region(key)
        if region is None or region.not_a_region:
            yield Problem(file, f"program.regions.{i}", "input.E021", f"región desconocida «{key}»")
    if sub.regional is None:
        return
    seen: set[str] = set()
    for i, row in enumerate(sub.regional.rows):
        if reference.find_region(row.region) is None:
            yield Problem(
                file, f"regional.rows.{i}.region", "input.E021", f"región desconocida «{row.region}»"
            )
        elif row.region in seen:
            yield Problem(
                file, f"regional.rows.{i}.region", "input.E014", f"la región «{row.region}» aparece dos veces"
            )
        seen.add(row.region)


def check_subtitles(sub: Submission, file: str) -> Iterator[Problem]:
    known = reference.subtitles()
    for year, table in sub.budget.subtitles.items():
        for i, row in enumerate(table.rows):
            if row.code not in known:
                yield Problem(
                    file,
                    f"budget.subtitles.{year}.rows.{i}.code",
                    "input.E022",
                    f"subtítulo desconocido «{row.code}»",
                )


def check_ods(sub: Submission, file: str) -> Iterator[Problem]:
    goals = reference.ods_goals()
    for i, contribution in enumerate(sub.ods):
        goal = goals.get(contribution.goal)
        if goal is None:
            yield Problem(
                file, f"ods.{i}.goal", "input.E023", f"objetivo ODS desconocido «{contribution.goal}»"
            )
            continue
        for j, target in enumerate(contribution.targets):
            if goal.target(target) is None:
                yield Problem(file, f"ods.{i}.targets.{j}", "input.E023", f"meta ODS desconocida «{target}»")


def check_identifiers(sub: Submission, file: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, comp in enumerate(sub.components):
        if comp.id in seen:
            yield Problem(
                file, f"components.{i}.id", "input.E024", f"el componente «{comp.id}» está repetido"
            )
        seen.add(comp.id)
    for i, fig in enumerate(sub.published):
        if fig.metric not in ALL_METRICS:
            yield Problem(file, f"published.{i}.metric", "input.E025", f"métrica desconocida «{fig.metric}»")


def check_edition(sub: Submission, file: str) -> Iterator[Problem]:
    """An edition the reference data does not know would fail every later step (metrics, evaluation)."""
    known = reference.known_editions()
    if int(sub.edition) not in known:
        yield Problem(
            file,
            "edition",
            "input.E026",
            f"edición {sub.edition} desconocida (conocidas: {', '.join(map(str, known))})",
        )


CHECKS = (check_edition, check_window, check_regions, check_subtitles, check_ods, check_identifiers)


def semantic_problems(sub: Submission, file: str) -> Iterator[Problem]:
    """Every problem of every check, in a stable order."""
    for check in CHECKS:
        yield from check(sub, file)
