"""Printing IR expressions as portable s16.15 C (the ``REAL_*`` macros of ``spinn_fixed.h``).

Every expression reaching this printer has been hoisted (see ``lower.py``): parameter-only
sub-expressions are host-computed fields, so what remains is arithmetic on state, inputs,
locals and fields. The printer tracks the C type of each sub-expression ("real", "int",
"bool") and refuses, with the statement's span, whatever SpiNNaker cannot evaluate faithfully.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import sympy

from portasnn.errors import ModelError, Span

Kind = str  # "real" | "int" | "bool"
S1615_MAX = 65535.99997
# functions of changing values the chip evaluates (exp: spinn_common's expk; log: see spinn_fixed.h)
ON_CHIP = (sympy.Min, sympy.Max, sympy.Abs, sympy.Heaviside, sympy.exp, sympy.log, sympy.Piecewise)


def _name(node: sympy.Basic) -> str:
    return getattr(node.func, "__name__", str(node.func))


@dataclass(frozen=True)
class Sym:
    """How a symbol reads in C and its C kind."""

    code: str
    kind: Kind
    shift: int = 0  # a constant held scaled by 2**shift: it only multiplies, through REAL_MUL_SHIFT


class FixedPrinter:
    """sympy -> C text on REAL (s16.15) values; ``symbols`` maps IR names to C accesses."""

    def __init__(self, symbols: Mapping[str, Sym], span: Span | None = None) -> None:
        self.symbols = dict(symbols)
        self.span = span

    def refuse(self, what: str, message: str, hint: str = "") -> ModelError:
        return ModelError(f"'{what}' cannot be lowered to SpiNNaker's s16.15 arithmetic: {message}",
                          span=self.span, code="E310", construct=what, hint=hint)

    # ---- entry points -------------------------------------------------------------------

    def real(self, expr: sympy.Basic) -> str:
        return self.as_real(*self.emit(expr))

    def int(self, expr: sympy.Basic) -> str:
        code, kind = self.emit(expr)
        if kind == "real":
            return f"REAL_TO_INT({code})"
        return code

    def cond(self, expr: sympy.Basic) -> str:
        code, kind = self.emit(expr)
        if kind == "real":
            return f"REAL_NE({code}, ZERO)"
        return code

    def typed(self, expr: sympy.Basic, kind: Kind) -> str:
        self.check_functions(expr)
        return {"real": self.real, "int": self.int, "bool": self.cond}[kind](expr)

    def check_functions(self, expr: sympy.Basic) -> None:
        """Refuse, by name, a function of changing values that SpiNNaker cannot evaluate."""
        for node in sympy.preorder_traversal(expr):
            if isinstance(node, sympy.Function) and not isinstance(node, ON_CHIP):
                raise self.refuse(f"{_name(node)}()", "this function has no SpiNNaker implementation for values that "
                                  "change during the simulation", "only parameter-only uses are computed (on the "
                                  "host); on the chip there are +, -, *, /, exp, log, powers, min, max, abs and "
                                  "comparisons")

    # ---- helpers ------------------------------------------------------------------------

    @staticmethod
    def as_real(code: str, kind: Kind) -> str:
        if kind == "real":
            return code
        if code.lstrip("-").isdigit():
            return f"REAL_CONST({int(code)}.0)"
        return f"REAL_FROM_INT({code})"

    def literal(self, value: sympy.Number) -> tuple[str, Kind]:
        if value.is_Integer:
            return str(int(value)), "int"
        x = float(value)
        if abs(x) > S1615_MAX:
            raise self.refuse(str(value), f"the constant {x:g} is outside the s16.15 range (+-65536)")
        return f"REAL_CONST({x!r})", "real"

    def emit(self, e: sympy.Basic) -> tuple[str, Kind]:
        if isinstance(e, sympy.Symbol):
            try:
                s = self.symbols[e.name]
                if s.shift:  # used other than as a multiplier: back to s16.15
                    return f"REAL_MUL_SHIFT(ONE, {s.code}, {s.shift})", "real"
            except KeyError:
                raise self.refuse(e.name, "this name cannot be used here", "is it the time 't'? model time is "
                                  "not available on SpiNNaker") from None
            return s.code, s.kind
        if e is sympy.true or e is sympy.false:
            return ("true" if e is sympy.true else "false"), "bool"
        if isinstance(e, sympy.Number):
            if e in (sympy.oo, -sympy.oo, sympy.zoo, sympy.nan):
                raise self.refuse(str(e), "infinite or undefined values do not exist in s16.15")
            return self.literal(e)
        if isinstance(e, sympy.NumberSymbol):
            return self.literal(sympy.Float(float(e)))
        if isinstance(e, sympy.Add):
            return self._add(e)
        if isinstance(e, sympy.Mul):
            return self._mul(e)
        if isinstance(e, sympy.Pow):
            return self._pow(e)
        if isinstance(e, sympy.core.relational.Relational):
            return self._rel(e)
        if isinstance(e, (sympy.And, sympy.Or)):
            op = " && " if isinstance(e, sympy.And) else " || "
            return "(" + op.join(self.cond(a) for a in e.args) + ")", "bool"
        if isinstance(e, sympy.Not):
            return f"(!{self.cond(e.args[0])})", "bool"
        if isinstance(e, (sympy.Min, sympy.Max)):
            return self._minmax(e)
        if isinstance(e, sympy.Abs):
            x = self.real(e.args[0])
            return f"(REAL_LT({x}, ZERO) ? REAL_NEG({x}) : {x})", "real"
        if isinstance(e, sympy.Heaviside):
            x = self.real(e.args[0])
            return f"(REAL_GE({x}, ZERO) ? ONE : ZERO)", "real"
        if isinstance(e, sympy.exp):
            return f"REAL_EXP({self.real(e.args[0])})", "real"
        if isinstance(e, sympy.log):
            return f"REAL_LOG({self.real(e.args[0])})", "real"
        if isinstance(e, sympy.Piecewise):
            return self._piecewise(e)
        if isinstance(e, sympy.Function):
            raise self.refuse(f"{_name(e)}()", "this function has no SpiNNaker implementation for values that change "
                              "during the simulation", "only parameter-only uses are computed (on the host)")
        raise self.refuse(str(e), "this expression form is not supported")

    def _add(self, e: sympy.Add) -> tuple[str, Kind]:
        parts = [(self._is_negative(a), self.emit(-a if self._is_negative(a) else a)) for a in e.as_ordered_terms()]
        if all(k == "int" for _, (_, k) in parts):
            text = ""
            for neg, (code, _) in parts:
                text = (f"-{code}" if neg else code) if not text else f"{text} {'-' if neg else '+'} {code}"
            return f"({text})", "int"
        acc = None
        for neg, (code, kind) in parts:
            code = self.as_real(code, kind)
            if acc is None:
                acc = f"REAL_NEG({code})" if neg else code
            else:
                acc = f"REAL_{'SUB' if neg else 'ADD'}({acc}, {code})"
        return acc, "real"

    @staticmethod
    def _is_negative(a: sympy.Basic) -> bool:
        c, _ = a.as_coeff_Mul()
        return bool(c.is_Number and c < 0)

    def _mul(self, e: sympy.Mul) -> tuple[str, Kind]:
        c, rest = e.as_coeff_Mul()
        if c == -1:
            code, kind = self.emit(rest)
            return (f"(-{code})", "int") if kind == "int" else (f"REAL_NEG({code})", "real")
        numer = [f for f in e.args if not self._is_reciprocal(f)]
        denom = [f.base ** -f.exp for f in e.args if self._is_reciprocal(f)]
        scaled = [f for f in numer if isinstance(f, sympy.Symbol) and self._shift(f)]
        if len(scaled) == 1 and len(numer) > 1:
            rest = [f for f in numer if f is not scaled[0]]
            code = self.real(sympy.Mul(*rest) / sympy.Mul(*denom) if denom else sympy.Mul(*rest))
            return f"REAL_MUL_SHIFT({code}, {self.symbols[scaled[0].name].code}, {self._shift(scaled[0])})", "real"
        emitted = [self.emit(f) for f in numer]
        if not denom and all(k == "int" for _, k in emitted):
            return "(" + " * ".join(c for c, _ in emitted) + ")", "int"
        acc = None
        for code, kind in emitted:
            code = self.as_real(code, kind)
            acc = code if acc is None else f"REAL_MUL({acc}, {code})"
        for d in denom:  # the numerator's product, then one truncating division per denominator factor
            acc = f"REAL_DIV({acc or 'ONE'}, {self.real(d)})"
        return acc, "real"

    def _shift(self, f: sympy.Symbol) -> int:
        sym = self.symbols.get(f.name)
        return sym.shift if sym is not None else 0

    @staticmethod
    def _is_reciprocal(f: sympy.Basic) -> bool:
        return isinstance(f, sympy.Pow) and f.exp.is_Integer and f.exp < 0

    def _pow(self, e: sympy.Pow) -> tuple[str, Kind]:
        base, exp = e.as_base_exp()
        if exp.is_Integer and 1 <= int(exp) <= 4:
            code, kind = self.emit(base)
            if kind == "int":
                return "(" + " * ".join([code] * int(exp)) + ")", "int"
            acc = code
            for _ in range(int(exp) - 1):
                acc = f"REAL_MUL({acc}, {code})"
            return acc, "real"
        if exp.is_Integer and -4 <= int(exp) <= -1:
            return f"REAL_DIV(ONE, {self.real(base ** -exp)})", "real"
        if exp.is_Integer:
            raise self.refuse(f"pow({base}, {exp})", "whole powers beyond -4..4 of changing values overflow s16.15")
        # any other power (sqrt, x**1.5, x**p): exp(p log x) for x > 0, else 0 (log x <= 0 would be the
        # most negative s16.15 value, and p times it wraps)
        x = self.real(base)
        return f"(REAL_GT({x}, ZERO) ? REAL_EXP(REAL_MUL({self.real(exp)}, REAL_LOG({x}))) : ZERO)", "real"

    def _piecewise(self, e: sympy.Piecewise) -> tuple[str, Kind]:
        """Nested conditionals; the last branch must be unconditional (no undefined value on the chip)."""
        if e.args[-1].cond is not sympy.true:
            raise self.refuse("piecewise expression", "it has no value when no condition holds",
                              "add an otherwise branch")
        branches = [self.emit(b.expr) for b in e.args]
        kind = "real" if any(k == "real" for _, k in branches) else branches[0][1]
        acc = self.as_real(*branches[-1]) if kind == "real" else branches[-1][0]
        for (code, k), b in zip(reversed(branches[:-1]), reversed(e.args[:-1])):
            code = self.as_real(code, k) if kind == "real" else code
            acc = f"({self.cond(b.cond)} ? {code} : {acc})"
        return acc, kind

    def _rel(self, e: sympy.Basic) -> tuple[str, Kind]:
        (lc, lk), (rc, rk) = self.emit(e.lhs), self.emit(e.rhs)
        op = e.rel_op
        if lk in ("int", "bool") and rk in ("int", "bool"):
            return f"({lc} {op} {rc})", "bool"
        name = {"<": "LT", "<=": "LE", ">": "GT", ">=": "GE", "==": "EQ", "!=": "NE"}[op]
        return f"REAL_{name}({self.as_real(lc, lk)}, {self.as_real(rc, rk)})", "bool"

    def _minmax(self, e: sympy.Basic) -> tuple[str, Kind]:
        op = "REAL_LT" if isinstance(e, sympy.Min) else "REAL_GT"
        args = [self.real(a) for a in e.args]
        acc = args[0]
        for a in args[1:]:
            acc = f"({op}({acc}, {a}) ? {acc} : {a})"
        return acc, "real"
