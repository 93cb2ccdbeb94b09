"""Lower a network IR to a standalone PyNEST script, and run that script in-process.

``lower_network(net, models)`` is pure: it checks the network against what each NEST model
offers (``ModelInfo``), builds a small view model and renders
``templates/network_script.py.j2``. ``model_infos(program, recipe)`` gives that information: for
NESTML models from their IR and the module the target lowered them into, for NEST built-ins from the
installed NEST. ``run_script`` writes the script into the results directory, imports it and calls
its ``main``, so the file a user sees is exactly what ran.
"""
from __future__ import annotations

import importlib.util
import json
import math
import pprint
import re
import shlex
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping


from portasnn.errors import InternalError, NetworkError, Span, ToolError, UsageError, warn
from portasnn.nonfinite import non_finite_error
from portasnn.ir.network import ArrayFile, Distribution, Network, Projection, Recorder, Stimulus, Value
from portasnn.targets.nest.render import render

ProgressCallback = Callable[[float, float], None]

# connection rule of the IR -> NEST rule name and the IR parameter -> NEST key
_RULES: dict[str, tuple[str, dict[str, str]]] = {
    "all_to_all": ("all_to_all", {}),
    "one_to_one": ("one_to_one", {}),
    "fixed_indegree": ("fixed_indegree", {"indegree": "indegree"}),
    "fixed_outdegree": ("fixed_outdegree", {"outdegree": "outdegree"}),
    "fixed_probability": ("pairwise_bernoulli", {"p": "p"}),
    "fixed_total_number": ("fixed_total_number", {"n": "N"}),
}

# stimulus kind -> NEST device and IR parameter -> NEST parameter
_STIMULI: dict[str, tuple[str, dict[str, str]]] = {
    "poisson": ("poisson_generator", {"rate": "rate", "start": "start", "stop": "stop"}),
    "dc": ("dc_generator", {"amplitude": "amplitude", "start": "start", "stop": "stop"}),
    "step": ("step_current_generator", {"times": "amplitude_times", "amplitudes": "amplitude_values"}),
    "spike_times": ("spike_generator", {"times": "spike_times", "weights": "spike_weights"}),
    "ac": ("ac_generator", {"amplitude": "amplitude", "offset": "offset", "frequency": "frequency", "phase": "phase",
                            "start": "start", "stop": "stop"}),
    "noise": ("noise_generator", {"mean": "mean", "stdev": "std", "dt": "dt", "start": "start", "stop": "stop"}),
}
_SPIKE_SOURCES = {"poisson", "spike_times"}

# units of state variables by NEST's naming convention, for trace files (IR unit system)
_TRACE_UNITS = (("V_", "mV"), ("E_", "mV"), ("I_", "pA"), ("g_", "nS"), ("w", "pA"), ("refr_t", "ms"))



@dataclass(frozen=True, slots=True, kw_only=True)
class ModelInfo:
    """What the lowering needs to know about one NEST model a network uses."""

    nest_name: str  # the name registered in NEST (NESTML models: the built name, with its hash)
    params: frozenset[str]  # parameters and state variables settable through nest.Create
    recordables: frozenset[str] = frozenset()
    receptor_types: Mapping[str, int] = field(default_factory=dict)
    current_receptors: Mapping[str, int] = field(default_factory=dict)  # current input ports by name -> rport
    module_name: str | None = None  # NESTML models: the extension module that registers the model
    module_path: str | None = None  # its absolute .so path, embedded in the script
    post_traces: tuple[str, ...] = ()  # NESTML synapse models: their post-synaptic traces (SynapseModel.post_traces)


@dataclass(frozen=True, slots=True)
class NestScript:
    """A rendered PyNEST script."""

    network: str
    filename: str
    text: str


# ---------------------------------------------------------------------------------------------- lowering


def lower_network(net: Network, models: Mapping[str, ModelInfo]) -> NestScript:
    """Render ``net`` as a standalone PyNEST script; ``models`` maps each ModelRef key to its NEST facts."""
    view = _view(net, models)
    text = render("network_script.py.j2", **view)
    return NestScript(network=net.name, filename=script_filename(net), text=text)


def script_filename(net: Network) -> str:
    return f"run_{_ident(net.name)}.py"


