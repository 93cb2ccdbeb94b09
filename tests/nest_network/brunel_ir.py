"""The Brunel (2000) network as network IR, built directly from the IR dataclasses.

Parameters as in Brunel (2000), model A, and in issue examples/brunel: CE = 800, CI = 200
(fixed in-degree), J = 0.1 mV, g = 5, eta = 2, D = 1.5 ms, theta = 20 mV, tau_m = 20 ms,
t_ref = 2 ms, V_reset = 10 mV; initial V_m uniform in [0, 20) mV. ``n_e`` may be smaller than
8000: with a fixed in-degree every neuron sees the same input statistics (the mean-field rates do
not depend on N), only the overlap of inputs, hence the pairwise correlation, grows.
"""
from __future__ import annotations

from portasnn.ir.network import (Connector, Distribution, ModelRef, Network, Population, Projection, Recorder,
                                 Simulation, Stimulus)

J, G, ETA, DELAY, THETA, TAU_M, T_REF, V_RESET = 0.1, 5.0, 2.0, 1.5, 20.0, 20.0, 2.0, 10.0
CE, CI = 800, 200


def external_rate_hz() -> float:
    """eta * nu_th per external synapse, times CE synapses: the rate of one Poisson input per neuron."""
    nu_th = THETA / (J * CE * TAU_M) * 1000.0  # Hz
    return ETA * nu_th * CE


def brunel(n_e: int = 8000, n_i: int | None = None, *, seed: int = 1, duration: float = 1000.0,
           model: str = "builtin", nestml_path: str | None = None, threads: int = 1, ce: int = CE, ci: int = CI,
           record_vm: tuple[int, ...] = ()) -> Network:
    """``model``: "builtin" (NEST iaf_psc_delta) or "nestml" (iaf_psc_delta_neuron from ``nestml_path``)."""
    n_i = n_e // 4 if n_i is None else n_i
    if model == "builtin":
        ref = ModelRef(key="lif", kind="nest", name="iaf_psc_delta")
        params = (("C_m", 1.0), ("tau_m", TAU_M), ("t_ref", T_REF), ("E_L", 0.0), ("V_reset", V_RESET),
                  ("V_th", THETA))
    else:
        ref = ModelRef(key="lif", kind="nestml", name="iaf_psc_delta_neuron", path=nestml_path)
        params = (("C_m", 1.0), ("tau_m", TAU_M), ("refr_T", T_REF), ("E_L", 0.0), ("V_reset", V_RESET),
                  ("V_th", THETA))
    v0 = (("V_m", Distribution(kind="uniform", params=(("low", 0.0), ("high", THETA)))),)
    pops = (Population(name="E", size=n_e, model="lif", params=params, initial=v0),
            Population(name="I", size=n_i, model="lif", params=params, initial=v0))
    exc, inh = Connector(rule="fixed_indegree", params=(("indegree", ce),)), \
        Connector(rule="fixed_indegree", params=(("indegree", ci),))
    projections = tuple(
        Projection(name=f"{pre}{post}", pre=pre, post=post, connector=conn, weight=w, delay=DELAY,
                   receptor="excitatory" if w > 0 else "inhibitory")
        for pre, conn, w in (("E", exc, J), ("I", inh, -G * J)) for post in ("E", "I"))
    stimuli = tuple(Stimulus(name=f"noise_{pop}", kind="poisson", target=pop,
                             params=(("rate", external_rate_hz()),), weight=J, delay=DELAY) for pop in ("E", "I"))
    recorders = (Recorder(name="spikes_E", kind="spikes", population="E"),
                 Recorder(name="spikes_I", kind="spikes", population="I"))
    if record_vm:
        recorders += (Recorder(name="vm_E", kind="state", population="E", variables=("V_m",), subset=record_vm,
                               interval=0.5),)
    return Network(name="brunel", models=(ref,), populations=pops, projections=projections, stimuli=stimuli,
                   recorders=recorders,
                   simulation=Simulation(duration=duration, resolution=0.1, seed=seed, threads=threads))
