"""Pass ``analyse_odes``: solve the model's ODEs with ODE-toolbox.

Linear (sub)systems get exact propagators (functions of the parameters and the step ``__h``,
computed once per resolution by the targets); if any part is non-linear, every ODE state is
also given to a numeric block (adaptive RK45, as NEST's built-ins do), while convolution
states keep their exact propagation. Kernels become ODE states (``K__X__port``, ``K__X__port__d``)
whose initial values are the jump per unit weight when a spike arrives. Delta kernels become
direct jumps of the state whose ODE they appear in. Propagators that are 0/0 for special parameter
values (equal time constants) get their limit form there (``portasnn.passes.singular``).
"""
from __future__ import annotations

import dataclasses
import logging

import sympy

from portasnn.errors import InternalError, ModelError
from portasnn.ir import model as ir
from portasnn.passes.singular import guard as guard_singular

NAME = "analyse_odes"
H = sympy.Symbol("__h")
SIMPLIFY = "expr"


def _ode_name(symbol_name: str) -> str:
    """IR derivative names (``x__d``) in ODE-toolbox's notation (``x'``)."""
    base, *ticks = symbol_name.split("__d")
    return base + "'" * len(ticks) if all(t == "" for t in ticks) else symbol_name


def _text(expr: sympy.Expr, derivs: dict[str, str]) -> str:
    expr = expr.xreplace({sympy.Symbol(k): sympy.Symbol(v) for k, v in derivs.items()})
    return sympy.sstr(expr, full_prec=True)


def apply(model: ir.Model) -> ir.Model:
    """Return ``model`` with ``solution`` filled in."""
    if not model.odes and not model.convolutions:
        return dataclasses.replace(model, solution=ir.OdeSolution())
    import odetoolbox

    kernels = {k.name: k for k in model.kernels}
    delta_convs = {c.name for c in model.convolutions
                   if kernels[c.kernel].expr is not None and kernels[c.kernel].expr.has(sympy.DiracDelta)}
    jumps: list[tuple[str, str, sympy.Expr]] = []
    odes: list[ir.Ode] = []
    for ode in model.odes:
        rhs = ode.rhs
        for conv in model.convolutions:
            if conv.name in delta_convs and rhs.has(sympy.Symbol(conv.name)):
                sym = sympy.Symbol(conv.name)
                coeff = sympy.diff(rhs, sym)
                if coeff.has(sym):
                    raise ModelError(f"a delta-kernel convolution must enter '{ode.var}' linearly", span=ode.span,
                                     code="E160", construct=conv.name)
                if ode.order != 1:
                    raise ModelError("delta-kernel convolutions are supported in first-order ODEs only",
                                     span=ode.span, code="E160", construct=conv.name)
                jumps.append((ode.var, conv.port, sympy.simplify(coeff)))
                rhs = rhs.subs(sym, 0)
        odes.append(dataclasses.replace(ode, rhs=rhs))

    state_names = {v.name for v in model.state}
    derivs = {}
    dynamics = []
    for ode in odes:
        inits = {}
        for k in range(ode.order):
            name = ode.var + "__d" * k
            derivs[name] = ode.var + "'" * k
            if name not in state_names:
                raise ModelError(f"'{ode.var}' has an ODE of order {ode.order} but '{_ode_name(name)}' is not declared "
                                 "in the state block", span=ode.span, code="E161", construct=ode.var)
            var = model.variable(name)
            inits[derivs[name]] = _text(var.value if var.value is not None else sympy.Integer(0), derivs)
        lhs = ode.var + "'" * ode.order
        dynamics.append({"expression": f"{lhs} = {_text(ode.rhs, derivs)}", "initial_values": inits})
    conv_bases: dict[str, tuple[str, str]] = {}  # state base name -> (convolution, port)
    for conv in model.convolutions:
        if conv.name in delta_convs:
            continue
        kernel = kernels[conv.kernel]
        if kernel.expr is not None:
            conv_bases[conv.name] = (conv.name, conv.port)
            dynamics.append({"expression": f"{conv.name} = {_text(kernel.expr, derivs)}", "initial_values": {}})
            continue
        rename = {sympy.Symbol(o.var): sympy.Symbol(f"{o.var}__X__{conv.port}") for o in kernel.odes}
        for o in kernel.odes:
            target = f"{o.var}__X__{conv.port}"
            conv_bases[target] = (conv.name, conv.port)
            inits = {}
            for k in range(o.order):
                try:
                    declared = model.variable(o.var + "__d" * k)
                except KeyError:
                    raise ModelError(f"the kernel variable '{o.var}' needs an initial value in the state block",
                                     span=o.span, code="E163", construct=o.var) from None
                value = declared.value if declared.value is not None else sympy.Integer(0)
                inits[target + "'" * k] = _text(value.xreplace(rename), derivs)
            rhs = o.rhs.xreplace(rename)
            dynamics.append({"expression": f"{target}{chr(39) * o.order} = {_text(rhs, derivs)}",
                             "initial_values": inits})
    if not dynamics:
        return dataclasses.replace(model, solution=ir.OdeSolution(spike_jumps=tuple(jumps)), odes=tuple(odes))

    # no rewriting of ODE-toolbox's output: sympy.simplify (its default) and even expand/powsimp take
    # minutes on Hodgkin-Huxley right-hand sides; propagators are computed once per resolution, and the
    # NEST lowering collects and hoists the update expressions itself
    indict = {"dynamics": dynamics, "options": {"output_timestep_symbol": "__h", "simplify_expression": SIMPLIFY}}
    solvers = _analysis(indict, odetoolbox, model, disable_analytic=False)
    analytic = [s for s in solvers if s["solver"] == "analytical"]
    numeric = [s for s in solvers if s["solver"].startswith("numeric")]
    if numeric:
        numeric = [s for s in _analysis(indict, odetoolbox, model, disable_analytic=True)
                   if s["solver"].startswith("numeric")]

    names = _symbol_table(model, solvers + numeric)
    blocks = []
    conv_states: set[str] = set()
    for solver in analytic:
        props = tuple((k, guard_singular(_parse(v, names))) for k, v in sorted(solver["propagators"].items()))
        update = tuple((s, _parse(solver["update_expressions"][s], names)) for s in solver["state_variables"])
        blocks.append(ir.AnalyticBlock(states=tuple(solver["state_variables"]), propagators=props, update=update))
    numeric_block = None
    if numeric:
        solver = numeric[0]
        numeric_block = ir.NumericBlock(
            states=tuple(solver["state_variables"]),
            # expanded: ODE-toolbox returns these in a form that varies from run to run (hash order)
            rhs=tuple((s, sympy.expand(_parse(solver["update_expressions"][s], names)))
                      for s in solver["state_variables"]))
    for solver in solvers + numeric:
        for state, init in solver.get("initial_values", {}).items():
            base = state
            while base not in conv_bases and base.endswith("__d"):
                base = base[:-3]
            if base not in conv_bases:
                continue
            conv_states.add(state)
            value = _parse(init, names)
            port = conv_bases[base][1]
            if value != 0 and (state, port) not in {(s, p) for s, p, _ in jumps}:
                jumps.append((state, port, value))
    # convolution states become state variables of the model
    extra = tuple(ir.Variable(name=s, type="real", unit="", value=sympy.Integer(0), span=None)
                  for s in sorted(conv_states) if s not in state_names)
    solution = ir.OdeSolution(analytic=tuple(blocks), numeric=numeric_block, spike_jumps=tuple(jumps),
                              conv_states=tuple(sorted(conv_states)))
    return dataclasses.replace(model, odes=tuple(odes), state=model.state + extra, solution=solution)


