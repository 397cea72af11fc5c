"""``load_submissions``: put submissions into the portal database in bulk, in one transaction.

Contract: for each submission, compute its metrics (``monitoreo.metrics.compute_metrics``) and its
evaluation (``monitoreo.methodology.evaluate``), then replace the ficha of (program, edition) if it
exists. Programs are created or updated by slug. ``publish`` decides whether the public sees the new
fichas. ``is_latest`` marks, per program, the latest published edition. Queries are O(1) in the number of
submissions (bulk_create / bulk_update), so 700 fichas load in seconds."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.methodology import evaluate as core_evaluate
from monitoreo.metrics import compute_metrics
from programs import figures
from programs.models import Ficha, Outcome, Program, bump_version

_DIMENSION_FIELD = Ficha.FINDINGS_FIELD


def evaluate(submission: Submission, history: tuple[Submission, ...] = ()) -> Evaluation | None:
    """The submission's evaluation under its edition."""
    return core_evaluate(submission, edition=None, history=history)


def content_hash(submission: dict[str, Any], evaluation: dict[str, Any] | None) -> str:
    """sha256 of the canonical JSON of submission + evaluation (cache key of the rendered PDF)."""
    canonical = json.dumps(
        [submission, evaluation], sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class LoadReport:
    programs_created: int = 0
    programs_updated: int = 0
    fichas: int = 0
    outcomes: int = 0
    slugs: list[str] = field(default_factory=list)


@dataclass
class _Prepared:
    submission: Submission
    ficha: Ficha
    outcomes: list[Outcome]


Evaluator = Callable[[Submission, tuple[Submission, ...]], Evaluation | None]


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)  # printed dates are local (America/Santiago)


def _histories(subs: list[Submission]) -> list[tuple[Submission, ...]]:
    """For each submission, the batch's earlier reports of the same program, most recent first."""
    by_id: dict[str, list[Submission]] = {}
    for s in subs:
        by_id.setdefault(s.id, []).append(s)
    return [
        tuple(
            sorted(
                (h for h in by_id[s.id] if h.evaluated_year < s.evaluated_year),
                key=lambda h: h.evaluated_year,
                reverse=True,
            )
        )
        for s in subs
    ]


def _prepare(
    sub: Submission, history: tuple[Submission, ...], publish: bool, now: datetime, evaluator: Evaluator
) -> _Prepared:
    metrics = compute_metrics(sub)
    evaluation = evaluator(sub, history)
    sub_json = sub.model_dump(mode="json")
    eval_json = evaluation.model_dump(mode="json") if evaluation is not None else None
    key = figures.key_figures(metrics, sub.evaluated_year)
    # The public count of «hallazgos» is the core's one definition (no superados): docs/web-portal.md.
    counts = dict.fromkeys(_DIMENSION_FIELD.values(), 0)
    if evaluation is not None:
        counts = {_DIMENSION_FIELD[d.value]: n for d, n in evaluation.public_finding_counts().items()}
    outcomes = []
    for o in evaluation.outcomes if evaluation is not None else ():
        outcomes.append(
            Outcome(
                code=o.code,
                rule=o.rule,
                dimension=o.dimension.value,
                verdict=o.verdict.value,
                status=o.status.value if o.status else "",
                text=o.text,
                indicator=o.indicator,
                label=o.label or "",
                detail=o.detail or "",
            )
        )
    p = sub.program
    ficha = Ficha(
        edition=sub.edition,
        evaluated_year=sub.evaluated_year,
        price_base_year=sub.price_base_year,
        submission=sub_json,
        evaluation=eval_json,
        metrics=figures.plain_metrics(metrics),
        content_hash=content_hash(sub_json, eval_json),
        published=publish,
        synthetic=sub.synthetic,
        published_at=(_aware(sub.published_at) or now) if publish else None,
        search_text=figures.normalise(" ".join((p.name, p.service, p.ministry, p.purpose, p.description))),
        regions="|" + "|".join(p.regions) + "|" if p.regions else "",
        ods_goals="|" + "|".join(str(o.goal) for o in sub.ods) + "|" if sub.ods else "",
        executed_budget=figures.sortable(key["total_executed"]),
        coverage_pct=figures.sortable(key["coverage_pct"]),
        execution_initial_pct=figures.sortable(key["execution_initial_pct"]),
        spend_per_beneficiary=figures.sortable(key["spend_per_beneficiary"]),
        figures=key,
        findings_total=sum(counts.values()),
        **counts,
    )
    return _Prepared(sub, ficha, outcomes)


