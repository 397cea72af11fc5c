"""Domain model: immutable typed values, no I/O. See ``docs/data-format.md``."""

from monitoreo.domain.budget import Budget, BudgetYear, SubtitleRow, SubtitleTable
from monitoreo.domain.components import Component, RegionalDistribution, RegionRow
from monitoreo.domain.findings import (
    Dimension,
    DimensionTexts,
    IndicatorTexts,
    Judgement,
    Justification,
    PrintedAssessment,
    Review,
    ReviewDecision,
    Verdict,
)
from monitoreo.domain.indicators import Direction, PurposeIndicator
from monitoreo.domain.inflators import InflatorTable
from monitoreo.domain.outcomes import (
    Evaluation,
    FindingStatus,
    Outcome,
    OutcomeVerdict,
    PrintedBlock,
    PrintedSentence,
)
from monitoreo.domain.periods import Edition, EvaluatedYear, PriceYear, Year
from monitoreo.domain.population import Population, Populations, ServedPopulation, SexSplit
from monitoreo.domain.program import (
    Complementarities,
    Complementarity,
    EvaluationHistory,
    EvaluationList,
    ExAnte,
    Executor,
    Executors,
    Identity,
    Monitoring,
    PastEvaluation,
)
from monitoreo.domain.submission import SCHEMA_VERSION, Submission
from monitoreo.domain.texts import InstitutionObservation, OdsContribution, PublishedFigure
from monitoreo.domain.values import MISSING_CODES, Amount, Missing, Money, Num

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "Budget",
    "BudgetYear",
    "Component",
    "Dimension",
    "DimensionTexts",
    "Direction",
    "Edition",
    "EvaluatedYear",
    "Evaluation",
    "FindingStatus",
    "Outcome",
    "OutcomeVerdict",
    "EvaluationHistory",
    "EvaluationList",
    "ExAnte",
    "Identity",
    "IndicatorTexts",
    "Executor",
    "Executors",
    "Complementarity",
    "Complementarities",
    "InflatorTable",
    "InstitutionObservation",
    "Judgement",
    "Justification",
    "MISSING_CODES",
    "Missing",
    "Money",
    "Monitoring",
    "Num",
    "OdsContribution",
    "PastEvaluation",
    "Population",
    "Populations",
    "PriceYear",
    "PrintedAssessment",
    "PrintedBlock",
    "PrintedSentence",
    "PublishedFigure",
    "PurposeIndicator",
    "RegionRow",
    "RegionalDistribution",
    "Review",
    "ReviewDecision",
    "ServedPopulation",
    "SexSplit",
    "Submission",
    "SubtitleRow",
    "SubtitleTable",
    "Verdict",
    "Year",
]
