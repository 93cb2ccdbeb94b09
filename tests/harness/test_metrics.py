"""Metrics against hand-computed values, and their properties (hypothesis)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.harness.metrics import (coincidence_factor, coincidences, rate_spectrum_peak_hz, trace_errors,
                                      van_rossum)

DURATION = 1000.0
# well separated spike times (>= 60 ms apart: many van Rossum time constants), so that shifts of up to 10 ms
# never change which spikes pair up
spike_sets = st.lists(st.integers(min_value=1, max_value=15), min_size=1, max_size=15, unique=True).map(
    lambda ks: np.array(sorted(60.0 * k for k in ks)))
directions = st.lists(st.floats(min_value=-1.0, max_value=1.0), min_size=15, max_size=15).map(np.array)
traces = st.lists(st.floats(min_value=-80.0, max_value=40.0), min_size=1, max_size=50).map(np.array)


def test_trace_errors_hand_computed():
    e = trace_errors(np.array([1.0, 2.0, -4.0]), np.array([1.0, 2.5, -3.0]))
    assert e["max_abs"] == pytest.approx(1.0)
    assert e["max_rel"] == pytest.approx(1.0 / 4.0)
    assert e["rms"] == pytest.approx(np.sqrt((0.25 + 1.0) / 3))


def test_coincidence_factor_hand_computed():
    a = np.array([10.0, 50.0, 90.0])
    b = np.array([10.5, 52.0, 90.0])  # two coincidences within 1 ms
    assert coincidences(a, b, 1.0) == 2
    expected = 2 * 1.0 * 3 * 3 / 100.0
    norm = 1 - 1.0 * 6 / 100.0
    assert coincidence_factor(a, b, 100.0) == pytest.approx((2 - expected) / (0.5 * 6 * norm))
    assert coincidence_factor(a, np.array([]), 100.0) == 0.0
    assert coincidence_factor(np.array([]), np.array([]), 100.0) == 1.0
    # 15 spikes each in 19.5 ms with a 1 ms window: 1 - delta (na + nb) / T < 0, chance fills the window
    dense = np.arange(15) * 1.3
    assert coincidence_factor(dense, dense, 19.5, 1.0) is None


def test_independent_trains_have_gamma_near_zero():
    rng = np.random.default_rng(1)
    a, b = (np.sort(rng.uniform(0, 100_000, 2000)) for _ in range(2))
    assert abs(coincidence_factor(a, b, 100_000.0)) < 0.1


def test_van_rossum_single_spike_against_none_is_one():
    assert van_rossum(np.array([100.0]), np.array([]), DURATION) == pytest.approx(1.0)


def test_rate_spectrum_peak_finds_an_oscillation():
    rng = np.random.default_rng(2)
    t = np.arange(0.0, 2000.0, 0.1)
    rate = 20.0 * (1 + np.sin(2 * np.pi * 40.0 * t / 1000.0)) / 1000.0 * 0.1  # 40 Hz modulation, 200 neurons
    trains = [t[rng.random(t.size) < rate] for _ in range(200)]
    assert rate_spectrum_peak_hz(trains, 0.0, 2000.0) == pytest.approx(40.0, abs=4.0)


@given(spike_sets)
def test_identical_inputs_give_zero_distance(a):
    assert van_rossum(a, a, DURATION) == pytest.approx(0.0, abs=1e-6)  # elephant: sqrt of round-off
    assert coincidence_factor(a, a, DURATION) == pytest.approx(1.0)
    assert trace_errors(a, a) == {"max_abs": 0.0, "max_rel": 0.0, "rms": 0.0}


@settings(max_examples=50)
@given(spike_sets, spike_sets)
def test_symmetry(a, b):
    assert van_rossum(a, b, DURATION) == pytest.approx(van_rossum(b, a, DURATION))
    assert coincidence_factor(a, b, DURATION) == pytest.approx(coincidence_factor(b, a, DURATION))
    assert trace_errors(a[:1], b[:1]) == trace_errors(b[:1], a[:1])


@settings(max_examples=50)
@given(spike_sets, directions, st.floats(0.0, 5.0), st.floats(0.0, 5.0))
def test_monotone_in_jitter(a, u, small, extra):
    large = small + extra
    jitter = u[: a.size]
    d_small = van_rossum(a, a + small * jitter, DURATION)
    d_large = van_rossum(a, a + large * jitter, DURATION)
    assert d_large >= d_small - 1e-9
    assert coincidences(a, a + large * jitter, 1.0) <= coincidences(a, a + small * jitter, 1.0)


@given(traces, traces.filter(lambda x: np.abs(x).max() > 0), st.floats(0.0, 10.0), st.floats(0.0, 10.0))
def test_rms_grows_with_the_size_of_an_offset(v, shape, small, extra):
    shape = np.resize(shape, v.size)
    assert trace_errors(v, v + (small + extra) * shape)["rms"] >= trace_errors(v, v + small * shape)["rms"] - 1e-9
    assert trace_errors(v, v + (small + extra) * shape)["max_abs"] >= \
        trace_errors(v, v + small * shape)["max_abs"] - 1e-9
