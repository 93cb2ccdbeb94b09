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
