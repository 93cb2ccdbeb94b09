"""STDP bit accuracy against GCC's own ARM accum (issue 17 item 5): one plastic synapse through stdp.h, built for
this CPU (the engine's integer arithmetic) and for ARM with the weight dependences written as sPyNNaker's C writes
them in `accum` (run under qemu-arm), on random spike trains, delays and rules: the same 16-bit weight word after
every pre spike. The host build is also held to the Python reference of sPyNNaker's algorithm (test_stdp.py),
which the engine's whole-network runs are checked against."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.targets.spinnaker_host import armref

from .test_stdp import host_lut, s1615, spynnaker_stdp

pytestmark = pytest.mark.arm


@pytest.fixture(scope="module")
def drivers():
    return armref.build_stdp_driver(arm=False), armref.build_stdp_driver(arm=True)


def _events(pre: list[int], post: list[int]) -> list[tuple[int, int]]:
    """(kind, tick) in time order, the post spikes of a tick before its pre spikes."""
    return [(kind, t) for t, kind in sorted([(t, 0) for t in post] + [(t, 1) for t in pre])]


@settings(max_examples=60, deadline=None)
@given(data=st.data(), dependence=st.sampled_from(["additive", "multiplicative"]))
def test_weights_equal_gccs_arm_accum_and_the_reference(drivers, data, dependence) -> None:
    pre = sorted(set(data.draw(st.lists(st.integers(1, 400), min_size=1, max_size=40), label="pre")))
    post = sorted(set(data.draw(st.lists(st.integers(1, 400), max_size=60), label="post")))
    d = data.draw(st.integers(1, 16), label="delay")
    shift = data.draw(st.integers(0, 12), label="shift")
    word = data.draw(st.integers(0, 0xFFFF), label="word")
    tau_plus, tau_minus = data.draw(st.floats(5, 60)), data.draw(st.floats(5, 60))
    lam, alpha = data.draw(st.floats(1e-4, 0.5)), data.draw(st.floats(0.1, 3.0))
    wmax = data.draw(st.floats(0.05, 2.0 ** (shift + 1) - 1e-3))  # w_max within the 16-bit range at this shift
    dt = 1.0
    if dependence == "additive":
        a_plus, a_minus = s1615(lam * wmax), s1615(alpha * lam * wmax)
    else:
        a_plus, a_minus = s1615(lam), s1615(alpha * lam)
    rule = {"multiplicative": int(dependence == "multiplicative"), "w_min": 0, "w_max": s1615(wmax),
            "a2_plus": a_plus, "a2_minus": a_minus, "shift": shift, "delay": d, "word": word}
    plus, minus = host_lut(dt, tau_plus), host_lut(dt, tau_minus)
    events = _events(pre, post)
    host = armref.run_stdp_driver(drivers[0], rule, plus, minus, events, arm=False)
    arm = armref.run_stdp_driver(drivers[1], rule, plus, minus, events, arm=True)
    assert host == arm
    assert len(host) == len(pre)
    assert host[-1] == spynnaker_stdp(pre, post, word=word, shift=shift, d=d, dt=dt, dependence=dependence,
                                      tau_plus=tau_plus, tau_minus=tau_minus, lam=lam, alpha=alpha, wmax=wmax)