def _view(net: Network, models: Mapping[str, ModelInfo]) -> dict:
    import portasnn

    sim = net.simulation
    if sim.resolution <= 0 or sim.duration <= 0:
        raise NetworkError("simulation duration and resolution must be positive", span=sim.span, code="E216",
                           construct="simulation")
    pops = []
    for pop in net.populations:
        info = _model_info(net, pop.model, models, pop.span)
        if pop.size < 1:
            raise NetworkError(f"population {pop.name} has size {pop.size}", span=pop.span, code="E300",
                               construct=f"population {pop.name}", hint="a population needs at least one neuron")
        values = []
        ref = net.model(pop.model)
        given = (*pop.params, *pop.initial) if ref.kind != "pynn" else pynn_settings(ref, pop)
        for name, value in given:
            if name not in info.params:
                raise NetworkError(f"model '{net.model(pop.model).name}' has no parameter or state '{name}'",
                                   span=pop.span, code="E207", construct=f"population {pop.name}",
                                   hint="known: " + ", ".join(sorted(info.params)))
            values.append((name, _expr(value, f"population {pop.name}: {name}", pop.span, scalar=True)))
        pops.append({"name": pop.name, "var": _var(pop.name), "model": info.nest_name, "size": pop.size,
                     "model_label": net.model(pop.model).name, "settings": values})
    used: dict[tuple[str, str], set[str]] = {}
    for info in models.values():
        if info.module_path:
            used.setdefault((info.module_name or "", info.module_path), set()).add(info.nest_name)
    modules = [(name, path, sorted(names)) for (name, path), names in sorted(used.items())]
    projections = [_projection(net, p, models, k) for k, p in enumerate(net.projections, start=1)]
    stimuli = [_stimulus(net, s, models) for s in net.stimuli]
    _unique_keys(stimuli)
    spike_recs, trace_recs = _recorders(net, net.recorders, models)
    trace_names = _pynn_traces(net, trace_recs)
    _unique_keys(trace_recs)
    synapses = _shared_synapses([*projections, *stimuli])
    plastic = [c["plastic"] for c in projections if c.get("plastic")]
    weight_recs = _weight_recorders(net, projections)
    return {
        "net": net,
        "version": portasnn.__version__,
        "source": Path(net.source).name if net.source else "a network built in Python",
        "filename": script_filename(net),
        "duration": float(sim.duration),
        "resolution": float(sim.resolution),
        "seed": int(sim.seed),
        "vps": int(sim.threads) * int(sim.processes),
        "threads": int(sim.threads),
        "processes": int(sim.processes),
        "modules": modules,
        "populations": pops,
        "synapses": synapses,
        "plastic_synapses": plastic,
        "weight_recorders": weight_recs,
        "weight_trajectories": _weight_trajectories(net),
        "synapse_models": _synapse_models(net, models),
        "projections": projections,
        "array_files": any(isinstance(v, ArrayFile) for pop in net.populations for _, v in (*pop.params, *pop.initial)),
        "conductances": any("conductance(" in text for pop in pops for _, text in pop["settings"]),
        "stimuli": stimuli,
        "spike_recorders": spike_recs,
        "trace_recorders": trace_recs,
        "trace_names": trace_names,
    }


@dataclass(frozen=True)
class Conductance:
    """``g_L = cm / tau_m`` of each neuron (pyNN.nest's translation of a conductance-based cell's tau_m) where cm or
    tau_m is per neuron (a file): the script computes it (``conductance(...)``)."""

    c_m: Value
    tau_m: Value


def pynn_settings(ref, pop) -> list[tuple[str, Value]]:  # noqa: ANN001
    """A population of a PyNN standard cell type as pyNN.nest creates it (issue 14 item 5): every parameter and
    initial value, PyNN's default where the population gives none, under NEST's name (the IR units are NEST's);
    ``tau_m`` of a conductance-based cell becomes ``g_L = C_m / tau_m`` (per neuron where either is; not from
    values NEST draws)."""
    from portasnn.ir.pynn_cells import CELL_TYPES

    cell = CELL_TYPES[ref.name]
    given = {**dict(pop.params), **dict(pop.initial)}
    values: dict[str, Value] = {**cell.defaults, **given}
    out = []
    for name, value in values.items():
        nest_name = cell.nest_names.get(name)
        if nest_name is None:  # a state NEST starts at 0 and does not let a script set
            if name in given and value != 0:
                raise NetworkError(f"population {pop.name}: NEST's {cell.nest_model} starts '{name}' at 0 and "
                                   "cannot set it", span=pop.span, code="E282", construct=f"population {pop.name}",
                                   hint=f"leave out '{name}' (it starts at 0 on every target)")
            continue
        if nest_name == "g_L" and name == "tau_m":
            tau_m, c_m = value, values["cm"]
            if isinstance(tau_m, Distribution) or isinstance(c_m, Distribution):
                raise NetworkError(f"population {pop.name}: {ref.name} takes tau_m to NEST's g_L = cm / tau_m, "
                                   "which cannot be computed from values NEST draws", span=pop.span, code="E281",
                                   construct=f"population {pop.name}",
                                   hint="give tau_m and cm as constants or per-neuron values from a file")
            if isinstance(tau_m, ArrayFile) or isinstance(c_m, ArrayFile):
                value = Conductance(c_m, tau_m)
            else:  # pyNN.nest's order (nF / ms * 1000): the same double
                value = float(c_m) / 1000.0 / float(tau_m) * 1000.0
        out.append((nest_name, value))
    return out


