"""Synapse models the network language knows, and the checks of plastic projections and weight recorders.

So far the NEST built-in ``stdp_synapse`` (``synapse stdp from "nest:stdp_synapse" { ... }``): its parameters
with their units (NEST's ``nest.GetDefaults("stdp_synapse")``; ``Wmax`` bounds the weights, so it is in the weight
unit of the post-synaptic model, as the weights are). ``tau_minus``, the depression time constant, is given on the
synapse too (default 20 ms, NEST's): NEST keeps it on the post-synaptic neuron, so the nest target sets it on the
post-synaptic population, and all plastic synapses onto one population must agree on it (E261); sPyNNaker's
SpikePairRule takes it as a parameter. Shared by the .pnet reader and the Python builder.
"""
from __future__ import annotations

from portasnn.errors import Span
from portasnn.frontend.pnet.values import error
from portasnn.ir.network import Projection, Synapse
from portasnn.units import ONE, UNITS, Quantity, describe, ir_unit_name

WEIGHT_BOUND = "Wmax"  # the parameter in the weight's unit
# NEST built-in -> parameter -> unit (None: the weight's unit)
NEST_SYNAPSES: dict[str, dict[str, Quantity | None]] = {
    "stdp_synapse": {"tau_plus": UNITS["ms"], "tau_minus": UNITS["ms"], "lambda": ONE, "alpha": ONE, "mu_plus": ONE,
                     "mu_minus": ONE, WEIGHT_BOUND: None},
}
POSITIVE = {"tau_plus", "tau_minus"}
TAU_MINUS_DEFAULT = 20.0  # ms, NEST's default of a neuron's tau_minus


def nest_synapse(source: str, span: Span | None) -> str:
    """The NEST built-in named by ``source`` ("nest:stdp_synapse"); E241 for any other source."""
    known = ", ".join(f'"nest:{n}"' for n in NEST_SYNAPSES)
    if source.startswith("nest:") and source.removeprefix("nest:") in NEST_SYNAPSES:
        return source.removeprefix("nest:")
    if source.startswith("nestml:") or source.endswith(".nestml"):
        raise error("E241", f"NESTML synapse models are not supported yet ('{source}')", span,
                    hint=f"use a NEST built-in: {known}")
    raise error("E241", f"unknown synapse model '{source}'", span, hint=f"synapse models: {known}")


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
    if bound is None:
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
        seen = first.setdefault(proj.post, (proj, syn))
        if tau_minus(seen[1]) != tau_minus(syn):
            raise error("E261", f"plastic projections {seen[0].name} and {proj.name} onto population {proj.post} "
                        f"have different tau_minus ({tau_minus(seen[1])!r} ms in synapse {seen[1].key}, "
                        f"{tau_minus(syn)!r} ms in synapse {syn.key})", proj.synapse_span or proj.span,
                        hint="NEST keeps tau_minus on the post-synaptic neuron (and sPyNNaker one STDP rule per "
                        "population): give the synapses onto one population the same tau_minus")
