"""Narrative percentages agree with their table (docs/methodology.md §3.2): the served-population text names
regions with a percentage («la Araucanía (12%)», «La región del Maule … con 47% del total»); each must be
the table's regional share of beneficiaries rounded to the printed decimals (half-up or truncated).
Regions are recognised by their names and aliases in ``monitoreo.reference``; a percentage belongs to the
last region named before it in the same sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from monitoreo import reference
from monitoreo.domain.submission import Submission
from monitoreo.metrics import Metrics
from monitoreo.validation.issues import Issue
from monitoreo.validation.registry import check, issue_type, make
from monitoreo.validation.tolerance import rounds_to

CONTRADICTION = issue_type(
    "narrative.E001",
    "Porcentaje del texto contradice su tabla",
    "El texto de la población beneficiada dice «{quote}» ({printed}%), pero la tabla regional da "
    "{served}/{total} = {computed}% para {region}.",
)

PERCENT = re.compile(r"(\d{1,3}(?:,\d+)?)\s?%")
SENTENCE_END = re.compile(r"\.(?:\s|$)")


@cache
def _region_pattern() -> re.Pattern[str]:
    spellings = {
        s for r in reference.regions() if not r.not_a_region for s in (r.name, r.name_2020, *r.aliases)
    }
    alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def mentions(text: str) -> Iterator[tuple[str, str, Decimal]]:
    """(region key, quoted text, printed percent) for each region followed by a percentage in its sentence."""
    for sentence in SENTENCE_END.split(text):
        found = list(_region_pattern().finditer(sentence))
        for i, match in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(sentence)
            pct = PERCENT.search(sentence, match.end(), end)
            region = reference.find_region(match.group(0))
            if pct and region:
                quote = sentence[match.start() : pct.end()].strip() + (
                    ")" if sentence[pct.end() : pct.end() + 1] == ")" else ""
                )
                yield region.key, quote, Decimal(pct.group(1).replace(",", "."))


@check("narrative.served_regions")
def served_regions(sub: Submission, metrics: Metrics) -> Iterator[Issue]:
    served = sub.populations.served
    if served is None or not served.description or sub.regional is None:
        return
    shares = {r.region: r for r in metrics.regions}
    for key, quote, printed in mentions(served.description):
        row = shares.get(key)
        if row is None or not isinstance(row.served_share_pct, Decimal):
            continue
        if not rounds_to(row.served_share_pct, printed):
            total = metrics.region_totals.get("region_served_total")
            yield make(
                CONTRADICTION,
                "populations.served.description",
                quote=quote,
                printed=printed,
                served=row.served,
                total=total,
                computed=row.served_share_pct.quantize(Decimal("0.1")),
                region=row.name,
            )