def _pynn_traces(net: Network, trace_recs: list[dict]) -> dict[str, str]:
    """Recorded variables of PyNN cell types by their NEST names (``population|NEST name`` -> PyNN name), so
    that the results keep PyNN's names (v, isyn_exc, gsyn_exc, ...)."""
    from portasnn.ir.pynn_cells import CELL_TYPES

    names: dict[str, str] = {}
    for rec in trace_recs:
        ref = net.model(net.population(rec["pop"]).model)
        if ref.kind != "pynn":
            continue
        cell = CELL_TYPES[ref.name]
        nest_vars = [cell.recordables[v] for v in rec["variables"]]
        names.update({f"{rec['pop']}|{n}": v for n, v in zip(nest_vars, rec["variables"])})
        rec["units"] = {cell.recordables[v]: cell.unit_of(v) for v in rec["variables"]}
        rec["variables"] = nest_vars
    return names


def _model_info(net: Network, key: str, models: Mapping[str, ModelInfo], span: Span | None) -> ModelInfo:
    try:
        return models[key]
    except KeyError:
        raise NetworkError(f"unknown model '{key}'", span=span, code="E303") from None


def _projection(net: Network, proj: Projection, models: Mapping[str, ModelInfo], index: int) -> dict:
    plastic = None
    if proj.plastic:
        try:
            syn = net.synapse(proj.synapse)
        except KeyError:
            raise NetworkError(f"the nest target lowers static synapses and declared NEST synapse models, not "
                               f"'{proj.synapse}'", span=proj.synapse_span or proj.span, code="E304",
                               construct=f"projection {proj.name}") from None
        # one copy per projection, so that its connections (and their weights) can be told apart
        base = syn.name if syn.kind == "nest" else models[synapse_key(syn.key)].nest_name
        origin = f"NEST's {base}" if syn.kind == "nest" else f"{base}, generated from NESTML's {syn.name}"
        plastic = {"name": f"{syn.name}_{index}", "base": base, "origin": origin, "synapse": syn.key,
                   "projection": proj.name,
                   "params": [(k, repr(float(v))) for k, v in syn.params if k != "tau_minus" or syn.kind != "nest"],
                   "tau_minus": None if syn.param("tau_minus") is None or syn.kind != "nest"
                   else repr(float(syn.param("tau_minus"))),
                   "post": _var(proj.post)}
    post = net.population(proj.post)
    if proj.data is not None:
        return _file_projection(net, proj, models, plastic)
    rule, keys = _RULES[proj.connector.rule]
    conn = {"rule": json.dumps(rule)}
    for name, value in proj.connector.params:
        if name not in keys:
            raise NetworkError(f"rule {proj.connector.rule} takes no parameter '{name}'", span=proj.span,
                               code="E305", construct=f"projection {proj.name}")
        conn[keys[name]] = repr(value)
    conn["allow_autapses"] = repr(bool(proj.connector.allow_autapses))
    conn["allow_multapses"] = repr(bool(proj.connector.allow_multapses))
    syn = _syn_spec(net, post.model, proj.weight, proj.delay, proj.receptor, models, proj.span,
                    f"projection {proj.name}")
    if plastic is not None:
        syn["synapse_model"] = json.dumps(plastic["name"])
    label = "" if proj.name == f"{proj.pre}->{proj.post}" else f" ({proj.name})"
    return {"name": proj.name, "label": label, "pre": _var(proj.pre), "post": _var(proj.post), "conn": conn,
            "syn": syn, "pre_name": proj.pre, "post_name": proj.post, "rule": proj.connector.rule,
            "plastic": plastic, "file": None}


