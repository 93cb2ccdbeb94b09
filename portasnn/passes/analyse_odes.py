"""Pass ``analyse_odes``: solve the model's ODEs with ODE-toolbox.

Linear (sub)systems get exact propagators (functions of the parameters and the step ``__h``,
computed once per resolution by the targets); if any part is non-linear, every ODE state is
also given to a numeric block (adaptive RK45, as NEST's built-ins do), while convolution
states keep their exact propagation. Kernels become ODE states (``K__X__port``, ``K__X__port__d``)
whose initial values are the jump per unit weight when a spike arrives. Delta kernels become
direct jumps of the state whose ODE they appear in. Propagators that are 0/0 for special parameter
values (equal time constants) get their limit form there (``portasnn.passes.singular``).
ODE-toolbox 9.0 leaves a linear system with constant coefficients to the numeric block when one of its
states depends on another inhomogeneous one (an adaptive LIF's ``V_m`` and ``w``); targets without an
adaptive solver solve such a block exactly (``portasnn.targets.spinnaker.linear``: a matrix exponential evaluated
on the host), NEST integrates it as ODE-toolbox says.
"""
from __future__ import annotations

import dataclasses
import logging
import re

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
                                     code="E164", construct=conv.name)
                if ode.order != 1:
                    raise ModelError("delta-kernel convolutions are supported in first-order ODEs only",
                                     span=ode.span, code="E164", construct=conv.name)
                jumps.append((ode.var, conv.port, sympy.simplify(coeff)))
                rhs = rhs.subs(sym, 0)
        odes.append(dataclasses.replace(ode, rhs=rhs))

    state_names = {v.name for v in model.state}
    derivs = {}
    dynamics = []
    origins: dict[str, tuple[ir.Ode | ir.Kernel, str]] = {}  # ODE-toolbox symbol -> (source equation, kind)
    for ode in odes:
        origins[ode.var] = (ode, "ode")
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
            origins[conv.name] = (kernel, "kernel")
            dynamics.append({"expression": f"{conv.name} = {_text(kernel.expr, derivs)}", "initial_values": {}})
            continue
        # the kernel's variables and their derivatives (``g``, ``g__d`` for g') become the convolution's states
        rename = {sympy.Symbol(o.var + "__d" * k): sympy.Symbol(f"{o.var}__X__{conv.port}" + "'" * k)
                  for o in kernel.odes for k in range(o.order)}
        for o in kernel.odes:
            target = f"{o.var}__X__{conv.port}"
            conv_bases[target] = (conv.name, conv.port)
            origins[target] = (o, "kernel")
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
    solvers = _analysis(indict, odetoolbox, model, origins, disable_analytic=False)
    analytic = [s for s in solvers if s["solver"] == "analytical"]
    numeric = [s for s in solvers if s["solver"].startswith("numeric")]
    if numeric:
        numeric = [s for s in _analysis(indict, odetoolbox, model, origins, disable_analytic=True)
                   if s["solver"].startswith("numeric")]

    names = _symbol_table(model, solvers + numeric)
    blocks = []
    conv_states: set[str] = set()
    for solver in analytic:
        # factored first: ODE-toolbox returns propagators of coupled kernels in a form that varies from run to
        # run (hash order); factor() is canonical and keeps singular factors such as (tau_m - tau_syn)**2
        # whole (expand() would multiply them out, and the guard below could no longer find them); then
        # removable singularities (equal time constants) get their limit form
        props = tuple((k, guard_singular(sympy.factor(_parse(v, names))))
                      for k, v in sorted(solver["propagators"].items()))
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


class _Captured(logging.Handler):
    """Keeps ODE-toolbox's error messages (it logs some failures, then calls sys.exit)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _analysis(indict: dict, odetoolbox, model: ir.Model, origins: dict[str, tuple[ir.Ode | ir.Kernel, str]], *,
              disable_analytic: bool) -> list[dict]:
    logger = logging.getLogger("odetoolbox")
    captured = _Captured()
    propagate, level = logger.propagate, logger.level
    logger.addHandler(captured)
    logger.propagate = False  # ODE-toolbox's basicConfig would print to stderr
    try:
        return odetoolbox.analysis(indict, disable_stiffness_check=True, disable_analytic_solver=disable_analytic,
                                   disable_singularity_detection=True, log_level="ERROR")
    except (Exception, SystemExit) as exc:  # ODE-toolbox raises plain exceptions, or logs and exits, on bad input
        detail = "; ".join(captured.messages) or str(exc) or type(exc).__name__
        raise _failure(detail, model, origins) from None
    finally:
        logger.removeHandler(captured)
        logger.propagate = propagate
        logger.setLevel(level)


def _failure(detail: str, model: ir.Model, origins: dict[str, tuple[ir.Ode | ir.Kernel, str]]) -> ModelError:
    """An ODE-toolbox failure as a user error at the equation it names (the model's span if it names none)."""
    found = None
    for name in sorted(origins, key=len, reverse=True):
        if re.search(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])", detail):
            found = name
            break
    detail = detail.rstrip(".")
    if found is None:
        return ModelError(f"ODE-toolbox could not analyse the equations: {detail}", span=model.span, code="E162",
                          construct="equations", hint="check the equations block against the ODE-toolbox "
                                                      "documentation (linear or non-linear first-order systems)")
    source, kind = origins[found]
    var = source.var if isinstance(source, ir.Ode) else source.name
    order = source.order if isinstance(source, ir.Ode) else 0
    what = f"the kernel '{var}'" if kind == "kernel" else f"the ODE for '{var}'"
    shown = detail.replace(found, var)
    hint = "ODE-toolbox solves first-order systems and homogeneous higher-order equations"
    if "higher-order inhomogeneous" in detail:
        shown = (f"it is of order {order} and inhomogeneous (it has a term that does not depend on the state), "
                 "which ODE-toolbox does not support") if order > 1 else shown
        if kind == "kernel":
            hint = (f"write the kernel as a system of first-order ODEs, e.g. \"kernel {var}' = -{var} / tau_decay + h, "
                    f"h' = -h / tau_rise\" with {var} and h in the state block, or in closed form, e.g. "
                    f"\"kernel {var} = exp(-t / tau_decay) - exp(-t / tau_rise)\"")
        else:
            hint = (f"write it as first-order ODEs: a state variable for each derivative, e.g. "
                    f"\"{var}' = {var}_dot\" and \"{var}_dot' = ...\", each with an initial value in the state block")
    return ModelError(f"ODE-toolbox cannot solve {what}: {shown}", span=source.span, code="E162",
                      construct=var, hint=hint)


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
