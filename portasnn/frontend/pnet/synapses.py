"""Synapse models the network language knows, and the checks of plastic projections and weight recorders.

NESTML synapse models (``synapse stdp from "nestml:stdp_synapse" { lambda = 0.01 }``, or a ``.nestml`` file): their
parameters by the names and units the model declares (plain numbers for ``real``, so weights and weight bounds are
in NEST's unit of the post-synaptic receptor, as NEST's status dictionary has them). And the NEST built-ins
``stdp_synapse`` (``synapse stdp from "nest:stdp_synapse" { ... }``) and its nearest-neighbour variants
(``stdp_nn_symm_synapse``, ``stdp_nn_pre_centered_synapse``, ``stdp_nn_restr_synapse``): their parameters
with their units (NEST's ``nest.GetDefaults("stdp_synapse")``; ``Wmax`` bounds the weights, so it is in the weight
unit of the post-synaptic model, as the weights are). ``tau_minus``, the depression time constant, is given on the
synapse too (default 20 ms, NEST's): NEST keeps it on the post-synaptic neuron, so the nest target sets it on the
post-synaptic population, and all plastic synapses onto one population must agree on it (E261); sPyNNaker's
SpikePairRule takes it as a parameter. Shared by the .pnet reader and the Python builder.
"""
from __future__ import annotations

import dataclasses
import functools
import sys
from pathlib import Path

from portasnn.errors import Span
from portasnn.frontend.pnet.values import error
from portasnn.ir import model as ir
from portasnn.ir.network import Projection, Synapse
from portasnn.ir.serialize import canonical_json
from portasnn.passes.synapse_roles import WEIGHT
from portasnn.units import ONE, UNITS, Quantity, describe, ir_unit_name, parse_unit

WEIGHT_BOUND = "Wmax"  # the parameter in the weight's unit
# NEST built-in -> parameter -> unit (None: the weight's unit)
_PAIR_STDP: dict[str, Quantity | None] = {"tau_plus": UNITS["ms"], "tau_minus": UNITS["ms"], "lambda": ONE,
                                          "alpha": ONE, "mu_plus": ONE, "mu_minus": ONE, WEIGHT_BOUND: None}
# NEST's pair STDP built-ins share stdp_synapse's parameters (and its neuron-side tau_minus)
NEST_SYNAPSES: dict[str, dict[str, Quantity | None]] = {
    name: _PAIR_STDP for name in ("stdp_synapse", "stdp_nn_symm_synapse", "stdp_nn_pre_centered_synapse",
                                  "stdp_nn_restr_synapse")}
POSITIVE = {"tau_plus", "tau_minus"}
TAU_MINUS_DEFAULT = 20.0  # ms, NEST's default of a neuron's tau_minus


def nest_synapse(source: str, span: Span | None) -> str:
    """The NEST built-in named by ``source`` ("nest:stdp_synapse", ...); E241 for any other source."""
    known = ", ".join(f'"nest:{n}"' for n in NEST_SYNAPSES)
    if source.startswith("nest:") and source.removeprefix("nest:") in NEST_SYNAPSES:
        return source.removeprefix("nest:")
    raise error("E241", f"unknown synapse model '{source}'", span,
                hint=f"synapse models: {known}, \"nestml:NAME\" (nestml's {', '.join(zoo_synapses())}) or a "
                ".nestml file")


def zoo_synapses() -> list[str]:
    """The synapse models nestml ships (``nestml:NAME``)."""
    return sorted(p.stem for p in nestml_synapse_path("x").parent.glob("*.nestml"))


def nestml_synapse_path(name: str) -> Path:
    """The NESTML file of a synapse model shipped with the nestml package."""
    return Path(sys.prefix) / "models" / "synapses" / f"{name}.nestml"


