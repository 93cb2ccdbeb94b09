"""Lower a solved model IR to SpiNNaker-1 fixed-point C (one update, two wrappers).

Numerics, stated:
- Every value on the chip is an s16.15 ``accum`` (``int32_t`` for integer and boolean variables).
- Variables are held in PyNN's units (current nA, capacitance nF, conductance uS; voltage mV,
  time ms); convolution states in the unit of their input port's weight.
- Every parameter-only sub-expression (propagators, internals, coefficients, thresholds) is
  computed on the host in double precision for the machine time step and sent as an s16.15
  field; the chip adds, multiplies, divides (truncating, saturating), compares and evaluates exp
  (spinn_common's expk, saturating above ~11.09) and log (within 1 LSB); other powers x**p of
  changing values are exp(p log x).
- Linear ODEs use ODE-toolbox's exact propagators; coupled linear systems with constant coefficients
  that ODE-toolbox leaves to a numeric solver (an adaptive LIF's ``V_m`` and ``w``) are solved exactly
  too, by a matrix exponential the host computes (``portasnn.targets.spinnaker.linear``), as increments
  ``x += (exp(A h) - I) (x - x0) + Q u`` (``x0``: the equilibrium without changing inputs; their states
  of current, conductance or capacitance held in pA, nS, pF). Non-linear ODEs are refused (at the ODE
  that is non-linear) unless a fixed-step solver is chosen (``euler`` or ``rk2`` (midpoint),
  ``substeps`` per machine step); a linear system is solved exactly even then.
- Per tick, in sPyNNaker's order: inputs of the tick are added (``add_input``), state is recorded
  (before the update), the model's update block runs (NEST semantics: convolution states advance
  after it, then their spike jumps; then the ``onCondition`` blocks).
The update code is written against ``spinn_fixed.h``'s ``REAL_*`` macros, so the same text compiles
for sPyNNaker (native ``accum``) and for the spinnaker-host emulator (bit-exact shim).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import sympy

from portasnn.errors import ModelError, Span, warn
from portasnn.ir import model as ir
from portasnn.targets.spinnaker import linear
from portasnn.units import (CAPACITANCE, CONDUCTANCE, CURRENT, DIMENSIONLESS, RATE, TIME, VOLTAGE, parse_unit)

from .fixed_c import FixedPrinter, Sym

H = sympy.Symbol("__h")
SOLVERS = ("euler", "rk2")
S1615_MAX = 65535.99997
S1615_LSB = 2.0 ** -15
# PyNN's unit for a dimension and its factor to the IR's canonical unit (canonical = pynn * factor)
_PYNN = {CURRENT: ("nA", 1000.0), CAPACITANCE: ("nF", 1000.0), CONDUCTANCE: ("uS", 1000.0),
         VOLTAGE: ("mV", 1.0), TIME: ("ms", 1.0), DIMENSIONLESS: ("", 1.0), RATE: ("Hz", 1e-3)}
_NETWORK_UNITS = {CURRENT, CAPACITANCE, CONDUCTANCE, VOLTAGE, TIME, DIMENSIONLESS}
# the states of an exactly solved coupled linear system held in the canonical unit, not PyNN's: an
# adaptation current changes by ~0.02 pA per 0.1 ms step, below the s16.15 resolution in nA (0.03 pA)
_FINE = {CURRENT: "pA", CAPACITANCE: "pF", CONDUCTANCE: "nS"}


@dataclass(frozen=True)
class Options:
    """How to lower: the fixed-step solver for non-linear ODEs (None: refuse them) and its substeps."""

    solver: str | None = None
    substeps: int = 1


@dataclass
class Field:
    """One 32-bit member of ``neuron_t`` (order = C layout = parameter word order)."""

    name: str
    ctype: str             # "REAL" or "int32_t"
    role: str              # "state", "const", "input", "flag"
    doc: str = ""


@dataclass
class Param:
    """A NESTML parameter as the PyNN class exposes it."""

    name: str
    default: float         # PyNN units
    unit: str              # PyNN unit
    to_canonical: float    # canonical = pynn * to_canonical
    net_to_pynn: float     # pynn = network value * net_to_pynn
    is_int: bool = False


@dataclass
class StateVar:
    name: str
    default: float         # PyNN units (initial value from the parameter defaults)
    unit: str
    chip_scale: float      # canonical = chip * chip_scale (= PyNN unit factor)
    init: sympy.Expr       # canonical, in parameters
    net_to_pynn: float
    kind: str              # "real", "int", "bool"
    exposed: bool          # a PyNN state variable (False: convolution states)
    pynn_to_chip: float = 1.0  # chip = PyNN value * pynn_to_chip (1000: held in pA, nS, pF, see _FINE)


@dataclass
class Const:
    name: str
    expr: sympy.Expr       # in parameters (canonical) and __h; the value in chip units
    kind: str              # "real" or "int"
    span: Span | None = None
    shift: int = 0         # the field holds value * 2**shift (a small multiplier keeps 15 + shift bits)


@dataclass
class Recordable:
    name: str
    field: str
    unit: str              # network unit (canonical: mV, pA, nS, ...)
    to_network: float      # network = chip * to_network
    pynn_unit: str
    to_pynn: float


@dataclass
class Lowered:
    """Everything the templates need for one model."""

    name: str
    stem: str
    source: str
    fields: list[Field]
    params: list[Param]
    states: list[StateVar]
    consts: list[Const]
    synapse_types: tuple[str, ...]
    weight_to_model: tuple[float, ...]
    weight_units: tuple[str, ...]
    global_weight_scale: float
    recordables: list[Recordable]
    add_input_lines: list[str]
    update_lines: list[str]
    solver: str | None
    substeps: int
    current_port: str | None
    numeric: bool

    @property
    def n_words(self) -> int:
        return len(self.fields)


def c_identifier(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", name)


def _dims(unit: str):
    q = parse_unit(unit)
    return q.dims if q is not None else None


def _pynn(var_unit: str, scale: sympy.Rational) -> tuple[str, float, float]:
    """(PyNN unit, pynn->canonical, network->pynn) of a declared unit."""
    dims = _dims(var_unit)
    if dims in _PYNN:
        unit, factor = _PYNN[dims]
        net_to_canonical = 1e-3 if dims == RATE else 1.0
        return unit, factor, net_to_canonical / factor
    # any other unit: the declared one, in the network and in PyNN
    return var_unit, float(scale), 1.0


class Lowering:
    def __init__(self, model: ir.Model, options: Options) -> None:
        if model.solution is None:
            raise ValueError("run the analyse_odes pass first")
        if options.solver is not None and options.solver not in SOLVERS:
            raise ModelError(f"unknown SpiNNaker solver '{options.solver}'", code="E301", construct="solver",
                             hint=f"choose one of: {', '.join(SOLVERS)}")
        if options.substeps < 1:
            raise ModelError("substeps must be at least 1", code="E301", construct="substeps")
        self.m = model
        self.opt = options
        sol = model.solution
        self.numeric = set(sol.numeric.states) if sol.numeric else set()
        self.analytic = {s: e for b in sol.analytic for s, e in b.update}
        self.props = {k: v for b in sol.analytic for k, v in b.propagators}
        conv_names = {c.name: c for c in model.convolutions}
        self.conv_port: dict[str, str] = {}
        for s in [v.name for v in model.state]:
            base = s.split("__d")[0] if "__X__" in s else s
            if base in conv_names:
                self.conv_port[s] = conv_names[base].port
        self.conv_states = [s for s in self.analytic if s in self.conv_port]
        self.consts: list[Const] = []
        self.static = {v.name for v in (*model.parameters, *model.internals)}
        self.int_vars = {v.name for v in (*model.parameters, *model.internals, *model.state) if v.type != "real"}
        self._check_static_assignments()
        self.port_kind = {p.name: self._port_kind(p.name) for p in model.spike_ports}
        self.gws = 1024.0 if "conductance" in self.port_kind.values() else 1.0
        self.port_scale = {p: self._port_scale(k) for p, k in self.port_kind.items()}
        self.scale: dict[str, float] = {}
        for v in model.state:
            if v.name in self.conv_port:
                self.scale[v.name] = self.port_scale[self.conv_port[v.name]]
            elif v.type == "real":
                self.scale[v.name] = _pynn(v.unit, v.scale)[1]
        for p in model.current_ports:
            self.scale[p.name] = _pynn(p.unit, p.scale)[1]
        for p in model.spike_ports:
            self.scale[p.name] = self.port_scale[p.name]
        self.locals: dict[str, str] = {}  # name -> kind
        # a numeric block that is linear with constant coefficients is solved exactly (increments
        # x(t+h) - x(t), host-computed matrix exponential); otherwise its non-linear states are named
        self.increment: dict[str, sympy.Expr] = {}
        self.deviation: dict[str, sympy.Expr] = {}  # state -> its offset x0 (the increments use x - x0)
        self.fine: dict[str, float] = {}  # state held in the canonical unit -> PyNN-to-chip factor
        self.nonlinear: tuple[str, ...] = ()
        if sol.numeric:
            system = linear.analyse(sol.numeric, self.static)
            self.nonlinear = system.nonlinear
            if len(system.states) == len(sol.numeric.states):
                self._exact_linear(system)

    # ---- analysis -----------------------------------------------------------------------

    def _exact_linear(self, system: linear.LinearSystem) -> None:
        """Exact increments of the states of a linear numeric block (ODE-toolbox's own propagators, for
        convolution states and the states it solved, are kept): each uses the old values of every state
        of the block (the ``__new`` temporaries of :meth:`integrate`)."""
        aug = system.augmented()
        d, n = aug.shape[0], len(system.states)
        flat = [aug[r, c] for r in range(d) for c in range(d)]
        reach = system.reachable()
        offset = linear.offset(system)
        self.labels = [*system.states, *(sympy.sstr(u) for u in system.inputs)]
        for i, x in enumerate(system.states):
            if x in self.analytic or x in self.conv_port:
                continue
            inc = sympy.Integer(0)
            for j in sorted(reach[i]):
                if offset is not None and offset[i] is not None and j >= n and system.inputs[j - n] == 1:
                    continue  # in the offsets: x + (exp(A h) - I) (x - x0)
                name = f"__P__linear__{x}__{j}"
                self.props[name] = linear.expm1_entry(i, j, d, H, *flat)
                if j >= n:
                    inc += sympy.Symbol(name) * system.inputs[j - n]
                elif offset is not None and offset[j] is not None and offset[j] != 0:
                    self.deviation[system.states[j]] = offset[j]
                    inc += sympy.Symbol(name) * sympy.Symbol(f"{system.states[j]}__dev")
                else:
                    inc += sympy.Symbol(name) * sympy.Symbol(system.states[j])
            self.increment[x] = inc
            dims = _dims(self.m.variable(x).unit)
            if dims in _FINE and self.scale.get(x) == _PYNN[dims][1]:
                self.fine[x] = self.scale[x]
                self.scale[x] = 1.0
        self.numeric = set()

    def _describe(self, expr: sympy.Expr) -> str:
        """A field's expression for people: propagator entries of a linear system by their states."""
        def entry(*args: sympy.Basic) -> sympy.Symbol:
            i, j = int(args[0]), int(args[1])
            return sympy.Symbol(f"P[{self.labels[i]} <- {self.labels[j]}]")
        return sympy.sstr(expr.replace(linear.expm1_entry, entry) if expr.has(linear.expm1_entry) else expr)

    def _ode_span(self, state: str) -> Span | None:
        for o in self.m.odes:
            if state == o.var or re.fullmatch(re.escape(o.var) + r"(__d)+", state):
                return o.span
        return None

    def _refuse_nonlinear(self, span: Span | None) -> ModelError:
        """E302 at the first ODE whose right-hand side is not linear with constant coefficients."""
        state = next((x for x in self.nonlinear if self._ode_span(x) is not None), None)
        where = self._ode_span(state) if state is not None else span
        var = state.split("__d")[0] if state is not None else None
        return ModelError(f"the ODE for '{var}' is non-linear (or has coefficients that change during the "
                          "simulation): SpiNNaker has no adaptive solver and portasnn does not approximate silently"
                          if var else "the ODEs are non-linear: SpiNNaker has no adaptive solver and portasnn "
                          "does not approximate silently", span=where, code="E302",
                          construct=f"{var}' (non-linear ODE)" if var else "equations",
                          hint="choose a fixed-step method: --spinnaker-solver euler|rk2 --substeps N (linear "
                               "systems with constant coefficients are solved exactly without one)")

    def _check_static_assignments(self) -> None:
        def walk(stmts):
            for s in stmts:
                if isinstance(s, ir.Assign) and s.target in self.static:
                    raise ModelError(f"the update assigns to '{s.target}', a parameter or internal; on SpiNNaker "
                                     "parameters and internals are fixed host-computed values", span=s.span,
                                     code="E341", construct=s.target, hint="declare it in the state block")
                if isinstance(s, ir.If):
                    for _, body in s.branches:
                        walk(body)
                    walk(s.orelse)
                if isinstance(s, ir.While):
                    walk(s.body)
        walk(self.m.update)
        for h in (*self.m.on_receive, *self.m.on_condition):
            walk(h.body)

    def _targets_of_port(self, port: str) -> list[str]:
        out = [s for s, p, _ in self.m.solution.spike_jumps if p == port and s not in self.conv_port]

        def walk(stmts):
            for s in stmts:
                if isinstance(s, ir.Assign) and s.value.has(sympy.Symbol(port)):
                    out.append(s.target)
                for body in ([b for _, b in s.branches] + [s.orelse] if isinstance(s, ir.If) else
                             [s.body] if isinstance(s, ir.While) else []):
                    walk(body)
        walk(self.m.update)
        for h in (*self.m.on_receive, *self.m.on_condition):
            walk(h.body)
        return out

    def _port_kind(self, port: str) -> str:
        """"voltage" (delta synapses, weights in mV), "conductance" (nS) or "current" (pA)."""
        kinds = set()
        for target in self._targets_of_port(port):
            try:
                dims = _dims(self.m.variable(target).unit)
            except KeyError:
                continue
            kinds.add({VOLTAGE: "voltage", CONDUCTANCE: "conductance"}.get(dims, "current"))
        if not kinds:
            # convolutions: a conductance multiplies a voltage-dimensioned state in some ODE
            voltage_states = {sympy.Symbol(v.name) for v in self.m.state if _dims(v.unit) == VOLTAGE}
            convs = [sympy.Symbol(c.name) for c in self.m.convolutions if c.port == port]
            rhs = [o.rhs for o in self.m.odes] + [i.expr for i in self.m.inlines]
            if self.m.solution.numeric:
                rhs += [r for _, r in self.m.solution.numeric.rhs]
            for expr in rhs:
                for c in convs:
                    if expr.has(c) and sympy.diff(expr, c).free_symbols & voltage_states:
                        kinds.add("conductance")
            kinds = kinds or {"current"}
        if len(kinds) > 1:
            port_span = next((p.span for p in self.m.spike_ports if p.name == port), None)
            raise ModelError(f"spike port '{port}' drives variables of different kinds ({', '.join(sorted(kinds))}); "
                             "a SpiNNaker synapse type has one weight unit", span=port_span, code="E342",
                             construct=port)
        return kinds.pop()

    def _port_scale(self, kind: str) -> float:
        """Canonical port value (sum of weights, pA/nS/mV) per unit of chip input."""
        to_model = 1.0 if kind == "voltage" else 1e-3
        return 1.0 / (to_model * self.gws)

    # ---- synapse types ------------------------------------------------------------------

    def synapse_types(self) -> tuple[tuple[str, ...], list[tuple[str, str]]]:
        """Synapse type names and, per type, (port, '+'/'-')."""
        ports = self.m.spike_ports
        signs = sorted(p.sign for p in ports)
        if len(ports) == 2 and signs == ["excitatory", "inhibitory"]:
            exc = next(p for p in ports if p.sign == "excitatory")
            inh = next(p for p in ports if p.sign == "inhibitory")
            return ("excitatory", "inhibitory"), [(exc.name, "+"), (inh.name, "+")]
        if len(ports) == 1:
            if ports[0].sign == "inhibitory":
                raise ModelError("a single inhibitory spike port is not supported; declare it without qualifier",
                                 span=ports[0].span, code="E340", construct=ports[0].name)
            return ("excitatory", "inhibitory"), [(ports[0].name, "+"), (ports[0].name, "-")]
        if not ports:
            return (), []
        return tuple(p.name for p in ports), [(p.name, "+") for p in ports]

    # ---- symbols and hoisting ----------------------------------------------------------

    def dynamic(self) -> set[sympy.Symbol]:
        names = {v.name for v in self.m.state} | {p.name for p in self.m.current_ports} \
            | {p.name for p in self.m.spike_ports} | set(self.locals) | {"t"}
        return {sympy.Symbol(n) for n in names}

    def to_chip(self, expr: sympy.Basic) -> sympy.Basic:
        """Substitute chip-unit symbols: canonical x = scale * x_chip."""
        sub = {sympy.Symbol(n): sympy.Float(k) * sympy.Symbol(n) if k != 1 else sympy.Symbol(n)
               for n, k in self.scale.items() if k != 1}
        props = {sympy.Symbol(k): v for k, v in self.props.items()}
        return expr.xreplace(props).xreplace(sub)

    def static_value(self, expr: sympy.Expr) -> sympy.Expr:
        """A parameter-only expression with internals substituted (in parameters and __h)."""
        return _substituted(expr, {sympy.Symbol(v.name): v.value for v in self.m.internals if v.value is not None})

    def at_defaults(self, expr: sympy.Expr) -> sympy.Basic:
        """``expr`` with internals and then the parameters' default values substituted."""
        params = {sympy.Symbol(p.name): p.value for p in self.m.parameters if p.value is not None}
        return _substituted(self.static_value(expr), params)

    def const(self, expr: sympy.Expr, span: Span | None, multiplier: bool = False) -> sympy.Expr:
        """Replace a parameter-only expression by a host-computed field.

        ``multiplier``: the field only multiplies; if it is small at the default parameters (below
        1/8), it is held scaled by 2**shift (to about 128, headroom 512x) and multiplied with
        ``REAL_MUL_SHIFT``, so that it keeps 15 + shift fraction bits instead of a few LSB."""
        if expr.is_Number:
            return expr
        kind = "int" if self._is_int(expr) else "real"
        if isinstance(expr, sympy.Symbol) and expr.name in self.static:
            name = expr.name
        else:
            name = None
        value = self.static_value(expr)
        for node in sympy.preorder_traversal(value):
            fname = getattr(getattr(node, "func", None), "__name__", "")
            if fname in ("random_normal", "random_uniform", "random_poisson"):
                raise ModelError(f"{fname}() draws a new value every step; SpiNNaker models here have no random "
                                 "number generator", span=span, code="E343", construct=f"{fname}()")
        if value in (sympy.oo, -sympy.oo):
            # the s16.15 extremes: max(V, -inf) and V < inf keep their meaning for every value but the extreme
            return sympy.Float(-S1615_MAX) if value == -sympy.oo else sympy.Float(S1615_MAX)
        if value.is_Number:
            return sympy.Integer(1) if value == 1 else value
        shift = 0
        if multiplier and kind == "real":
            mag = self._magnitude(value)
            if 0 < mag < 0.125:
                shift = min(16, int(math.floor(math.log2(128.0 / mag))))
        for c in self.consts:
            if c.expr == value and c.kind == kind and c.shift == shift:
                return sympy.Symbol(c.name)
        if name is None or any(c.name == name for c in self.consts) or shift:
            name = f"c{len(self.consts)}"
            while any(c.name == name for c in self.consts):
                name += "_"
        self.consts.append(Const(name, value, kind, span, shift))
        return sympy.Symbol(name)

    def _magnitude(self, value: sympy.Expr) -> float:
        """|value| at the default parameters and a 0.1 ms step (0 when it cannot be evaluated)."""
        try:
            return abs(float(self.at_defaults(value).xreplace({H: sympy.Float(0.1)})))
        except (TypeError, ValueError):
            return 0.0

    def _is_int(self, expr: sympy.Expr) -> bool:
        if isinstance(expr, sympy.Symbol):
            return expr.name in self.int_vars
        if isinstance(expr, sympy.Function) and expr.func.__name__ == "steps":
            return True
        if isinstance(expr, (sympy.Add, sympy.Mul)):
            return all(a.is_Integer or self._is_int(a) for a in expr.args)
        return False

    def hoist(self, expr: sympy.Basic, span: Span | None) -> sympy.Basic:
        dynamic = self.dynamic()
        if isinstance(expr, (sympy.core.relational.Relational, sympy.And, sympy.Or, sympy.Not)):
            return expr.func(*[self.hoist(a, span) for a in expr.args])
        if isinstance(expr, (sympy.logic.boolalg.BooleanTrue, sympy.logic.boolalg.BooleanFalse)):
            return expr
        if isinstance(expr, sympy.Piecewise) and expr.free_symbols & dynamic:
            return sympy.Piecewise(*[(self.hoist(b.expr, span), self.hoist(b.cond, span)) for b in expr.args])
        if not isinstance(expr, sympy.Expr):
            return expr.func(*[self.hoist(a, span) for a in expr.args])
        if isinstance(expr, sympy.Mul) and sum(isinstance(f, sympy.exp) for f in expr.args) > 1:
            # exp(-V_th/Delta_T) * exp(V/Delta_T): one exp of the sum, so that no factor leaves s16.15
            expr = sympy.powsimp(expr, combine="exp")
        if not (expr.free_symbols & dynamic):
            return self.const(expr, span)
        if expr.is_polynomial(*dynamic) and not self._has_int_dynamic(expr):
            gens = sorted(expr.free_symbols & dynamic, key=str)
            poly = sympy.Poly(sympy.expand(expr), *gens)
            out = sympy.Integer(0)
            for powers, coeff in sorted(poly.terms(), key=lambda t: t[0]):
                monomial = sympy.Mul(*[g ** k for g, k in zip(gens, powers)])
                out += self.const(coeff, span, multiplier=monomial != 1) * monomial
            return out
        if isinstance(expr, sympy.Symbol):
            return expr
        return expr.func(*[self.hoist(a, span) for a in expr.args])

    def _has_int_dynamic(self, expr: sympy.Basic) -> bool:
        return any(s.name in self.int_vars or self.locals.get(s.name) == "int" for s in expr.free_symbols)

    # ---- C symbols ----------------------------------------------------------------------

    def symbols(self) -> dict[str, Sym]:
        table: dict[str, Sym] = {}
        for c in self.consts:
            table[c.name] = Sym(f"n->{c.name}", c.kind, c.shift)
        for v in self.m.state:
            table[v.name] = Sym(f"n->{v.name}", {"real": "real", "integer": "int", "boolean": "bool"}[v.type])
        for p in self.m.spike_ports:
            table[p.name] = Sym(f"spk_{p.name}", "real")
        for k, p in enumerate(self.m.current_ports):
            table[p.name] = Sym("current_offset" if k == 0 else "ZERO", "real")
        for name, kind in self.locals.items():
            table[name] = Sym(name, kind)
        return table

    class _LazySyms(dict):
        def __init__(self, lowering: "Lowering") -> None:
            super().__init__()
            self.low = lowering

        def __getitem__(self, key: str) -> Sym:
            return self.low.symbols()[key]

        def get(self, key, default=None):  # noqa: ANN001
            return self.low.symbols().get(key, default)

    def printer(self, span: Span | None) -> FixedPrinter:
        p = FixedPrinter({}, span)
        p.symbols = self._LazySyms(self)  # consts appear while hoisting
        return p

    def expr(self, value: sympy.Basic, kind: str, span: Span | None) -> str:
        return self.printer(span).typed(self.hoist(self.to_chip(value), span), kind)

    def kind_of(self, name: str) -> str:
        if name in self.locals:
            return self.locals[name]
        var = self.m.variable(name)
        return {"real": "real", "integer": "int", "boolean": "bool"}[var.type]

    # ---- statements ---------------------------------------------------------------------

    def assign(self, target: str, op: str, value: sympy.Expr, span: Span | None, indent: str) -> list[str]:
        if target in self.static:
            raise ModelError(f"cannot assign to '{target}'", span=span, code="E341", construct=target)
        kind = self.kind_of(target)
        access = target if target in self.locals else f"n->{target}"
        k = self.scale.get(target, 1.0) if target not in self.locals else 1.0
        cur = sympy.Symbol(target)  # canonical symbol; to_chip scales it
        if op == "=":
            new = value
        elif op == "+=":
            new = cur + value
        elif op == "-=":
            new = cur - value
        elif op == "*=":
            new = cur * value
        else:
            new = cur / value
        if kind == "real":
            if op == "+=" or op == "-=":
                delta = value if op == "+=" else -value
                rhs = self.expr(delta / sympy.Float(k) if k != 1 else delta, "real", span)
                return [f"{indent}{access} = REAL_ADD({access}, {rhs});"]
            rhs = self.expr(new / sympy.Float(k) if k != 1 else new, "real", span)
        else:
            rhs = self.expr(new, kind, span)
        return [f"{indent}{access} = {rhs};"]

    def block(self, stmts, indent: str) -> list[str]:
        out: list[str] = []
        for s in stmts:
            out += self.stmt(s, indent)
        return out

    def stmt(self, s: ir.Stmt, indent: str) -> list[str]:
        if isinstance(s, ir.Assign):
            return self.assign(s.target, s.op, s.value, s.span, indent)
        if isinstance(s, ir.Declare):
            var = s.var
            kind = {"real": "real", "integer": "int", "boolean": "bool"}[var.type]
            ctype = {"real": "REAL", "int": "int32_t", "bool": "bool"}[kind]
            init = self.expr(var.value, kind, s.span) if var.value is not None else \
                {"real": "ZERO", "int": "0", "bool": "false"}[kind]
            self.locals[var.name] = kind
            return [f"{indent}{ctype} {var.name} = {init};"]
        if isinstance(s, ir.If):
            lines = []
            for k, (cond, body) in enumerate(s.branches):
                kw = "if" if k == 0 else "} else if"
                lines.append(f"{indent}{kw} ({self.expr(cond, 'bool', s.span)}) {{")
                lines += self.block(body, indent + "    ")
            if s.orelse:
                lines.append(f"{indent}}} else {{")
                lines += self.block(s.orelse, indent + "    ")
            lines.append(f"{indent}}}")
            return lines
        if isinstance(s, ir.While):
            return [f"{indent}while ({self.expr(s.cond, 'bool', s.span)}) {{",
                    *self.block(s.body, indent + "    "), f"{indent}}}"]
        if isinstance(s, ir.IntegrateOdes):
            return self.integrate(s, indent)
        if isinstance(s, ir.EmitSpike):
            if s.args:
                raise ModelError("emit_spike() with a weight belongs in a synapse model; a neuron calls "
                                 "emit_spike()", span=s.span, code="E185", construct="emit_spike",
                                 hint="use the model in `synapse NAME from \"...\"`, or write emit_spike()")
            return [f"{indent}spiked = true;"]
        raise TypeError(s)

    def _expand(self, names: tuple[str, ...]) -> list[str]:
        ode_vars = [o.var for o in self.m.odes]
        if not names:
            names = tuple(ode_vars)
        out: list[str] = []
        for n in names:
            out += [s for s in list(self.analytic) + list(self.increment) + sorted(self.numeric)
                    if (s == n or re.fullmatch(re.escape(n) + r"(__d)+", s)) and s not in out]
        return out

    def integrate(self, s: ir.IntegrateOdes, indent: str) -> list[str]:
        ode_vars = [o.var for o in self.m.odes]
        for name in s.vars:
            if name not in ode_vars:
                raise ModelError(f"integrate_odes({name}): '{name}' has no ODE", span=s.span, code="E151",
                                 construct="integrate_odes")
        names = self._expand(s.vars)
        analytic = [x for x in names if x in self.analytic and x not in self.conv_states and x not in self.numeric]
        out = [f"{indent}{{  /* integrate_odes({', '.join(s.vars)}) */"]
        ind = indent + "    "
        exact = [x for x in names if x in self.increment]
        for x in analytic:
            out.append(f"{ind}{self._ctype(x)} {x}__new = {self._update_expr(x, self.analytic[x], s.span)};")
        saved = dict(self.locals)
        if exact:
            # x + (exp(A h) - I) (x - x0) + Q u with x0 the equilibrium without input: small increments and
            # differences keep their precision in s16.15 (as LIF's alpha - exp_TC * (alpha - V) does)
            for x, x0 in self.deviation.items():
                k = self.scale.get(x, 1.0)
                chip_x0 = x0 / sympy.Float(k) if k != 1 else x0
                dev = self.printer(s.span).typed(self.hoist(sympy.Symbol(x) - chip_x0, self._ode_span(x) or s.span),
                                                 "real")
                out.append(f"{ind}REAL {x}__dev = {dev};")
                self.locals[f"{x}__dev"] = "real"
                self.scale[f"{x}__dev"] = self.scale.get(x, 1.0)
        for x in exact:
            inc = self._update_expr(x, self.increment[x], self._ode_span(x) or s.span)
            out.append(f"{ind}REAL {x}__new = REAL_ADD(n->{x}, {inc});")
        for x in self.deviation if exact else ():
            self.scale.pop(f"{x}__dev", None)
        self.locals = saved
        if self.numeric and any(x in self.numeric for x in names):
            out += self.numeric_steps(s, names, ind)
        for x in analytic + exact:
            out.append(f"{ind}n->{x} = {x}__new;")
        out.append(f"{ind}NEURON_CHECK_FINITE(n);  /* before a condition such as V_m >= V_th can hide it */")
        for x, port, inc in self.m.solution.spike_jumps:
            if x in names and x not in self.conv_states:
                out += self.assign(x, "+=", inc * sympy.Symbol(port), s.span, ind)
        out.append(f"{indent}}}")
        return out

    def _ctype(self, name: str) -> str:
        return {"real": "REAL", "int": "int32_t", "bool": "bool"}[self.kind_of(name)]

    def _update_expr(self, state: str, canonical: sympy.Expr, span: Span | None) -> str:
        k = self.scale.get(state, 1.0)
        value = canonical / sympy.Float(k) if k != 1 else canonical
        return self.expr(value, self.kind_of(state), span)

    def numeric_steps(self, s: ir.IntegrateOdes, names: list[str], ind: str) -> list[str]:
        sol = self.m.solution
        if self.opt.solver is None:
            raise self._refuse_nonlinear(s.span)
        mask = [x for x in sol.numeric.states if x in names or x in self.conv_states]
        rhs = dict(sol.numeric.rhs)
        ode_span = {o.var + "__d" * k: o.span for o in self.m.odes for k in range(o.order)}
        n = self.opt.substeps
        dt = H / n
        out = [f"{ind}for (uint32_t sub = 0; sub < {n}u; sub++) {{  /* {self.opt.solver}, {n} substep(s) */"]
        i2 = ind + "    "
        if self.opt.solver == "euler":
            out += self._increments(mask, {x: dt * rhs[x] for x in mask}, "__inc", ode_span, s.span, i2)
        else:  # rk2: explicit midpoint
            out += self._increments(mask, {x: dt / 2 * rhs[x] for x in mask}, "__k1", ode_span, s.span, i2)
            mid = {}
            for x in mask:
                out.append(f"{i2}REAL {x}__mid = REAL_ADD(n->{x}, {x}__k1);")
                mid[x] = f"{x}__mid"
            saved = dict(self.locals)
            for x in mask:
                self.locals[f"{x}__mid"] = "real"
            subs = {sympy.Symbol(x): sympy.Symbol(f"{x}__mid") for x in mask}
            for x in mask:
                # the __mid locals hold chip units; scale them like the state they stand for
                self.scale[f"{x}__mid"] = self.scale.get(x, 1.0)
            out += self._increments(mask, {x: (dt * rhs[x]).xreplace(subs) for x in mask}, "__inc", ode_span,
                                    s.span, i2)
            for x in mask:
                self.scale.pop(f"{x}__mid", None)
            self.locals = saved
        for x in mask:
            out.append(f"{i2}n->{x} = REAL_ADD(n->{x}, {x}__inc);")
        out.append(f"{ind}}}")
        return out

    def _increments(self, mask: list[str], deltas: dict[str, sympy.Expr], suffix: str,
                    spans: dict[str, Span | None], span: Span | None, ind: str) -> list[str]:
        """``REAL <x><suffix> = ...;`` per state, sub-expressions they share computed once (locals
        ``cse__k``): expanded Hodgkin-Huxley right-hand sides repeat the same exp() dozens of times,
        and SpiNNaker has 32 KiB of instruction memory."""
        hoisted = []
        for x in mask:
            k = self.scale.get(x, 1.0)
            delta = deltas[x] / sympy.Float(k) if k != 1 else deltas[x]
            hoisted.append(self.hoist(self.to_chip(delta), spans.get(x, span)))
        first = len([n for n in self.locals if n.startswith("cse__")])
        temps, reduced = sympy.cse(hoisted, symbols=sympy.numbered_symbols("cse__", start=first), order="none")
        out = []
        for sym, value in temps:
            out.append(f"{ind}REAL {sym.name} = {self.printer(span).typed(value, 'real')};")
            self.locals[sym.name] = "real"
        for x, value in zip(mask, reduced):
            out.append(f"{ind}REAL {x}{suffix} = {self.printer(spans.get(x, span)).typed(value, 'real')};")
        return out

    def _scaled(self, state: str, canonical_delta: sympy.Expr, span: Span | None) -> str:
        k = self.scale.get(state, 1.0)
        return self.expr(canonical_delta / sympy.Float(k) if k != 1 else canonical_delta, "real", span)

    # ---- the model ------------------------------------------------------------------------

    def lower(self) -> Lowered:
        m = self.m
        types, routes = self.synapse_types()
        if self.numeric and self.opt.solver is None:
            raise self._refuse_nonlinear(m.span)
        update: list[str] = []
        for s in self.conv_states:
            update.append(f"REAL {s}__next = {self._update_expr(s, self.analytic[s], m.span)};")
        update += self.block(m.update, "")
        for h in m.on_receive:
            update.append(f"if (rx_{h.port}) {{")
            update += self.block(h.body, "    ")
            update.append("}")
        for s in self.conv_states:
            update.append(f"n->{s} = {s}__next;")
        for s, port, inc in m.solution.spike_jumps:
            if s in self.conv_states:
                update += self.assign(s, "+=", inc * sympy.Symbol(port), m.span, "")
        for h in m.on_condition:
            span = h.span
            update.append(f"if ({self.expr(h.cond, 'bool', span)}) {{")
            update += self.block(h.body, "    ")
            update.append("}")
        update.append("NEURON_CHECK_FINITE(n);")
        # inputs
        add_input = []
        for k, (port, sign) in enumerate(routes):
            op = "REAL_ADD" if sign == "+" else "REAL_SUB"
            add_input.append(f"case {k}: n->in_{port} = {op}(n->in_{port}, input); n->rx_{port} = 1; break;")
        # fields
        fields: list[Field] = []
        states: list[StateVar] = []
        for v in m.state:
            kind = {"real": "real", "integer": "int", "boolean": "bool"}[v.type]
            fields.append(Field(v.name, "REAL" if kind == "real" else "int32_t", "state", v.doc))
            if v.name in self.conv_port:
                states.append(StateVar(v.name, 0.0, "", self.scale[v.name], v.value or sympy.Integer(0), 1.0,
                                       kind, False))
                continue
            unit, to_can, net_to_pynn = _pynn(v.unit, v.scale)
            if kind != "real":
                unit, to_can, net_to_pynn = "", 1.0, 1.0
            fine = self.fine.get(v.name, 1.0)
            states.append(StateVar(v.name, 0.0, unit, to_can / fine, self.static_value(v.value or sympy.Integer(0)),
                                   net_to_pynn, kind, v.span is not None, fine))
        for c in self.consts:
            fields.append(Field(c.name, "REAL" if c.kind == "real" else "int32_t", "const",
                                self._describe(c.expr)[:120]))
        for p in m.spike_ports:
            fields.append(Field(f"in_{p.name}", "REAL", "input", f"summed weights of {p.name} this tick"))
            fields.append(Field(f"rx_{p.name}", "int32_t", "flag", f"input arrived on {p.name} this tick"))
        params = []
        for v in m.parameters:
            unit, to_can, net_to_pynn = _pynn(v.unit, v.scale)
            if v.type != "real":
                unit, to_can, net_to_pynn = "", 1.0, 1.0
            default = self._number(v.value, v) / to_can if v.value is not None else 0.0
            params.append(Param(v.name, default, unit, to_can, net_to_pynn, v.type != "real"))
        defaults = {p.name: p.default * p.to_canonical for p in params}
        for st in states:
            st.default = _evaluate(st.init, defaults) / (st.chip_scale * st.pynn_to_chip) if st.init is not None \
                else 0.0
        recordables = []
        for st in states:
            if st.exposed and st.kind == "real":
                dims = _dims(next(v.unit for v in m.state if v.name == st.name))
                net_factor = 1e3 if dims == RATE else 1.0  # network unit = canonical (Hz for rates)
                recordables.append(Recordable(st.name, st.name, st.unit if dims not in _PYNN else
                                              {CURRENT: "pA", CAPACITANCE: "pF", CONDUCTANCE: "nS"}.get(dims, st.unit),
                                              st.chip_scale * net_factor if dims in _PYNN else 1.0,
                                              _FINE[dims] if st.pynn_to_chip != 1 else st.unit, 1.0))
        to_model = tuple(1.0 if self.port_kind[port] == "voltage" else 1e-3 for port, _ in routes)
        units = tuple({"voltage": "mV", "conductance": "uS", "current": "nA"}[self.port_kind[port]]
                      for port, _ in routes)
        cur = m.current_ports[0].name if m.current_ports else None
        return Lowered(name=m.name, stem=c_identifier(m.name), source=Path(m.source).name, fields=fields, params=params,
                       states=states, consts=self.consts, synapse_types=types, weight_to_model=to_model,
                       weight_units=units, global_weight_scale=self.gws, recordables=recordables,
                       add_input_lines=add_input, update_lines=update, solver=self.opt.solver if self.numeric else None,
                       substeps=self.opt.substeps if self.numeric else 1, current_port=cur, numeric=bool(self.numeric))

    def _number(self, expr: sympy.Expr, var: ir.Variable) -> float:
        value = self.at_defaults(expr)
        if value is sympy.true or value is sympy.false:
            return 1.0 if value is sympy.true else 0.0
        try:
            return float(value)
        except TypeError:
            raise ModelError(f"the default of '{var.name}' is not a constant ({value})", span=var.span,
                             code="E344", construct=var.name) from None


