"""Equal time constants on spinnaker-host (issue 13 item 2): before, the host refused them (E435, the
propagator P(V_m <- I_syn) was 0/0); now the run completes and follows the analytic solution.

One iaf_psc_exp_neuron with tau_syn_exc = tau_syn_inh = tau_m = tau (and one iaf_psc_alpha_neuron with
tau_syn = tau_m), below threshold, gets one excitatory spike of weight w_e arriving at t_e and one
inhibitory spike of weight w_i at t_i. With equal time constants the exact membrane is

    iaf_psc_exp:   V_m - E_L = sum_k (w_k / C_m) s_k exp(-s_k / tau),             s_k = t - t_k >= 0
    iaf_psc_alpha: V_m - E_L = sum_k (w_k e / (2 C_m tau)) s_k^2 exp(-s_k / tau)

(the alpha kernel is (e / tau) s exp(-s / tau), peak 1). The double-precision build must follow it to
1e-9 of the peak; the s16.15 build must stay as close to the double one as it does with time constants
10 % apart on either side (regular propagators). Measured largest |s16.15 - double| over the 80 ms
(mV; tau_syn = 9, 9.9, 10, 11 ms): iaf_psc_exp 0.041 at 10 ms; iaf_psc_alpha 0.51, 0.60, 0.59, 0.60 (of
a 5.6 mV peak: s16.15 costs iaf_psc_alpha that much with any time constants, e.g. 0.24 mV of 4.4 at 5 ms).
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from portasnn.builder import Network
from portasnn.results import read_results

pytestmark = pytest.mark.slow
TAU, C_M, E_L = 10.0, 250.0, -70.0
W_E, W_I = 200.0, -80.0          # pA
T_E, T_I, DELAY = 5.0, 20.0, 1.0  # spike times (ms) and delay


def _network(model: str, tau_syn: float = TAU) -> Network:
    net = Network("equal_tau")
    net.model("m", nestml=model)
    net.population("P", 1, "m", params={"tau_m": TAU, "tau_syn_exc": tau_syn, "tau_syn_inh": tau_syn, "C_m": C_M,
                                         "E_L": E_L, "V_reset": E_L, "V_th": -40.0})
    net.spike_times("exc", targets=["P"], times=[T_E], weight=W_E, delay=DELAY)
    net.spike_times("inh", targets=["P"], times=[T_I], weight=W_I, delay=DELAY)
    net.record("P", ["V_m"], interval=0.1)
    net.simulate(80.0, resolution=0.1, seed=3)
    return net


def _analytic(model: str, t: np.ndarray, arrival_shift: float) -> np.ndarray:
    v = np.zeros_like(t)
    for w, t_k in ((W_E, T_E + DELAY + arrival_shift), (W_I, T_I + DELAY + arrival_shift)):
        s = np.clip(t - t_k, 0.0, None)
        if model == "iaf_psc_exp_neuron":
            v += w / C_M * s * np.exp(-s / TAU)
        else:
            v += w * math.e / (2 * C_M * TAU) * s ** 2 * np.exp(-s / TAU)
    return E_L + v


@pytest.mark.parametrize("model", ["iaf_psc_exp_neuron", "iaf_psc_alpha_neuron"])
def test_equal_time_constants_follow_the_analytic_solution(tmp_path, model):
    """issue 13 item 2: the limit form of the propagators on spinnaker-host (float and s16.15)."""
    from portasnn.run import run

    def trace(target: str, tau_syn: float) -> tuple[np.ndarray, np.ndarray]:
        out = run(_network(model, tau_syn).ir(), target=target, outdir=tmp_path / f"{target}-{tau_syn}",
                  progress=False)
        recorded = read_results(out).traces["P"]["V_m"]
        return recorded.times, recorded.of(0)

    t, v = trace("spinnaker-host-float", TAU)
    assert np.all(np.isfinite(v))
    peak = np.max(np.abs(v - E_L))
    assert peak > 1.0, "the input must move the membrane"
    # the step in which a spike takes effect follows the host's tick order: the shape must be exact for one
    errors = {k * 0.1: np.max(np.abs(v - _analytic(model, t, k * 0.1))) for k in range(-2, 3)}
    assert min(errors.values()) <= 1e-9 * peak, errors
    t_fixed, v_fixed = trace("spinnaker-host", TAU)
    np.testing.assert_array_equal(t_fixed, t)
    deviation = np.max(np.abs(v_fixed - v))
    neighbours = []
    for tau_syn in (0.9 * TAU, 1.1 * TAU):
        _, v_regular = trace("spinnaker-host-float", tau_syn)
        _, v_regular_fixed = trace("spinnaker-host", tau_syn)
        neighbours.append(np.max(np.abs(v_regular_fixed - v_regular)))
    assert deviation <= 1.2 * max(neighbours) + 1e-3, (deviation, neighbours)


@pytest.mark.parametrize("model", ["iaf_psc_exp_neuron", "iaf_psc_alpha_neuron"])
def test_the_spinnaker_parameter_module_is_finite_at_equal_time_constants(model):
    """issue 13 item 2: the generated <stem>_params.py, which the sPyNNaker class and spinnaker-host both use,
    gives finite fields at tau_syn = tau_m (before: NaN, E435 on spinnaker-host), equal to the limit."""
    from .conftest import solved
    from portasnn.targets.spinnaker.lower import lower
    from portasnn.targets.spinnaker.params_runtime import derive_fields

    low = lower(solved(model))
    values = {p.name: p.default for p in low.params}
    values.update({s.name: s.default for s in low.states if s.exposed})
    values.update(tau_m=TAU, tau_syn_exc=TAU, tau_syn_inh=TAU)
    fields = derive_fields(low, values, 0.1)
    assert all(math.isfinite(v) for v in fields.values()), fields
    if model == "iaf_psc_exp_neuron":  # P(V_m <- I_syn) = h / C_m exp(-h / tau): mV per nA with C_m in nF
        expected = 0.1 / values["C_m"] * math.exp(-0.1 / TAU)
        assert sum(abs(abs(v) - expected) <= 1e-12 * expected for v in fields.values()) == 2, fields
