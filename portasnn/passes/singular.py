"""Removable singularities of exact propagators (equal time constants).

ODE-toolbox's propagators are exact for general parameter values but can be 0/0 for special
ones: iaf_psc_exp's ``P(V_m <- I_syn) = tau_m tau_syn (exp(-h/tau_m) - exp(-h/tau_syn)) /
(C_m (tau_m - tau_syn))`` at ``tau_syn = tau_m``, whose limit is ``h/C_m exp(-h/tau_m)``. NEST's
hand-written models switch to that limit (``libnestutil/iaf_propagator.cpp``). :func:`guard` does it
for any propagator: for every factor ``f`` of a denominator that can vanish for some parameter
values (a sum, such as ``tau_m - tau_syn``), solved for one symbol ``s = s0``, it computes the
Taylor polynomial of order :data:`ORDER` in ``d = s - s0`` (exact, with sympy) and returns

    Piecewise((taylor, |f| <= EPS * (|f's terms| summed)), (regular, True))

Near the singular set the regular form loses precision (numerator and denominator cancel: iaf_psc_exp's
relative error is ~1e-16 tau^2 / (h |d|), iaf_psc_alpha's ~1e-16 tau^4 / (h |d|)^2), the Taylor
polynomial gains it (error ~ (|d|/tau)^(ORDER+1)); the switch point is where the two meet. Measured
against 60-digit mpmath values (``benchmarks/bench_singular_propagators.py``, results in
``benchmarks/results/singular_propagators.json``): iaf_psc_exp's and iaf_psc_alpha's three singular
propagators, tau_m = 10 ms, h/tau_m in {1e-3, 1e-2, 0.1, 1}, d/tau_m = +-1e-14 ... +-0.1 (eight per
decade). The best switch point and the largest relative error over the sweep, per order:

    order            0        1        2        3        4        5
    switch |d|/tau   5.6e-4   5.6e-3   1.8e-2   3.2e-2   5.6e-2   5.6e-2
    largest error    3.8e-4   1.3e-5   1.4e-6   3.7e-7   1.1e-7   9.4e-8

The limit alone (order 0) is not good enough; from order 4 on the error is that of the regular form
just beyond the switch point (iaf_psc_alpha's P(V_m <- dI/dt) at h/tau_m = 1e-3 is itself only good to
~1e-7 at |d|/tau_m = 0.05, 2.7e-8 at 0.1). Hence ORDER = 4 and EPS = 1/40 (|d|/tau_m <= 0.051): largest
error 1.2e-7 (iaf_psc_exp's P(V_m <- I_syn): 7e-9), where the regular form alone loses every digit (and
is 0/0 = NaN at d = 0). NEST's built-ins use ``expm1`` forms (exact for iaf_psc_exp) and switch to the
limit only for ``|d| < 1e-7 tau_m^2 / h`` (iaf_psc_alpha's P31).

A factor whose limit is infinite (a real pole, e.g. C_m = 0) is left alone: the run then meets a
non-finite value, which the targets report as an error.
"""
from __future__ import annotations

import sympy

ORDER = 4
EPS = sympy.Rational(1, 40)
H = sympy.Symbol("__h")
_D = sympy.Dummy("d")


def guard(expr: sympy.Expr, order: int = ORDER) -> sympy.Expr:
    """``expr`` with each removable singularity replaced by a guarded Taylor form (unchanged if none)."""
    if not any(isinstance(n, sympy.Pow) and n.exp.is_negative for n in sympy.preorder_traversal(expr)):
        return expr
    exact = sympy.nsimplify(expr, rational=True)
    return _guard(expr, exact, frozenset(), order)


def singular_factors(expr: sympy.Expr) -> list[sympy.Expr]:
    """Factors of ``expr``'s denominators that can vanish for non-zero symbol values (sums), sorted."""
    found: set[sympy.Expr] = set()
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.Pow) and node.exp.is_negative and node.base.free_symbols:
            numerator, _ = sympy.fraction(sympy.together(node.base))  # e.g. h/tau_1 - h/tau_2
            try:
                factors = sympy.factor_list(numerator)[1]
            except sympy.PolynomialError:  # not a polynomial in its symbols (exp(...) and the like)
                continue
            for factor, _ in factors:
                if factor.is_Add and factor.free_symbols and not factor.has(sympy.exp):
                    found.add(_canonical(factor))
    return sorted(found, key=sympy.default_sort_key)


def near(factor: sympy.Expr) -> sympy.Basic:
    """The condition "``factor`` is nearly 0": ``|factor| <= EPS * sum of |its terms|``."""
    scale = sympy.Add(*[sympy.Abs(t) for t in sympy.Add.make_args(factor)])
    return sympy.Abs(factor) <= EPS * scale


def _canonical(factor: sympy.Expr) -> sympy.Expr:
    """One sign for ``f`` and ``-f`` (so that each factor is handled once)."""
    return -factor if sympy.default_sort_key(-factor) < sympy.default_sort_key(factor) else factor


