"""Lower a solved model IR to a NEST 3.10 neuron model (C++ header and source).

The work happens here, in Python: a small view model (names, C++ lines) is handed to two
Jinja templates that only lay the code out. The generated update does per step only what a
hand-written NEST model does: read one multi-channel input buffer slot, apply exact
propagators (all parameter-only sub-expressions are precomputed once per resolution in
``pre_run_hook``), run GSL's RKF45 where the model is non-linear (as NEST's built-ins do: ``gsl.py``),
test conditions, record.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import sympy

from portasnn.errors import ModelError
from portasnn.ir import model as ir
from portasnn.targets.nest.cxx import NestPrinter, StatementContext, print_block
from portasnn.targets.nest.gsl import GslScheme, scheme_for
from portasnn.targets.nest.render import render

H = "__h"
T_NOW = "nest::Time(nest::Time::step(origin.get_steps() + lag + 1)).get_ms()"


@dataclass
class Field:
    name: str
    ctype: str
    init: str          # C++ initialiser (canonical units)
    unit: str = ""
    doc: str = ""
    to_user: str = ""  # C++ factor canonical -> declared unit ("" when 1)


@dataclass
class Channel:
    enum: str
    index: int


@dataclass
class View:
    cls: str
    model_name: str
    source: str
    parameters: list[Field]
    state: list[Field]              # members of State_ (not in the ODE vector)
    ode_states: list[Field]         # entries of State_::y_ (numeric integration)
    internals: list[Field]          # members of Variables_
    internal_lines: list[str]       # pre_run_hook: compute internals, propagators, constants
    init_state_lines: list[str]
    channels: list[Channel]
    n_spike_channels: int
    spike_routing: str              # "sign", "single", "receptors"
    receptors: list[tuple[str, int]]
    exc_channel: str = ""
    inh_channel: str = ""
    received_channels: dict[str, str] = field(default_factory=dict)
    current_ports: list[tuple[str, str, int]] = field(default_factory=list)  # (name, channel enum, rport)
    recordables: list[tuple[str, str]] = field(default_factory=list)         # (name, C++ expression)
    update_lines: list[str] = field(default_factory=list)
    dynamics: list[tuple[str, list[str]]] = field(default_factory=list)
    gsl: bool = False
    gsl_norm: tuple[str, str] = ("1.0", "0.0")  # (a_y, a_dydt) of GSL's standard error control
    gsl_builtin: str = ""                       # the NEST built-in whose GSL scheme the model follows
    uses_rng: bool = False
    state_accessors: list[tuple[str, str, str]] = field(default_factory=list)  # (name, access, to_user)
    finite_checks: list[tuple[str, str]] = field(default_factory=list)  # real state (name, access): never NaN/inf
    # NESTML's NEST names: spike receptors (``SPIKES_0``: 1, ...); current ports by rport (``I_STIM``: 0, ...),
    # in ``receptor_types`` and (port names) ``continuous_inputs`` when a model has several
    receptor_names: list[tuple[str, int]] = field(default_factory=list)
    current_receptors: list[tuple[str, int]] = field(default_factory=list)
    continuous_inputs: list[tuple[str, int]] = field(default_factory=list)
    vectors: list[VectorField] = field(default_factory=list)  # parameter and state vectors, as lists in the status
    fixed_parameters: list[tuple[str, str]] = field(default_factory=list)  # (name, C++ default): cannot change


@dataclass
class VectorField:
    """A vector in the status dictionary: ``name`` -> [element, ...] (declared unit)."""

    name: str
    accesses: list[str]      # C++ lvalue of each element (``P_.G_IN_0``, ``S_.y_[State_::X_0]``)
    to_user: str = ""


def _ctype(var: ir.Variable) -> str:
    return {"real": "double", "integer": "long", "boolean": "bool"}[var.type]


def _user_factor(scale: sympy.Rational) -> str:
    return "" if scale == 1 else f"{float(1 / scale)!r}"


def class_name(model_name: str, digest: str) -> str:
    return f"{model_name}__{digest}"


class Lowering:
    """Builds the view model of one solved model."""

    def __init__(self, model: ir.Model, cls: str, nest_name: str) -> None:
        if model.solution is None:
            raise ValueError("run the analyse_odes pass first")
        self.m = model
        self.cls = cls
        self.nest_name = nest_name
        sol = model.solution
        self.numeric = set(sol.numeric.states) if sol.numeric else set()
        self.analytic = {s: e for b in sol.analytic for s, e in b.update}
        self.conv_states = [s for s in self.analytic if s in set(sol.conv_states)]
        self.constants: list[tuple[str, sympy.Expr]] = []
        self.props = {k: v for b in sol.analytic for k, v in b.propagators}
        self.uses_rng = False
        self.scheme: GslScheme = scheme_for(model.name)
        # the states of convolutions are integrated by GSL with the rest (as NEST's built-ins do) when every
        # path through the update block integrates numerically exactly once; otherwise propagated exactly
        self.conv_by_gsl = bool(self.numeric) and set(self.conv_states) <= self.numeric \
            and self._gsl_runs(model.update) == {1}
        self.events_in_loop = self.scheme.events_in_loop and self._events_in_loop_ok()
        self.chains = self._chains() if self.conv_by_gsl else {}

    def _chains(self) -> dict[str, tuple[str, sympy.Expr]]:
        """Alpha-shaped convolutions (``K' = K__d``, ``K__d' = -l**2 K - 2 l K__d``) integrated by GSL are held
        in the coordinates of NEST's alpha-shaped built-ins: the slot of ``K__d`` holds ``dK = K__d + l K``, so
        that ``K' = dK - l K``, ``dK' = -l dK`` (GSL's error control sees NEST's components; a spike adds the
        same increment in both). Every read of ``K__d`` prints as ``dK - l K``. Returns K__d -> (K, l)."""
        rhs = dict(self.m.solution.numeric.rhs)
        out: dict[str, tuple[str, sympy.Expr]] = {}
        for k in self.conv_states:
            kd = f"{k}__d"
            if kd not in self.conv_states or f"{kd}__d" in self.conv_states or not {k, kd} <= set(rhs):
                continue
            big_k, big_kd = sympy.Symbol(k), sympy.Symbol(kd)
            second = sympy.expand(rhs[kd])
            a, b = -second.coeff(big_k), -second.coeff(big_kd)
            if sympy.simplify(rhs[k] - big_kd) == 0 and sympy.simplify(second + a * big_k + b * big_kd) == 0 \
                    and not (a.free_symbols | b.free_symbols) & set(map(sympy.Symbol, rhs)) \
                    and sympy.simplify(b ** 2 - 4 * a) == 0:
                out[kd] = (k, sympy.nsimplify(sympy.simplify(b / 2)))
        return out

    def expand(self, names: tuple[str, ...]) -> list[str]:
        """The solution states an ``integrate_odes(names)`` advances (all ODEs when ``names`` is empty)."""
        if not names:
            names = tuple(o.var for o in self.m.odes)
        out: list[str] = []
        for n in names:
            for s in list(self.analytic) + sorted(self.numeric):
                if (s == n or re.fullmatch(re.escape(n) + r"(__d)+", s)) and s not in out:
                    out.append(s)
        return out

    def _gsl_runs(self, stmts: tuple[ir.Stmt, ...]) -> set[int]:
        """How many numeric integrations each path through ``stmts`` makes (2 stands for 2 or more)."""
        counts = {0}
        for st in stmts:
            if isinstance(st, ir.IntegrateOdes):
                k = 1 if any(s in self.numeric for s in self.expand(st.vars)) else 0
                counts = {min(c + k, 2) for c in counts}
            elif isinstance(st, ir.If):
                paths = set().union(*(self._gsl_runs(body) for _, body in st.branches))
                paths |= self._gsl_runs(st.orelse)
                counts = {min(c + b, 2) for c in counts for b in paths}
            elif isinstance(st, ir.While) and self._gsl_runs(st.body) != {0}:
                counts = {2}
        return counts

    def _events_in_loop_ok(self) -> bool:
        """Can the conditions be tested after every GSL substep (NEST's aeif models)? The update block must
        only choose what to integrate (if/else around integrate_odes, one numeric integration on every path,
        every integrated state in the GSL vector), so that after a condition held it can run again for the
        rest of the step; the conditions' bodies must not integrate."""
        def only_choices(stmts: tuple[ir.Stmt, ...]) -> bool:
            return all(isinstance(st, ir.IntegrateOdes) and set(self.expand(st.vars)) <= self.numeric
                       or isinstance(st, ir.If) and all(only_choices(b) for _, b in st.branches)
                       and only_choices(st.orelse) for st in stmts)

        def simple(stmts: tuple[ir.Stmt, ...]) -> bool:
            return all(isinstance(st, (ir.Assign, ir.EmitSpike))
                       or isinstance(st, ir.If) and all(simple(b) for _, b in st.branches) and simple(st.orelse)
                       for st in stmts)

        return self.conv_by_gsl and only_choices(self.m.update) and bool(self.m.on_condition) \
            and all(simple(h.body) for h in self.m.on_condition)

    # ---- symbol maps ------------------------------------------------------------------------

    def _state_access(self, name: str, *, in_dynamics: bool = False, node: str = "") -> str:
        if name in self.numeric:
            return f"ode_state[State_::{name}]" if in_dynamics else f"{node}S_.y_[State_::{name}]"
        return f"{node}S_.{name}"

    def symbols(self, *, where: str, raw: bool = False) -> dict[str, str]:
        m = self.m
        node = "node." if where == "dynamics" else ""
        table: dict[str, str] = {}
        for v in m.parameters:
            table[v.name] = f"{node}P_.{v.name}"
        for v in m.internals:
            table[v.name] = f"{node}V_.{v.name}"
        for name in self.props:
            table[name] = f"{node}V_.{name}"
        for name, _ in self.constants:
            table[name] = f"{node}V_.{name}"
        table[H] = f"{node}V_.{H}"
        if where != "internals":
            for v in m.state:
                table[v.name] = self._state_access(v.name, in_dynamics=where == "dynamics", node=node)
            for k, port in enumerate(m.current_ports):
                table[port.name] = f"{node}B_.I_{port.name}_"
            if not raw:
                lam = NestPrinter(table)
                for kd, (k, rate) in self.chains.items():
                    table[kd] = f"({table[kd]} - ({lam.doprint(rate)}) * {table[k]})"
        if where == "update":
            for port in m.spike_ports:
                table[port.name] = f"__spk_{port.name}"
            table["t"] = T_NOW
        return table

    def printer(self, where: str) -> NestPrinter:
        return NestPrinter(self.symbols(where=where), rng="nest::get_vp_specific_rng(get_thread())")

    # ---- hoisting: parameter-only sub-expressions become constants --------------------------

    def hoist(self, expr: sympy.Expr, dynamic: set[sympy.Symbol]) -> sympy.Expr:
        """Rewrite ``expr`` as sum(constant * monomial-in-dynamic-symbols); constants precomputed."""
        expr = expr.xreplace({sympy.Symbol(k): v for k, v in self.props.items() if not v.free_symbols})
        if not (expr.free_symbols & dynamic) or not expr.is_polynomial(*dynamic):
            return self._constant(expr) if not (expr.free_symbols & dynamic) else expr
        terms = sympy.collect(sympy.expand(expr), sorted(dynamic, key=str), evaluate=False)
        out = sympy.Integer(0)
        for monomial, coeff in sorted(terms.items(), key=lambda kv: str(kv[0])):
            out += self._constant(coeff) * monomial
        return out

    def _constant(self, expr: sympy.Expr) -> sympy.Expr:
        if expr.is_Number or expr.is_Symbol:
            return expr
        for name, value in self.constants:
            if value == expr:
                return sympy.Symbol(name)
        name = f"__c{len(self.constants)}"
        self.constants.append((name, expr))
        return sympy.Symbol(name)

    # ---- the view -----------------------------------------------------------------------

    def view(self) -> View:
        m = self.m
        sol = m.solution
        dynamic = {sympy.Symbol(v.name) for v in m.state} | {sympy.Symbol(p.name) for p in m.current_ports} \
            | {sympy.Symbol(p.name) for p in m.spike_ports} | {sympy.Symbol("t")}
        analytic_update = {s: self.hoist(e, dynamic) for s, e in self.analytic.items()}
        jumps = [(s, port, self.hoist(inc, dynamic)) for s, port, inc in sol.spike_jumps]

        # channels of the multi-channel input buffer
        channels: list[Channel] = []
        routing, receptors = self._routing()
        for port in m.spike_ports:
            channels.append(Channel(f"CH_{port.name}", len(channels)))
        n_spike = len(channels)
        received = {}
        for handler in m.on_receive:
            if handler.port not in received and not self._additive(handler):
                received[handler.port] = f"CH_{handler.port}_received"
                channels.append(Channel(received[handler.port], len(channels)))
        n_spike_total = len(channels)
        currents = []
        for k, port in enumerate(m.current_ports):
            channels.append(Channel(f"CH_{port.name}", len(channels)))
            currents.append((port.name, f"CH_{port.name}", k))

        update_lines = self._update_lines(analytic_update, jumps, received)
        internal_lines = self._internal_lines()
        parameters = [Field(v.name, _ctype(v), self._init(v), v.unit, v.doc, _user_factor(v.scale))
                      for v in m.parameters]
        if sol.numeric:
            parameters += [Field("gsl_abs_error_tol", "double", repr(self.scheme.abs_tol), "",
                                 "GSL absolute error tolerance"),
                           Field("gsl_rel_error_tol", "double", repr(self.scheme.rel_tol), "",
                                 "GSL relative error tolerance")]
        state = [Field(v.name, _ctype(v), "0", v.unit, v.doc, _user_factor(v.scale))
                 for v in m.state if v.name not in self.numeric]
        ode_states = [Field(s, "double", "0") for s in (sol.numeric.states if sol.numeric else ())]
        declared_state = {v.name: v for v in m.state}
        for f in ode_states:
            if f.name in declared_state:
                f.unit, f.to_user = declared_state[f.name].unit, _user_factor(declared_state[f.name].scale)
        internals = [Field(v.name, _ctype(v), "0", v.unit) for v in m.internals]
        internals += [Field(H, "double", "0")]
        internals += [Field(k, "double", "0") for k in sorted(self.props)]
        internals += [Field(k, "double", "0") for k, _ in self.constants]
        printer = self.printer("getter")
        recordables = [(v.name, printer.doprint(sympy.Symbol(v.name)) + (f" * {_user_factor(v.scale)}"
                                                                          if v.scale != 1 else ""))
                       for v in m.state if v.type == "real" and v.name not in set(sol.conv_states)]
        for inline in m.inlines:
            if inline.expr.free_symbols <= set(map(sympy.Symbol, self.symbols(where="getter"))) \
                    and not inline.expr.has(*[sympy.Function(f) for f in ("random_normal", "random_uniform")]):
                text = printer.doprint(inline.expr)
                recordables.append((inline.name, f"({text})" + (f" * {_user_factor(inline.scale)}"
                                                                 if inline.scale != 1 else "")))
        init_printer = NestPrinter({**self.symbols(where="internals"),
                                    **{v.name: f"S_.{v.name}" if v.name not in self.numeric
                                       else f"S_.y_[State_::{v.name}]" for v in m.state}})
        init_state = [f"{init_printer.doprint(sympy.Symbol(v.name))} = {init_printer.doprint(v.value)};"
                      for v in m.state if v.value is not None]
        accessors = [(v.name, self._state_access(v.name), _user_factor(v.scale)) for v in m.state
                     if v.span is not None]
        finite = [(v.name, self._state_access(v.name)) for v in m.state if v.type == "real"]
        return View(
            cls=self.cls, model_name=self.nest_name, source=Path(m.source).name, parameters=parameters, state=state,
            ode_states=ode_states, internals=internals, internal_lines=internal_lines, init_state_lines=init_state,
            channels=channels, n_spike_channels=n_spike_total, spike_routing=routing, receptors=receptors,
            exc_channel=next((f"CH_{p.name}" for p in m.spike_ports if p.sign == "excitatory"), ""),
            inh_channel=next((f"CH_{p.name}" for p in m.spike_ports if p.sign == "inhibitory"), ""),
            received_channels=received, current_ports=currents, recordables=recordables,
            update_lines=update_lines, dynamics=self._dynamics(), gsl=bool(sol.numeric),
            gsl_norm=(repr(self.scheme.a_y), repr(self.scheme.a_dydt)),
            gsl_builtin=self.scheme.builtin, uses_rng=self.uses_rng,
            state_accessors=accessors, finite_checks=finite, **self._vector_view(parameters))

    def _vector_view(self, parameters: list[Field]) -> dict:
        """Receptor names, current receptors and vectors as NESTML's NEST target names them."""
        m = self.m
        routing, receptors = self._routing()
        current = [(p.name, k) for k, p in enumerate(m.current_ports)]
        several = len(current) > 1
        vectors = []
        by_name = {p.name: p for p in parameters}
        for vec in m.vectors:
            if vec.kind == "parameter":
                vectors.append(VectorField(vec.name, [f"P_.{e}" for e in vec.elements], by_name[vec.elements[0]].to_user))
            elif vec.kind == "state":
                var = m.variable(vec.elements[0])
                vectors.append(VectorField(vec.name, [self._state_access(e) for e in vec.elements],
                                           _user_factor(var.scale)))
        return dict(receptor_names=[(name.upper(), k) for name, k in receptors] if routing == "receptors" else [],
                    current_receptors=[(name.upper(), k) for name, k in current] if several else [],
                    continuous_inputs=current if several else [], vectors=vectors,
                    fixed_parameters=[(name, str(int(m.variable(name).value))) for name in m.fixed_parameters])

    @staticmethod
    def _additive(handler: ir.OnReceive) -> bool:
        """True if the handler only adds terms proportional to the port's weight (then no spike, no change)."""
        port = sympy.Symbol(handler.port)
        return all(isinstance(st, ir.Assign) and st.op in ("+=", "-=") and st.value.has(port)
                   and sympy.simplify(st.value.subs(port, 0)) == 0 for st in handler.body)

    def _routing(self) -> tuple[str, list[tuple[str, int]]]:
        ports = self.m.spike_ports
        signs = sorted(p.sign for p in ports)
        if len(ports) == 2 and signs == ["excitatory", "inhibitory"]:
            return "sign", []
        if len(ports) == 1:
            if ports[0].sign == "inhibitory":
                raise ModelError("a single inhibitory spike port is not supported; declare it without qualifier",
                                 span=ports[0].span, code="E340", construct=ports[0].name)
            return "single", []
        return "receptors", [(p.name, k + 1) for k, p in enumerate(ports)]

    def _init(self, var: ir.Variable) -> str:
        """A parameter's default; state variables in it stand for their initial values."""
        if var.value is None:
            return "0"
        initial = {sympy.Symbol(v.name): v.value for v in self.m.state if v.value is not None}
        value = var.value
        for _ in range(8):
            if not value.free_symbols & set(initial):
                break
            value = value.xreplace(initial)
        return NestPrinter(self.symbols(where="internals")).doprint(value)

    def _internal_lines(self) -> list[str]:
        p = self.printer("internals")
        p.symbols.update({v.name: self._state_access(v.name) for v in self.m.state})  # internals may read state
        lines = [f"V_.{H} = nest::Time::get_resolution().get_ms();"]
        for v in self.m.internals:
            if v.value is not None:
                lines.append(f"V_.{v.name} = {p.doprint(v.value)};")
        for name in sorted(self.props):
            lines.append(f"V_.{name} = {p.doprint(self.props[name])};")
        for name, value in self.constants:
            lines.append(f"V_.{name} = {p.doprint(value)};")
        return lines

    # ---- update -------------------------------------------------------------------------

    def _update_lines(self, analytic_update: dict[str, sympy.Expr], jumps, received: dict[str, str]) -> list[str]:
        m = self.m
        sol = m.solution
        printer = self.printer("update")
        self._mask_names: dict[tuple[str, ...], str] = {}
        lines: list[str] = []
        for port in m.spike_ports:
            lines.append(f"const double __spk_{port.name} = input[Buffers_::CH_{port.name}];")
        if not self.conv_by_gsl:
            for s in self.conv_states:
                lines.append(f"const double {s}__next = {printer.doprint(analytic_update[s])};")
        ode_vars = [o.var for o in m.odes]
        events = self.events_in_loop

        def integrate(stmt: ir.IntegrateOdes, indent: str) -> list[str]:
            for name in stmt.vars:
                if name not in ode_vars:
                    raise ModelError(f"integrate_odes({name}): '{name}' has no ODE", span=stmt.span, code="E151",
                                     construct="integrate_odes")
            names = self.expand(stmt.vars)
            analytic = [s for s in names if s in self.analytic and s not in self.conv_states]
            out = [f"{indent}{{  // integrate_odes({', '.join(stmt.vars)})"]
            for s in analytic:
                out.append(f"{indent}  const double {s}__new = {printer.doprint(analytic_update[s])};")
            numeric = [s for s in names if s in self.numeric]
            if self.numeric and numeric:
                mask = tuple(s for s in sol.numeric.states if s in names or s in self.conv_states)
                fn = self._mask_names.setdefault(mask, f"{self.cls}_dynamics_{len(self._mask_names)}")
                out += [f"{indent}  B_.sys_.function = {fn};"]
                if events:
                    out += [f"{indent}  const bool __whole = __t == 0.0;  // no condition held earlier in this step"]
                else:
                    out += [f"{indent}  double __t = 0.0;"]
                out += [f"{indent}  while (__t < B_.step_)",
                        f"{indent}  {{",
                        f"{indent}    const int status = gsl_odeiv_evolve_apply(B_.e_, B_.c_, B_.s_, &B_.sys_, &__t, "
                        "B_.step_, &B_.integration_step_, S_.y_);",
                        f"{indent}    if (status != GSL_SUCCESS)",
                        f"{indent}    {{",
                        *self._finite_check(numeric, indent + "      "),
                        f"{indent}      throw nest::GSLSolverFailure(get_name(), status);",
                        f"{indent}    }}"]
                if events:
                    # as NEST's aeif models: the conditions after every substep (a finite check first: a
                    # condition could hide an infinite state); after one held, the update block runs again
                    # for the rest of the step
                    out += self._finite_check(numeric, indent + "    ")
                    for handler in m.on_condition:
                        out += [f"{indent}    if ({printer.doprint(handler.cond)})", f"{indent}    {{",
                                *print_block(handler.body, ctx, indent + "      "),
                                f"{indent}      __event = true;", f"{indent}      break;", f"{indent}    }}"]
                out += [f"{indent}  }}"]
            if events and analytic:
                # exact when the whole step was integrated without a condition holding; else GSL's values
                out += [f"{indent}  if (__whole && !__event)", f"{indent}  {{",
                        *(f"{indent}    {printer.doprint(sympy.Symbol(s))} = {s}__new;" for s in analytic),
                        f"{indent}  }}"]
            else:
                for s in analytic:
                    out.append(f"{indent}  {printer.doprint(sympy.Symbol(s))} = {s}__new;")
            out += self._finite_check([s for s in names if s in self.analytic or s in self.numeric], indent + "  ")
            for s, port, inc in jumps:
                if s in names and s not in self.conv_states:
                    out.append(f"{indent}  {printer.doprint(sympy.Symbol(s))} += "
                               f"{printer.doprint(inc)} * __spk_{port};")
            out.append(f"{indent}}}")
            return out

        def emit_spike(stmt: ir.EmitSpike, indent: str) -> list[str]:
            if stmt.args:
                raise ModelError("emit_spike() with a weight belongs in a synapse model; a neuron calls "
                                 "emit_spike()", span=stmt.span, code="E185", construct="emit_spike",
                                 hint="use the model in `synapse NAME from \"...\"`, or write emit_spike()")
            return [f"{indent}set_spiketime(nest::Time::step(origin.get_steps() + lag + 1));",
                    f"{indent}nest::SpikeEvent se;",
                    f"{indent}nest::kernel().event_delivery_manager.send(*this, se, lag);"]

        def declare(name: str) -> None:
            printer.symbols[name] = name

        ctx = StatementContext(printer=printer, integrate=integrate, emit_spike=emit_spike, ctype=_ctype,
                               declare=declare)
        if events:
            lines += ["double __t = 0.0;  // how far into the step the integration has come",
                      "bool __event = false;  // a condition held after a GSL substep",
                      "do",
                      "{",
                      "  __event = false;",
                      *print_block(m.update, ctx, "  "),
                      "} while (__event && __t < B_.step_);"]
        else:
            lines += print_block(m.update, ctx, "")
        dynamic = {sympy.Symbol(v.name) for v in m.state} | {sympy.Symbol(p.name) for p in m.spike_ports} \
            | {sympy.Symbol(p.name) for p in m.current_ports}
        for handler in m.on_receive:
            if handler.port not in received:
                # no spike means no change: run it every step, with its constants hoisted (no received flag)
                body = tuple(ir.Assign(target=a.target, op=a.op, value=self.hoist(a.value, dynamic), span=a.span)
                             for a in handler.body)
                lines += print_block(body, ctx, "")
                continue
            lines.append(f"if (input[Buffers_::{received[handler.port]}] > 0.0)")
            lines.append("{")
            lines += print_block(handler.body, ctx, "  ")
            lines.append("}")
        if not self.conv_by_gsl:
            for s in self.conv_states:
                lines.append(f"{printer.doprint(sympy.Symbol(s))} = {s}__next;")
        for s, port, inc in jumps:
            if s in self.conv_states:
                lines.append(f"{self._state_access(s)} += {printer.doprint(inc)} * __spk_{port};")
        for handler in m.on_condition:
            lines.append(f"if ({printer.doprint(handler.cond)})")
            lines.append("{")
            lines += print_block(handler.body, ctx, "  ")
            lines.append("}")
        text = "\n".join(lines)
        self.uses_rng = "normal_dev_" in text or "drand()" in text
        return lines

    def _finite_check(self, names: list[str], indent: str) -> list[str]:
        """Report a state that became NaN or infinite (before a condition such as V_m >= V_th can hide it)."""
        real = [n for n in names if self.m.variable(n).type == "real"]
        if not real:
            return []
        # one test of the sum: NaN or inf in any term makes it non-finite (an overflowing sum of finite values
        # only calls report_nonfinite_, which records nothing then)
        test = " + ".join(self._state_access(n) for n in real)
        return [f"{indent}if (!std::isfinite({test})) [[unlikely]]", f"{indent}{{",
                f"{indent}  report_nonfinite_(origin, lag);", f"{indent}}}"]

    def _dynamics(self) -> list[tuple[str, list[str]]]:
        sol = self.m.solution
        if not sol.numeric:
            return []
        printer = self.printer("dynamics")
        raw = NestPrinter(self.symbols(where="dynamics", raw=True))
        out = []
        rhs = dict(sol.numeric.rhs)
        for kd, (k, rate) in self.chains.items():
            big_k, big_kd = sympy.Symbol(k), sympy.Symbol(kd)
            rhs[k], rhs[kd] = big_kd - rate * big_k, -rate * big_kd
        for mask, fn in self._mask_names.items():
            lines = []
            for s in sol.numeric.states:
                value = (raw if s in self.chains or self.chains.get(f"{s}__d") else printer).doprint(rhs[s]) \
                    if s in mask else "0.0"
                lines.append(f"f[State_::{s}] = {value};")
            out.append((fn, lines))
        return out


@lru_cache(maxsize=1)
def lower_model(model: ir.Model, cls: str, nest_name: str) -> dict[str, str]:
    """The C++ sources (``<cls>.h``, ``<cls>.cpp``) of one solved model."""
    view = Lowering(model, cls, nest_name).view()
    return {f"{cls}.h": render("model.h.j2", v=view), f"{cls}.cpp": render("model.cpp.j2", v=view)}
