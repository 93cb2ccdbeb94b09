"""NESTML AST -> portasnn model IR.

The NESTML package parses and checks the model (``nestml_parse``); this module turns its AST
into frozen IR nodes: sympy expressions in canonical units (see ``portasnn.ir.model``), a
span on every node, and user errors for constructs portasnn does not support.

Vectors (``g_in [20] mV``, ``spikes[3] <- spike``, ``I_syn[i]``) are lowered element by element: each element
is an ordinary variable or port named as NESTML's NEST target names it (``G_IN_0``, receptor ``SPIKES_0``), and
``Model.vectors`` keeps the grouping. A size is a literal or an integer parameter, fixed at its default in the
build (``Model.fixed_parameters``). An index must be constant once ``for`` loops over it are unrolled; a loop
whose body indexes no vector with its variable stays a loop (a ``while`` in the IR). Refused with E191 and
file:line:col: a non-constant or out-of-range index, a loop bound that is not fixed, a whole vector used where
one element is meant.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import sympy

from portasnn.errors import ModelError, Span
from portasnn.ir import model as ir
from portasnn.ir.units import canonical_scale

# NESTML functions with a direct sympy equivalent (name -> constructor)
_MATH: dict[str, Callable[..., sympy.Expr]] = {
    "exp": sympy.exp,
    "expm1": lambda x: sympy.Function("expm1")(x),
    "ln": sympy.log,
    "log10": lambda x: sympy.log(x, 10),
    "sqrt": sympy.sqrt,
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan,
    "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan,
    "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh,
    "erf": sympy.erf, "erfc": sympy.erfc,
    "abs": sympy.Abs,
    "min": sympy.Min, "max": sympy.Max,
    "clip": lambda x, lo, hi: sympy.Min(sympy.Max(x, lo), hi),
    "floor": sympy.floor, "ceil": sympy.ceiling,
    "heaviside": lambda x: sympy.Heaviside(x, 1),
    "sign": sympy.sign,
}
# functions kept as opaque calls that targets lower themselves
RANDOM = {"random_normal", "random_uniform"}
H = sympy.Symbol("__h")  # the simulation time step, in ms
T = sympy.Symbol("t")    # the current simulation time, in ms
STEPS = sympy.Function("steps")


def span_of(node: Any, path: Path | str) -> Span:
    """The 1-based span of a NESTML AST node."""
    pos = node.get_source_position()
    return Span(str(path), pos.start_line, pos.start_column + 1, pos.end_line, pos.end_column + 1)


def ident(name: str) -> str:
    """A NESTML name as an identifier every target accepts (``g$`` -> ``g__DOLLAR``)."""
    return name.replace("$", "__DOLLAR")


def var_name(var: Any) -> str:
    """The IR name of a NESTML variable reference, derivatives included (``V'`` -> ``V__d``)."""
    return ident(var.get_name()) + "__d" * var.get_differential_order()


def _unit_scale(type_symbol: Any) -> sympy.Rational:
    unit = getattr(type_symbol, "astropy_unit", None)
    return sympy.Integer(1) if unit is None else canonical_scale(unit)


@dataclass
class _Scope:
    """Names visible in an expression: model symbols, locals, function arguments."""

    symbols: dict[str, sympy.Expr] = field(default_factory=dict)

    def child(self, extra: dict[str, sympy.Expr]) -> "_Scope":
        return _Scope({**self.symbols, **extra})


class Converter:
    """Converts one ASTModel. Use :func:`convert_model`."""

    def __init__(self, ast_model: Any, path: Path) -> None:
        self.ast = ast_model
        self.path = path
        self.scope = _Scope()
        self.functions: dict[str, tuple[list[str], Callable[[list[sympy.Expr]], sympy.Expr]]] = {}
        self.inline_exprs: dict[str, sympy.Expr] = {}
        self.kernel_names: set[str] = set()
        self.convolutions: dict[str, ir.Convolution] = {}
        self.spike_ports: dict[str, ir.SpikePort] = {}
        self.current_ports: dict[str, ir.CurrentPort] = {}
        self.vectors: dict[str, ir.Vector] = {}
        self.fixed: dict[str, int] = {}        # integer parameters fixed at their default (sizes, loop bounds)
        self.elementwise: int | None = None    # element index while expanding a vector ODE

    # ---- errors -------------------------------------------------------------------------

    def refuse(self, node: Any, construct: str, message: str, hint: str = "", code: str = "E185") -> ModelError:
        """The construct cannot be converted (E185 unless it breaks a rule that has its own code)."""
        return ModelError(message, span=span_of(node, self.path), code=code, construct=construct, hint=hint)

    def vector_error(self, node: Any, construct: str, message: str, hint: str) -> ModelError:
        return ModelError(message, span=span_of(node, self.path), code="E191", construct=construct, hint=hint)

    def _size(self, owner: Any, size: Any) -> tuple[int, str]:
        """A vector's size (a literal or an integer parameter with a literal default) and the parameter's name."""
        from pynestml.meta_model.ast_simple_expression import ASTSimpleExpression

        if isinstance(size, ASTSimpleExpression) and size.is_numeric_literal():
            return int(size.get_numeric_literal()), ""
        if isinstance(size, ASTSimpleExpression) and size.is_variable():
            name = size.get_variable().get_name()
            value = self._fixed_parameter(name)
            if value is not None:
                return value, name
        text = f"{owner.get_name()}[{size}]"
        raise self.vector_error(owner, text, f"the size of '{text}' is not a constant",
                                "give the size as an integer literal or an integer parameter with a literal default")

    def _fixed_parameter(self, name: str) -> int | None:
        """The literal default of integer parameter ``name`` (then fixed in the build), or None."""
        if name in self.fixed:
            return self.fixed[name]
        for block in self.ast.get_parameters_blocks():
            for decl in block.get_declarations():
                if name in [v.get_name() for v in decl.get_variables()] and decl.get_data_type().is_integer \
                        and decl.has_expression():
                    expr = decl.get_expression()
                    if getattr(expr, "is_numeric_literal", lambda: False)():
                        self.fixed[name] = int(expr.get_numeric_literal())
                        return self.fixed[name]
        return None

    def _declare_vector(self, var: Any, size: Any, kind: str) -> list[str]:
        """Register vector ``var`` and return its element names (``G_IN_0`` ...)."""
        base = var.get_name()
        n, param = self._size(var, size)
        elements = tuple(f"{ident(base).upper()}_{i}" for i in range(n))
        self.vectors[base] = ir.Vector(name=ident(base), kind=kind, elements=elements, size_parameter=param,
                                       span=span_of(var, self.path))
        return list(elements)

    def _element(self, var: Any, scope: _Scope) -> str:
        """The element an indexed use ``x[i]`` names; the index must be a constant in range."""
        base = var.get_name()
        text = f"{base}[{var.get_vector_parameter()}]"
        if base not in self.vectors:
            raise self.vector_error(var, text, f"'{base}' is not a vector", f"declare it as a vector, e.g. '{base} [3] ...'")
        index = self.expr(var.get_vector_parameter(), scope).xreplace(
            {sympy.Symbol(k): sympy.Integer(v) for k, v in self.fixed.items()})
        elements = self.vectors[base].elements
        if not (index.is_Integer or (index.is_Number and index == int(index))):
            raise self.vector_error(var, text, f"the index of '{text}' is not a constant ({index}); portasnn lowers "
                                    "vectors element by element", "index with a literal or the variable of a for "
                                    "loop with constant bounds (the loop is then unrolled)")
        if not 0 <= int(index) < len(elements):
            raise self.vector_error(var, text, f"index {int(index)} is out of range for '{base}' of size "
                                    f"{len(elements)}", f"use an index from 0 to {len(elements) - 1}")
        return elements[int(index)]

    # ---- expressions --------------------------------------------------------------------

    def expr(self, node: Any, scope: _Scope | None = None) -> sympy.Expr:
        scope = scope or self.scope
        from pynestml.meta_model.ast_simple_expression import ASTSimpleExpression

        if isinstance(node, ASTSimpleExpression):
            return self._simple(node, scope)
        if node.is_encapsulated or (node.expression is not None and node.unary_operator is None
                                    and not node.is_logical_not):
            return self.expr(node.expression, scope)
        if node.is_logical_not:
            return sympy.Not(self.expr(node.expression, scope))
        if node.unary_operator is not None:
            inner = self.expr(node.expression, scope)
            op = node.unary_operator
            if op.is_unary_minus:
                return -inner
            if op.is_unary_plus:
                return inner
            raise self.refuse(node, "~", "bitwise operators are not supported")
        if node.condition is not None:
            cond = self.expr(node.condition, scope)
            return sympy.Piecewise((self.expr(node.if_true, scope), cond), (self.expr(node.if_not, scope), True))
        if node.binary_operator is not None:
            lhs, rhs = self.expr(node.lhs, scope), self.expr(node.rhs, scope)
            return self._binary(node, node.binary_operator, lhs, rhs)
        raise self.refuse(node, str(node), "this expression form is not supported")

    def _binary(self, node: Any, op: Any, lhs: sympy.Expr, rhs: sympy.Expr) -> sympy.Expr:
        name = type(op).__name__
        if name == "ASTArithmeticOperator":
            if op.is_times_op:
                return lhs * rhs
            if op.is_div_op:
                return lhs / rhs
            if op.is_plus_op:
                return lhs + rhs
            if op.is_minus_op:
                return lhs - rhs
            if op.is_pow_op:
                return lhs ** rhs
            if op.is_modulo_op:
                return sympy.Mod(lhs, rhs)
            if op.is_integer_div_op:
                return sympy.floor(lhs / rhs)
        if name == "ASTComparisonOperator":
            if op.is_lt:
                return sympy.StrictLessThan(lhs, rhs, evaluate=False)
            if op.is_le:
                return sympy.LessThan(lhs, rhs, evaluate=False)
            if op.is_gt:
                return sympy.StrictGreaterThan(lhs, rhs, evaluate=False)
            if op.is_ge:
                return sympy.GreaterThan(lhs, rhs, evaluate=False)
            if op.is_eq:
                return sympy.Eq(lhs, rhs, evaluate=False)
            if op.is_ne or op.is_ne2:
                return sympy.Ne(lhs, rhs, evaluate=False)
        if name == "ASTLogicalOperator":
            if op.is_logical_and:
                return sympy.And(lhs, rhs)
            if op.is_logical_or:
                return sympy.Or(lhs, rhs)
        raise self.refuse(node, str(op), "this operator is not supported (bit operators are not)")

    def _simple(self, node: Any, scope: _Scope) -> sympy.Expr:
        if node.function_call is not None:
            return self._call(node.function_call, scope)
        if node.is_boolean_true:
            return sympy.true
        if node.is_boolean_false:
            return sympy.false
        if node.is_inf_literal:
            return sympy.oo
        if node.string is not None:
            raise self.refuse(node, "string", "string values are not supported in model code")
        if node.numeric_literal is not None:
            value = _number(node.numeric_literal)
            if node.variable is not None:
                value = value * self._variable(node.variable, scope)
            if getattr(node, "unitType", None) is not None:
                value = value * _unit_scale(node.unitType.get_type_symbol())
            return value
        if node.variable is not None:
            return self._variable(node.variable, scope)
        raise self.refuse(node, str(node), "this expression form is not supported")

    def _variable(self, var: Any, scope: _Scope) -> sympy.Expr:
        name = ident(var.get_name())
        order = var.get_differential_order()
        if var.get_vector_parameter() is not None:
            name = self._element(var, scope)
        elif name in self.vectors and order == 0:
            if self.elementwise is None:
                text = name
                raise self.vector_error(var, text, f"'{name}' is a vector; here one element is meant",
                                        f"write one element, e.g. '{name}[0]', or loop over them with 'for i in 0 ... "
                                        f"{len(self.vectors[name].elements)} step 1'")
            elements = self.vectors[name].elements
            if self.elementwise >= len(elements):
                raise self.vector_error(var, name, f"'{name}' has {len(elements)} elements, fewer than the vector "
                                        "this equation defines", "give both vectors the same size")
            name = elements[self.elementwise]
        if getattr(var, "delay_parameter", None):
            raise self.refuse(var, name, "delayed variables are not supported")
        full = name + "__d" * order
        if full in scope.symbols:
            return scope.symbols[full]
        if order == 0 and name in self.inline_exprs:
            return self.inline_exprs[name]
        if order == 0 and name in self.spike_ports:
            return sympy.Symbol(name) / 1000  # sum of weights per second, in 1/ms
        if order == 0 and name in self.current_ports:
            return sympy.Symbol(name)  # NEST delivers currents in pA, the canonical unit
        if order == 0:
            if name == "e":
                return sympy.E
            if name == "t":
                return T
            if name == "inf":
                return sympy.oo
            from pynestml.symbols.predefined_units import PredefinedUnits

            if PredefinedUnits.is_unit(name):
                return canonical_scale(PredefinedUnits.get_unit(name).get_unit())
        raise self.refuse(var, full, f"unknown name '{full}'",
                          "declare it in the parameters, state or internals block", code="E110")

    def _call(self, call: Any, scope: _Scope) -> sympy.Expr:
        name = call.get_name()
        args = call.get_args() or []
        if name == "convolve":
            return self._convolve(call, args)
        if name in ("resolution", "timestep"):
            return H
        if name == "steps":
            return STEPS(self.expr(args[0], scope))
        if name in RANDOM:
            return sympy.Function(name)(*[self.expr(a, scope) for a in args])
        if name == "delta":
            return sympy.DiracDelta(self.expr(args[0], scope))
        if name in _MATH:
            return _MATH[name](*[self.expr(a, scope) for a in args])
        if name in self.functions:
            params, body = self.functions[name]
            return body([self.expr(a, scope) for a in args])
        raise self.refuse(call, name + "()", f"the function '{name}' cannot be used in an expression here")

    def _convolve(self, call: Any, args: list[Any]) -> sympy.Expr:
        kernel = ident(args[0].get_variable().get_name())
        port_var = args[1].get_variable()
        port = self._element(port_var, self.scope) if port_var.get_vector_parameter() is not None \
            else port_var.get_name()
        if port not in self.spike_ports:
            raise self.refuse(call, "convolve", f"'{port}' is not a spike input port", code="E171")
        name = f"{kernel}__X__{port}"
        self.convolutions.setdefault(name, ir.Convolution(name=name, kernel=kernel, port=port,
                                                            span=span_of(call, self.path)))
        return sympy.Symbol(name)

    # ---- declarations -------------------------------------------------------------------

    def declarations(self, blocks: Iterable[Any]) -> list[ir.Variable]:
        out = []
        for block in blocks:
            for decl in block.get_declarations():
                out.extend(self.declaration(decl))
        return out

    def declaration(self, decl: Any, scope: _Scope | None = None) -> list[ir.Variable]:
        dtype = decl.get_data_type()
        vtype, unit, scale = _data_type(dtype)
        value = self.expr(decl.get_expression(), scope) if decl.has_expression() else None
        out = []
        for var in decl.get_variables():
            names = [var_name(var)]
            if var.get_vector_parameter() is not None:
                if scope is not None:
                    raise self.vector_error(var, var.get_name(), "a local vector is not supported",
                                            "declare the vector in the state block")
                names = [self.vectors[var.get_name()].elements[i] for i in range(len(self.vectors[var.get_name()].elements))]
            for name in names:
                out.append(ir.Variable(name=name, type=vtype, unit=unit, scale=scale, value=value,
                                       span=span_of(var, self.path)))
                if scope is None:
                    self.scope.symbols[name] = sympy.Symbol(name)
        return out

    # ---- statements ---------------------------------------------------------------------

    def block(self, body: Any, scope: _Scope) -> tuple[ir.Stmt, ...]:
        out: list[ir.Stmt] = []
        for stmt in body.get_stmts():
            out.extend(self.stmt(stmt, scope))
        return tuple(out)

    def stmt(self, stmt: Any, scope: _Scope) -> list[ir.Stmt]:
        span = span_of(stmt, self.path)
        if stmt.is_small_stmt():
            small = stmt.small_stmt
            if small.is_assignment():
                a = small.get_assignment()
                var = a.get_variable()
                target = self._element(var, scope) if var.get_vector_parameter() is not None else var_name(var)
                if target in self.vectors:
                    raise self.vector_error(var, target, f"'{target}' is a vector; assign to one element",
                                            f"write '{target}[i] = ...', e.g. in a for loop over its elements")
                if target not in scope.symbols or isinstance(scope.symbols[target], sympy.Integer):
                    raise self.refuse(a, target, f"cannot assign to '{target}'",
                                      "only state variables and local variables can be assigned", code="E160")
                op = ("+=" if a.is_compound_sum else "-=" if a.is_compound_minus else "*="
                      if a.is_compound_product else "/=" if a.is_compound_quotient else "=")
                return [ir.Assign(target=target, op=op, value=self.expr(a.get_expression(), scope), span=span)]
            if small.is_declaration():
                decl = small.get_declaration()
                variables = self.declaration(decl, scope)
                for v in variables:
                    scope.symbols[v.name] = sympy.Symbol(v.name)
                return [ir.Declare(var=v, span=span) for v in variables]
            if small.is_function_call():
                call = small.get_function_call()
                name = call.get_name()
                if name == "integrate_odes":
                    names = tuple(e for a in (call.get_args() or []) for e in (
                        self.vectors[a.get_variable().get_name()].elements if a.get_variable().get_name() in self.vectors
                        else (ident(a.get_variable().get_name()),)))
                    return [ir.IntegrateOdes(vars=names, span=span)]
                if name == "emit_spike":  # with arguments in a synapse model (checked where it is used)
                    return [ir.EmitSpike(args=tuple(self.expr(a, scope) for a in call.get_args() or ()),
                                         span=span)]
                if name in ("print", "println"):
                    return []  # diagnostics only; no effect on the dynamics
                raise self.refuse(call, name + "()", f"the call '{name}()' is not supported as a statement")
            if small.is_return_stmt():
                raise self.refuse(small, "return", "return is only allowed in functions")
        compound = stmt.compound_stmt
        if compound.is_if_stmt():
            ifs = compound.get_if_stmt()
            clauses = [ifs.get_if_clause(), *ifs.get_elif_clauses()]
            branches = tuple((self.expr(c.get_condition(), scope), self.block(c.get_stmts_body(), scope.child({})))
                             for c in clauses)
            orelse = self.block(ifs.get_else_clause().get_stmts_body(), scope.child({})) \
                if ifs.has_else_clause() else ()
            return [ir.If(branches=branches, orelse=orelse, span=span)]
        if compound.is_while_stmt():
            w = compound.get_while_stmt()
            return [ir.While(cond=self.expr(w.get_condition(), scope), body=self.block(w.get_stmts_body(),
                                                                                       scope.child({})), span=span)]
        if compound.is_for_stmt():
            return self._for(compound.get_for_stmt(), scope, span)
        raise self.refuse(stmt, str(stmt).strip(), "this statement is not supported")

    def _for(self, loop: Any, scope: _Scope, span: Span) -> list[ir.Stmt]:
        """``for j in a ... b step s`` (NESTML: j from a while j < b, or j > b for a negative step). Unrolled
        when its body indexes a vector with j (then a and b must be fixed); otherwise a while loop."""
        from pynestml.visitors.ast_higher_order_visitor import ASTHigherOrderVisitor

        j = loop.get_variable()
        if j not in scope.symbols or isinstance(scope.symbols[j], sympy.Integer):
            raise self.refuse(loop, j, f"the loop variable '{j}' is not declared", f"declare it first: '{j} integer = 0'",
                              code="E110")
        step = loop.get_step()
        if not float(step).is_integer() or step == 0:
            raise self.refuse(loop, str(step), "the step of a for loop must be a non-zero integer")
        step = int(step)
        start, stop = self.expr(loop.get_start_from(), scope), self.expr(loop.get_end_at(), scope)
        jsym = sympy.Symbol(j)
        nodes: list[Any] = []
        loop.get_stmts_body().accept(ASTHigherOrderVisitor(nodes.append))
        indexed = any(type(n).__name__ == "ASTVariable" and n.get_vector_parameter() is not None
                      and j in {v.get_name() for v in _variables_of(n.get_vector_parameter())} for n in nodes)
        assigned = any(type(n).__name__ == "ASTAssignment" and n.get_variable().get_name() == j for n in nodes)
        if assigned:
            raise self.refuse(loop, j, f"the body of the for loop assigns its variable '{j}'",
                              "use a while loop to change the loop variable in the body")
        if not indexed:
            cond = jsym < stop if step > 0 else jsym > stop
            body = self.block(loop.get_stmts_body(), scope.child({}))
            return [ir.Assign(target=j, op="=", value=start, span=span),
                    ir.While(cond=cond, body=body + (ir.Assign(target=j, op="+=", value=sympy.Integer(step), span=span),),
                             span=span)]
        bounds = []
        for node, value in ((loop.get_start_from(), start), (loop.get_end_at(), stop)):
            fixed = {}
            for name in {str(sym) for sym in value.free_symbols}:
                number = self._fixed_parameter(name)
                if number is None:
                    raise self.vector_error(node, str(node).strip(), f"the bound '{str(node).strip()}' of a for loop "
                                            f"that indexes a vector with '{j}' is not fixed ('{name}' can change "
                                            "while the model runs); portasnn unrolls such loops",
                                            "use a literal or an integer parameter with a literal default (it is "
                                            "then fixed in the build), e.g. the vector's size")
                fixed[sympy.Symbol(name)] = sympy.Integer(number)
            value = sympy.simplify(value.xreplace(fixed))
            if not value.is_Integer:
                raise self.vector_error(node, str(node).strip(), f"the bound '{str(node).strip()}' is not an integer",
                                        "use an integer bound")
            bounds.append(int(value))
        out: list[ir.Stmt] = []
        values = list(range(bounds[0], bounds[1], step))
        for k in values:
            out.append(ir.Assign(target=j, op="=", value=sympy.Integer(k), span=span))
            out.extend(self.block(loop.get_stmts_body(), scope.child({j: sympy.Integer(k)})))
        end = values[-1] + step if values else bounds[0]
        out.append(ir.Assign(target=j, op="=", value=sympy.Integer(end), span=span))
        return out

    # ---- functions ----------------------------------------------------------------------

    def function(self, fn: Any) -> None:
        """Straight-line functions become substitutions; anything else is refused."""
        params = [p.get_name() for p in fn.get_parameters()]
        stmts = fn.get_stmts_body().get_stmts()
        converter = self

        def body(args: list[sympy.Expr]) -> sympy.Expr:
            scope = converter.scope.child(dict(zip(params, args)))
            for stmt in stmts:
                if not stmt.is_small_stmt():
                    raise converter.refuse(stmt, fn.get_name(), "only straight-line functions are supported")
                small = stmt.small_stmt
                if small.is_declaration():
                    decl = small.get_declaration()
                    value = converter.expr(decl.get_expression(), scope)
                    for v in decl.get_variables():
                        scope = scope.child({v.get_name(): value})
                elif small.is_return_stmt():
                    return converter.expr(small.get_return_stmt().get_expression(), scope)
                else:
                    raise converter.refuse(stmt, fn.get_name(), "only declarations and return are supported in functions")
            raise converter.refuse(fn, fn.get_name(), "function without a return statement",
                                   code="E181")

        self.functions[fn.get_name()] = (params, body)

    # ---- the model ----------------------------------------------------------------------

    def convert(self) -> ir.Model:
        m = self.ast
        for block in m.get_input_blocks():
            for port in block.get_input_ports():
                span = span_of(port, self.path)
                names = [port.get_name()]
                if port.has_size_parameter():
                    names = self._declare_vector(port, port.get_size_parameter(),
                                                 "spike_port" if port.is_spike() else "current_port")
                for name in names:
                    if port.is_spike():
                        sign = "excitatory" if port.is_excitatory() and not port.is_inhibitory() else \
                            "inhibitory" if port.is_inhibitory() and not port.is_excitatory() else "any"
                        self.spike_ports[name] = ir.SpikePort(name=name, sign=sign, span=span)
                    else:
                        vtype, unit, scale = _data_type(port.get_datatype())
                        self.current_ports[name] = ir.CurrentPort(name=name, unit=unit, scale=scale, span=span)
        # names first, so that declarations can refer to each other in any order
        for kind, blocks in (("parameter", m.get_parameters_blocks()), ("state", m.get_state_blocks()),
                             ("internal", m.get_internals_blocks())):
            for block in blocks:
                for decl in block.get_declarations():
                    for var in decl.get_variables():
                        names = [var_name(var)]
                        if var.get_vector_parameter() is not None:
                            names = self._declare_vector(var, var.get_vector_parameter(), kind)
                        for name in names:
                            self.scope.symbols[name] = sympy.Symbol(name)
        self._check_element_names()
        for fn in m.get_functions():
            self.function(fn)
        parameters = self.declarations(m.get_parameters_blocks())
        state = self.declarations(m.get_state_blocks())
        internals = self.declarations(m.get_internals_blocks())

        inlines, odes, kernels = self._equations()
        update = ()
        for block in m.get_update_blocks():
            update += self.block(block.get_stmts_body(), self.scope.child({}))
        on_receive = tuple(
            ir.OnReceive(port=self._receive_port(b), body=self.block(b.get_stmts_body(), self.scope.child({})),
                         span=span_of(b, self.path))
            for b in m.get_on_receive_blocks())
        for b in on_receive:
            if b.port not in self.spike_ports:
                raise ModelError(f"onReceive names '{b.port}', which is not a spike input port", span=b.span,
                                 code="E171", construct="onReceive")
        on_condition = tuple(
            ir.OnCondition(cond=self.expr(b.get_cond_expr()), body=self.block(b.get_stmts_body(), self.scope.child({})),
                           span=span_of(b, self.path))
            for b in m.get_on_condition_blocks())
        return ir.Model(
            vectors=tuple(self.vectors.values()), fixed_parameters=tuple(sorted(self.fixed)),
            name=m.get_name(), source=str(self.path), parameters=tuple(parameters), state=tuple(state),
            internals=tuple(internals), inlines=tuple(inlines), odes=tuple(odes), kernels=tuple(kernels),
            convolutions=tuple(self.convolutions.values()), spike_ports=tuple(self.spike_ports.values()),
            current_ports=tuple(self.current_ports.values()), update=update, on_receive=on_receive,
            on_condition=on_condition, has_output=bool(m.get_output_blocks()), span=span_of(m, self.path))

    def _receive_port(self, block: Any) -> str:
        """The port of ``onReceive(p)``; ``onReceive(spikes[1])`` names an element of a vector port."""
        name = block.get_port_name()
        base, _, rest = name.partition("[")
        if base in self.vectors:
            vector = self.vectors[base]
            if not rest.rstrip("]").strip().isdigit():
                raise self.vector_error(block, name, f"onReceive({name}) needs one element of the vector port "
                                        f"'{base}'", f"write one handler per element, e.g. onReceive({base}[0])")
            index = int(rest.rstrip("]").strip())
            if index >= len(vector.elements):
                raise self.vector_error(block, name, f"index {index} is out of range for '{base}' of size "
                                        f"{len(vector.elements)}", f"use an index from 0 to {len(vector.elements) - 1}")
            return vector.elements[index]
        return name

    def _check_element_names(self) -> None:
        """An element name (``G_IN_0``) must not be a name the model declares itself."""
        declared = {p.get_name() for b in self.ast.get_input_blocks() for p in b.get_input_ports()}
        for blocks in (self.ast.get_parameters_blocks(), self.ast.get_state_blocks(), self.ast.get_internals_blocks()):
            declared |= {v.get_name() for b in blocks for d in b.get_declarations() for v in d.get_variables()}
        seen: dict[str, str] = {}
        for vector in self.vectors.values():
            for element in vector.elements:
                other = element if element in declared else seen.get(element)
                if other is not None:
                    raise ModelError(f"the element '{element}' of vector '{vector.name}' has the name of '{other}'"
                                     " (NESTML's NEST target names vector elements NAME_0, NAME_1, ...)",
                                     span=vector.span, code="E191", construct=vector.name,
                                     hint="rename the vector or the other variable")
                seen[element] = vector.name

    def _equations(self) -> tuple[list[ir.Inline], list[ir.Ode], list[ir.Kernel]]:
        inlines: list[ir.Inline] = []
        odes: list[ir.Ode] = []
        kernels: list[ir.Kernel] = []
        blocks = self.ast.get_equations_blocks()
        for block in blocks:
            for decl in block.get_declarations():
                kind = type(decl).__name__
                if kind == "ASTKernel":
                    variables = list(zip(decl.get_variables(), decl.get_expressions()))
                    first = variables[0][0]
                    name = ident(first.get_name())
                    self.kernel_names.add(name)
                    if first.get_differential_order() == 0:
                        kernels.append(ir.Kernel(name=name, expr=self.expr(variables[0][1]),
                                                 span=span_of(first, self.path)))
                        continue
                    kernel_odes = tuple(ir.Ode(var=ident(v.get_name()), order=v.get_differential_order(),
                                               rhs=self.expr(e), span=span_of(v, self.path)) for v, e in variables)
                    kernels.append(ir.Kernel(name=name, expr=None, odes=kernel_odes, span=span_of(first, self.path)))
        for block in blocks:
            for decl in block.get_declarations():
                kind = type(decl).__name__
                if kind == "ASTInlineExpression":
                    vtype, unit, scale = _data_type(decl.get_data_type())
                    value = self.expr(decl.get_expression())
                    name = decl.get_variable_name()
                    self.inline_exprs[name] = value
                    inlines.append(ir.Inline(name=name, expr=value, unit=unit, scale=scale,
                                             span=span_of(decl, self.path)))
                elif kind == "ASTOdeEquation":
                    lhs = decl.get_lhs()
                    if lhs.get_name() in self.vectors:  # one ODE per element, the vectors on the right indexed alike
                        for i, element in enumerate(self.vectors[lhs.get_name()].elements):
                            self.elementwise = i
                            try:
                                rhs = self.expr(decl.get_rhs())
                            finally:
                                self.elementwise = None
                            odes.append(ir.Ode(var=element, order=lhs.get_differential_order(), rhs=rhs,
                                               span=span_of(decl, self.path)))
                        continue
                    odes.append(ir.Ode(var=lhs.get_name(), order=lhs.get_differential_order(),
                                       rhs=self.expr(decl.get_rhs()), span=span_of(decl, self.path)))
        return inlines, odes, kernels


def _variables_of(expr: Any) -> list[Any]:
    """The variables an AST expression reads."""
    return list(expr.get_variables()) if hasattr(expr, "get_variables") else []


def _number(value: Any) -> sympy.Expr:
    if isinstance(value, bool):
        return sympy.true if value else sympy.false
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53):
        return sympy.Integer(int(value))
    return sympy.Float(value, 17)


def _data_type(dtype: Any) -> tuple[ir.VarType, str, sympy.Rational]:
    if dtype is None:
        return "real", "", sympy.Integer(1)
    if dtype.is_boolean:
        return "boolean", "", sympy.Integer(1)
    if dtype.is_integer:
        return "integer", "", sympy.Integer(1)
    if dtype.is_real:
        return "real", "", sympy.Integer(1)
    if dtype.is_unit_type():
        return "real", str(dtype).strip(), _unit_scale(dtype.get_type_symbol())
    return "real", "", sympy.Integer(1)


def convert_model(ast_model: Any, path: str | Path) -> ir.Model:
    """Convert one parsed NESTML model into IR."""
    return Converter(ast_model, Path(path)).convert()


def load_models(paths: str | Path | Sequence[str | Path]) -> list[ir.Model]:
    """Parse NESTML file(s) or directories and convert every model they define."""
    from portasnn.frontend.nestml_parse import parse_nestml

    return [convert_model(p.ast, p.path) for p in parse_nestml(paths)]
