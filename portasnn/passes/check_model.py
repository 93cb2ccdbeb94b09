"""Pass ``check_model``: structural checks the NESTML checks do not make, with user errors.

- every spike input port is used (by a convolution or an onReceive block), else a warning W120;
- a model that emits spikes declares an output block;
- ODE variables are state variables.
"""
from __future__ import annotations

import sympy

from portasnn.errors import ModelError, warn
from portasnn.ir import model as ir

NAME = "check_model"


def apply(model: ir.Model) -> ir.Model:
    state = {v.name for v in model.state}
    for ode in model.odes:
        if ode.var not in state:
            raise ModelError(f"'{ode.var}' has an ODE but is not a state variable", span=ode.span, code="E150",
                             construct=ode.var, hint=f"declare {ode.var} in the state block")
    bodies = [model.update] + [h.body for h in model.on_receive] + [h.body for h in model.on_condition]
    emits = [s for body in bodies for s in ir.walk(body) if isinstance(s, ir.EmitSpike)]
    if emits and not model.has_output:
        raise ModelError("the model calls emit_spike() but declares no output", span=emits[0].span, code="E130",
                         construct="emit_spike", hint="add an output block: 'output: spike'")
    used = {c.port for c in model.convolutions} | {h.port for h in model.on_receive}
    for port in model.spike_ports:
        if port.name not in used and not any(e.has(sympy.Symbol(port.name))
                                             for body in bodies for s in ir.walk(body)
                                             for e in ir.expressions(s)):
            warn(f"spike input port '{port.name}' is never used: spikes sent to it have no effect",
                 code="W120", span=port.span)
    return model
