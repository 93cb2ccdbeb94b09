"""The generated parameter module (``<stem>_params.py``): host-side values of every C field.

One generated, dependency-free (numpy only) Python module computes, from parameter and initial
values in PyNN units and the machine time step, every ``neuron_t`` field in chip units: state in
chip units, and every host-computed constant (propagators, internals, coefficients). The sPyNNaker
class and the spinnaker-host glue both import this same module.
"""
from __future__ import annotations

import importlib.util
import sys
import types

import sympy
from sympy.printing.numpy import NumPyPrinter

from .lower import H, Lowered


class _Printer(NumPyPrinter):
    def __init__(self) -> None:
        super().__init__({"fully_qualified_modules": True, "strict": False})

    def _print_Symbol(self, expr: sympy.Symbol) -> str:
        return "h_" if expr == H else f"p_{expr.name}"

    def _print_Function(self, expr: sympy.Function) -> str:
        name = expr.func.__name__
        if name == "steps":
            return f"numpy.rint(({self._print(expr.args[0])}) / h_)"
        if name in ("random_normal", "random_uniform"):
            raise ValueError(name)
        if name == "expm1_entry":  # portasnn.targets.spinnaker.linear: (exp(M h) - I)[i, j], numerically
            i, j, d, h, *entries = expr.args
            return f"_expm1_entry({int(i)}, {int(j)}, {int(d)}, {self._print(h)}, " \
                   f"({', '.join(self._print(e) for e in entries)},))"
        return super()._print_Function(expr)

    def _print_Infinity(self, expr: sympy.Basic) -> str:
        return "numpy.inf"

    def _print_NegativeInfinity(self, expr: sympy.Basic) -> str:
        return "(-numpy.inf)"

    def _print_NaN(self, expr: sympy.Basic) -> str:
        return "numpy.nan"

    def _print_Heaviside(self, expr: sympy.Basic) -> str:
        return f"numpy.where(({self._print(expr.args[0])}) >= 0.0, 1.0, 0.0)"


_SOURCES: dict = {}  # id(Lowered) -> (Lowered, text): written once per lowering in this process


def params_source(low: Lowered) -> str:
    """The Python parameter module of a lowering (the same text for the same lowering object, made once)."""
    kept = _SOURCES.get(id(low))
    if kept is None or kept[0] is not low:
        kept = _SOURCES[id(low)] = (low, _params_source(low))
        while len(_SOURCES) > 32:
            _SOURCES.pop(next(iter(_SOURCES)))
    return kept[1]


def _params_source(low: Lowered) -> str:
    from .render import render

    printer = _Printer()
    consts = []
    for c in low.consts:
        try:
            text = printer.doprint(c.expr)
        except ValueError as exc:
            from portasnn.errors import ModelError

            raise ModelError(f"{exc}() has no SpiNNaker implementation", span=c.span, code="E310",
                             construct=f"{exc}()") from None
        consts.append((c.name, text if not c.shift else f"({text}) * {2.0 ** c.shift!r}", c.kind))
    inits = {}
    for st in low.states:
        if st.exposed and st.init is not None:
            try:
                inits[st.name] = printer.doprint(sympy.sympify(st.init) / sympy.Float(st.chip_scale))
            except ValueError:
                inits[st.name] = "numpy.nan"
    expm = any("_expm1_entry(" in text for _, text, _ in consts)
    return render("params.py.j2", low=low, consts=consts, inits=inits, expm=expm)


def load_params_module(source: str, name: str) -> types.ModuleType:
    """Import generated parameter-module source under ``name`` (not added to sys.modules)."""
    spec = importlib.util.spec_from_loader(name, loader=None)
    module = importlib.util.module_from_spec(spec)
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)  # noqa: S102 - our own generated code
    return module


def derive_fields(low: Lowered, values: dict[str, float], dt_ms: float) -> dict[str, float]:
    """Field values (chip units) for one neuron with the given PyNN-unit values."""
    import numpy as np

    mod = load_params_module(params_source(low), f"portasnn_params_{low.stem}")
    with np.errstate(all="ignore"):
        out = mod.derive({k: np.array([float(v)]) for k, v in values.items()}, dt_ms)
    return {k: float(np.asarray(v).reshape(-1)[0]) for k, v in out.items()}
