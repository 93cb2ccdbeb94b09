"""The physical unit of a spike weight for each spike input port of a NESTML model.

NESTML 9 types a weight as a plain number: a model gives it a unit by what it multiplies it with, e.g.
``I_syn += unit_psc * spikes * 1 s`` (pA), ``unit_psg * convolve(g, spikes) * (V_m - E)`` (nS: the
state-dependent driving force is not part of the weight), ``unit_psp * convolve(delta_kernel, spikes) *
(1 ms**-1)`` in ``V_m'`` (mV: a delta kernel integrates to a jump). ``port_weights`` follows each use of a
port outwards through sums, signs and products, using NESTML's own types: constant factors are part of the
weight's unit, state-dependent ones (a driving force) are not. When that does not give one unit (a weight inside a function call
or a denominator, a factor that is not 1 in its unit, two uses with different units), the port's unit is
None with the reason: the weight is then a plain number the model uses as written.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from portasnn.units import Quantity

__all__ = ["PortWeight", "port_weights", "to_quantity", "vector_size"]


@dataclass(frozen=True, slots=True)
class PortWeight:
    """What a weight sent to one spike input port means.

    ``unit``: the weight's unit (a Quantity of magnitude 1 in it, e.g. 1 pA), or None when it has none, then
    ``reason`` says why (with line:col); ``used`` is False for a port the model never reads."""

    port: str
    sign: str  # "excitatory", "inhibitory" or "any"
    unit: Quantity | None
    reason: str = ""
    used: bool = True


class _Unknown(Exception):
    """The weight enters the model in a way that gives it no unit (the message says where and how)."""


def port_weights(ast: Any, path: str = "") -> dict[str, PortWeight]:
    """The weight unit of every spike input port of a checked NESTML ``ASTModel`` (read from ``path``)."""
    model = _Model(ast, path)
    out = {}
    for port in (p for b in ast.get_input_blocks() for p in b.get_input_ports() if p.is_spike()):
        name = port.get_name()
        sign = "excitatory" if port.is_excitatory() and not port.is_inhibitory() else \
            "inhibitory" if port.is_inhibitory() and not port.is_excitatory() else "any"
        weight = model.weight(name, sign)
        if not port.has_size_parameter():
            out[name] = weight
            continue
        # a vector port: one receptor per element, named as the IR names them (SPIKES_0, ...), all with the unit of
        # the vector's uses taken together
        for i in range(vector_size(ast, port.get_size_parameter())):
            element = f"{name.replace('$', '__DOLLAR').upper()}_{i}"
            out[element] = PortWeight(element, sign, weight.unit, weight.reason, weight.used)
    return out


def vector_size(ast: Any, size: Any) -> int:
    """A vector's size: a literal or an integer parameter's literal default (the frontend checks the rest)."""
    if size.is_numeric_literal():
        return int(size.get_numeric_literal())
    name = size.get_variable().get_name()
    for block in ast.get_parameters_blocks():
        for decl in block.get_declarations():
            if name in [v.get_name() for v in decl.get_variables()] and decl.has_expression() \
                    and decl.get_expression().is_numeric_literal():
                return int(decl.get_expression().get_numeric_literal())
    return 0


def to_quantity(unit: Any) -> Quantity | None:
    """An astropy unit as a portasnn Quantity (magnitude in ms, mV, pA), or None if it is not one of those."""
    si = unit.decompose()
    powers = dict(zip((str(b) for b in si.bases), si.powers))
    kg, m, s, a = (Fraction(powers.pop(k, 0)).limit_denominator(12) for k in ("kg", "m", "s", "A"))
    if powers or m != 2 * kg:
        return None
    volt, time, current = kg, s + 3 * kg, a + kg  # V = kg m^2 s^-3 A^-1
    if any(x.denominator != 1 for x in (volt, time, current)):
        return None
    base = Fraction(1, 1000) ** int(time) * Fraction(1, 1000) ** int(volt) * Fraction(1, 10**12) ** int(current)
    value = Fraction(si.scale).limit_denominator(10**15) / base
    return Quantity(value, (int(time), int(volt), int(current)))


class _Model:
    def __init__(self, ast: Any, path: str) -> None:
        self.ast = ast
        self.path = path
        self.parents: dict[int, Any] = {}
        self.nodes: list[Any] = []
        self._index(ast)
        self.state = {v.get_name() for b in ast.get_state_blocks() for d in b.get_declarations()
                      for v in d.get_variables()}
        self.constants = {v.get_name(): d for blocks in (ast.get_parameters_blocks(), ast.get_internals_blocks())
                          for b in blocks for d in b.get_declarations() for v in d.get_variables()}
        self.varying = self.state | {p.get_name() for b in ast.get_input_blocks() for p in b.get_input_ports()} | {"t"} | \
            {i.get_variable_name() for eq in ast.get_equations_blocks() for i in eq.get_inline_expressions()}
        self.kernels = {v.get_name(): (v, e) for eq in ast.get_equations_blocks() for k in eq.get_kernels()
                        for v, e in zip(k.get_variables(), k.get_expressions())}
        self.state_decls = {v.get_name() + "'" * v.get_differential_order(): d for b in ast.get_state_blocks()
                            for d in b.get_declarations() for v in d.get_variables()}

    def _index(self, node: Any) -> None:
        self.nodes.append(node)
        for child in node.get_children():
            self.parents[id(child)] = node
            self._index(child)

    def _where(self, node: Any) -> str:
        pos = node.get_source_position()
        return f"{self.path or 'line '}{':' if self.path else ''}{pos.get_start_line()}:{pos.get_start_column() + 1}"

    def parent(self, node: Any) -> Any:
        return self.parents.get(id(node))

    # ---- one port ---------------------------------------------------------------------------------------------

    def weight(self, port: str, sign: str) -> PortWeight:
        uses: list[tuple[Quantity, str]] = []
        try:
            for node in self.nodes:
                kind = type(node).__name__
                if kind == "ASTFunctionCall" and node.get_name() == "convolve" and len(node.get_args()) == 2 \
                        and _name(node.get_args()[1]) == port:
                    uses.append(self._use(self.parent(node), _name(node.get_args()[0])))
                elif kind == "ASTVariable" and node.get_name() == port and self._is_value(node):
                    uses.append(self._use(self.parent(node), None))
        except _Unknown as exc:
            return PortWeight(port, sign, None, str(exc))
        if not uses:
            return PortWeight(port, sign, None, f"the model never reads '{port}'", used=False)
        units = {u for u, _ in uses}
        if len(units) > 1:
            shown = " and ".join(f"{_show(u)} at {where}" for u, where in uses)
            return PortWeight(port, sign, None, f"the weight of '{port}' is used as {shown}")
        return PortWeight(port, sign, uses[0][0])

    def _is_value(self, var: Any) -> bool:
        """A read of the port as a value (not the port argument of convolve(), which is handled there)."""
        up = self.parent(self.parent(var))
        return type(self.parent(var)).__name__ == "ASTSimpleExpression" and not (
            type(up).__name__ == "ASTFunctionCall" and up.get_name() == "convolve")

    def _use(self, start: Any, kernel: str | None) -> tuple[Quantity, str]:
        """Follow one use outwards; return the weight's unit and where the use is."""
        where = self._where(start)
        unit = _type_unit(start, where)
        node = start
        while True:
            up = self.parent(node)
            kind = type(up).__name__
            if kind != "ASTExpression":
                break
            if up.is_encapsulated or up.get_unary_operator() is not None and not up.get_unary_operator().is_unary_tilde:
                node = up
                continue
            if up.get_condition() is not None:
                if node is up.get_condition():
                    raise _Unknown(f"the weight decides a condition at {where}")
                node = up
                continue
            op = up.get_binary_operator()
            if type(op).__name__ != "ASTArithmeticOperator":
                raise _Unknown(f"the weight is compared or combined logically at {where}")
            if op.is_plus_op or op.is_minus_op:
                node = up
                continue
            other = up.get_rhs() if node is up.get_lhs() else up.get_lhs()
            if op.is_times_op or (op.is_div_op and node is up.get_lhs()):
                if self._depends_on_state(other):
                    node = up  # a driving force such as (V_m - E_exc): not part of the weight
                    continue
                magnitude = self._magnitude(other)
                if magnitude is None or abs(magnitude) != 1:
                    raise _Unknown(f"the weight is scaled by '{str(other).strip()}' at {self._where(other)}")
                factor = _type_unit(other, self._where(other))
                unit = unit * factor if op.is_times_op else unit / factor
                node = up
                continue
            raise _Unknown(f"the weight enters '{str(up).strip()}' at {where} non-linearly")
        if type(up).__name__ == "ASTFunctionCall":
            raise _Unknown(f"the weight is an argument of {up.get_name()}() at {where}")
        if kernel is not None:
            unit = unit * self._kernel_unit(kernel, where)
        elif self._in_equations(up):
            raise _Unknown(f"the spike input port is read in an equation at {where}")
        quantity = to_quantity(unit)
        if quantity is None:
            raise _Unknown(f"the weight's unit {unit} at {where} is not one portasnn knows")
        return quantity, where

    def _in_equations(self, node: Any) -> bool:
        while node is not None:
            if type(node).__name__ == "ASTEquationsBlock":
                return True
            node = self.parent(node)
        return False

    def _kernel_unit(self, name: str, where: str) -> Any:
        import astropy.units as u

        if name not in self.kernels:
            raise _Unknown(f"the kernel '{name}' at {where} is not defined in the equations block")
        var, expr = self.kernels[name]
        if "delta(" in str(expr).replace(" ", ""):
            return u.ms  # a delta kernel (1/ms) integrates to a jump in the variable whose ODE it drives
        if var.get_differential_order() == 0:
            return _type_unit(expr, where)
        decl = self.state_decls.get(name)
        if decl is None:
            raise _Unknown(f"the kernel variable '{name}' at {where} has no declaration in the state block")
        return _type_unit(decl.get_data_type(), where)

    def _depends_on_state(self, expr: Any) -> bool:
        names = {v.get_name() for v in _variables(expr)}
        if names & self.varying:
            return True
        for name in names & set(self.constants):
            decl = self.constants[name]
            if decl.has_expression() and self._depends_on_state(decl.get_expression()):
                return True
        return False

    def _magnitude(self, expr: Any, depth: int = 0) -> float | None:
        """The value of a constant factor in its own unit, when it is a literal or a name defined by one."""
        if depth > 20:
            return None
        kind = type(expr).__name__
        if kind == "ASTExpression":
            if expr.is_encapsulated:
                return self._magnitude(expr.get_expression(), depth + 1)
            if expr.get_unary_operator() is not None and expr.get_expression() is not None:
                return self._magnitude(expr.get_expression(), depth + 1)
            return None
        if kind != "ASTSimpleExpression" or expr.get_function_call() is not None:
            return None
        if expr.get_numeric_literal() is not None:
            return float(expr.get_numeric_literal())
        var = expr.get_variable()
        if var is None:
            return None
        decl = self.constants.get(var.get_name())
        if decl is None:
            from pynestml.symbols.predefined_units import PredefinedUnits

            return 1.0 if PredefinedUnits.is_unit(var.get_name()) else None
        return self._magnitude(decl.get_expression(), depth + 1) if decl.has_expression() else None


def _name(expr: Any) -> str | None:
    var = expr.get_variable() if hasattr(expr, "get_variable") else None
    return var.get_name() if var is not None else None


def _variables(node: Any) -> list[Any]:
    found = [node] if type(node).__name__ == "ASTVariable" else []
    for child in node.get_children():
        found += _variables(child)
    return found





def _type_unit(node: Any, where: str) -> Any:
    """The astropy unit of a NESTML expression or data type (dimensionless for real and integer)."""
    import astropy.units as u
    from pynestml.symbols.integer_type_symbol import IntegerTypeSymbol
    from pynestml.symbols.real_type_symbol import RealTypeSymbol
    from pynestml.symbols.unit_type_symbol import UnitTypeSymbol

    symbol = node.get_type_symbol() if type(node).__name__ == "ASTDataType" else node.type
    if isinstance(symbol, UnitTypeSymbol):
        return symbol.unit.get_unit()
    if isinstance(symbol, (RealTypeSymbol, IntegerTypeSymbol)):
        return u.dimensionless_unscaled
    raise _Unknown(f"the weight meets a value of type {symbol.print_nestml_type()} at {where}")


def _show(unit: Quantity) -> str:
    from portasnn.units import describe

    return describe(unit.dims)
