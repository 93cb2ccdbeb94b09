"""Accuracy of singular propagators near equal time constants: regular form, Taylor forms, the guard.

For the propagators of the nestml zoo's iaf_psc_exp_neuron and iaf_psc_alpha_neuron that are 0/0 at
tau_syn = tau_m, evaluated in double precision (Python floats, as the generated C++ and the
SpiNNaker host module do) against 60-digit mpmath values of the regular form at the same double
inputs: the relative error of the regular form and of the Taylor polynomials of order 0 (the limit)
to 3 in d = tau_syn - tau_m, over tau_m = 10 ms, h/tau_m in {1e-3, 1e-2, 0.1, 1}, d/tau_m = +-10^-k
(k = 14, 13.875, ..., 1: eight per decade). For each order, the switch point |d|/tau_m that keeps the largest error of the
switched form smallest; and the largest error of what ``portasnn.passes.singular.guard`` emits.

    .venv/bin/python benchmarks/bench_singular_propagators.py    # ~1 min; writes results/singular_propagators.json
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import mpmath
import sympy

from portasnn.passes import analyse_odes, singular

ZOO = Path(sys.prefix) / "models" / "neurons"
PROPAGATORS = {
    "iaf_psc_exp_neuron": ["__P__V_m__I_syn_exc"],
    "iaf_psc_alpha_neuron": ["__P__V_m__I_kernel_exc__X__exc_spikes", "__P__V_m__I_kernel_exc__X__exc_spikes__d"],
}
TAU_M = 10.0
H_OVER_TAU = (1e-3, 1e-2, 1e-1, 1.0)
X = sorted({s * 10.0 ** (-k / 8) for k in range(8, 113) for s in (1, -1)})
ORDERS = 6


def _regular(model: str, name: str) -> sympy.Expr:
    """The regular propagator as ODE-toolbox gives it (before the guard)."""
    from portasnn.program import load_models

    guard = analyse_odes.guard_singular
    analyse_odes.guard_singular = lambda e: e
    try:
        (m,) = load_models(ZOO / f"{model}.nestml")
    finally:
        analyse_odes.guard_singular = guard
    return dict(p for b in m.solution.analytic for p in b.propagators)[name]


def main() -> dict:
    mpmath.mp.dps = 60
    out: dict = {"tau_m": TAU_M, "h_over_tau": H_OVER_TAU, "x": X, "order": singular.ORDER,
                 "eps": float(singular.EPS), "propagators": {}}
    errors: dict[str, list[tuple[float, float]]] = {}   # form -> [(x, error)]
    for model, names in PROPAGATORS.items():
        for name in names:
            regular = _regular(model, name)
            exact = sympy.nsimplify(regular, rational=True)
            syms = sorted(regular.free_symbols, key=str)
            tau_syn = next(s for s in syms if s.name.startswith("tau_syn"))
            factor = next(f for f in singular.singular_factors(exact) if tau_syn in f.free_symbols)
            forms = {"regular": regular, "guard": singular.guard(regular)}
            for n in range(ORDERS):
                forms[f"taylor{n}"] = singular.taylor(exact, factor, n)
            fns = {k: sympy.lambdify(syms, v, "math") for k, v in forms.items()}
            ref = sympy.lambdify(syms, regular, "mpmath")
            rows = []
            for ratio in H_OVER_TAU:
                for x in X:
                    values = {"C_m": 250.0, "tau_m": TAU_M, tau_syn.name: TAU_M * (1 + x), "__h": ratio * TAU_M,
                              "unit_psc": 1.0}
                    args = [values[s.name] for s in syms]
                    r = float(ref(*[mpmath.mpf(a) for a in args]))
                    row = {"h_over_tau": ratio, "x": x}
                    for k, fn in fns.items():
                        try:
                            v = fn(*args)
                        except ZeroDivisionError:
                            v = math.nan
                        err = abs(v / r - 1) if math.isfinite(v) else math.inf
                        row[k] = err
                        errors.setdefault(k, []).append((x, err))
                    rows.append(row)
            out["propagators"][f"{model}:{name}"] = rows
            print(f"{model} {name}: max error regular {max(r['regular'] for r in rows):.2g}, "
                  f"guard {max(r['guard'] for r in rows):.2g}")
    switch = {}
    for n in range(ORDERS):
        taylor = errors[f"taylor{n}"]
        best = None
        for k in range(2, 57):
            at = 10.0 ** (-k / 4)
            worst = max(t if abs(x) <= at else r for (x, t), (_, r) in zip(taylor, errors["regular"]))
            if best is None or worst < best[1]:
                best = (at, worst)
        switch[n] = {"switch_x": best[0], "max_error": best[1]}
        print(f"order {n}: best switch |d|/tau_m <= {best[0]:.3g}, largest error {best[1]:.2g}")
    out["best_switch"] = switch
    out["max_error"] = {k: max(e for _, e in v) for k, v in errors.items()}
    print(f"guard (order {singular.ORDER}, |f| <= {float(singular.EPS):g} * sum |terms|): largest error "
          f"{out['max_error']['guard']:.2g}; regular form alone {out['max_error']['regular']:.2g}")
    path = Path(__file__).parent / "results" / "singular_propagators.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    return out


if __name__ == "__main__":
    main()