def _file_projection(net: Network, proj: Projection, models: Mapping[str, ModelInfo], plastic: dict | None) -> dict:
    """A ``from_file`` projection: the script reads the connection file (checking its sha256) and connects the
    listed pairs one to one from arrays of node ids, weights and delays per connection (issue 16 item 2)."""
    data = proj.data
    assert data is not None
    delay = proj.delay if data.count else net.simulation.resolution  # an empty file connects nothing
    syn = _syn_spec(net, net.population(proj.post).model, proj.weight, delay, proj.receptor, models, proj.span,
                    f"projection {proj.name}")
    syn["weight"] = "conn[\"weight\"]" if data.weights else f"np.full(conn[\"n\"], {syn['weight']})"
    syn["delay"] = "conn[\"delay\"]" if data.delays else f"np.full(conn[\"n\"], {syn['delay']})"
    if plastic is not None:
        syn["synapse_model"] = json.dumps(plastic["name"])
    label = "" if proj.name == f"{proj.pre}->{proj.post}" else f" ({proj.name})"
    source = data.source or data.path
    return {"name": proj.name, "label": label, "pre": _var(proj.pre), "post": _var(proj.post), "conn": {},
            "syn": syn, "pre_name": proj.pre, "post_name": proj.post, "rule": f"from_file {data.path}",
            "plastic": plastic, "file": {"path": json.dumps(source), "sha256": json.dumps(data.sha256),
                                         "factor": repr(float(data.weight_factor)), "count": data.count}}


def _synapse_models(net: Network, models: Mapping[str, ModelInfo]) -> str:
    """The NESTML synapse declarations as a Python literal for the script (recorded in meta.json), or ""."""
    found = {syn.key: {"model": syn.name, "source": syn.path, "nest_model": models[synapse_key(syn.key)].nest_name,
                       "post_traces": list(models[synapse_key(syn.key)].post_traces)}
             for syn in net.synapses if syn.kind == "nestml"}
    return pprint.pformat(found, sort_dicts=False) if found else ""


def _weight_recorders(net: Network, projections: list[dict]) -> list[dict]:
    """``record weights of ...``: the projection's populations, its synapse model copy and the weights' unit."""
    by_name = {c["name"]: c for c in projections}
    out = []
    for rec in net.weight_recorders:
        c = by_name.get(rec.projection)
        if c is None or not c.get("plastic"):
            raise InternalError(f"recorder {rec.name}: projection '{rec.projection}' is not a plastic projection of "
                                "the network (the network checks should have refused it)")
        out.append({"key": json.dumps(f"{c['pre_name']}__{c['post_name']}"), "projection": json.dumps(c["name"]),
                    "pre": c["pre"], "post": c["post"], "model": json.dumps(c["plastic"]["name"]),
                    "unit": json.dumps(rec.unit)})
    return out


def _weight_trajectories(net: Network) -> list[dict]:
    """``record weights of ... every ...``: per recorder its interval in steps and its post-synaptic subset."""
    res = net.simulation.resolution
    return [{"key": json.dumps(f"{p.pre}__{p.post}"), "steps": int(round(rec.interval / res)),
             "subset": None if rec.subset is None else list(rec.subset)}
            for rec in net.weight_recorders if rec.interval is not None
            for p in net.projections if p.name == rec.projection]


def _syn_spec(net: Network, model_key: str, weight: Value, delay: Value, receptor: str,
              models: Mapping[str, ModelInfo], span: Span | None, what: str) -> dict[str, str]:
    syn = {"synapse_model": json.dumps("static_synapse"), "weight": _expr(weight, f"{what}: weight", span, scalar=True),
           "delay": _expr(delay, f"{what}: delay", span, scalar=True)}
    if isinstance(delay, (int, float)) and delay < net.simulation.resolution:
        raise NetworkError(f"delay {delay} ms is below the resolution {net.simulation.resolution} ms", span=span,
                           code="E306", construct=what, hint="use a delay of at least one time step")
    rtype = _receptor_type(net, model_key, receptor, models, span, what)
    if rtype is not None:
        syn["receptor_type"] = repr(rtype)
    return syn


# copies of static_synapse with constant weight and delay, at most: NEST 3.10 holds 511 synapse models in all (its
# own and NESTML's among them); a network of many distinct pairs (e.g. a Poisson input per neuron, each with its
# own delay) gives the rest their weight and delay in the syn_spec
MAX_SYNAPSE_COPIES = 256


def _shared_synapses(items: list[dict]) -> list[tuple[str, str, str]]:
    """Constant weights and delays become defaults of copied static synapse models (one per distinct pair):
    NEST connects faster from model defaults than from values in each syn_spec. Returns the copies."""
    copies: dict[tuple[str, str], str] = {}
    for item in items:
        syn = item["syn"]
        item["note"] = ""
        if "weight" not in syn or "nest." in syn["weight"] + syn["delay"] or item.get("plastic") or item.get("file"):
            continue
        pair = (syn["weight"], syn["delay"])
        if pair not in copies and len(copies) >= MAX_SYNAPSE_COPIES:
            continue  # NEST holds at most 511 synapse models: the rest keep their values in the syn_spec
        del syn["weight"], syn["delay"]
        item["note"] = f", weight {pair[0]}, delay {pair[1]} ms"
        name = copies.setdefault(pair, f"static_syn_{len(copies) + 1}")
        syn["synapse_model"] = json.dumps(name)
    return [(name, weight, delay) for (weight, delay), name in copies.items()]


