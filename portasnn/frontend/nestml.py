"""NESTML AST -> portasnn model IR.

The NESTML package parses and checks the model (``nestml_parse``); this module turns its AST
into frozen IR nodes: sympy expressions in canonical units (see ``portasnn.ir.model``), a
span on every node, and user errors for constructs portasnn does not support (E191: vector
declarations, vector input ports and indexed uses, until the lowering supports vectors).
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

    # ---- errors -------------------------------------------------------------------------

    def refuse(self, node: Any, construct: str, message: str, hint: str = "", code: str = "E185") -> ModelError:
        """The construct cannot be converted (E185 unless it breaks a rule that has its own code)."""
        return ModelError(message, span=span_of(node, self.path), code=code, construct=construct, hint=hint)

    def refuse_vector(self, node: Any, kind: str = "use", size: Any = None) -> ModelError:
        """A vector construct (``kind``: "port", "declaration" or "use") refused until the lowering supports it."""
        name = node.get_name()
        text = f"{name}[{node.get_vector_parameter() if size is None else size}]"
        if kind == "port":
            message = f"vector input ports are not supported yet: '{text}'"
            hint = f"declare one scalar input port per element ({name}_0, {name}_1, ...)"
        elif kind == "declaration":
            message = f"vector declarations are not supported yet: '{text}'"
            hint = f"declare one scalar variable per element ({name}_0, {name}_1, ...)"
        else:
            message = f"indexed use of a vector is not supported yet: '{text}'"
            hint = "use scalar variables instead of vector elements"
        return ModelError(message, span=span_of(node, self.path), code="E191", construct=text, hint=hint)

    def _refuse_vectors(self) -> None:
        """Refuse the first vector construct in source order: a vector input port, a vector declaration
        (nestml 9 keeps the size on the declared variable) or an indexed use such as ``g_ex[1] = ...``."""
        from pynestml.visitors.ast_higher_order_visitor import ASTHigherOrderVisitor

        nodes: list[Any] = []
        self.ast.accept(ASTHigherOrderVisitor(nodes.append))
        found: list[tuple[Any, str, Any]] = []
        declared: set[int] = set()
        for node in nodes:
            kind = type(node).__name__
            if kind == "ASTDeclaration":
                declared.update(id(v) for v in node.get_variables())
                if node.has_size_parameter():
                    found += [(v, "declaration", node.get_size_parameter()) for v in node.get_variables()]
            elif kind == "ASTInputPort" and node.has_size_parameter():
                found.append((node, "port", node.get_size_parameter()))
        for node in nodes:
            if type(node).__name__ == "ASTVariable" and node.get_vector_parameter() is not None:
                found.append((node, "declaration" if id(node) in declared else "use", None))
        if found:
            node, kind, size = min(found, key=lambda f: (f[0].get_source_position().get_start_line(),
                                                         f[0].get_source_position().get_start_column()))
            raise self.refuse_vector(node, kind, size)

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
        if var.has_vector_parameter() or var.get_vector_parameter() is not None:
            raise self.refuse_vector(var)
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
        port = args[1].get_variable().get_name()
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
            name = var_name(var)
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
                target = var_name(a.get_variable())
                if target not in scope.symbols:
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
                    names = tuple(ident(a.get_variable().get_name()) for a in (call.get_args() or []))
                    return [ir.IntegrateOdes(vars=names, span=span)]
                if name == "emit_spike":
                    if call.get_args():
                        raise self.refuse(call, "emit_spike", "emit_spike() with arguments is not supported")
                    return [ir.EmitSpike(span=span)]
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
        raise self.refuse(stmt, "for", "for loops are not supported yet", "rewrite it as a while loop")

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
        self._refuse_vectors()
        for block in m.get_input_blocks():
            for port in block.get_input_ports():
                span = span_of(port, self.path)
                if port.is_spike():
                    sign = "excitatory" if port.is_excitatory() and not port.is_inhibitory() else \
                        "inhibitory" if port.is_inhibitory() and not port.is_excitatory() else "any"
                    self.spike_ports[port.get_name()] = ir.SpikePort(name=port.get_name(), sign=sign, span=span)
                else:
                    vtype, unit, scale = _data_type(port.get_datatype())
                    self.current_ports[port.get_name()] = ir.CurrentPort(name=port.get_name(), unit=unit,
                                                                         scale=scale, span=span)
        # names first, so that declarations can refer to each other in any order
        for blocks in (m.get_parameters_blocks(), m.get_state_blocks(), m.get_internals_blocks()):
            for block in blocks:
                for decl in block.get_declarations():
                    for var in decl.get_variables():
                        name = var_name(var)
                        self.scope.symbols[name] = sympy.Symbol(name)
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
            ir.OnReceive(port=b.get_port_name(), body=self.block(b.get_stmts_body(), self.scope.child({})),
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
            name=m.get_name(), source=str(self.path), parameters=tuple(parameters), state=tuple(state),
            internals=tuple(internals), inlines=tuple(inlines), odes=tuple(odes), kernels=tuple(kernels),
            convolutions=tuple(self.convolutions.values()), spike_ports=tuple(self.spike_ports.values()),
            current_ports=tuple(self.current_ports.values()), update=update, on_receive=on_receive,
            on_condition=on_condition, has_output=bool(m.get_output_blocks()), span=span_of(m, self.path))

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
                    odes.append(ir.Ode(var=lhs.get_name(), order=lhs.get_differential_order(),
                                       rhs=self.expr(decl.get_rhs()), span=span_of(decl, self.path)))
        return inlines, odes, kernels


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
