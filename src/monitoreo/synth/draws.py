"""Deterministic random draws for the synthetic portfolio.

Contract: every draw comes from a ``random.Random`` seeded with a string built from the portfolio seed, the
program's position and an *aspect* («identity», «money», …). String seeds are hashed with SHA-512 by the
standard library (seeding version 2), so the same seed gives the same portfolio on every platform and
Python 3 version, program *i* does not depend on how many programs are generated, and changing how one
aspect is drawn does not reshuffle the others. No clock, no global random state."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def rng_for(seed: int, index: int, aspect: str) -> random.Random:
    """The random stream of one aspect of program ``index`` in the portfolio of ``seed``."""
    return random.Random(f"monitoreo-synth/{seed}/{index}/{aspect}")


def chance(rng: random.Random, probability: float) -> bool:
    """True with ``probability``."""
    return rng.random() < probability


def log_uniform(rng: random.Random, low: float, high: float) -> float:
    """A value whose logarithm is uniform on [log low, log high]."""
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def between(rng: random.Random, bounds: Sequence[float]) -> float:
    """Uniform on ``[bounds[0], bounds[1]]``."""
    return rng.uniform(bounds[0], bounds[1])


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One item, uniformly."""
    return items[rng.randrange(len(items))]


def sample(rng: random.Random, items: Sequence[T], k: int) -> list[T]:
    """``k`` distinct items (all of them when there are fewer), in draw order."""
    return rng.sample(list(items), min(k, len(items)))


def split_integer(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` into non-negative integers proportional to ``weights`` that sum exactly to ``total``
    (largest-remainder method; ties go to the earlier item). Zero weights get zero."""
    if total < 0:
        raise ValueError("total must be non-negative")
    weight_sum = sum(weights)
    if not weights or weight_sum <= 0:
        raise ValueError("weights must contain a positive value")
    exact = [total * w / weight_sum for w in weights]
    parts = [math.floor(x) for x in exact]
    missing = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:missing]:
        parts[i] += 1
    return parts


def noisy_weights(rng: random.Random, base: Sequence[float], spread: float) -> list[float]:
    """``base`` weights each multiplied by a log-normal factor of standard deviation ``spread``."""
    return [b * math.exp(rng.gauss(0.0, spread)) for b in base]
