"""SpikeSourcePoisson's numbers for one rate: the spikes-per-tick bound that sizes sPyNNaker's ring-buffer
shift and the u0.32 count thresholds the engine draws from, computed as ``scipy.stats`` computes them.

scipy takes 0.3-0.5 s to import, more than a warm run of a small network simulates, so the numbers of a rate are
kept in the build cache (key: the rate's exact bits, scipy's version and this file's sha256) and scipy is imported
only on a miss. ``compute`` is the uncached definition; ``numbers`` is what the target uses.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SLOW_RATE_PER_TICK_CUTOFF = 0.01  # sPyNNaker: below, exponential inter-spike intervals in whole ticks
FAST_RATE_PER_TICK_CUTOFF = 10.0  # sPyNNaker: at and above, a Gaussian approximation of the count
TABLE = "count_cdf.npy"


@dataclass(frozen=True)
class PoissonNumbers:
    """``max_per_tick``: 0.999 quantile of the count per tick plus one, as sPyNNaker sizes the ring-buffer shift
    (1 in the slow regime); ``count_cdf``: u0.32 thresholds of P(count <= k) (see :func:`count_cdf`)."""

    max_per_tick: float
    count_cdf: np.ndarray


def poisson_ppf(q: float, lam: float) -> int:
    """``scipy.stats.poisson.ppf(q, lam)`` for 0 < q < 1, as scipy.stats computes it, with ``scipy.special``."""
    from scipy.special import pdtr, pdtrik

    k = math.ceil(pdtrik(q, lam))
    below = max(k - 1, 0)
    return int(below if pdtr(below, lam) >= q else k)


def max_per_tick(lam: float) -> float:
    """The 0.999 quantile of Poisson(lam), plus one; 1 in the slow regime."""
    if lam < SLOW_RATE_PER_TICK_CUTOFF:
        return 1.0
    return poisson_ppf(1.0 - 1.0 / 1000.0, lam) + 1.0


def count_cdf(lam: float) -> np.ndarray:
    """u0.32 thresholds of P(count <= k) of one tick of SpikeSourcePoisson at lam spikes per tick.

    Slow regime (lam < 0.01): sPyNNaker draws exponential inter-spike intervals with an integer
    mean of ``(uint32)(1/lam)`` ticks, i.e. a Poisson process of rate 1/floor(1/lam) per tick.
    Fast regime: Poisson(lam) counts (Knuth's method on the board). Gaussian regime (lam >= 10):
    count = round((Z/2 + sqrt(lam))^2), Z standard normal.
    """
    from scipy.special import ndtr, pdtr  # scipy.stats' poisson.cdf and norm.cdf, without importing scipy.stats

    if lam <= 0:
        return np.zeros(0, np.uint32)
    if lam < SLOW_RATE_PER_TICK_CUTOFF:
        lam = 1.0 / math.floor(1.0 / lam)
    if lam < FAST_RATE_PER_TICK_CUTOFF:
        hi = poisson_ppf(1.0 - 2.0 ** -40, lam) + 2
        cdf = pdtr(np.floor(np.arange(hi)), lam)
    else:
        root = math.sqrt(lam)
        hi = int((root + 4.0) ** 2) + 2
        edge = np.sqrt(np.arange(hi) + 0.5)
        cdf = ndtr((edge - root) / 0.5) - ndtr((-edge - root) / 0.5)
    thresholds = np.minimum(np.floor(cdf * 2.0 ** 32), 2.0 ** 32 - 1)
    last = int(np.searchsorted(thresholds, 2.0 ** 32 - 1))  # drop the saturated tail
    return thresholds[: last + 1].astype(np.uint32)


def compute(lam: float) -> PoissonNumbers:
    """The numbers of one rate, computed (imports scipy.special)."""
    return PoissonNumbers(max_per_tick(lam), count_cdf(lam))


@functools.lru_cache(maxsize=1)
def _key_parts() -> dict[str, str]:
    return {"kind": "spinnaker-host-poisson", "scipy": importlib.metadata.version("scipy"),
            "code": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}


@functools.lru_cache(maxsize=256)
def numbers(lam: float) -> PoissonNumbers:
    """:func:`compute`, from the build cache when this rate was seen before (by any process)."""
    from portasnn.cache import BuildCache, cache_key

    lam = float(lam)
    inputs = {**_key_parts(), "lam": lam.hex()}

    def build(tmp: Path) -> dict:
        found = compute(lam)
        np.save(tmp / TABLE, found.count_cdf, allow_pickle=False)
        return {"max_per_tick": found.max_per_tick}

    entry = BuildCache().get_or_build(cache_key(inputs), build, label=f"Poisson tables, {lam:g} spikes per tick",
                                      inputs=inputs)
    try:
        table = np.load(entry.path / TABLE, allow_pickle=False)
        bound = float(entry.meta["result"]["max_per_tick"])
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError):
        return compute(lam)  # a damaged entry: the definition, not a guess
    if table.dtype != np.uint32 or table.ndim != 1:
        return compute(lam)
    return PoissonNumbers(bound, table)
