"""Printing IR expressions and statements as C++ for the NEST target."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

import sympy
from sympy.printing.cxx import CXX11CodePrinter

from portasnn.errors import ModelError
from portasnn.ir import model as ir


class NestPrinter(CXX11CodePrinter):
    """sympy -> C++ with a symbol map (IR name -> C++ access expression)."""

    def __init__(self, symbols: Mapping[str, str], rng: str = "rng") -> None:
        super().__init__({"strict": False})
        self.symbols = symbols
        self.rng = rng

    def _print_Symbol(self, expr: sympy.Symbol) -> str:
        try:
            return self.symbols[expr.name]
        except KeyError:
            raise ModelError(f"'{expr.name}' cannot be used here", code="E332", construct=expr.name) from None

    def _print_Exp1(self, expr: sympy.Basic) -> str:
        return "numerics::e"

    def _print_Infinity(self, expr: sympy.Basic) -> str:
        return "std::numeric_limits<double>::infinity()"

    def _print_NegativeInfinity(self, expr: sympy.Basic) -> str:
        return "(-std::numeric_limits<double>::infinity())"

    def _print_BooleanTrue(self, expr: sympy.Basic) -> str:
        return "true"

    def _print_BooleanFalse(self, expr: sympy.Basic) -> str:
        return "false"

    def _print_Function(self, expr: sympy.Function) -> str:
        name = expr.func.__name__
        args = [self._print(a) for a in expr.args]
        if name == "expm1":
            return f"std::expm1({args[0]})"
        if name == "steps":
            return f"nest::Time(nest::Time::ms((double) ({args[0]}))).get_steps()"
        if name == "random_normal":
            return f"({args[0]} + ({args[1]}) * normal_dev_({self.rng}))"
        if name == "random_uniform":
            return f"({args[0]} + (({args[1]}) - ({args[0]})) * {self.rng}->drand())"
        return super()._print_Function(expr)

    def _print_Heaviside(self, expr: sympy.Basic) -> str:
        return f"(({self._print(expr.args[0])}) >= 0.0 ? 1.0 : 0.0)"

    def _print_Pow(self, expr: sympy.Pow) -> str:
        base, exp = expr.as_base_exp()
        if exp.is_Integer and 2 <= int(exp) <= 4:
            b = self._print(base)
            return "(" + " * ".join([f"({b})"] * int(exp)) + ")"
        if exp == -1:
            return f"(1.0 / ({self._print(base)}))"
        return super()._print_Pow(expr)

    def _print_Piecewise(self, expr: sympy.Piecewise) -> str:
        """``(c1 ? e1 : (c2 ? e2 : e3))`` on one line (the last condition is True)."""
        *branches, (last, otherwise) = expr.args
        if otherwise is not sympy.true:
            return super()._print_Piecewise(expr)
        out = f"({self._print(last)})"
        for value, cond in reversed(branches):
            out = f"({self._print(cond)} ? ({self._print(value)}) : {out})"
        return out

    def _print_Relational(self, expr: sympy.Basic) -> str:
        return f"({self._print(expr.lhs)} {expr.rel_op} {self._print(expr.rhs)})"

    def _print_Not(self, expr: sympy.Basic) -> str:
        return f"(!{self._print(expr.args[0])})"

    def _print_And(self, expr: sympy.Basic) -> str:
        return "(" + " && ".join(self._print(a) for a in expr.args) + ")"

    def _print_Or(self, expr: sympy.Basic) -> str:
        return "(" + " || ".join(self._print(a) for a in expr.args) + ")"

    def _print_Integer(self, expr: sympy.Integer) -> str:
        return f"{int(expr)}.0" if abs(int(expr)) < 2 ** 53 else super()._print_Integer(expr)


@dataclass
class StatementContext:
    """What a statement needs to print: the printer and how to lower model-specific calls."""

    printer: NestPrinter
    integrate: Callable[[ir.IntegrateOdes, str], list[str]]
    emit_spike: Callable[[ir.EmitSpike, str], list[str]]
    ctype: Callable[[ir.Variable], str]
    declare: Callable[[str], None]


def print_block(stmts: tuple[ir.Stmt, ...], ctx: StatementContext, indent: str) -> list[str]:
    lines: list[str] = []
    for stmt in stmts:
        lines.extend(print_stmt(stmt, ctx, indent))
    return lines


def print_stmt(stmt: ir.Stmt, ctx: StatementContext, indent: str) -> list[str]:
    p = ctx.printer
    if isinstance(stmt, ir.Assign):
        return [f"{indent}{p.doprint(sympy.Symbol(stmt.target))} {stmt.op} {p.doprint(stmt.value)};"]
    if isinstance(stmt, ir.Declare):
        var = stmt.var
        ctx.declare(var.name)
        init = f" = {p.doprint(var.value)}" if var.value is not None else ""
        return [f"{indent}{ctx.ctype(var)} {var.name}{init};"]
    if isinstance(stmt, ir.If):
        lines = []
        for k, (cond, body) in enumerate(stmt.branches):
            kw = "if" if k == 0 else "else if"
            lines.append(f"{indent}{kw} ({p.doprint(cond)})")
            lines.append(f"{indent}{{")
            lines.extend(print_block(body, ctx, indent + "  "))
            lines.append(f"{indent}}}")
        if stmt.orelse:
            lines.append(f"{indent}else")
            lines.append(f"{indent}{{")
            lines.extend(print_block(stmt.orelse, ctx, indent + "  "))
            lines.append(f"{indent}}}")
        return lines
    if isinstance(stmt, ir.While):
        return [f"{indent}while ({p.doprint(stmt.cond)})", f"{indent}{{",
                *print_block(stmt.body, ctx, indent + "  "), f"{indent}}}"]
    if isinstance(stmt, ir.IntegrateOdes):
        return ctx.integrate(stmt, indent)
    if isinstance(stmt, ir.EmitSpike):
        return ctx.emit_spike(stmt, indent)
    raise TypeError(stmt)
