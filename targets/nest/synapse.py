"""Lower a NESTML synapse model (:class:`portasnn.ir.synapse.SynapseModel`) to a NEST 3.10 connection model: one
C++ header with a ``nest::Connection`` template, registered in the same extension module as the neuron models.

At each pre-synaptic spike the connection replays, in time order, the post-synaptic spikes the neuron archived
since the previous one (NEST's ``get_history`` window ``(t_last - d, t_pre - d]``, shifted by the dendritic delay
d): it advances its ODE states exactly to each post spike and runs ``onReceive(post)``, advances to the pre spike
and runs ``onReceive(pre)``, whose ``emit_spike(w)`` sends the spike. The post-synaptic traces (see
``SynapseModel``) are read there as the neuron's value just before the pre spike: a post spike at the pre spike's
own time has run its handler, but is not in the trace the pre handler sees (NESTML's and NEST's convention, within
NEST's ``stdp_eps``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy

from portasnn.errors import ModelError
from portasnn.ir import model as ir
from portasnn.ir.synapse import SynapseModel
from portasnn.targets.nest.cxx import NestPrinter, StatementContext, print_block
from portasnn.targets.nest.lower import _ctype, _user_factor as _factor
from portasnn.targets.nest.render import render

H = "__h"
T_EVENT = "t__"


@dataclass(frozen=True)
class Member:
    name: str        # the C++ member
    key: str         # the status dictionary key (NESTML's name)
    ctype: str
    init: str        # C++ default
    to_user: str     # factor canonical -> declared unit ("" for 1)
    unit: str
    doc: str


class SynapseLowering:
    def __init__(self, syn: SynapseModel, cls: str, nest_name: str) -> None:
        self.syn, self.m, self.cls, self.nest_name = syn, syn.model, cls, nest_name
        sol = self.m.solution or ir.OdeSolution()
        self.props = {name: e for b in sol.analytic for name, e in b.propagators}
        self.update = {s: e for b in sol.analytic for s, e in b.update}

    def symbols(self, *, pre_handler: bool = False) -> dict[str, str]:
        m, table = self.m, {}
        for v in m.parameters:
            table[v.name] = f"P_{v.name}"
        for v in m.state:
            table[v.name] = f"S_{v.name}"
        for v in m.internals:
            table[v.name] = f"I_{v.name}"
        table[self.syn.weight] = "weight_"
        table["t"] = T_EVENT
        table[H] = H
        for name in self.props:
            table[name] = name
        if pre_handler:
            for name in self.syn.post_traces:
                table[name] = f"{name}__at_pre"
        return table

    def _members(self, group: tuple[ir.Variable, ...], prefix: str) -> list[Member]:
        p = NestPrinter(self.symbols())
        out = []
        for v in group:
            if v.name == self.syn.weight:
                continue
            init = p.doprint(v.value) if v.value is not None else "0"
            out.append(Member(f"{prefix}{v.name}", v.name, _ctype(v), init, _factor(v.scale), v.unit or "1",
                              " ".join(v.doc.split())))
        return out

    def _handler(self, port: str, *, pre: bool) -> list[str]:
        handler = next((h for h in self.m.on_receive if h.port == port), None)
        if handler is None:
            return []
        printer = NestPrinter(self.symbols(pre_handler=pre), rng="rng__")

        def emit_spike(stmt: ir.EmitSpike, indent: str) -> list[str]:
            return [f"{indent}e.set_receiver( *target );",
                    f"{indent}e.set_weight( {printer.doprint(stmt.args[0])} );",
                    f"{indent}e.set_delay_steps( get_delay_steps() );",
                    f"{indent}e.set_rport( get_rport() );",
                    f"{indent}e();"]

        def integrate(stmt: ir.IntegrateOdes, indent: str) -> list[str]:
            raise ModelError("integrate_odes() in an onReceive handler of a synapse is not lowered (its ODEs are "
                             "advanced to every spike)", span=stmt.span, code="E263", construct="integrate_odes")

        def declare(name: str) -> None:
            printer.symbols[name] = name

        ctx = StatementContext(printer=printer, integrate=integrate, emit_spike=emit_spike, ctype=_ctype,
                               declare=declare)
        return print_block(handler.body, ctx, "  ")

    def _advance(self) -> list[str]:
        """Lines of ``advance_(t_to)``: the ODE states from ``t_state_`` to ``t_to``, exactly."""
        if not self.update:
            return []
        p = NestPrinter(self.symbols())
        lines = [f"const double {H} = t_to - t_state_;"]
        for name in sorted(self.props):
            lines.append(f"const double {name} = {p.doprint(self.props[name])};")
        states = list(self.update)
        for s in states:
            lines.append(f"const double {s}__new = {p.doprint(self.update[s])};")
        for s in states:
            lines.append(f"{p.doprint(sympy.Symbol(s))} = {s}__new;")
        return lines

    def view(self) -> dict:
        m, syn = self.m, self.syn
        weight = next(v for v in (*m.parameters, *m.state) if v.name == syn.weight)
        p = NestPrinter(self.symbols())
        internals = [(f"I_{v.name}", p.doprint(v.value) if v.value is not None else "0") for v in m.internals]
        uses_rng = any(isinstance(e, sympy.Function) and e.func.__name__.startswith("random_")
                       for h in m.on_receive for s in ir.walk(h.body) for x in ir.expressions(s) for e in sympy.preorder_traversal(x))
        return {"cls": self.cls, "nest_name": self.nest_name, "name": m.name, "source": m.source,
                "weight_init": p.doprint(weight.value) if weight.value is not None else "1.0",
                "parameters": self._members(m.parameters, "P_"), "state": self._members(m.state, "S_"),
                "internals": internals, "advance": self._advance(),
                "post": bool(syn.post_port), "post_traces": list(syn.post_traces),
                "post_handler": self._handler(syn.post_port, pre=False) if syn.post_port else [],
                "pre_handler": self._handler(syn.pre_port, pre=True), "rng": uses_rng}


@lru_cache(maxsize=8)
def lower_synapse(syn: SynapseModel, cls: str, nest_name: str) -> dict[str, str]:
    """The C++ header ``<cls>.h`` of one synapse model."""
    return {f"{cls}.h": render("synapse.h.j2", v=SynapseLowering(syn, cls, nest_name).view())}
