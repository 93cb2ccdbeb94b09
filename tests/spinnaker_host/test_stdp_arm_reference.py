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
from .test_stdp_triplet import spynnaker_triplet

pytestmark = pytest.mark.arm


@pytest.fixture(scope="module")
def drivers():
    return armref.build_stdp_driver(arm=False), armref.build_stdp_driver(arm=True)


def _events(pre: list[int], post: list[int]) -> list[tuple[int, int]]:
    """(kind, tick) in time order, the post spikes of a tick before its pre spikes."""
    return [(kind, t) for t, kind in sorted([(t, 0) for t in post] + [(t, 1) for t in pre])]


PAIRINGS = ("all_to_all", "nearest", "pre_centered", "restricted")  # stdp.h's order


@settings(max_examples=60, deadline=None)
@given(data=st.data(), dependence=st.sampled_from(["additive", "multiplicative"]), pairing=st.sampled_from(PAIRINGS))
def test_weights_equal_gccs_arm_accum_and_the_reference(drivers, data, dependence, pairing) -> None:
    """Every pair rule spinnaker-host lowers (all-to-all and the three nearest-neighbour pairings)."""
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
            "a2_plus": a_plus, "a2_minus": a_minus, "shift": shift, "delay": d, "word": word,
            "pairing": PAIRINGS.index(pairing)}
    plus, minus = host_lut(dt, tau_plus), host_lut(dt, tau_minus)
    events = _events(pre, post)
    host = armref.run_stdp_driver(drivers[0], rule, plus, minus, events, arm=False)
    arm = armref.run_stdp_driver(drivers[1], rule, plus, minus, events, arm=True)
    assert host == arm
    assert len(host) == len(pre)
    assert host[-1] == spynnaker_stdp(pre, post, word=word, shift=shift, d=d, dt=dt, dependence=dependence,
                                      tau_plus=tau_plus, tau_minus=tau_minus, lam=lam, alpha=alpha, wmax=wmax,
                                      pairing=pairing)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_triplet_weights_equal_gccs_arm_accum_and_the_reference(drivers, data) -> None:
    """The triplet rule (sPyNNaker's PfisterSpikeTriplet and additive two-term weight dependence): two accum
    products per update, one clamp, the products of traces in s4.11."""
    pre = sorted(set(data.draw(st.lists(st.integers(1, 400), min_size=1, max_size=40), label="pre")))
    post = sorted(set(data.draw(st.lists(st.integers(1, 400), max_size=60), label="post")))
    d, shift = data.draw(st.integers(1, 16), label="delay"), data.draw(st.integers(0, 12), label="shift")
    word = data.draw(st.integers(0, 0xFFFF), label="word")
    taus = [data.draw(st.floats(5, 60)), data.draw(st.floats(5, 60)), data.draw(st.floats(20, 200)),
            data.draw(st.floats(20, 200))]
    wmax = data.draw(st.floats(0.05, 2.0 ** (shift + 1) - 1e-3))
    amps = [data.draw(st.floats(0.0, 0.3)) * wmax for _ in range(4)]  # A2+, A2-, A3+, A3- in weight units
    rule = {"multiplicative": 0, "w_min": 0, "w_max": s1615(wmax), "a2_plus": s1615(amps[0]),
            "a2_minus": s1615(amps[1]), "shift": shift, "delay": d, "word": word, "triplet": 1,
            "a3_plus": s1615(amps[2]), "a3_minus": s1615(amps[3])}
    luts = [host_lut(1.0, tau) for tau in taus]
    events = _events(pre, post)
    host = armref.run_stdp_driver(drivers[0], rule, luts[0], luts[1], events, arm=False, x_lut=luts[2],
                                  y_lut=luts[3])
    arm = armref.run_stdp_driver(drivers[1], rule, luts[0], luts[1], events, arm=True, x_lut=luts[2],
                                 y_lut=luts[3])
    assert host == arm and len(host) == len(pre)
    assert host[-1] == spynnaker_triplet(pre, post, word=word, shift=shift, d=d, dt=1.0, tau_plus=taus[0],
                                         tau_minus=taus[1], tau_x=taus[2], tau_y=taus[3], a2_plus=amps[0],
                                         a2_minus=amps[1], a3_plus=amps[2], a3_minus=amps[3], wmax=wmax)