def _guard(regular: sympy.Expr, exact: sympy.Expr, done: frozenset, order: int) -> sympy.Expr:
    for factor in singular_factors(exact):
        if factor in done:
            continue
        series = taylor(exact, factor, order)
        if series is None:
            done = done | {factor}
            continue
        inner = _guard(series, series, done | {factor}, order)
        outer = _guard(regular, exact, done | {factor}, order)
        return sympy.Piecewise((inner, near(factor)), (outer, True))
    return regular


def _solve_for(factor: sympy.Expr) -> tuple[sympy.Symbol, sympy.Expr] | None:
    """``(s, s0)`` with ``factor = 0`` at ``s = s0``, for a symbol ``factor`` is linear in (not the step)."""
    candidates = sorted(factor.free_symbols, key=lambda s: (s != H, s.name), reverse=True)
    for s in candidates:
        poly = sympy.Poly(factor, s)
        if poly.degree() == 1:
            a1, a0 = poly.all_coeffs()
            if not a1.free_symbols or a1.is_nonzero:
                return s, sympy.cancel(-a0 / a1)
    return None


def taylor(exact: sympy.Expr, factor: sympy.Expr, order: int) -> sympy.Expr | None:
    """The Taylor polynomial of ``exact`` about ``factor = 0`` in ``s - s0`` (None: not removable)."""
    solved = _solve_for(factor)
    if solved is None:
        return None
    s, s0 = solved
    shifted = exact.subs(s, s0 + _D)
    exps = sorted((e for e in shifted.atoms(sympy.exp) if e.has(_D)), key=sympy.default_sort_key)
    others = [f for f in shifted.atoms(sympy.Function) if f.has(_D) and not isinstance(f, sympy.exp)]
    if others:
        coeffs = _series_coefficients(shifted, order)
    else:
        coeffs = _rational_coefficients(shifted, exps, order)
    if coeffs is None:
        return None
    d = s - s0
    return sympy.Add(*[c * d ** j for j, c in enumerate(coeffs)])


def _series_coefficients(shifted: sympy.Expr, order: int) -> list[sympy.Expr] | None:
    series = sympy.series(shifted, _D, 0, order + 1).removeO()
    if any(sympy.simplify(series.coeff(_D, -k)) != 0 for k in range(1, 8)):
        return None
    return [sympy.factor(series.coeff(_D, j)) for j in range(order + 1)]


def _rational_coefficients(shifted: sympy.Expr, exps: list[sympy.Expr], order: int) -> list[sympy.Expr] | None:
    """Taylor coefficients of a rational function of ``d`` and ``exp(...)``s: each exp becomes its
    truncated series, then numerator and denominator are power series divided by each other."""
    atoms = {e: sympy.Dummy(f"e{k}") for k, e in enumerate(exps)}
    _, den = sympy.fraction(sympy.together(shifted.xreplace(atoms)))
    k = _lowest_order(sympy.Poly(sympy.expand(den), _D))
    if k == 0:
        return None  # not singular here after all
    n = k + order
    truncated = {e: _exp_series(e, n) for e in exps}
    num, den = sympy.fraction(sympy.together(shifted.xreplace(truncated)))
    # together may cancel powers of d (then the numerator is exact to a lower order, as many fewer)
    a = _coefficients(num, n)
    b = _coefficients(den, n)
    k = _lowest_order(sympy.Poly(sympy.expand(den), _D))
    if any(not _is_zero(a[j]) for j in range(k)):
        return None  # a real pole
    q: list[sympy.Expr] = []
    for j in range(order + 1):
        acc = a[k + j] - sum((q[j - i] * b[k + i] for i in range(1, j + 1)), sympy.Integer(0))
        q.append(sympy.factor(sympy.cancel(acc / b[k])))
    return q


def _exp_series(e: sympy.exp, n: int) -> sympy.Expr:
    """``exp(a(d))`` as ``exp(a(0)) * (Taylor polynomial of exp(a(d) - a(0)) to order n)``."""
    arg = e.args[0]
    a0 = sympy.cancel(arg.subs(_D, 0))
    rest = sympy.series(arg, _D, 0, n + 1).removeO() - a0
    poly, term = sympy.Integer(0), sympy.Integer(1)
    for k in range(n + 1):
        poly += term / sympy.factorial(k)
        term = _truncate(sympy.expand(term * rest), n)
    return sympy.exp(a0) * poly


def _truncate(expr: sympy.Expr, n: int) -> sympy.Expr:
    return sympy.Add(*[expr.coeff(_D, j) * _D ** j for j in range(n + 1)])


def _coefficients(expr: sympy.Expr, n: int) -> list[sympy.Expr]:
    poly = sympy.Poly(sympy.expand(expr), _D)
    out = [sympy.Integer(0)] * (n + 1)
    for (power,), c in poly.terms():
        if power <= n:
            out[power] = c
    return out


def _lowest_order(poly: sympy.Poly) -> int:
    return min(power for (power,), _ in poly.terms()) if not poly.is_zero else 0


def _is_zero(c: sympy.Expr) -> bool:
    return c == 0 or sympy.simplify(c) == 0