def _receptor_type(net: Network, model_key: str, receptor: str, models: Mapping[str, ModelInfo],
                   span: Span | None, what: str, current: bool = False) -> int | None:
    """NEST routes excitatory/inhibitory by the weight's sign (receptor 0); a named port maps to its id (a
    current input port, for ``current``, to its rport)."""
    info = models[model_key]
    ports = dict(info.current_receptors if current else info.receptor_types)
    if receptor in ("excitatory", "inhibitory"):
        if len(ports) > 1:
            raise NetworkError(f"model '{net.model(model_key).name}' has several input ports ({', '.join(ports)}); "
                               f"'{receptor}' does not say which one", span=span, code="E307", construct=what,
                               hint="name the port as the receptor")
        return None
    for name, rid in ports.items():
        if name == receptor or name.lower() == receptor.lower():
            return int(rid)
    raise NetworkError(f"model '{net.model(model_key).name}' has no input port '{receptor}'", span=span, code="E308",
                       construct=what, hint=("ports: " + ", ".join(ports)) if ports else
                       "this model has one spike input: use receptor excitatory or inhibitory")


def _stimulus(net: Network, stim: Stimulus, models: Mapping[str, ModelInfo]) -> dict:
    device, keys = _STIMULI[stim.kind]
    what = f"stimulus {stim.name}"
    params = []
    for name, value in _current_onset(stim, net.simulation.resolution, what):
        if name not in keys:
            raise NetworkError(f"a {stim.kind} stimulus has no parameter '{name}'", span=stim.span, code="E309",
                               construct=what, hint="known: " + ", ".join(keys))
        if isinstance(value, Distribution):
            raise NetworkError(f"a stimulus parameter cannot be random ('{name}')", span=stim.span, code="E331",
                               construct=what)
        params.append((keys[name], _expr(value, f"{what}: {name}", stim.span, scalar=False)))
    post = net.population(stim.target)
    _check_subset(stim.subset, post.size, stim.span, what)
    times = dict(stim.params).get("times", ()) if stim.kind == "spike_times" else ()
    if isinstance(times, tuple) and any(isinstance(t, (int, float)) and t <= 0 for t in times):
        raise NetworkError(f"{what} sends a spike at t = 0, which NEST's spike_generator cannot (sPyNNaker can)",
                           span=stim.span, code="E333", construct=what,
                           hint="give spike times from one time step on")
    if stim.kind in _SPIKE_SOURCES:
        syn = _syn_spec(net, post.model, stim.weight, stim.delay, stim.receptor, models, stim.span, what)
    else:
        syn = {}
        if stim.receptor not in ("excitatory", "inhibitory"):
            syn["receptor_type"] = repr(_receptor_type(net, post.model, stim.receptor, models, stim.span, what,
                                                       current=True))
    return {"name": stim.name, "var": f"{stim.name}->{stim.target}", "device": device, "params": params,
            "target": _var(stim.target), "subset": _subset(stim.subset), "syn": syn, "kind": stim.kind,
            "target_name": stim.target}


def _current_onset(stim: Stimulus, h: float, what: str) -> tuple[tuple[str, Value], ...]:
    """NEST current generators reach the neuron through a connection of one step (h): their times are
    moved h earlier, so the neuron sees the current from the times written. A dc (ac, noise) that starts before
    2 h reaches the neuron at 2 h (a generator started at 0 is first active in the second step); a step change
    before or at h cannot be moved and is refused. An ac's phase is moved with it:
    NEST's ac_generator is sin(2 pi f t + phase) at its own time t, so the phase it is given is the IR's (at
    start) minus 360 f (start - h) degrees, and the neuron sees the IR's sine."""
    if stim.kind in ("dc", "ac", "noise"):
        params = tuple((k, max(round(float(v) - h, 12), 0.0) if k in ("start", "stop") and isinstance(v, (int, float))
                        else v) for k, v in stim.params)
        if stim.kind == "ac":
            given = dict(stim.params)
            start, f = float(given.get("start", 0.0)), float(given["frequency"])  # type: ignore[arg-type]
            phase = float(given.get("phase", 0.0)) - 360.0 * f * (start - h) / 1000.0  # type: ignore[arg-type]
            params = tuple((k, v) for k, v in params if k != "phase") + (("phase", phase),)
        return params
    if stim.kind == "step":
        params = dict(stim.params)
        times = params.get("times", ())
        if isinstance(times, tuple):
            early = [t for t in times if t <= h]
            if early:
                raise NetworkError(f"a step current cannot change at {early[0]} ms on NEST: the first change can be "
                                   f"after the first time step ({h} ms)", span=stim.span, code="E324",
                                   construct=what, hint="start the steps later, or use a dc stimulus")
            params["times"] = tuple(round(float(t) - h, 12) for t in times)
        return tuple(params.items())
    return stim.params