def _analysis(indict: dict, odetoolbox, model: ir.Model, *, disable_analytic: bool) -> list[dict]:
    logging.getLogger("odetoolbox").setLevel(logging.ERROR)
    try:
        return odetoolbox.analysis(indict, disable_stiffness_check=True, disable_analytic_solver=disable_analytic,
                                   disable_singularity_detection=True, log_level="ERROR")
    except Exception as exc:  # ODE-toolbox raises plain exceptions for unsolvable input
        raise ModelError(f"ODE-toolbox could not analyse the equations: {exc}", span=model.span, code="E162",
                         construct="equations") from None


def _symbol_table(model: ir.Model, solvers: list[dict]) -> dict[str, sympy.Basic]:
    names: dict[str, sympy.Basic] = {"e": sympy.E, "E": sympy.E, "Min": sympy.Min, "Max": sympy.Max,
                                     "Heaviside": sympy.Heaviside, "Piecewise": sympy.Piecewise}
    for solver in solvers:
        for key in list(solver.get("propagators", {})) + list(solver.get("state_variables", [])):
            names[key] = sympy.Symbol(key)
    for group in (model.parameters, model.state, model.internals):
        for var in group:
            names[var.name] = sympy.Symbol(var.name)
    for port in model.current_ports:
        names[port.name] = sympy.Symbol(port.name)
    names["__h"] = H
    names["t"] = sympy.Symbol("t")
    return names


def _parse(text: str, names: dict[str, sympy.Basic]) -> sympy.Expr:
    try:
        return sympy.sympify(text, locals=names)
    except (sympy.SympifyError, SyntaxError, TypeError) as exc:
        raise InternalError(f"cannot read ODE-toolbox output {text!r}: {exc}") from None
