"""Run a portasnn-built NESTML model and a NEST built-in side by side on the same inputs."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

# NESTML zoo parameter names -> NEST built-in names where they differ
RENAME = {
    "refr_T": "t_ref", "tau_syn_exc": "tau_syn_ex", "tau_syn_inh": "tau_syn_in", "E_exc": "E_ex", "E_inh": "E_in",
    "I_e": "I_e", "tau_exc": "tau_syn_ex", "tau_inh": "tau_syn_in",
    "tau_syn_rise_E": "tau_rise_ex", "tau_syn_decay_E": "tau_decay_ex",
    "tau_syn_rise_I": "tau_rise_in", "tau_syn_decay_I": "tau_decay_in",
}
STATE_RENAME = {"V_m": "V_m"}


def shared_parameters(nestml_status: dict, builtin_defaults: dict, skip: tuple[str, ...] = ()) -> dict:
    """The built-in's parameters set to the NESTML model's values, for every parameter both have."""
    out = {}
    for name, value in nestml_status.items():
        target = RENAME.get(name, name)
        if name in skip or target in skip:
            continue
        if target in builtin_defaults and isinstance(value, (int, float)) and not isinstance(value, bool) \
                and isinstance(builtin_defaults[target], (int, float)):
            out[target] = float(value)
    return out


def simulate(nest, model: str, params: dict, *, install, weights=(40.0, -60.0), rates=(20000.0, 5000.0),
             dc=150.0, t_sim=1000.0, record="V_m", seed=12345) -> tuple[np.ndarray, np.ndarray]:
    """1 s at 0.1 ms: excitatory and inhibitory Poisson input (the same trains for both models, via
    parrot neurons and a fixed seed) and a DC step; returns (V_m trace, spike times)."""
    nest.ResetKernel()
    nest.resolution = 0.1
    nest.rng_seed = seed
    install()
    n = nest.Create(model, params=params)
    gens = nest.Create("poisson_generator", 2, params=[{"rate": rates[0]}, {"rate": rates[1]}])
    parrots = nest.Create("parrot_neuron", 2)
    nest.Connect(gens, parrots, "one_to_one")
    nest.Connect(parrots[0], n, syn_spec={"weight": weights[0], "delay": 1.0})
    nest.Connect(parrots[1], n, syn_spec={"weight": weights[1], "delay": 1.0})
    step = nest.Create("dc_generator", params={"amplitude": dc, "start": 200.0, "stop": 700.0})
    nest.Connect(step, n)
    mm = nest.Create("multimeter", params={"record_from": [record], "interval": 0.1})
    sr = nest.Create("spike_recorder")
    nest.Connect(mm, n)
    nest.Connect(n, sr)
    nest.Simulate(t_sim)
    return np.asarray(mm.events[record], dtype=float), np.asarray(sr.events["times"], dtype=float)
def zoo(name: str) -> Path:
    """A model file shipped with nestml."""
    return Path(sys.prefix) / "models" / "neurons" / f"{name}.nestml"