def _recorders(net: Network, recorders: Iterable[Recorder], models: Mapping[str, ModelInfo]) -> tuple[list, list]:
    """One spike recorder per population (union of subsets); one multimeter per state recorder."""
    spikes: dict[str, set[int] | None] = {}
    traces: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for rec in recorders:
        pop = net.population(rec.population)
        what = f"recorder {rec.name}"
        _check_subset(rec.subset, pop.size, rec.span, what)
        if rec.kind == "spikes":
            if pop.name in spikes and spikes[pop.name] is None or rec.subset is None:
                spikes[pop.name] = None
            else:
                spikes[pop.name] = spikes.get(pop.name, set()) | set(rec.subset)
            continue
        info = models[pop.model]
        if not rec.variables:
            raise NetworkError("a state recorder needs at least one variable", span=rec.span, code="E311",
                               construct=what)
        for var in rec.variables:
            if var not in info.recordables:
                raise NetworkError(f"model '{net.model(pop.model).name}' cannot record '{var}'", span=rec.span,
                                   code="E312", construct=what, hint="recordables: " + ", ".join(sorted(info.recordables)))
            if (pop.name, var) in seen:
                raise NetworkError(f"'{var}' of population {pop.name} is recorded twice", span=rec.span, code="E313",
                                   construct=what, hint="record each variable of a population in one recorder")
            seen.add((pop.name, var))
        steps = rec.interval / net.simulation.resolution
        if rec.interval <= 0 or abs(steps - round(steps)) > 1e-9:
            raise NetworkError(f"recording interval {rec.interval} ms is not a multiple of the resolution "
                               f"{net.simulation.resolution} ms", span=rec.span, code="E314", construct=what)
        indices = list(rec.subset) if rec.subset is not None else list(range(pop.size))
        traces.append({"name": rec.name, "var": rec.name, "pop": pop.name, "pop_var": _var(pop.name),
                       "variables": list(rec.variables), "interval": float(rec.interval),
                       "subset": _subset(rec.subset), "indices": repr(sorted(set(indices))),
                       "units": {v: _trace_unit(v, rec.span) for v in rec.variables}
                       if net.model(pop.model).kind != "pynn" else {}})
    spike_recs = [{"pop": name, "pop_var": _var(name), "subset": _subset(sorted(sub) if sub is not None else None)}
                  for name, sub in spikes.items()]
    return spike_recs, traces


def _trace_unit(var: str, span: Span | None) -> str:
    for prefix, unit in _TRACE_UNITS:
        if var.startswith(prefix):
            return unit
    warn(f"unit of recorded variable '{var}' is unknown; the trace is written as dimensionless", code="W330",
         span=span)
    return "dimensionless"


def _check_subset(subset: tuple[int, ...] | None, size: int, span: Span | None, what: str) -> None:
    if subset is None:
        return
    bad = [i for i in subset if not 0 <= i < size]
    if bad:
        raise NetworkError(f"index {bad[0]} is outside the population (size {size})", span=span, code="E315",
                           construct=what)
    if not subset:
        raise NetworkError("an empty subset selects no neuron", span=span, code="E316", construct=what)


def _subset(subset: Iterable[int] | None) -> str | None:
    return None if subset is None else repr(sorted(set(int(i) for i in subset)))


def _expr(value: Value, what: str, span: Span | None, *, scalar: bool) -> str:
    """A Python expression for the script: a literal, a list, or a nest.random parameter."""
    if isinstance(value, Conductance):
        c_m, tau_m = (_expr(v, what, span, scalar=True) for v in (value.c_m, value.tau_m))
        return f"conductance({c_m}, {tau_m})"
    if isinstance(value, Distribution):
        return _dist(value, what)
    if isinstance(value, ArrayFile):  # per-neuron values: the script reads the file (its sha256 checked)
        return (f"array_file({json.dumps(value.source or value.path)}, {json.dumps(value.sha256)}, "
                f"{value.key!r}, {float(value.factor)!r})")
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, (int, float)):
        if not math.isfinite(float(value)):
            raise NetworkError(f"{what} is not a finite number", span=span, code="E317")
        return repr(float(value))
    if isinstance(value, tuple) and not scalar:
        return repr([float(v) for v in value])
    raise NetworkError(f"{what}: a value of this kind ({type(value).__name__}) cannot be lowered to NEST",
                       span=span, code="E318")


