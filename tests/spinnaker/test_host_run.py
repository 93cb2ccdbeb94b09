"""``portasnn.run(net, target="spinnaker-host")`` with a generated NESTML model, against the analytic LIF.

A population of iaf_psc_exp_neuron driven by a constant current I_e and no input fires regularly:
from E_L the membrane reaches V_th at t* = -tau_m ln(1 - (V_th - E_L) C_m / (I_e tau_m)); after each
spike it stays refractory for refr_T and starts again from V_reset = E_L, so the spike times are
t* + k (t* + refr_T), rounded up to the step grid. The s16.15 and double builds of the same C
must both reproduce them (within one step).
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from portasnn.builder import FixedIndegree, Network
from portasnn.results import read_results

pytestmark = pytest.mark.slow

I_E, TAU_M, C_M, E_L, V_TH, REFR = 500.0, 10.0, 250.0, -70.0, -55.0, 2.0


def _network() -> Network:
    net = Network("host_lif")
    net.model("exp", nestml="iaf_psc_exp_neuron")
    net.population("driven", 5, "exp", params={"I_e": I_E, "tau_m": TAU_M, "C_m": C_M, "E_L": E_L,
                                               "V_reset": E_L, "V_th": V_TH, "refr_T": REFR})
    net.population("quiet", 3, "exp")
    net.connect("driven", "quiet", FixedIndegree(2), weight=20.0, delay=1.0)
    net.record_spikes("driven")
    net.record_spikes("quiet")
    net.record("quiet", ["V_m", "I_syn_exc"], interval=0.1)
    net.simulate(100.0, resolution=0.1, seed=5)
    return net


@pytest.mark.parametrize("target", ["spinnaker-host", "spinnaker-host-float"])
def test_dc_driven_lif_spike_times_match_the_analytic_solution(tmp_path, target):
    from portasnn.run import run

    out = run(_network().ir(), target=target, outdir=tmp_path / "run", progress=False)
    res = read_results(out)
    assert res.target == target
    t_star = -TAU_M * math.log(1.0 - (V_TH - E_L) * C_M / (I_E * TAU_M))
    expected = np.array([t_star + k * (t_star + REFR) for k in range(10) if t_star + k * (t_star + REFR) < 100.0])
    for train in res.trains("driven"):
        assert len(train) == len(expected)
        assert np.all(np.abs(train - expected) <= 0.1 + 1e-9 + 0.1 * np.arange(len(expected)) * 0.05)
    # the quiet population receives only the driven spikes (20 pA each): it depolarises, stays below threshold
    assert sum(len(t) for t in res.trains("quiet")) == 0
    assert (out / "summary.json").is_file()
