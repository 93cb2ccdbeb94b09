"""Host-side fixed-point constants vs the hand-computed table of notes/spinnaker-arithmetic.md."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.targets.spinnaker_host import fixed

# dt, tau, kdivk(ts, tau), expk(-kdivk), expulr(-kdivk), init  (notes, section 1.7)
TABLE = [
    (1.0, 20.0, 1638, 31170, 4085544196, 4188461980),
    (1.0, 5.0, 6553, 26828, 3516490311, 3892384920),
    (0.1, 20.0, 163, 32605, 4273656398, 4261919257),
    (0.1, 5.0, 655, 32119, 4209972212, 4249494765),
]


@pytest.mark.parametrize("dt, tau, k, ek, eulr, init", TABLE)
def test_lif_constants_match_table(dt, tau, k, ek, eulr, init):
    ts = fixed.kdivui(fixed.timestep_s1615(dt), 1)
    t = fixed.encode_s1615(tau)
    assert fixed.kdivk(ts, t) == k
    assert fixed.expk(-k) == ek
    assert fixed.expulr(-k) == eulr
    assert fixed.exp_decay(ts, t) == eulr
    assert fixed.exp_init(ts, t) == init


def test_expk_checks():
    assert fixed.expk(fixed.encode_s1615(-0.05)) == 31170
    assert fixed.expk(fixed.encode_s1615(1.0)) == 89072
    assert fixed.expk(363409) == 2**31 - 1  # saturates above ~11.09
    assert fixed.expk(-340696) == 0


@given(st.floats(-10.0, 10.0))
def test_expk_close_to_exp(x):
    import math

    bits = fixed.double_to_accum(x)
    exact = math.exp(bits / 32768.0) * 32768.0
    assert abs(fixed.expk(bits) - exact) <= max(2.0, 2e-5 * exact)


def test_host_encoding_is_half_even_on_the_decimal():
    assert fixed.timestep_s1615(0.1) == 3277  # 3276.8
    assert fixed.encode_s1615(-65.0) == -65 * 32768
    assert fixed.encode_s1615(1.52587890625e-05) == 0  # exactly 0.5 LSB -> even
    assert fixed.encode_s1615(4.57763671875e-05) == 2  # exactly 1.5 LSB -> even
    with pytest.raises(ValueError):
        fixed.encode_s1615(65536.0)
    with pytest.raises(ValueError):
        fixed.encode_u032(1.0)


def test_kdivk_truncates():
    # 0.1 / 20 -> 163 (0.0049743...), not 0.005 (163.84)
    assert fixed.kdivk(3277, fixed.encode_s1615(20.0)) == 163


def test_refractory_ticks_round_up():
    ts = fixed.timestep_s1615(1.0)
    assert fixed.refractory_ticks(fixed.encode_s1615(2.0), ts) == 2
    assert fixed.refractory_ticks(fixed.encode_s1615(2.5), ts) == 3
    assert fixed.refractory_ticks(fixed.encode_s1615(0.1), ts) == 1


def test_weight_to_ring_buffer_units():
    assert int(fixed.weight_to_ring(0.7, 0)) == 22938
    assert list(fixed.weight_to_ring([0.7, 0.1, 0.3], 1)) == [11469, 1638, 4915]
    assert list(fixed.weight_to_ring([-0.7], 0)) == [22938]  # |w|: inhibition arrives positive


@pytest.mark.parametrize("maxw, shift", [(0.0, 0), (-1.0, 0), (0.7, 0), (1.0, 1), (1.5, 1), (2.0, 2), (3.0, 2),
                                         (100.0, 7), (128.0, 8)])
def test_ring_buffer_shift(maxw, shift):
    assert fixed.ring_buffer_shift(maxw) == shift


@given(st.integers(-2**31, 2**31 - 1), st.integers(-2**31, 2**31 - 1))
def test_mul_is_floor_and_wraps(a, b):
    from fractions import Fraction
    import math

    exact = math.floor(Fraction(a * b, 2**15))
    assert fixed.mul(a, b) == ((exact + 2**31) % 2**32) - 2**31


@given(st.integers(0, 2**31 - 1), st.integers(1, 2**31 - 1))
@settings(max_examples=200)
def test_kdivk_matches_definition(a, b):
    assert fixed.kdivk(a, b) == fixed.s32(((a << 15) % 2**64) // b)


def test_ring_buffer_shift_estimates_like_spynnaker():
    """sPyNNaker's estimate, computed by hand: constant delays -> the summed maximum weight;
    varying delays -> mean + 5 sigma of the Poisson-summed input at 30 Hz."""
    import numpy as np

    from portasnn.targets.spinnaker_host.netdata import Incoming
    from portasnn.targets.spinnaker_host.runner import ring_buffer_shifts

    w = np.full(100, 0.5)
    constant = Incoming(synapse_type=0, n_conns=100, weights=w, delay_var=0.0, spikes_per_tick=1.0,
                        spikes_per_second=30.0)
    assert ring_buffer_shifts([constant], 2, 1.0, 1.0) == [6, 0]  # 100 * 0.5 = 50 < 64
    varying = Incoming(synapse_type=1, n_conns=100, weights=w, delay_var=0.25, spikes_per_tick=1.0,
                       spikes_per_second=30.0)
    # 3 spikes per ms: 3 * 0.5 + 5 * sqrt(3 * 0.25) = 5.83 -> 8 = 2^3
    assert ring_buffer_shifts([varying], 2, 1.0, 1.0) == [0, 3]
    assert ring_buffer_shifts([varying], 2, 1.0, 1.0, max_expected=[0.7, 1.0]) == [0, 1]
    assert ring_buffer_shifts([constant], 2, 1024.0, 1.0) == [16, 0]  # conductance scale: 51200
