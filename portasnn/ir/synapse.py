"""Synapse model IR: a NESTML synapse model (its state, parameters, trace ODEs and ``onReceive`` handlers, as a
solved :class:`portasnn.ir.model.Model`) with the roles its parts play in a connection.

A synapse receives its pre-synaptic neuron's spikes on ``pre_port`` (the handler that calls ``emit_spike(w)``)
and, for a plastic rule, its post-synaptic neuron's spikes on ``post_port``. ``weight`` is the variable that is the
connection's weight (set by ``connect ..., weight = ...``, recorded by ``record weights``). ``post_traces`` are the
state variables only post-synaptic spikes change (``post_trace += 1``): they belong to the post-synaptic neuron, as
NESTML's co-generation moves them there, and a pre-synaptic handler reads them as the neuron's value just before
the pre spike arrives (a post spike at that very time is not yet counted). Handlers see ``t``, the time of the
event at the synapse: the pre spike's time, or a post spike's time plus the dendritic delay.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy

from portasnn.errors import Span
from portasnn.ir.model import Model


@dataclass(frozen=True, slots=True, kw_only=True)
class SynapseModel:
    model: Model                     # the solved model (``solution`` holds the traces' propagators)
    weight: str                      # a state variable or parameter
    pre_port: str
    post_port: str = ""              # "" for a synapse without a post-synaptic handler (static, short-term)
    post_traces: tuple[str, ...] = ()
    emitted: sympy.Expr = sympy.Symbol("w")  # the weight emit_spike sends

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def span(self) -> Span | None:
        return self.model.span
