"""The numbers of a Poisson source (spikes-per-tick bound, count tables) are scipy.stats' own, computed without
importing scipy.stats, and the copies kept in the build cache are the same numbers."""
from __future__ import annotations

import math
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.targets.spinnaker_host import poisson


@settings(max_examples=300)
@given(st.floats(min_value=1e-6, max_value=1e4, allow_nan=False))
def test_the_bound_is_scipy_stats_own(lam: float) -> None:
    """issue 13 item 11: scipy.stats took seconds of every warm spinnaker-host run; the same numbers without it."""
    from scipy.stats import poisson as scipy_poisson

    expected = 1.0 if lam < 0.01 else int(math.ceil(scipy_poisson.ppf(1.0 - 1.0 / 1000.0, lam))) + 1.0
    assert poisson.max_per_tick(lam) == expected


def _count_cdf_with_scipy_stats(lam: float) -> np.ndarray:
    """The count tables as they were written with scipy.stats."""
    from scipy.stats import norm
    from scipy.stats import poisson as scipy_poisson

    if lam <= 0:
        return np.zeros(0, np.uint32)
    if lam < 0.01:
        lam = 1.0 / math.floor(1.0 / lam)
    if lam < 10.0:
        hi = int(scipy_poisson.ppf(1.0 - 2.0 ** -40, lam)) + 2
        cdf = scipy_poisson.cdf(np.arange(hi), lam)
    else:
        root = math.sqrt(lam)
        hi = int((root + 4.0) ** 2) + 2
        edge = np.sqrt(np.arange(hi) + 0.5)
        cdf = norm.cdf((edge - root) / 0.5) - norm.cdf((-edge - root) / 0.5)
    thresholds = np.minimum(np.floor(cdf * 2.0 ** 32), 2.0 ** 32 - 1)
    last = int(np.searchsorted(thresholds, 2.0 ** 32 - 1))
    return thresholds[: last + 1].astype(np.uint32)


@settings(max_examples=300)
@given(st.floats(min_value=1e-7, max_value=400.0, allow_nan=False))
def test_the_poisson_source_tables_are_scipy_stats_own(lam: float) -> None:
    """issue 13 item 11: the u0.32 count thresholds of a Poisson source, bit for bit, without scipy.stats."""
    assert np.array_equal(poisson.count_cdf(lam), _count_cdf_with_scipy_stats(lam))


@pytest.fixture(scope="module")
def own_cache(tmp_path_factory):
    """A build cache of this module's own (the examples below would otherwise fill the user's)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PORTASNN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield
    poisson.numbers.cache_clear()


@settings(max_examples=25)
@given(st.floats(min_value=1e-7, max_value=400.0, allow_nan=False))
def test_cached_numbers_are_the_computed_ones(own_cache, lam: float) -> None:
    """What the target uses (from the build cache after the first time) equals the definition."""
    poisson.numbers.cache_clear()
    first = poisson.numbers(lam)
    poisson.numbers.cache_clear()
    again = poisson.numbers(lam)  # read back from the build cache
    direct = poisson.compute(lam)
    for got in (first, again):
        assert got.max_per_tick == direct.max_per_tick
        assert got.count_cdf.dtype == np.uint32 and np.array_equal(got.count_cdf, direct.count_cdf)


def test_a_warm_process_does_not_import_scipy(tmp_path) -> None:
    """The second process that needs a rate reads it from the cache: scipy is not imported at all."""
    env = {**os.environ, "PORTASNN_CACHE_DIR": str(tmp_path)}
    code = ("import sys; from portasnn.targets.spinnaker_host import poisson; n = poisson.numbers(0.88); "
            "print(int(n.max_per_tick), n.count_cdf.size, 'scipy' in sys.modules)")
    cold = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    warm = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    expected = poisson.compute(0.88)
    assert cold.stdout.split() == [str(int(expected.max_per_tick)), str(expected.count_cdf.size), "True"]
    assert warm.stdout.split() == [str(int(expected.max_per_tick)), str(expected.count_cdf.size), "False"]


def test_a_damaged_entry_is_not_believed(tmp_path, monkeypatch) -> None:
    """A table file that no longer reads as a table: the numbers are computed, not taken from it."""
    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(tmp_path))
    poisson.numbers.cache_clear()
    poisson.numbers(2.5)
    (table,) = tmp_path.rglob(poisson.TABLE)
    table.write_bytes(b"not a table")
    poisson.numbers.cache_clear()
    assert np.array_equal(poisson.numbers(2.5).count_cdf, poisson.compute(2.5).count_cdf)
    poisson.numbers.cache_clear()
