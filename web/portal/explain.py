"""«¿De dónde sale este número?» on a program page: the core's explanations (``monitoreo.explain``) of the
key figures of the evaluated year and of every printed outcome and finding, as context for the page and as
data for the ``.json`` twin and the API (docs/explanations.md). Thin: no formula lives here."""

from __future__ import annotations

from typing import Any

from programs.figures import KEY_FIGURES
from programs.models import Ficha

from monitoreo.domain.outcomes import Evaluation
from monitoreo.domain.submission import Submission
from monitoreo.explain import MetricExplanation, explain_metric, explain_metrics, explain_outcomes
from monitoreo.explain.text import (
    computation,
    metric_dict,
    metric_lines,
    metric_title,
    outcome_dict,
    outcome_lines,
)
from monitoreo.metrics import compute_metrics


def _documents(ficha: Ficha) -> tuple[Submission, Evaluation | None] | None:
    """The stored report and evaluation of ``ficha``, or None when the stored JSON no longer reads (an
    explanation is then left out; the page itself still shows the published figures)."""
    try:
        sub = Submission.model_validate(ficha.submission)
        evaluation = Evaluation.model_validate(ficha.evaluation) if ficha.evaluation else None
    except ValueError:
        return None
    return sub, evaluation


def explanations(ficha: Ficha) -> dict[str, Any]:
    """``{"metrics": {name: explanation}, "outcomes": [explanation]}`` as JSON-ready data."""
    docs = _documents(ficha)
    if docs is None:
        return {"metrics": {}, "outcomes": []}
    sub, evaluation = docs
    m = compute_metrics(sub)
    metrics = {
        name: metric_dict(explain_metric(sub, name, sub.evaluated_year, metrics=m)) for name in KEY_FIGURES
    }
    outcomes = [outcome_dict(o) for o in explain_outcomes(sub, evaluation)] if evaluation else []
    return {"metrics": metrics, "outcomes": outcomes}


def page_context(ficha: Ficha) -> dict[str, Any]:
    """What the program page's disclosures print: per key figure its calculation and lines (no field
    paths: people read labels), per outcome its title and lines."""
    docs = _documents(ficha)
    if docs is None:
        return {"figures": {}, "every": [], "outcomes": []}
    sub, evaluation = docs
    m = compute_metrics(sub)
    figures = {
        name: _figure(explain_metric(sub, name, sub.evaluated_year, metrics=m)) for name in KEY_FIGURES
    }
    every = [_figure(e) for e in explain_metrics(sub)]
    outcomes = []
    for o in explain_outcomes(sub, evaluation) if evaluation else []:
        lines = outcome_lines(o, sources=False)
        outcomes.append(
            {
                "title": lines[0],
                "lines": [line.strip() for line in lines[1:]],
                "finding": o.status is not None,
            }
        )
    return {"figures": figures, "every": every, "outcomes": outcomes}


def _figure(e: MetricExplanation) -> dict[str, Any]:
    return {
        "title": metric_title(e),
        "computation": computation(e),
        "lines": [line.strip() for line in metric_lines(e, paths=False)[1:]],
    }