def _evaluate(expr: sympy.Expr, values: dict[str, float], h: float | None = None) -> float:
    sub = {sympy.Symbol(k): sympy.Float(v) for k, v in values.items()}
    if h is not None:
        sub[H] = sympy.Float(h)
    try:
        return float(sympy.sympify(expr).xreplace(sub).evalf())
    except TypeError:
        return float("nan")


# sPyNNaker indexes its ring buffers with MAX_RING_BUFFER_BITS = 14 bits shared by the neuron index (8 bits at
# 256 neurons per core), the synapse type and the delay slot; 3 bits for the synapse type leave 3 delay bits, and
# the spinnaker-host engine packs the type in 3 bits of its synaptic word (PORTASNN_MAX_SYNAPSE_TYPES).
MAX_SYNAPSE_TYPES = 8


def check_vectors(model: ir.Model) -> None:
    """Vectors are unrolled (one field per element); refuse what cannot be (E192) or does not fit (E193)."""
    for name in model.fixed_parameters:
        vector = next((v for v in model.vectors if v.size_parameter == name), None)
        what = (f"the size of vector '{vector.name}' is the parameter '{name}'" if vector is not None else
                f"a for loop that indexes a vector runs up to the parameter '{name}'")
        raise ModelError(f"{what}, which PyNN can set per population; on SpiNNaker every element is a field of "
                         "the neuron's fixed-layout struct, so the size must be known when the model is built",
                         span=vector.span if vector is not None else model.variable(name).span, code="E192",
                         construct=name, hint=f"write the size as an integer literal (e.g. '[{model.variable(name).value}]'"
                         " instead of the parameter)")
    ports = model.spike_ports
    if len(ports) > MAX_SYNAPSE_TYPES:
        vector = next((v for v in model.vectors if v.kind == "spike_port"), None)
        raise ModelError(f"the model has {len(ports)} spike input ports ({ports[0].name} ... {ports[-1].name}), more "
                         f"synapse types than sPyNNaker's synapse-type interface holds here ({MAX_SYNAPSE_TYPES}: "
                         "its 14 ring-buffer index bits are shared by 8 neuron bits, the synapse type and the delay)",
                         span=vector.span if vector is not None else ports[-1].span, code="E193",
                         construct=vector.name if vector is not None else ports[-1].name,
                         hint=f"use at most {MAX_SYNAPSE_TYPES} spike input ports (receptors) on SpiNNaker")


