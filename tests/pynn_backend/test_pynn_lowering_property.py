"""What PyNN drew is what portasnn runs (issue 14 item 1), as a property: for random populations, connectors,
weights, delays, receptor types, parameters and initial values, the lowered program holds exactly PyNN's
connections (IR units and signs) and per-neuron values."""
from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import portasnn.pynn as sim
from portasnn.ir import datafiles
from portasnn.pynn.lowering import build_network
from portasnn.pynn.simulator import state

CONNECTORS = {
    "all": lambda rng, n_pre, n_post: sim.AllToAllConnector(),
    "one": lambda rng, n_pre, n_post: sim.OneToOneConnector(),
    "prob": lambda rng, n_pre, n_post: sim.FixedProbabilityConnector(0.4, rng=rng),
    "pre": lambda rng, n_pre, n_post: sim.FixedNumberPreConnector(min(3, n_pre), rng=rng),
    "post": lambda rng, n_pre, n_post: sim.FixedNumberPostConnector(min(2, n_post), rng=rng),
    "list": lambda rng, n_pre, n_post: sim.FromListConnector([(i % n_pre, (3 * i) % n_post, 0.1 * (i + 1), 1.0 + i)
                                                              for i in range(4)]),
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(2, 8), m=st.integers(2, 8),  # size 1: pyNN 0.13 OneToOneConnector fails (numpy 2)
       kind=st.sampled_from(sorted(CONNECTORS)),
       cell=st.sampled_from(["IF_curr_exp", "IF_cond_exp", "IF_curr_delta", "IF_cond_alpha"]),
       receptor=st.sampled_from(["excitatory", "inhibitory"]), seed=st.integers(1, 2**31 - 1),
       view=st.booleans())
def test_lowered_connections_and_values_are_pynns(n, m, kind, cell, receptor, seed, view):
    sim.setup(timestep=0.1, target="nest")
    rng = sim.NumpyRNG(seed=seed)
    a = sim.Population(max(n, m) if kind == "one" else n, sim.IF_curr_exp(
        tau_m=sim.RandomDistribution("uniform", (10.0, 20.0), rng=rng)), label="a")
    b = sim.Population(m, getattr(sim, cell)(cm=0.5 if cell != "IF_curr_delta" else 1.0), label="b")
    a.initialize(v=sim.RandomDistribution("uniform", (-70.0, -60.0), rng=rng))
    pre = a[: n] if view else a
    sign = -1.0 if receptor == "inhibitory" and not cell.startswith("IF_cond") else 1.0
    syn = sim.StaticSynapse(weight=sim.RandomDistribution("uniform", (0.1, 0.5), rng=rng) if sign > 0 else
                            sim.RandomDistribution("uniform", (-0.5, -0.1), rng=rng),
                            delay=sim.RandomDistribution("uniform", (1.0, 2.0), rng=rng))
    if kind == "list":
        syn = sim.StaticSynapse()
    proj = sim.Projection(pre, b, CONNECTORS[kind](rng, pre.size, m), syn, receptor_type=receptor)
    net = build_network(state, 50.0)

    drawn = proj.get(["weight", "delay"], format="list")
    lowered = [p for p in net.projections if p.pre == "a" and p.post == "b"]
    if not drawn:
        assert not lowered
        return
    (ir_proj,) = lowered
    assert ir_proj.receptor == receptor
    pre_i, post_i, w, d = datafiles.connections(ir_proj.data)
    factor = 1.0 if cell == "IF_curr_delta" else 1000.0
    # inhibitory: the IR's negative weight whatever the sign PyNN was given (conductances positive, currents
    # negative by PyNN's convention; a positive current weight is inhibitory too, with W286)
    want = sorted((int(i), int(j), (-abs(ww) if receptor == "inhibitory" else ww) * factor, dd)
                  for i, j, ww, dd in drawn)
    got = sorted(zip(pre_i.tolist(), post_i.tolist(), w.tolist(), d.tolist()))
    np.testing.assert_allclose(np.array(got), np.array(want), rtol=1e-12, atol=0)
    if receptor == "inhibitory":
        assert np.all(w <= 0)  # the IR's sign convention
    (pop_a,) = [p for p in net.populations if p.name == "a"]
    np.testing.assert_array_equal(_values(pop_a.params, "tau_m", a.size), a.get("tau_m") * np.ones(a.size))
    np.testing.assert_array_equal(_values(pop_a.initial, "v", a.size), a.initial_arrays()["v"])


def _values(entries, name: str, size: int) -> np.ndarray:
    """Per-neuron values of an IR population entry: one number, or a parameter file."""
    value = dict(entries)[name]
    return np.full(size, float(value)) if isinstance(value, (int, float)) else datafiles.parameter_values(value)
