"""``EvaluationContext``: what a rule may read — the submission, its metrics, the earlier reports
(``history``) and the evaluator's judgements. Series that run before the ficha's window are taken from
``history`` (most recent report first); money from an earlier report is re-expressed in the current price
base with the inflator table, or is N/C (not comparable) when no table covers it (docs/methodology.md §2.9, §4.5)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from monitoreo import reference
from monitoreo.domain.findings import Judgement
from monitoreo.domain.indicators import PurposeIndicator
from monitoreo.domain.inflators import InflatorTable
from monitoreo.domain.periods import PriceYear, Year
from monitoreo.domain.submission import Submission
from monitoreo.domain.values import Missing, Num
from monitoreo.metrics import Metrics, compute_metrics
from monitoreo.metrics.deflation import factor

#: Yearly metrics that are money (M$) and so depend on the price base.
MONEY_METRICS = frozenset({"total_executed", "components_spend", "admin_spend", "spend_per_beneficiary"})


@dataclass(frozen=True)
class Past:
    """One earlier report and its metrics."""

    submission: Submission
    metrics: Metrics


@dataclass(frozen=True)
class EvaluationContext:
    submission: Submission
    metrics: Metrics
    history: tuple[Past, ...] = ()

    @classmethod
    def build(cls, submission: Submission, history: tuple[Submission, ...] = ()) -> EvaluationContext:
        """Context with metrics computed; ``history`` keeps only earlier reports, most recent first."""
        earlier = sorted(
            (h for h in history if h.evaluated_year < submission.evaluated_year),
            key=lambda h: h.evaluated_year,
            reverse=True,
        )
        return cls(
            submission, compute_metrics(submission), tuple(Past(h, compute_metrics(h)) for h in earlier)
        )

    @property
    def t(self) -> Year:
        return self.submission.evaluated_year

    def metric(self, name: str, year: Year) -> Num:
        """``name`` in ``year``: from the current ficha if the year is in its window, else from history."""
        if year in self.metrics.years:
            return self.metrics.value(name, year)
        for past in self.history:
            if year in past.metrics.years:
                value = past.metrics.value(name, year)
                if name in MONEY_METRICS:
                    return self._reprice(value, past.submission.price_base_year)
                return value
        return Missing.NOT_REPORTED

    def _reprice(self, value: Num, source: PriceYear) -> Num:
        target = self.submission.price_base_year
        if isinstance(value, Missing) or source == target:
            return value
        table = self._inflators()
        if table is None or source not in table.factors or target not in table.factors:
            return Missing.NOT_COMPARABLE
        return value * factor(table, source, target)

    def _inflators(self) -> InflatorTable | None:
        """The table that re-expresses earlier reports: the one printed with the report, else one whose base
        is the report's price base (shipped or entered by the unit, docs/inflators.md), else the edition's."""
        if self.submission.inflators is not None:
            return self.submission.inflators
        entered = reference.inflators_for_base(self.submission.price_base_year)
        if entered is not None:
            return entered
        try:
            name = reference.edition_conventions(self.submission.edition).inflators
        except reference.ReferenceError:
            return None
        return reference.inflator_table(name) if name else None

    def indicators(self) -> list[PurposeIndicator]:
        return list(self.submission.indicators)

    def indicator_value(self, number: int, year: Year) -> Num:
        """Value of purpose indicator ``number`` (1-based) in ``year``; a year no report covers, an
        indicator the report lacks, or a value absent from its series → S/I (not reported)."""
        if year in self.metrics.years:
            sources = [self.submission]
        else:
            sources = [p.submission for p in self.history if year in p.submission.years]
        if not sources or number > len(sources[0].indicators):
            return Missing.NOT_REPORTED
        value: Num = sources[0].indicators[number - 1].values.get(year, Missing.NOT_REPORTED)
        return value

    def has_year(self, year: Year) -> bool:
        """True when the current ficha or a history report covers ``year``."""
        return year in self.metrics.years or any(year in p.metrics.years for p in self.history)

    def judgement(self, code: str, indicator: int | None = None) -> Judgement | None:
        """The evaluator's judgement ``code`` (for purpose indicator ``indicator``), if given."""
        for j in self.submission.review.judgements:
            if j.code == code and j.indicator == indicator:
                return j
        return None


def as_decimal(value: Num) -> Decimal | None:
    return value if isinstance(value, Decimal) else None