def _upsert_programs(prepared: list[_Prepared], report: LoadReport) -> dict[str, Program]:
    latest = {p.submission.id: p.submission for p in sorted(prepared, key=lambda p: p.submission.edition)}
    existing = {pr.slug: pr for pr in Program.objects.filter(slug__in=list(latest))}
    new, changed = [], []
    for slug, sub in latest.items():
        ident = sub.program
        program = existing.get(slug)
        if program is None:
            new.append(Program(slug=slug, name=ident.name, service=ident.service, ministry=ident.ministry))
            continue
        program.name, program.service, program.ministry = ident.name, ident.service, ident.ministry
        changed.append(program)
    Program.objects.bulk_create(new, batch_size=500)
    Program.objects.bulk_update(changed, ["name", "service", "ministry"], batch_size=500)
    report.programs_created, report.programs_updated = len(new), len(changed)
    return {pr.slug: pr for pr in Program.objects.filter(slug__in=list(latest))}


def refresh_latest(program_ids: Iterable[int]) -> None:
    """Mark, for each program, its latest *published* edition as ``is_latest`` (and no other)."""
    ids = list(program_ids)
    rows = Ficha.objects.filter(program_id__in=ids).values_list("id", "program_id", "edition", "published")
    best: dict[int, tuple[int, int]] = {}
    for ficha_id, program_id, edition, published in rows:
        if published and (program_id not in best or edition > best[program_id][0]):
            best[program_id] = (edition, ficha_id)
    Ficha.objects.filter(program_id__in=ids).update(is_latest=False)
    Ficha.objects.filter(id__in=[f for _, f in best.values()]).update(is_latest=True)


def load_submissions(
    subs: Iterable[Submission],
    publish: bool = True,
    now: datetime | None = None,
    evaluator: Evaluator = evaluate,
) -> LoadReport:
    """Store ``subs`` (replacing the same program + edition) in one transaction; see the module docstring.
    Each submission is evaluated with the batch's earlier reports of the same program as ``history``."""
    moment = now or timezone.now()
    items = list(subs)
    prepared = [
        _prepare(s, h, publish, moment, evaluator) for s, h in zip(items, _histories(items), strict=True)
    ]
    report = LoadReport(slugs=[p.submission.id for p in prepared])
    with transaction.atomic():
        programs = _upsert_programs(prepared, report)
        for p in prepared:
            p.ficha.program = programs[p.submission.id]
        pairs = {(p.ficha.program.id, p.ficha.edition) for p in prepared}
        stale = Ficha.objects.filter(program_id__in={pid for pid, _ in pairs}).values_list(
            "id", "program_id", "edition"
        )
        Ficha.objects.filter(id__in=[fid for fid, pid, ed in stale if (pid, ed) in pairs]).delete()
        fichas = Ficha.objects.bulk_create([p.ficha for p in prepared], batch_size=200)
        outcomes = []
        for p, ficha in zip(prepared, fichas, strict=True):
            for o in p.outcomes:
                o.ficha = ficha
                outcomes.append(o)
        Outcome.objects.bulk_create(outcomes, batch_size=1000)
        refresh_latest({pid for pid, _ in pairs})
        bump_version()
    report.fichas, report.outcomes = len(fichas), len(outcomes)
    return report


def set_published(ficha: Ficha, published: bool, now: datetime | None = None) -> None:
    """Publish or withdraw one ficha, keeping ``is_latest`` right."""
    with transaction.atomic():
        ficha.published = published
        ficha.published_at = (now or timezone.now()) if published else None
        ficha.save(update_fields=["published", "published_at"])
        refresh_latest([ficha.program_id])
        bump_version()