def nestml_synapse(source: str, base: Path, span: Span | None) -> tuple[Path, ir.Model]:
    """The file and the (unsolved) model of ``"nestml:NAME"`` or ``"file.nestml"`` (relative to ``base``)."""
    if source.startswith("nestml:"):
        path = nestml_synapse_path(source.removeprefix("nestml:"))
        if not path.is_file():
            raise error("E241", f"the nestml package ships no synapse model '{source.removeprefix('nestml:')}'",
                        span, hint="its synapse models: " + ", ".join(zoo_synapses()))
    else:
        path = base / source
        if not path.is_file():
            raise error("E241", f"synapse model file not found: {path}", span,
                        hint="the path is relative to the .pnet file")
    from portasnn.frontend.nestml import load_models

    from portasnn.passes import synapse_roles

    models = load_models(path)
    if len(models) != 1:
        raise error("E241", f"{path} defines {len(models)} models; a synapse file must define one", span)
    synapse_roles.apply(models[0])  # refuses what is not lowered (E263, E264), at the model's line
    return path.resolve(), models[0]


def nestml_parameter(model: ir.Model, name: str, span: Span | None) -> tuple[ir.Variable, Quantity]:
    """Parameter ``name`` of NESTML synapse ``model`` and its declared unit; E207 if it has none such."""
    if name == WEIGHT:
        raise error("E207", f"the weight '{WEIGHT}' of synapse model {model.name} is each connection's", span,
                    hint="give it with connect ..., weight = ...")
    for var in model.parameters:
        if var.name == name:
            return var, (parse_unit(var.unit) if var.unit else ONE)
    hint = "its parameters: " + ", ".join(v.name for v in model.parameters)
    if any(v.name == name for v in model.state):
        hint = f"'{name}' is a state variable of the synapse; " + hint
    raise error("E207", f"synapse model {model.name} has no parameter '{name}'", span, hint=hint)


def with_defaults(model: ir.Model, given: dict[str, float]) -> tuple[tuple[str, float], ...]:
    """Every parameter of NESTML synapse ``model`` with a numeric value, in its order: the ``given`` value, or the
    model's default (in the declared unit), so that a target never has to guess one."""
    out = []
    for var in model.parameters:
        if var.name == WEIGHT:
            continue  # the connection's weight (connect ..., weight = ...)
        if var.name in given:
            out.append((var.name, float(given[var.name])))
        elif var.value is not None and var.value.is_number:
            out.append((var.name, float(var.value / var.scale)))
    return tuple(out)


# nestml's synapse models the spinnaker targets lower (by their rule, whatever the parameter values)
KNOWN_RULES = ("stdp_synapse", "stdp_nn_symm_synapse", "stdp_nn_pre_centered_synapse", "stdp_nn_restr_symm_synapse",
               "stdp_triplet_synapse")


@functools.lru_cache(maxsize=None)
def _known_shape(name: str) -> str:
    from portasnn.frontend.nestml import load_models

    return _shape(load_models(nestml_synapse_path(name))[0])


def _shape(model: ir.Model) -> str:
    """The model without its name, file, docs, parameter values and the weight's initial value."""
    def bare(v: ir.Variable, value: bool = True) -> ir.Variable:
        return dataclasses.replace(v, doc="", value=v.value if value else None)

    bare_model = dataclasses.replace(
        model, name="", source="", parameters=tuple(bare(v, False) for v in model.parameters),
        state=tuple(bare(v, v.name != "w") for v in model.state))
    return canonical_json(bare_model, spans=False)


def rule_of(model: ir.Model) -> str:
    """The name of the nestml zoo model (``KNOWN_RULES``) that ``model`` is up to its parameter values, else "":
    "stdp_synapse" (all-to-all pair STDP, lowered onto sPyNNaker's SpikePairRule), one of the nearest-neighbour
    pair rules (lowered onto portasnn's own sPyNNaker timing dependences) or "stdp_triplet_synapse" (onto
    sPyNNaker's PfisterSpikeTriplet)."""
    shape = _shape(model)
    return next((name for name in KNOWN_RULES if shape == _known_shape(name)), "")


