"""How the spinnaker-host runner sees one compiled neuron model.

A :class:`HostModel` pairs the model header (C against ``support/neuron_api.h``) with what the
host needs to drive it: the synapse types by receptor name, the recorded values, and a packer
that turns per-neuron parameter values (portasnn's network units: mV, ms, pA, pF, nS) into the
parameter words the C reads (int32 bits in the fixed modes, doubles in float mode).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Literal, Mapping

import numpy as np

Arith = Literal["fixed", "float"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PackContext:
    """What a parameter packer may depend on besides the parameter values."""

    n: int  # neurons in the population
    dt_ms: float  # machine time step
    arith: Arith


Packer = Callable[[Mapping[str, np.ndarray], PackContext], np.ndarray]
"""(values by parameter name, each shape (n,), in network units; context) -> words, shape
(n, n_param_words): dtype int32 (bits) for "fixed", float64 for "float"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Recordable:
    """One value the timestep records, in the order of ``recorded[]``.

    ``to_network`` multiplies the model's value to get network units (e.g. nA -> pA: 1000).
    """

    name: str
    unit: str
    to_network: float = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class HostModel:
    """A neuron model for the spinnaker-host target.

    name: the model's name (results metadata); header: C source of the model header;
    synapse_types: receptor name of each synapse-type index (0 "excitatory", 1 "inhibitory", ...);
    weight_to_model: per synapse type, the factor from a network weight (pA, nS or mV) to the
    model's input unit (PyNN: nA, uS, mV), applied to |weight|; global_weight_scale as sPyNNaker's
    ``get_global_weight_scale`` (1.0 current-based, 1024.0 conductance-based);
    current_to_model: pA -> the model's current unit (nA: 1e-3), for current sources;
    defaults: parameter and initial values (network units) for names a population leaves out.
    """

    name: str
    header: str
    synapse_types: tuple[str, ...]
    recordables: tuple[Recordable, ...]
    n_param_words: int
    pack: Packer
    weight_to_model: tuple[float, ...]
    global_weight_scale: float = 1.0
    current_to_model: float = 1e-3
    defaults: Mapping[str, float] = field(default_factory=dict)
    current_port: str | None = None  # the current input port that current sources reach

    def synapse_index(self, receptor: str) -> int:
        return self.synapse_types.index(receptor)

    def recordable(self, name: str) -> int:
        for k, rec in enumerate(self.recordables):
            if rec.name == name:
                return k
        raise KeyError(name)
