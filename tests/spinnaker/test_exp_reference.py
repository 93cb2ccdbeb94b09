"""Generated iaf_psc_exp_neuron on the spinnaker-host build against hand-computed fixed-point steps.

The reference below is written from the model's equations (exact integration of
dV/dt = -(V - E_L)/tau_m + (I_exc - I_inh + I_e + I_stim)/C_m, dI/dt = -I/tau_syn, NESTML's
update order) and SpiNNaker's arithmetic (``fixed.mul``: floor(A*B / 2^15); wrapping adds), with
its own closed-form propagators, encoded as sPyNNaker's host encodes S1615. It shares no code
with the generator except the fixed-point primitives.
"""
from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings, strategies as st

from portasnn.targets.spinnaker_host import armref, fixed
from portasnn.targets.spinnaker_host.lower import host_model
from portasnn.targets.spinnaker_host.model import PackContext

ENC = fixed.encode_s1615


def s32(x: int) -> int:
    return fixed.s32(x)


def reference(p: dict, dt: float, inputs: np.ndarray, offsets: np.ndarray):
    """Per step: (spiked, [V, refr_t, I_exc, I_inh] before the update), raw bits; currents in nA."""
    C, tm, te, ti = p["C_m"], p["tau_m"], p["tau_syn_exc"], p["tau_syn_inh"]
    p22 = math.exp(-dt / tm)

    def p21(ts: float) -> float:  # mV per pA after one step of a current decaying with ts
        return tm * ts / (C * (ts - tm)) * (math.exp(-dt / ts) - math.exp(-dt / tm))

    k = dict(pe=ENC(math.exp(-dt / te)), pi=ENC(math.exp(-dt / ti)), p22=ENC(p22),
             p21e=ENC(1000.0 * p21(te)), p21i=ENC(-1000.0 * p21(ti)),
             cur=ENC(1000.0 * tm / C * (1 - p22)),
             const=ENC(p["E_L"] - p["E_L"] * p22 + p["I_e"] * tm / C - p["I_e"] * tm * p22 / C),
             mdt=ENC(-dt), vth=ENC(p["V_th"]), vreset=ENC(p["V_reset"]), tref=ENC(p["refr_T"]))
    V, refr, ie, ii = ENC(p["E_L"]), 0, 0, 0
    out_spk, out_rec = [], []
    mul = fixed.mul
    for t in range(inputs.shape[0]):
        se, si = int(inputs[t, 0]), int(inputs[t, 1])
        out_rec.append((V, refr, ie, ii))
        ie_new, ii_new = mul(ie, k["pe"]), mul(ii, k["pi"])
        if refr > 0:
            refr = s32(refr + k["mdt"])
        else:
            V = s32(mul(int(offsets[t]), k["cur"]) + mul(ie, k["p21e"]) + mul(ii, k["p21i"]) + mul(V, k["p22"])
                    + k["const"])
        ie, ii = ie_new, ii_new
        if se:
            ie = s32(ie + se)
        if si:
            ii = s32(ii + si)
        spiked = V >= k["vth"] and refr <= 0
        if spiked:
            refr, V = k["tref"], k["vreset"]
        out_spk.append(int(spiked))
    return np.array(out_spk), np.array(out_rec, dtype=np.int64)


@settings(max_examples=8, deadline=None)
@given(tau_m=st.floats(5.0, 30.0), tau_e=st.floats(0.3, 4.0), tau_i=st.floats(0.3, 4.0),
       c_m=st.floats(100.0, 400.0), i_e=st.floats(0.0, 500.0), dt=st.sampled_from([0.1, 1.0]),
       seed=st.integers(0, 2 ** 16))
def test_generated_exp_model_matches_hand_computed_steps(exp_ir, tau_m, tau_e, tau_i, c_m, i_e, dt, seed):
    if min(abs(tau_m - tau_e), abs(tau_m - tau_i)) < 0.5:
        return
    model = host_model(exp_ir)
    params = {"C_m": c_m, "tau_m": tau_m, "tau_syn_exc": tau_e, "tau_syn_inh": tau_i, "refr_T": 2.0,
              "E_L": -70.0, "V_reset": -70.0, "V_th": -55.0, "I_e": i_e}
    values = {**model.defaults, **params}
    values["V_m"] = -70.0
    words = model.pack({k: np.array([v]) for k, v in values.items()}, PackContext(n=1, dt_ms=dt, arith="fixed"))[0]
    rng = np.random.default_rng(seed)
    steps = 600
    inputs = np.zeros((steps, 2), np.int64)
    mask = rng.random((steps, 2)) < 0.2
    inputs[mask] = rng.integers(1, 2 ** 15, mask.sum())  # up to 1 nA per tick
    offsets = np.where(rng.random(steps) < 0.3, rng.integers(0, 2 ** 14, steps), 0)
    driver = armref.build_step_driver(model.header, arm=False)
    trace = armref.run_step_driver(driver, words, inputs, offsets, n_recorded=len(model.recordables), arm=False)
    spk, rec = reference(params, dt, inputs, offsets)
    names = [r.name for r in model.recordables]
    assert names == ["V_m", "refr_t", "I_syn_exc", "I_syn_inh"]
    np.testing.assert_array_equal(trace.recorded, rec)
    np.testing.assert_array_equal(trace.spiked, spk)


def test_reference_is_not_trivial(exp_ir):
    """The hand reference spikes with DC drive, so the comparison covers threshold and reset."""
    params = {"C_m": 250.0, "tau_m": 10.0, "tau_syn_exc": 2.0, "tau_syn_inh": 2.0, "refr_T": 2.0, "E_L": -70.0,
              "V_reset": -70.0, "V_th": -55.0, "I_e": 1000.0}
    spk, rec = reference(params, 0.1, np.zeros((500, 2), np.int64), np.zeros(500, np.int64))
    assert spk.sum() >= 2
    # membrane time course approaches E_L + I_e*tau_m/C_m = -54 mV, within fixed-point error
    assert abs(rec[20, 0] / 32768.0 - (-70.0 + 40.0 * (1 - math.exp(-2.0 / 10.0)))) < 0.05