def _dist(d: Distribution, what: str) -> str:
    p = dict(d.params)
    try:
        if d.kind == "uniform":
            expr = f"nest.random.uniform(min={float(p['low'])!r}, max={float(p['high'])!r})"
        elif d.kind == "normal":
            expr = f"nest.random.normal(mean={float(p['mu'])!r}, std={float(p['sigma'])!r})"
        elif d.kind == "lognormal":
            expr = f"nest.random.lognormal(mean={float(p['mu'])!r}, std={float(p['sigma'])!r})"
        else:
            raise NetworkError(f"{what}: distribution '{d.kind}' cannot be lowered to NEST", span=d.span, code="E319")
    except KeyError as exc:
        raise NetworkError(f"{what}: {d.kind} distribution lacks parameter {exc}", span=d.span, code="E320") from None
    if d.low is not None or d.high is not None:
        lo = "-math.inf" if d.low is None else repr(float(d.low))
        hi = "math.inf" if d.high is None else repr(float(d.high))
        expr = f"nest.math.redraw({expr}, min={lo}, max={hi})"
    return expr


def _unique_keys(items: list[dict]) -> None:
    """Make each item's ``var`` a distinct dict key of the script (a quoted string)."""
    seen: set[str] = set()
    for item in items:
        key, k = item["var"], 1
        while key in seen:
            k += 1
            key = f"{item['var']}#{k}"
        seen.add(key)
        item["var"] = json.dumps(key)


def _ident(name: str) -> str:
    ident = re.sub(r"\W", "_", name)
    return ident if ident and not ident[0].isdigit() else f"n_{ident}"


def _var(name: str) -> str:
    return json.dumps(name)


# ---------------------------------------------------------------------------------------------- models


def nestml_model_info(model, cls: str, nest_name: str, module_name: str, library: str) -> ModelInfo:  # noqa: ANN001
    """What the lowering needs of a NESTML model, from its IR (the names its generated class exposes)."""
    from portasnn.targets.nest.lower import Lowering

    view = Lowering(model, cls, nest_name).view()
    params = {p.name for p in view.parameters} | {name for name, _access, _f in view.state_accessors}
    return ModelInfo(nest_name=nest_name, params=frozenset(params),
                     recordables=frozenset(name for name, _expr in view.recordables),
                     receptor_types=dict(view.receptor_names),
                     current_receptors={p.name: k for k, p in enumerate(model.current_ports)},
                     module_name=module_name, module_path=library)


def builtin_model_info(ref) -> ModelInfo:  # noqa: ANN001
    """What the lowering needs of a NEST built-in model, read from the installed NEST (nothing is changed)."""
    import nest

    if ref.name not in nest.node_models:
        raise NetworkError(f"NEST has no neuron model '{ref.name}'", span=ref.span, code="E322",
                           construct=f"model {ref.key}", hint="see nest.node_models for the built-in models")
    defaults = nest.GetDefaults(ref.name)
    return ModelInfo(nest_name=ref.name, params=frozenset(defaults),
                     recordables=frozenset(defaults.get("recordables", ())),
                     receptor_types=dict(defaults.get("receptor_types", {})),
                     current_receptors=dict(defaults.get("receptor_types", {})))


def pynn_model_info(ref) -> ModelInfo:  # noqa: ANN001
    """A PyNN standard cell type on NEST: the built-in pyNN.nest uses, with PyNN's names and recordables."""
    from portasnn.ir.pynn_cells import CELL_TYPES

    cell = CELL_TYPES[ref.name]
    nest_info = builtin_model_info(type(ref)(key=ref.key, kind="nest", name=cell.nest_model, span=ref.span))
    return ModelInfo(nest_name=cell.nest_model, params=frozenset(cell.nest_names.values()),
                     recordables=frozenset(cell.recordables), receptor_types=nest_info.receptor_types,
                     current_receptors=nest_info.current_receptors)


def synapse_key(key: str) -> str:
    """The key of NESTML synapse declaration ``key`` among the ModelInfos (not a model key a network can write)."""
    return f"synapse:{key}"


