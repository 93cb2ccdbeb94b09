"""Coupled linear ODE systems with constant coefficients, solved exactly by a matrix exponential.

ODE-toolbox (9.0) gives exact propagators only to linear systems in which no state depends on another
inhomogeneous one; an adaptive LIF, ``V_m' = (-g_L (V_m - E_L) - w + I) / C_m``, ``w' = (a (V_m - E_L)
- w) / tau_w``, is linear with constant coefficients but it comes back as a numeric block. Such a block,
``d x/dt = A x + B u`` with ``A``, ``B`` parameter-only and the inputs ``u`` (1, current ports, ...)
constant over a step, has the exact step

    x(t + h) = x(t) + (exp(A h) - I) x(t) + (integral_0^h exp(A s) ds) B u = x(t) + D x(t) + Q u,
    [[D, Q], [0, 0]] = exp([[A, B], [0, 0]] h) - I,

or, with ``x0 = -A^-1 b0`` the equilibrium for the constant input ``b0`` (:func:`offset`), ``x(t + h) =
x(t) + D (x(t) - x0) + Q' u'`` (the constant column dropped: in fixed point, a small difference times D
keeps its precision where D x + Q b0, two large products that cancel, does not). A target evaluates
the entries numerically on the host (:class:`expm1_entry`, one entry of the matrix above)
for the parameters and step it runs with: no closed form, hence none of the 0/0 forms of closed-form
propagators at equal time constants or repeated eigenvalues. :func:`analyse` finds the part of a
numeric block that is linear with constant coefficients and closed (it depends on no other state).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy

from portasnn.ir import model as ir


@dataclass(frozen=True)
class LinearSystem:
    """``d x/dt = A x + B u`` for the linear, closed part of a numeric block."""

    states: tuple[str, ...]                          # x, in the numeric block's order
    matrix: tuple[tuple[sympy.Expr, ...], ...]       # A (parameters and internals only)
    inputs: tuple[sympy.Expr, ...]                   # u, constant over a step (sympy 1 for the constant term)
    input_matrix: tuple[tuple[sympy.Expr, ...], ...]  # B (parameters and internals only)
    nonlinear: tuple[str, ...]                       # numeric states whose own right-hand side is not linear
                                                     # with constant coefficients (numeric block order)

    def augmented(self) -> sympy.Matrix:
        """``[[A, B], [0, 0]]``."""
        n, m = len(self.states), len(self.inputs)
        out = sympy.zeros(n + m, n + m)
        for i in range(n):
            for j in range(n):
                out[i, j] = self.matrix[i][j]
            for k in range(m):
                out[i, n + k] = self.input_matrix[i][k]
        return out

    def reachable(self) -> list[set[int]]:
        """Per row ``i`` of the augmented matrix, the columns ``j`` with a structurally non-zero entry of
        ``exp(M h) - I`` (a path j -> i in M's graph)."""
        aug = self.augmented()
        size = aug.shape[0]
        out = []
        for i in range(size):
            seen, todo = set(), [i]
            while todo:
                r = todo.pop()
                for j in range(size):
                    if aug[r, j] != 0 and j not in seen:
                        seen.add(j)
                        todo.append(j)
            out.append(seen)
        return out


def analyse(numeric: ir.NumericBlock, static: set[str]) -> LinearSystem:
    """The linear, closed part of ``numeric``; ``static``: names of parameters and internals."""
    states = list(numeric.states)
    rhs = dict(numeric.rhs)
    xs = [sympy.Symbol(s) for s in states]
    rows: dict[str, list[sympy.Expr]] = {}
    rests: dict[str, sympy.Expr] = {}
    nonlinear = []
    for s in states:
        row = [sympy.diff(rhs[s], x) for x in xs]
        if any(not {f.name for f in a.free_symbols} <= static for a in row):
            nonlinear.append(s)  # (no expand: Hodgkin-Huxley right-hand sides would take minutes)
            continue
        rest = sympy.expand(rhs[s] - sum((a * x for a, x in zip(row, xs)), sympy.Integer(0)))
        if rest.free_symbols & set(xs):
            nonlinear.append(s)
            continue
        rows[s], rests[s] = row, rest
    linear = [s for s in states if s in rows]
    changed = True
    while changed:  # closed: a linear state that depends on a state outside the set leaves it
        changed = False
        for s in list(linear):
            if any(a != 0 and states[j] not in linear for j, a in enumerate(rows[s])):
                linear.remove(s)
                changed = True
    index = [states.index(s) for s in linear]
    terms: dict[str, dict[sympy.Expr, sympy.Expr]] = {}
    for s in linear:
        split: dict[sympy.Expr, sympy.Expr] = {}
        dynamic = [f for f in rests[s].free_symbols if f.name not in static]
        for term in sympy.Add.make_args(rests[s]):
            coeff, u = term.as_independent(*dynamic, as_Add=False) if dynamic else (term, sympy.Integer(1))
            split[u] = split.get(u, sympy.Integer(0)) + coeff
        terms[s] = {u: c for u, c in split.items() if c != 0}
    inputs = sorted({u for t in terms.values() for u in t}, key=lambda u: (u != 1, sympy.default_sort_key(u)))
    return LinearSystem(states=tuple(linear),
                        matrix=tuple(tuple(rows[s][j] for j in index) for s in linear),
                        inputs=tuple(inputs),
                        input_matrix=tuple(tuple(terms[s].get(u, sympy.Integer(0)) for u in inputs) for s in linear),
                        nonlinear=tuple(nonlinear))


def offset(system: LinearSystem) -> tuple[sympy.Expr | None, ...] | None:
    """Per state, its part of ``x0 = -A^-1 b0``, the equilibrium without the changing inputs (``b0``: the
    column of the constant input), so that ``d x/dt = A (x - x0) + B' u'``; None for the states with no
    equilibrium (a zero row of ``A``, e.g. ``refr_t' = -1``: they keep the constant input), and None for
    all when there is no constant input or the rest depends on such states or is singular for every
    parameter value."""
    if sympy.Integer(1) not in system.inputs:
        return None
    k = system.inputs.index(sympy.Integer(1))
    n = len(system.states)
    drift = [i for i in range(n) if all(a == 0 for a in system.matrix[i])]
    rest = [i for i in range(n) if i not in drift]
    if not rest or any(system.matrix[i][j] != 0 for i in rest for j in drift):
        return None
    a = sympy.Matrix([[system.matrix[i][j] for j in rest] for i in rest])
    if sympy.cancel(a.det()) == 0:
        return None
    b0 = sympy.Matrix([system.input_matrix[i][k] for i in rest])
    x0 = dict(zip(rest, (sympy.factor(sympy.cancel(v)) for v in -a.LUsolve(b0))))
    return tuple(x0.get(i) for i in range(n))


class expm1_entry(sympy.Function):  # noqa: N801 - printed by name
    """``(exp(M h) - I)[i, j]`` for the ``d x d`` matrix ``M`` given row by row:
    ``expm1_entry(i, j, d, h, M[0, 0], M[0, 1], ..., M[d-1, d-1])``. Evaluated numerically (mpmath here,
    numpy in generated host code); it has no closed form on purpose."""

    @classmethod
    def eval(cls, *args):  # noqa: ANN206 - stays unevaluated
        return None

    def _eval_evalf(self, prec: int) -> sympy.Expr | None:
        import mpmath

        i, j, d, h, *entries = self.args
        if not all(a.is_number for a in self.args):
            return None
        with mpmath.workprec(max(prec, 53) + 30):
            m = mpmath.matrix(int(d), int(d))
            for k, e in enumerate(entries):
                m[k // int(d), k % int(d)] = mpmath.mpf(sympy.Float(e, max(prec, 53) + 30)) * \
                    mpmath.mpf(sympy.Float(h, max(prec, 53) + 30))
            value = mpmath.expm(m)[int(i), int(j)] - (1 if int(i) == int(j) else 0)
        return sympy.Float(value, mpmath.libmp.prec_to_dps(prec))