def parameter_unit(model: str, name: str, span: Span | None) -> Quantity | None:
    """The unit of parameter ``name`` of NEST synapse ``model`` (None: the weight's unit); E207 if unknown."""
    params = NEST_SYNAPSES[model]
    if name not in params:
        hint = "known parameters: " + ", ".join(sorted(params))
        raise error("E207", f"synapse model {model} has no parameter '{name}'", span, hint=hint)
    return params[name]


def check_value(model: str, name: str, value: float, span: Span | None) -> None:
    if name in POSITIVE and not value > 0:
        raise error("E216", f"{name} of {model} must be positive, got {value!r}", span)
    if name == WEIGHT_BOUND and value == 0:
        raise error("E216", f"{WEIGHT_BOUND} of {model} must not be 0 (weights are scaled by it)", span)


def unit_text(unit: Quantity | None) -> str:
    """The IR unit name of a weight unit ("" for plain numbers or not known)."""
    return "" if unit is None or unit.dimensionless else ir_unit_name(unit.dims)


def check_plastic(proj: Projection, syn: Synapse, post_model: str, weight_unit: Quantity | None,
                  sign: int | None) -> None:
    """A plastic projection fits its synapse: ``Wmax`` in the projection's weight unit (E243) and of the sign of
    its weights (E244, as NEST demands). ``weight_unit``: the post model's (None: not known, not checked)."""
    bound = syn.param(WEIGHT_BOUND)
    span = proj.synapse_span or proj.span
    if bound is None or syn.kind != "nest":
        return
    if weight_unit is not None and unit_text(weight_unit) != syn.weight_unit:
        wanted = describe(weight_unit.dims) if not weight_unit.dimensionless else "a plain number"
        raise error("E243", f"{WEIGHT_BOUND} of synapse {syn.key} is in {syn.weight_unit or 'no unit'}, but the "
                    f"weights of projection {proj.name} onto model {post_model} are {wanted}", span,
                    hint=f"write {WEIGHT_BOUND} in the weights' unit, e.g. {WEIGHT_BOUND} = 1 "
                    f"{unit_text(weight_unit)}".rstrip())
    if sign is not None and (bound > 0) != (sign > 0):
        raise error("E244", f"the weights of projection {proj.name} and {WEIGHT_BOUND} = {bound!r} of synapse "
                    f"{syn.key} have different signs", span,
                    hint="NEST's stdp_synapse keeps a weight between 0 and Wmax: for inhibitory weights (stored "
                    "negative) give a negative Wmax")


def tau_minus(syn: Synapse) -> float:
    """The depression time constant of ``syn`` in ms (NEST's default where not given)."""
    value = syn.param("tau_minus")
    return TAU_MINUS_DEFAULT if value is None else float(value)


def check_tau_minus(projections: list[tuple[Projection, Synapse]]) -> None:
    """All plastic projections onto one population agree on tau_minus (NEST keeps one per neuron): E261."""
    first: dict[str, tuple[Projection, Synapse]] = {}
    for proj, syn in projections:
        if syn.kind != "nest":
            continue  # a NESTML synapse keeps its post-synaptic time constants itself
        seen = first.setdefault(proj.post, (proj, syn))
        if tau_minus(seen[1]) != tau_minus(syn):
            raise error("E261", f"plastic projections {seen[0].name} and {proj.name} onto population {proj.post} "
                        f"have different tau_minus ({tau_minus(seen[1])!r} ms in synapse {seen[1].key}, "
                        f"{tau_minus(syn)!r} ms in synapse {syn.key})", proj.synapse_span or proj.span,
                        hint="NEST keeps tau_minus on the post-synaptic neuron (and sPyNNaker one STDP rule per "
                        "population): give the synapses onto one population the same tau_minus")