def model_infos(program, recipe: Mapping) -> dict[str, ModelInfo]:  # noqa: ANN001
    """ModelInfo per ModelRef key of ``program``'s network; ``recipe`` names the module of its NESTML models."""
    by_name = {}
    for (cls, nest_name, *_kind) in recipe.get("models", ()):
        by_name[cls.rsplit("__", 1)[0]] = (cls, nest_name)
    infos: dict[str, ModelInfo] = {}
    for key, syn in program.synapses:  # NESTML synapse models, in the same module
        cls, nest_name = by_name[syn.name]
        infos[synapse_key(key)] = ModelInfo(nest_name=nest_name, params=frozenset(v.name for v in syn.model.parameters),
                                            post_traces=syn.post_traces,
                                            module_name=recipe["module_name"], module_path=recipe["library"])
    for ref in program.network.models:
        if ref.kind == "nestml":
            model = program.model(ref.key)
            cls, nest_name = by_name[model.name]
            infos[ref.key] = nestml_model_info(model, cls, nest_name, recipe["module_name"], recipe["library"])
        elif ref.kind == "pynn":
            infos[ref.key] = pynn_model_info(ref)
        else:
            infos[ref.key] = builtin_model_info(ref)
    return infos


# ---------------------------------------------------------------------------------------------- running


SYNAPSE_NONFINITE = "portasnn_nonfinite: synapse "  # how a generated synapse model's exception begins


def _remove_script(path: Path, outdir: Path) -> None:
    """Nothing else was written: leave no directory that looks like results."""
    path.unlink(missing_ok=True)
    if outdir.is_dir() and not any(outdir.iterdir()):
        outdir.rmdir()


def _synapse_non_finite(net: Network, message: str) -> NetworkError:
    """E462 at the declaration of the NESTML synapse model whose state became NaN or infinite."""
    what = message[message.index(SYNAPSE_NONFINITE) + len(SYNAPSE_NONFINITE):].strip()
    name = what.split(":", 1)[0]
    syn = next((s for s in net.synapses if s.kind == "nestml" and s.name == name), None)
    return NetworkError(f"synapse model {what}; the run is stopped and no results are written",
                        span=syn.span if syn is not None else None, code="E462",
                        construct=f"synapse {syn.key}" if syn is not None else name,
                        hint="the rule diverges with these parameters (or weights): check the synapse's parameters "
                             "and its handlers' arithmetic (a division by a parameter that is 0, a weight bound)")


_RANK_NONFINITE = re.compile(r"NonFiniteState: population (\S+), neuron (-?\d+): state variable (\S+) became (\S+) "
                             r"at t = (\S+) ms")


def rank_error(net: Network, exc: ToolError) -> Exception:
    """A failed MPI run as the user error a rank reported, where one did: a neuron's (E460) or a generated
    synapse's (E462) state that became NaN or infinite; else ``exc`` itself."""
    for message in getattr(exc, "rank_errors", ()):
        if SYNAPSE_NONFINITE in message:
            return _synapse_non_finite(net, message)
        found = _RANK_NONFINITE.search(message)
        if found:
            pop, index, variable, value, time_ms = found.groups()
            return non_finite_error(net, pop, int(index), variable, value, float(time_ms))
    return exc


def run_script(net: Network, filename: str, text: str, outdir: Path, *, progress: ProgressCallback | None = None,
               command: str | None = None) -> dict:
    """Write ``net``'s script into ``outdir``, run its ``main`` in this process; return its summary."""
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / filename
    path.write_text(text)
    module = load_script(path)
    import nest

    try:
        return module.main(outdir, progress=progress, command=command or " ".join(map(shlex.quote, sys.argv)))
    except module.NonFiniteState as exc:
        _remove_script(path, outdir)
        raise non_finite_error(net, exc.population, exc.index, exc.variable, exc.value, exc.time_ms) from None
    except nest.NESTError as exc:
        name = type(exc).__name__
        if SYNAPSE_NONFINITE in str(exc):  # a generated synapse model stopped the run (targets/nest/synapse.py)
            _remove_script(path, outdir)
            raise _synapse_non_finite(net, str(exc)) from None
        if name in ("BadProperty", "BadParameter", "BadDelay", "UnaccessedDictionaryEntry", "UnknownReceptorType",
                    "IllegalConnection", "TypeMismatch"):
            raise NetworkError(f"NEST rejected the network: {exc}", code="E330", construct=name,
                               hint=f"see the generated script {path}") from None
        raise ToolError(f"NEST failed while running {path}: {name}: {exc}") from None


def load_script(path: Path):
    """Import a generated script as a module (it runs nothing at import)."""
    spec = importlib.util.spec_from_file_location(f"portasnn_script_{uuid.uuid4().hex[:8]}", path)
    if spec is None or spec.loader is None:
        raise InternalError(f"cannot import the generated script {path}")
    module = importlib.util.module_from_spec(spec)
    writes, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # no __pycache__ in a results directory
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = writes
    return module
