"""What every part of one synthetic program shares: the portfolio seed, the program's position, the edition
and its window, and the service and theme drawn for it."""

from __future__ import annotations

import random
from dataclasses import dataclass

from monitoreo.synth.catalog import Catalog, Service, Theme
from monitoreo.synth.draws import rng_for

#: Editions the generator knows (technical notes in the catalog, conventions in ``reference``).
SUPPORTED_EDITIONS = (2020, 2023, 2025)


@dataclass(frozen=True)
class Setting:
    seed: int
    index: int
    edition: int
    years: tuple[int, ...]
    price_base_year: int
    catalog: Catalog
    service: Service
    theme: Theme

    @property
    def evaluated_year(self) -> int:
        return self.years[-1]

    def rng(self, aspect: str) -> random.Random:
        """The random stream of ``aspect`` for this program (see ``draws.rng_for``)."""
        return rng_for(self.seed, self.index, aspect)
