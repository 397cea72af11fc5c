"""Explanations of published figures and findings: «¿De dónde sale este número?» (docs/explanations.md)."""

from monitoreo.explain.findings import OutcomeExplanation, explain_outcome, explain_outcomes
from monitoreo.explain.metrics import ExplainError, MetricExplanation, explain_metric, explain_metrics

__all__ = [
    "ExplainError",
    "MetricExplanation",
    "OutcomeExplanation",
    "explain_metric",
    "explain_metrics",
    "explain_outcome",
    "explain_outcomes",
]
