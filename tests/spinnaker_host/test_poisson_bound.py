"""The Poisson bound of the ring-buffer shift is computed without importing scipy.stats."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.targets.spinnaker_host.netdata import _max_poisson_per_tick


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=1e-6, max_value=1e4, allow_nan=False))
def test_the_bound_is_scipy_stats_own(lam: float) -> None:
    """issue 13 item 11: scipy.stats took seconds of every warm spinnaker-host run; the same numbers without it."""
    from scipy.stats import poisson

    assert _max_poisson_per_tick(lam) == int(math.ceil(poisson.ppf(1.0 - 1.0 / 1000.0, lam))) + 1.0


def _count_cdf_with_scipy_stats(lam: float):
    """runner.poisson_count_cdf as it was written with scipy.stats."""
    import numpy as np
    from scipy.stats import norm, poisson

    from portasnn.targets.spinnaker_host import netdata

    if lam <= 0:
        return np.zeros(0, np.uint32)
    if lam < netdata.SLOW_RATE_PER_TICK_CUTOFF:
        lam = 1.0 / math.floor(1.0 / lam)
    if lam < netdata.FAST_RATE_PER_TICK_CUTOFF:
        hi = int(poisson.ppf(1.0 - 2.0 ** -40, lam)) + 2
        cdf = poisson.cdf(np.arange(hi), lam)
    else:
        root = math.sqrt(lam)
        hi = int((root + 4.0) ** 2) + 2
        edge = np.sqrt(np.arange(hi) + 0.5)
        cdf = norm.cdf((edge - root) / 0.5) - norm.cdf((-edge - root) / 0.5)
    thresholds = np.minimum(np.floor(cdf * 2.0 ** 32), 2.0 ** 32 - 1)
    last = int(np.searchsorted(thresholds, 2.0 ** 32 - 1))
    return thresholds[: last + 1].astype(np.uint32)


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=1e-7, max_value=400.0, allow_nan=False))
def test_the_poisson_source_tables_are_scipy_stats_own(lam: float) -> None:
    """issue 13 item 11: the u0.32 count thresholds of a Poisson source, bit for bit, without scipy.stats."""
    import numpy as np

    from portasnn.targets.spinnaker_host.runner import poisson_count_cdf

    assert np.array_equal(poisson_count_cdf(lam), _count_cdf_with_scipy_stats(lam))
