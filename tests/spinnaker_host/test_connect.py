"""Connection rules drawn by netdata.connect (PyNN / NEST semantics)."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.ir.network import Connector, Projection
from portasnn.targets.spinnaker_host.netdata import connect, delay_ticks


def _proj(rule, autapses=True, multapses=True, **params):
    return Projection(name="p", pre="A", post="A", connector=Connector(
        rule=rule, params=tuple(params.items()), allow_autapses=autapses, allow_multapses=multapses),
        weight=1.0, delay=1.0)


@given(n=st.integers(2, 40), k=st.integers(1, 10), autapses=st.booleans(), multapses=st.booleans(),
       seed=st.integers(0, 2**31))
@settings(max_examples=60)
def test_fixed_indegree(n, k, autapses, multapses, seed):
    k = min(k, n - (0 if autapses else 1)) if not multapses else k
    pre, post = connect(_proj("fixed_indegree", autapses, multapses, indegree=k), n, n, True,
                        np.random.default_rng(seed))
    assert np.array_equal(np.bincount(post, minlength=n), np.full(n, k))
    assert pre.min() >= 0 and pre.max() < n
    if not autapses:
        assert not np.any(pre == post)
    if not multapses:
        assert len(set(zip(pre.tolist(), post.tolist()))) == pre.size


@given(n=st.integers(2, 30), k=st.integers(1, 8), seed=st.integers(0, 2**31))
@settings(max_examples=30)
def test_fixed_outdegree_without_autapses(n, k, seed):
    pre, post = connect(_proj("fixed_outdegree", False, True, outdegree=k), n, n, True, np.random.default_rng(seed))
    assert np.array_equal(np.bincount(pre, minlength=n), np.full(n, k))
    assert not np.any(pre == post)


def test_all_to_all_and_one_to_one():
    pre, post = connect(_proj("all_to_all", autapses=False), 4, 4, True, np.random.default_rng(0))
    assert pre.size == 12 and not np.any(pre == post)
    pre, post = connect(_proj("one_to_one"), 5, 5, False, np.random.default_rng(0))
    assert np.array_equal(pre, post)


def test_fixed_probability_density():
    pre, post = connect(_proj("fixed_probability", autapses=False, p=0.1), 300, 300, True, np.random.default_rng(1))
    expected = 0.1 * 300 * 299
    assert abs(pre.size - expected) < 5 * np.sqrt(expected)
    assert not np.any(pre == post)


def test_fixed_total_number_without_multapses():
    pre, post = connect(_proj("fixed_total_number", autapses=False, multapses=False, n=500), 40, 40, True,
                        np.random.default_rng(2))
    assert pre.size == 500 and not np.any(pre == post)
    assert len(set(zip(pre.tolist(), post.tolist()))) == 500


def test_delays_round_to_whole_ticks_at_least_one():
    assert list(delay_ticks(np.array([0.0, 0.04, 0.06, 1.5, 2.5]), 0.1, None)) == [1, 1, 1, 15, 25]
    assert list(delay_ticks(np.array([1.5, 2.5, 0.2]), 1.0, None)) == [2, 2, 1]  # rint: half to even