def lower(model: ir.Model, options: Options | None = None) -> Lowered:
    """Lower one solved model; raises ModelError (E3xx) for what SpiNNaker cannot do faithfully."""
    check_vectors(model)
    low = Lowering(model, options or Options())
    return low.lower()


# ---- range analysis ---------------------------------------------------------------------

def range_check(low: Lowered, dt_ms: float, model: ir.Model) -> list[str]:
    """Warn (W301..W303) about values outside s16.15 or losing precision badly at the defaults."""
    from .params_runtime import derive_fields

    messages = []
    values = {p.name: p.default for p in low.params}
    values.update({s.name: s.default for s in low.states if s.exposed})
    derived = derive_fields(low, values, dt_ms)
    spans = {v.name: v.span for v in (*model.parameters, *model.state)}
    exact = {c.name: c for c in low.consts if c.expr.has(linear.expm1_entry)}
    for f in low.fields:
        x = derived.get(f.name)
        if x is None or f.ctype != "REAL":
            continue
        span = spans.get(f.name) or next((c.span for c in low.consts if c.name == f.name), None) or model.span
        what = f.name if f.role != "const" else f"derived constant {f.name} = {f.doc}"
        if f.name in exact:
            _check_exact(f, x, exact[f.name], span, low, messages)
        elif not math.isfinite(x):
            msg = f"{what} is not finite at the default parameters ({x}); the propagator is singular"
            warn(msg, code="W303", span=span)
            messages.append(msg)
        elif abs(x) > S1615_MAX:
            msg = f"{what} = {x:g} is outside the s16.15 range (+-65536): it wraps on SpiNNaker"
            warn(msg, code="W301", span=span)
            messages.append(msg)
        elif x != 0 and abs(x) < 2 ** 10 * S1615_LSB:
            q = round(x / S1615_LSB) * S1615_LSB
            rel = abs(q - x) / abs(x)
            if rel > 1e-3:
                msg = (f"{what} = {x:.6g} is held as {q:.6g} in s16.15 (relative error {rel:.2%}, "
                       f"resolution {S1615_LSB:.3g})")
                warn(msg, code="W302", span=span)
                messages.append(msg)
    return messages


