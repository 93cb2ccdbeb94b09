"""Neuron model IR.

Plain immutable data (frozen dataclasses). Expressions are sympy expressions over named
symbols. Every node made from user text keeps its ``span`` (file, line, column).

Unit system: every value and expression is in canonical units, normalised once in the
frontend: voltage mV, time ms, current pA; hence capacitance pF, conductance nS, resistance
GOhm, charge fC, rate 1/ms. A variable keeps the unit it was declared with (``unit``) and the
exact factor ``scale`` with ``canonical = declared * scale`` (1 for mV, ms, pA, pF, nS;
1/1000 for Hz; 1000 for s), so targets present parameters in the declared unit.

A spike input port, used as a value, is the sum of the weights of the spikes that arrived
in the step, per second (NESTML semantics); in canonical units: weight/1000 per ms.
``convolve(K, port)`` is the symbol ``K__X__port``: a state that jumps by weight times the
kernel's initial values when a spike arrives.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

import sympy

from portasnn.errors import Span

VarType = Literal["real", "integer", "boolean"]


def _span() -> Span | None:
    return field(default=None, compare=False)  # type: ignore[return-value]


@dataclass(frozen=True, slots=True, kw_only=True)
class Variable:
    """A parameter, state variable, internal or local variable."""

    name: str
    type: VarType = "real"
    unit: str = ""                     # as declared ("mV", "1/ms", "" for real/integer/boolean)
    scale: sympy.Rational = sympy.Integer(1)  # declared -> canonical
    value: sympy.Expr | None = None    # default / initial value / definition, canonical units
    doc: str = ""
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class SpikePort:
    name: str
    sign: Literal["excitatory", "inhibitory", "any"] = "any"
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class CurrentPort:
    name: str
    unit: str = "pA"
    scale: sympy.Rational = sympy.Integer(1)
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class Ode:
    """``var^(order) = rhs``; for order > 1 the lower derivatives are states named ``var__d``, ``var__d__d``."""

    var: str
    order: int
    rhs: sympy.Expr
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class Kernel:
    """A convolution kernel: ``expr`` as a function of ``t`` (e.g. ``exp(-t/tau)``), or ``delta(t)``;
    or, when ``expr`` is None, a system of ``odes`` over kernel variables whose initial values (declared
    in the state block) are the jump per unit weight."""

    name: str
    expr: sympy.Expr | None = None
    odes: tuple["Ode", ...] = ()
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class Convolution:
    """``convolve(kernel, port)``, written as the symbol ``name`` in expressions."""

    name: str
    kernel: str
    port: str
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class Inline:
    """An inline expression (recordable; already substituted into ODEs)."""

    name: str
    expr: sympy.Expr
    unit: str = ""
    scale: sympy.Rational = sympy.Integer(1)
    recordable: bool = True
    span: Span | None = _span()


# ---- statements -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class Assign:
    target: str
    op: Literal["=", "+=", "-=", "*=", "/="]
    value: sympy.Expr
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class Declare:
    """A local variable declared inside a block."""

    var: Variable
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class If:
    branches: tuple[tuple[sympy.Basic, tuple["Stmt", ...]], ...]
    orelse: tuple["Stmt", ...] = ()
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class While:
    cond: sympy.Basic
    body: tuple["Stmt", ...]
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrateOdes:
    """Advance the named ODE states by one step (all of them when ``vars`` is empty)."""

    vars: tuple[str, ...] = ()
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class EmitSpike:
    """``emit_spike()`` in a neuron; ``emit_spike(w)`` in a synapse model, ``args`` the weight it sends."""

    span: Span | None = _span()
    args: tuple[sympy.Expr, ...] = field(default=(), metadata={"omit_if_default": True})


Stmt = Union[Assign, Declare, If, While, IntegrateOdes, EmitSpike]


@dataclass(frozen=True, slots=True, kw_only=True)
class OnReceive:
    port: str
    body: tuple[Stmt, ...]
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class OnCondition:
    cond: sympy.Basic
    body: tuple[Stmt, ...]
    span: Span | None = _span()


@dataclass(frozen=True, slots=True, kw_only=True)
class Vector:
    """A NESTML vector (``g_in [20] mV``, ``spikes[3] <- spike``), lowered element by element: its elements are
    ordinary variables or ports named as NESTML's NEST target names them (``G_IN_0`` ... ``G_IN_19``,
    receptors ``SPIKES_0`` ...). ``size_parameter`` names the integer parameter that gave the size, if any
    (fixed at its default in the build)."""

    name: str
    kind: Literal["parameter", "state", "internal", "spike_port", "current_port"]
    elements: tuple[str, ...]
    size_parameter: str = ""
    span: Span | None = _span()


# ---- ODE solution (filled by the analyse_odes pass) --------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class AnalyticBlock:
    """Exact propagation: ``new[x] = update[x]`` using propagators that depend on h only via ``__h``."""

    states: tuple[str, ...]
    propagators: tuple[tuple[str, sympy.Expr], ...]   # name -> expression in parameters, internals, __h
    update: tuple[tuple[str, sympy.Expr], ...]         # state -> expression in states, propagators, inputs


@dataclass(frozen=True, slots=True, kw_only=True)
class NumericBlock:
    """Adaptive integration (GSL RKF45 on NEST): ``d state/dt = rhs``."""

    states: tuple[str, ...]
    rhs: tuple[tuple[str, sympy.Expr], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class OdeSolution:
    analytic: tuple[AnalyticBlock, ...] = ()
    numeric: NumericBlock | None = None
    # convolution state -> increment per unit weight when a spike arrives on its port
    spike_jumps: tuple[tuple[str, str, sympy.Expr], ...] = ()   # (state, port, increment)
    conv_states: tuple[str, ...] = ()   # the states of convolutions (``K__X__port`` and its companions)


@dataclass(frozen=True, slots=True, kw_only=True)
class Model:
    name: str
    source: str
    parameters: tuple[Variable, ...] = ()
    state: tuple[Variable, ...] = ()
    internals: tuple[Variable, ...] = ()
    inlines: tuple[Inline, ...] = ()
    odes: tuple[Ode, ...] = ()
    kernels: tuple[Kernel, ...] = ()
    convolutions: tuple[Convolution, ...] = ()
    spike_ports: tuple[SpikePort, ...] = ()
    current_ports: tuple[CurrentPort, ...] = ()
    update: tuple[Stmt, ...] = ()
    on_receive: tuple[OnReceive, ...] = ()
    on_condition: tuple[OnCondition, ...] = ()
    has_output: bool = True
    solution: OdeSolution | None = None
    span: Span | None = _span()
    # vectors (their elements are in the groups above) and the integer parameters a vector size or an unrolled
    # loop bound was taken from: both fixed when the model is built. Omitted from the JSON when empty.
    vectors: tuple[Vector, ...] = field(default=(), metadata={"omit_if_default": True})
    fixed_parameters: tuple[str, ...] = field(default=(), metadata={"omit_if_default": True})

    def variable(self, name: str) -> Variable:
        for group in (self.parameters, self.state, self.internals):
            for var in group:
                if var.name == name:
                    return var
        raise KeyError(name)


def walk(stmts: tuple[Stmt, ...]):
    """Every statement of ``stmts``, nested ones (in if and while bodies) after the statement holding them."""
    for s in stmts:
        yield s
        if isinstance(s, If):
            for _, body in s.branches:
                yield from walk(body)
            yield from walk(s.orelse)
        elif isinstance(s, While):
            yield from walk(s.body)


def expressions(stmt: Stmt):
    """The expressions ``stmt`` itself evaluates (not those of nested statements)."""
    if isinstance(stmt, Assign):
        yield stmt.value
    elif isinstance(stmt, Declare) and stmt.var.value is not None:
        yield stmt.var.value
    elif isinstance(stmt, EmitSpike):
        yield from stmt.args
    elif isinstance(stmt, If):
        for cond, _ in stmt.branches:
            yield cond
    elif isinstance(stmt, While):
        yield stmt.cond
