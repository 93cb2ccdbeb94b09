"""Pass ``synapse_roles``: a solved NESTML model used as a synapse -> :class:`portasnn.ir.synapse.SynapseModel`.

It finds the roles (pre port: the handler that calls ``emit_spike(w)``; post port: the other handled spike port;
the weight variable; the post-synaptic traces) and refuses, at the construct's file:line:col, what portasnn does
not lower faithfully: a third spike port (a neuromodulator, E263), continuous input ports (a third factor from the
neuron, E263), an ``update`` block that does more than ``integrate_odes()`` (E263), ``onCondition`` (E263), ODEs
without an exact solution (E263), and a model that is not a synapse (no handler emitting one weight, no weight
variable: E264).
"""
from __future__ import annotations

import sympy

from portasnn.errors import ModelError
from portasnn.ir import model as ir
from portasnn.ir.synapse import SynapseModel

NAME = "synapse_roles"
WEIGHT = "w"  # NESTML's synapse models (and NEST's) call the weight w
POST_PORT = "post_spikes"  # what nestml's synapse models call their post-synaptic spike port


def _assigned(stmts) -> set[str]:
    return {s.target for s in ir.walk(stmts) if isinstance(s, ir.Assign)}


def _refuse(message: str, node, construct: str, hint: str, code: str = "E263") -> ModelError:
    return ModelError(message, span=getattr(node, "span", None), code=code, construct=construct, hint=hint)


def apply(model: ir.Model) -> SynapseModel:
    """The roles of ``model`` as a synapse (see the module docstring)."""
    m = model
    emitting = [h for h in m.on_receive if any(isinstance(s, ir.EmitSpike) for s in ir.walk(h.body))]
    if len(emitting) != 1:
        raise _refuse(f"model {m.name} is not a synapse model: "
                      + ("no onReceive handler calls emit_spike(w)" if not emitting else
                         "more than one onReceive handler calls emit_spike"), m, m.name,
                      "a synapse model sends its weight with emit_spike(w) in the handler of its pre-synaptic "
                      "spike port", code="E264")
    if m.current_ports:
        port = m.current_ports[0]
        raise _refuse(f"synapse model {m.name}: the continuous input port '{port.name}' (a third factor from the "
                      "post-synaptic neuron) is not lowered", port, port.name,
                      "portasnn lowers synapses driven by pre- and post-synaptic spikes only")
    if m.on_condition:
        raise _refuse(f"synapse model {m.name}: onCondition blocks are not lowered in a synapse", m.on_condition[0],
                      "onCondition", "write the rule with onReceive handlers")
    pre = emitting[0]
    emits = [s for s in ir.walk(pre.body) if isinstance(s, ir.EmitSpike)]
    top = [s for s in pre.body if isinstance(s, ir.EmitSpike)]
    if len(emits) != 1 or len(top) != 1:
        raise _refuse(f"synapse model {m.name}: emit_spike must be called once, unconditionally, in "
                      f"onReceive({pre.port})", emits[-1], "emit_spike",
                      "a spike the synapse sometimes drops is not lowered yet; emit a weight of 0 instead")
    emit = top[0]
    if len(emit.args) != 1:
        raise _refuse(f"synapse model {m.name}: emit_spike takes the weight only"
                      + (" (the delay is the connection's)" if len(emit.args) > 1 else ""), emit, "emit_spike",
                      "write emit_spike(w); the delay is given with connect ..., delay = D", code="E264")
    others = [h for h in m.on_receive if h is not pre]
    others.sort(key=lambda h: h.port != POST_PORT)  # with a third port, NESTML's post_spikes is the post port
    if len(others) > 1:
        third = others[1]
        raise _refuse(f"synapse model {m.name}: a third spike input port '{third.port}' (e.g. a neuromodulator) "
                      "is not lowered", third, f"onReceive({third.port})",
                      "portasnn lowers synapses driven by their pre- and post-synaptic spikes only")
    post = others[0] if others else None
    for st in m.update:
        if not (isinstance(st, ir.IntegrateOdes) and not st.vars):
            raise _refuse(f"synapse model {m.name}: the update block may only call integrate_odes() (a synapse "
                          "changes at its spikes only)", st, "update",
                          "move the statement into an onReceive handler, or write the dynamics as ODEs")
    sol = m.solution
    if sol is not None and sol.numeric is not None:
        ode = next(o for o in m.odes if o.var in sol.numeric.states)
        raise _refuse(f"synapse model {m.name}: the ODE of '{ode.var}' has no exact solution", ode, ode.var,
                      "a synapse is updated only at its spikes, so its ODEs must be linear with constant "
                      "coefficients (solved exactly between events)")
    names = {v.name for v in (*m.parameters, *m.state)}
    if WEIGHT not in names:
        raise _refuse(f"synapse model {m.name} has no weight variable '{WEIGHT}'", m, m.name,
                      f"declare the weight as '{WEIGHT}' (a state variable if it is plastic)", code="E264")
    pre_writes = _assigned(pre.body)
    post_writes = _assigned(post.body) if post else set()
    state = [v.name for v in m.state]
    traces = tuple(n for n in state if n in post_writes and n not in pre_writes and n != WEIGHT)
    return SynapseModel(model=m, weight=WEIGHT, pre_port=pre.port, post_port=post.port if post else "",
                        post_traces=traces, emitted=emit.args[0])