def _check_exact(f: Field, x: float, const: Const, span: Span | None, low: Lowered, messages: list[str]) -> None:
    """A coefficient of an exactly solved coupled linear system: refused (E461) where s16.15 cannot hold
    it, a warning (W461) where it is held as 0 although it is not."""
    held = x / 2.0 ** const.shift
    if not math.isfinite(x) or abs(x) > S1615_MAX:
        raise ModelError(f"the exact solution of the coupled linear ODEs needs the coefficient {f.doc} = {held:g} "
                         f"per step, which SpiNNaker's s16.15 cannot hold (range +-65536)", span=span, code="E461",
                         construct=f"{low.name}: {f.name}",
                         hint="check the units and time constants of the ODEs (a time constant far below the time "
                              "step gives huge coefficients), or use a smaller resolution")
    if x != 0 and abs(x) < S1615_LSB / 2:
        msg = (f"the coefficient {f.doc} = {held:.3g} per step of the exact solution of the coupled linear ODEs is "
               f"held as 0 in s16.15: this coupling is lost on SpiNNaker")
        warn(msg, code="W461", span=span)
        messages.append(msg)


def _substituted(expr: sympy.Basic, mapping: dict[sympy.Symbol, sympy.Basic], rounds: int = 20) -> sympy.Basic:
    """``expr`` with ``mapping`` applied until nothing changes (definitions may refer to each other)."""
    for _ in range(rounds):
        new = expr.xreplace(mapping)
        if new == expr:
            break
        expr = new
    return expr
