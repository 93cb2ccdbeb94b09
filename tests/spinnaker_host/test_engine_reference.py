"""The C engine against a plain-Python SpiNNaker tick loop (notes 1.5-1.7), bit for bit.

Both use the connectivity drawn by netdata.build (tested in test_connect.py); the reference then
quantises weights, fills saturating 16-bit ring buffers, and runs sPyNNaker's IF_curr_exp tick on
Python integers with fixed.py's operations.
"""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.ir.network import (Connector, ModelRef, Network, Population, Projection, Recorder, Simulation,
                                 Stimulus)
from portasnn.targets.spinnaker_host import fixed, netdata
from portasnn.targets.spinnaker_host.runner import run_network

DT = 1.0
TICKS = 120


def _reference(data: netdata.NetData, shifts: dict[str, list[int]], ticks: int):
    n = data.n_neurons
    first_array = data.n_neurons + data.n_sources
    ts = fixed.timestep_s1615(DT)
    rows: dict[int, list[tuple[int, int, int, int]]] = {}
    for c in data.chunks:
        shift = shifts[c.post_pop][c.synapse_type]
        k = c.pre.size
        w = fixed.weight_to_ring(np.broadcast_to(c.weight, (k,)), shift)
        d = np.broadcast_to(c.delay, (k,))
        for pre, post, wi, di in zip(c.pre, c.post, w, d):
            pre = int(pre) if pre >= 0 else first_array + (-1 - int(pre))
            rows.setdefault(pre, []).append((int(post), c.synapse_type, int(wi), int(di)))
    fires: dict[int, list[int]] = {}
    for k, tks in enumerate(data.array_ticks):
        for t in tks:
            fires.setdefault(int(t), []).append(first_array + k)
    # per neuron constants (one population, LIF fixture values)
    p = data.pops[0]
    enc = fixed.encode_s1615
    v = [enc(x) for x in p.values["V_m"]]
    v_rest, v_reset, thr = enc(p.values["E_L"][0]), enc(p.values["V_reset"][0]), enc(p.values["V_th"][0])
    r = fixed.kdivk(enc(p.values["tau_m"][0]), enc(p.values["C_m"][0] / 1000.0))
    etc = fixed.expk(-fixed.kdivk(ts, enc(p.values["tau_m"][0])))
    t_ref = fixed.refractory_ticks(enc(p.values["t_ref"][0]), ts)
    decay = [fixed.exp_decay(ts, enc(p.values[k][0])) for k in ("tau_syn_exc", "tau_syn_inh")]
    init = [fixed.exp_init(ts, enc(p.values[k][0])) for k in ("tau_syn_exc", "tau_syn_inh")]
    offset = [0] * n
    for tks, neurons, values in data.current_steps:
        assert list(tks) == [0]
        for i in neurons:
            offset[int(i)] = enc(float(values[0]))
    isyn = [[0, 0] for _ in range(n)]
    timer = [0] * n
    ring: dict[tuple[int, int, int], int] = {}
    trace, spikes = np.zeros((ticks, n), np.int64), []
    for t in range(ticks):
        fired = []
        for i in range(n):
            for s in (0, 1):
                slot = ring.pop((t, s, i), 0)
                if slot:
                    isyn[i][s] = fixed.s32(isyn[i][s] + fixed.decay_s1615(slot << shifts[p.name][s], init[s]))
            trace[t, i] = v[i]
            if timer[i] <= 0:
                current = fixed.s32(isyn[i][0] - isyn[i][1] + offset[i])
                alpha = fixed.s32(fixed.mul(current, r) + v_rest)
                v[i] = fixed.s32(alpha - fixed.mul(etc, fixed.s32(alpha - v[i])))
            else:
                timer[i] -= 1
            if v[i] >= thr:
                v[i], timer[i] = v_reset, t_ref
                fired.append(i)
                spikes.append((t, i))
            isyn[i] = [fixed.decay_s1615(isyn[i][s], decay[s]) for s in (0, 1)]
        for pre in fired + fires.get(t, []):
            for post, s, w, d in rows.get(pre, []):
                key = (t + d, s, post)
                ring[key] = min(0xFFFF, ring.get(key, 0) + w)
    return trace, spikes


@pytest.mark.filterwarnings("ignore::portasnn.errors.PortasnnWarning")
@given(seed=st.integers(0, 2**31), j_exc=st.floats(50.0, 900.0), j_inh=st.floats(50.0, 900.0),
       delay=st.floats(1.0, 6.0), dc=st.floats(0.0, 900.0), indegree=st.integers(1, 6),
       pinned=st.booleans())
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_engine_matches_python_reference(lif_model, tmp_path_factory, seed, j_exc, j_inh, delay, dc, indegree,
                                         pinned):
    lif = dict(tau_m=20.0, C_m=250.0, E_L=-65.0, V_th=-55.0, V_reset=-70.0, t_ref=2.0, tau_syn_exc=2.0,
               tau_syn_inh=4.0, V_m=-65.0)
    net = Network(
        name="ref", models=(ModelRef(key="lif", kind="nest", name="iaf_psc_exp"),),
        populations=(Population(name="P", size=12, model="lif", params=tuple(lif.items())),),
        projections=(
            Projection(name="ee", pre="P", post="P", connector=Connector(
                rule="fixed_indegree", params=(("indegree", indegree),), allow_autapses=False),
                weight=j_exc, delay=delay),
            Projection(name="ii", pre="P", post="P", connector=Connector(
                rule="fixed_indegree", params=(("indegree", 2),)), weight=-j_inh, delay=delay + 1.0,
                receptor="inhibitory")),
        stimuli=(Stimulus(name="kick", kind="spike_times", target="P", params=(("times", (3.0, 4.0, 40.0)),),
                          weight=2 * j_exc, delay=1.0),
                 Stimulus(name="dc", kind="dc", target="P", subset=(0, 1, 2), params=(("amplitude", dc),))),
        recorders=(Recorder(name="s", kind="spikes", population="P"),
                   Recorder(name="v", kind="state", population="P", variables=("V_m",), interval=DT)),
        simulation=Simulation(duration=TICKS * DT, resolution=DT, seed=seed))
    out = run_network(net, {"lif": lif_model}, tmp_path_factory.mktemp("ref") / "r", plots=False,
                      max_expected_summed_weight={"P": [1.0, 0.5]} if pinned else None)
    meta = json.loads((out / "meta.json").read_text())
    data = netdata.build(net, {"lif": lif_model}, DT, np.random.default_rng(seed))
    trace, spikes = _reference(data, meta["spinnaker_host"]["ring_buffer_shifts"], TICKS)
    got = np.load(out / "traces" / "P__V_m.npz")["values"]
    assert np.array_equal(np.rint(got * 32768).astype(np.int64), trace)
    s = np.load(out / "spikes" / "P.npz")
    assert sorted(zip(np.rint(s["times"]).astype(int).tolist(), s["senders"].tolist())) == sorted(spikes)
