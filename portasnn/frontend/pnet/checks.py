"""Checks shared by the .pnet frontend and the Python builder; they raise NetworkError (E2xx).

``normalise_weight`` applies the weight sign convention of portasnn.ir.network; ``check_network``
verifies a finished network (references, sizes, rule arguments, delays against the resolution,
subsets, parameter and variable names against the model catalog).
"""
from __future__ import annotations

import math

from dataclasses import replace

from portasnn.errors import Span
from portasnn.frontend.pnet.catalog import DefaultCatalog, ModelCatalog, info_of
from portasnn.frontend.pnet.values import error
from portasnn.frontend.pnet.synapses import check_plastic, check_tau_minus
from portasnn.ir.network import ConnectionFile, Connector, Distribution, Network, Population, Value, WeightRecorder

RULE_PARAMS: dict[str, tuple[str, ...]] = {
    "all_to_all": (), "one_to_one": (), "fixed_indegree": ("indegree",), "fixed_outdegree": ("outdegree",),
    "fixed_probability": ("p",), "fixed_total_number": ("n",),
}
STIM_PARAMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # kind -> (required, optional)
    "poisson": (("rate",), ("start", "stop")),
    "dc": (("amplitude",), ("start", "stop")),
    "step": (("times", "amplitudes"), ()),
    "spike_times": (("times",), ("weights",)),
    "ac": (("amplitude", "frequency"), ("offset", "phase", "start", "stop")),
    "noise": (("mean", "stdev", "dt"), ("start", "stop")),
}
SEED_MAX = 2**31 - 1


def weight_sign(weight: Value) -> int | None:
    """+1 if every value is >= 0, -1 if every value is <= 0 (and some < 0), None if it can be either."""
    if isinstance(weight, Distribution):
        lo, hi = weight.low, weight.high
        if weight.kind == "uniform":
            lo, hi = weight.param("low"), weight.param("high")
        elif weight.kind == "lognormal":
            return +1 if hi is None or hi >= 0 else None
        if lo is not None and lo >= 0:
            return +1
        if hi is not None and hi <= 0:
            return -1
        return None
    if isinstance(weight, tuple):
        return None
    return -1 if weight < 0 else +1


def negate(weight: Value, span: Span | None) -> Value:
    if not isinstance(weight, Distribution):
        return -weight  # type: ignore[operator]
    if weight.kind == "lognormal":
        raise error("E215", "a lognormal weight cannot target the inhibitory receptor: its draws are positive and "
                    "inhibitory weights are stored negative", span,
                    hint="use a normal distribution with high = 0, or a named receptor port")
    flip = (lambda b: None if b is None else -b)
    if weight.kind == "uniform":
        params = (("low", -weight.param("high")), ("high", -weight.param("low")))
    else:
        params = (("mu", -weight.param("mu")), ("sigma", weight.param("sigma")))
    return replace(weight, params=params, low=flip(weight.high), high=flip(weight.low))


def normalise_weight(weight: Value, receptor: str | None, span: Span | None) -> tuple[Value, str]:
    """Apply the IR's sign convention; returns (weight, receptor)."""
    if isinstance(weight, bool) or isinstance(weight, tuple):
        raise error("E216", "a weight must be a number or a distribution", span)
    sign = weight_sign(weight)
    if receptor is None:
        if sign is None:
            raise error("E215", "the weight distribution can be positive or negative, so its receptor is not clear",
                        span, hint="add receptor = excitatory or receptor = inhibitory, or bound the distribution")
        return weight, ("inhibitory" if sign < 0 else "excitatory")
    if receptor == "excitatory":
        if sign is None or sign < 0:
            raise error("E215", "an excitatory weight must not be negative", span,
                        hint="make the weight positive, or use receptor = inhibitory")
        return weight, receptor
    if receptor == "inhibitory":
        if sign is None:
            raise error("E215", "an inhibitory weight distribution must not change sign", span,
                        hint="bound it (low = 0 or high = 0)")
        return (negate(weight, span) if sign > 0 else weight), receptor
    return weight, receptor


def check_network(net: Network, catalog: ModelCatalog | None = None) -> None:
    """Raise NetworkError for the first problem found in ``net``."""
    catalog = catalog or DefaultCatalog()
    sim = net.simulation
    _check_simulation(net)
    _unique("projection", net.projections)
    _unique("recorder", net.recorders)
    pops = _unique("population", net.populations)
    models = _unique("model", net.models, key=lambda m: m.key)
    for pop in net.populations:
        if pop.model not in models:
            raise error("E206", f"population {pop.name} uses the unknown model '{pop.model}'", pop.span,
                        hint=_known("models", models))
        if pop.size < 1:
            raise error("E208", f"population {pop.name} must have at least 1 neuron, got {pop.size}", pop.span)
        info = info_of(catalog, models[pop.model])
        if info is not None:
            for name, _ in (*pop.params, *pop.initial):
                if not info.knows(name):
                    raise error("E207", f"model {pop.model} has no parameter or state variable '{name}'", pop.span,
                                hint=_known("names", {**info.parameters, **info.state}))
    synapses = _unique("synapse", net.synapses, key=lambda s: s.key)
    for syn in net.synapses:
        if syn.key == "static":
            raise error("E216", "'static' names the static synapse: a synapse model needs another name", syn.span)
    for proj in net.projections:
        pre, post = (_pop(pops, name, proj.span, "connect") for name in (proj.pre, proj.post))
        if proj.connector.rule == "from_file" or proj.data is not None:
            _check_file_projection(proj.connector, proj.data, proj.span)
        else:
            _check_connector(proj.connector, pre, post, proj.span)
        if proj.data is not None and proj.data.delays:
            if proj.data.count and proj.delay < sim.resolution:  # type: ignore[operator]
                raise error("E249", f"connection file {proj.data.path} has a delay of {proj.delay!r} ms, below the "
                            f"resolution {sim.resolution!r} ms", proj.span,
                            hint="use delays of at least one time step, or a finer resolution")
        else:
            _check_delay(proj.delay, sim.resolution, proj.span)
        if proj.plastic:
            if proj.synapse not in synapses:
                raise error("E242", f"unknown synapse '{proj.synapse}' in projection {proj.name}",
                            proj.synapse_span or proj.span,
                            hint=_known("synapses", {"static", *synapses}) + " (declare it with 'synapse ...' first)")
            info = info_of(catalog, models[post.model])
            unit = info.weight_rule(proj.receptor)[0] if info is not None else None
            check_plastic(proj, synapses[proj.synapse], post.model, unit, weight_sign(proj.weight))
    check_tau_minus([(p, synapses[p.synapse]) for p in net.projections if p.plastic])
    _check_weight_recorders(net)
    _unique("stimulus", net.stimuli, key=lambda s: (s.name, s.target))
    for stim in net.stimuli:
        target = _pop(pops, stim.target, stim.span, "stimulus")
        _check_subset(stim.subset, target, stim.span)
        required, optional = STIM_PARAMS[stim.kind]
        names = [k for k, _ in stim.params]
        for name in names:
            if name not in required + optional:
                raise error("E219", f"a {stim.kind} stimulus has no parameter '{name}'", stim.span,
                            hint="it takes " + ", ".join(required + optional))
        for name in required:
            if name not in names:
                raise error("E219", f"a {stim.kind} stimulus needs {name} = ...", stim.span)
        params = dict(stim.params)
        if stim.kind in ("poisson", "spike_times"):
            _check_delay(stim.delay, sim.resolution, stim.span)
        if stim.kind == "poisson" and params["rate"] < 0:  # type: ignore[operator]
            raise error("E219", "a Poisson rate must not be negative", stim.span)
        if stim.kind == "ac" and params["frequency"] < 0:  # type: ignore[operator]
            raise error("E219", "an ac frequency must not be negative", stim.span)
        if stim.kind == "noise":
            if params["stdev"] < 0:  # type: ignore[operator]
                raise error("E219", "a noise stdev must not be negative", stim.span)
            steps = float(params["dt"]) / sim.resolution  # type: ignore[arg-type]
            if steps < 1 - 1e-9 or abs(steps - round(steps)) > 1e-9:
                raise error("E219", f"the noise dt ({params['dt']} ms) must be a whole number of time steps "
                            f"({sim.resolution} ms)", stim.span, hint="NEST draws a new value every dt")
        if stim.kind == "step" and len(params["times"]) != len(params["amplitudes"]):  # type: ignore[arg-type]
            raise error("E219", "step needs as many amplitudes as times", stim.span)
        if "weights" in params:
            factors, n_times = tuple(params["weights"]), len(params["times"])  # type: ignore[arg-type]
            if len(factors) != n_times:
                raise error("E219", f"spikes needs as many weights as times ({len(factors)} weights for {n_times} "
                            "times)", stim.span)
            if not all(math.isfinite(f) and f >= 0 for f in factors):
                raise error("E219", "spike weights are factors >= 0 of the stimulus's weight (which gives the sign)",
                            stim.span, hint="give negative inputs as a second stimulus with a negative weight")
        if "times" in params:
            times = params["times"]
            if any(t < 0 for t in times) or list(times) != sorted(times):  # type: ignore[union-attr]
                raise error("E219", "times must be non-negative and in increasing order", stim.span)
        if "start" in params and "stop" in params and params["stop"] < params["start"]:  # type: ignore[operator]
            raise error("E219", "stop is before start", stim.span)
    for rec in net.recorders:
        pop = _pop(pops, rec.population, rec.span, "record")
        _check_subset(rec.subset, pop, rec.span)
        if rec.kind == "state":
            if rec.interval < sim.resolution:
                raise error("E211", f"recording interval {rec.interval!r} ms is below the resolution "
                            f"{sim.resolution!r} ms", rec.span)
            info = info_of(catalog, models[pop.model])
            for var in rec.variables:
                if info is not None and not info.knows(var):
                    raise error("E218", f"model {pop.model} has no variable '{var}' to record", rec.span,
                                hint=_known("state variables", info.state))


def _check_weight_recorders(net: Network) -> None:
    """Each records a plastic projection of the network, at most one per pair of populations (its file is
    ``weights/<pre>__<post>.npz``)."""
    _unique("recorder", net.weight_recorders)
    projections = {p.name: p for p in net.projections}
    pairs: dict[tuple[str, str], WeightRecorder] = {}
    for rec in net.weight_recorders:
        proj = projections.get(rec.projection)
        if proj is None:
            raise error("E245", f"no projection '{rec.projection}' to record weights of", rec.span,
                        hint=_known("projections", projections))
        if not proj.plastic:
            raise error("E246", f"projection {proj.name} is static: its weights are the ones the network gives",
                        rec.span, hint="record the weights of a projection with a plastic synapse (synapse = ...)")
        if rec.interval is not None:
            sim = net.simulation
            post = next(p for p in net.populations if p.name == proj.post)
            _check_subset(rec.subset, post, rec.span)
            steps = rec.interval / sim.resolution
            if not rec.interval > 0 or abs(steps - round(steps)) > 1e-9 * max(1.0, steps) or \
                    rec.interval > sim.duration:
                raise error("E211", f"weight recording interval {rec.interval!r} ms must be a whole multiple of the "
                            f"resolution {sim.resolution!r} ms, at most the simulated {sim.duration!r} ms", rec.span)
        pair = (proj.pre, proj.post)
        if pair in pairs:
            raise error("E205", f"the weights of two projections from {proj.pre} to {proj.post} are recorded "
                        f"({pairs[pair].projection}, {proj.name}); their file weights/{proj.pre}__{proj.post}.npz "
                        "holds one", rec.span, hint="record one of them")
        pairs[pair] = rec


def _check_simulation(net: Network) -> None:
    sim = net.simulation
    if not sim.resolution > 0:
        raise error("E216", "the resolution must be positive", sim.span)
    if not sim.duration > 0:
        raise error("E216", "the simulated time must be positive", sim.span)
    if not 1 <= sim.seed <= SEED_MAX:
        raise error("E216", f"the seed must be between 1 and {SEED_MAX}, got {sim.seed}", sim.span)
    if sim.threads < 1 or sim.processes < 1:
        raise error("E216", "threads and processes must be at least 1", sim.span)


def _unique(kind: str, items, key=lambda x: x.name) -> dict:
    out: dict = {}
    for item in items:
        if key(item) in out:
            shown = " into ".join(key(item)) if isinstance(key(item), tuple) else key(item)
            raise error("E205", f"{kind} '{shown}' is defined twice", item.span,
                        hint=f"first defined at {out[key(item)].span}" if out[key(item)].span else "")
        out[key(item)] = item
    return out


def _pop(pops: dict[str, Population], name: str, span: Span | None, where: str) -> Population:
    if name not in pops:
        raise error("E209", f"unknown population '{name}' in {where}", span, hint=_known("populations", pops))
    return pops[name]


def _known(what: str, names) -> str:
    names = sorted(names)
    if not names:
        return f"no {what} are defined"
    shown = ", ".join(names[:20]) + (", ..." if len(names) > 20 else "")
    return f"known {what}: {shown}"


def _check_connector(conn: Connector, pre: Population, post: Population, span: Span | None) -> None:
    if conn.rule not in RULE_PARAMS:
        raise error("E210", f"unknown connection rule '{conn.rule}'", span, hint=_known("rules", RULE_PARAMS))
    if tuple(k for k, _ in conn.params) != RULE_PARAMS[conn.rule]:
        raise error("E210", f"{conn.rule} takes " + (", ".join(RULE_PARAMS[conn.rule]) or "no arguments"), span)
    params = dict(conn.params)
    if conn.rule == "fixed_probability":
        if not 0 <= params["p"] <= 1:
            raise error("E210", f"a connection probability must be between 0 and 1, got {params['p']!r}", span)
    else:
        for name, value in params.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise error("E210", f"{conn.rule} {name} must be a non-negative whole number, got {value!r}", span)
    if conn.rule == "one_to_one" and pre.size != post.size:
        raise error("E210", f"one_to_one needs populations of equal size ({pre.name}: {pre.size}, "
                    f"{post.name}: {post.size})", span)
    if not conn.allow_multapses:
        limits = {"fixed_indegree": ("indegree", pre.size), "fixed_outdegree": ("outdegree", post.size),
                  "fixed_total_number": ("n", pre.size * post.size)}
        if conn.rule in limits:
            name, limit = limits[conn.rule]
            if params[name] > limit:
                raise error("E210", f"{conn.rule} {name} {params[name]} is more than the {limit} possible "
                            "partners without multapses", span, hint="allow multapses or lower the number")


def _check_file_projection(conn: Connector, data: ConnectionFile | None, span: Span | None) -> None:
    """A ``from_file`` connector comes with its connection file, and a connection file with that connector."""
    if conn.rule != "from_file" or data is None:
        raise error("E210", "a projection from a connection file has the rule from_file and its file", span)
    if conn.params or not conn.allow_autapses or not conn.allow_multapses:
        raise error("E210", "from_file takes no rule arguments, autapses or multapses: the file lists the "
                    "connections", span)


def _check_delay(delay: Value, resolution: float, span: Span | None) -> None:
    if isinstance(delay, Distribution):
        low = delay.param("low") if delay.kind == "uniform" else delay.low
        if low is None or low < resolution:
            raise error("E211", f"a {delay.kind} delay can be below the resolution {resolution!r} ms", span,
                        hint=f"bound it with low = {resolution!r} ms or more")
        return
    if isinstance(delay, (bool, tuple)):
        raise error("E216", "a delay must be a number or a distribution", span)
    if delay < resolution:
        raise error("E211", f"delay {delay!r} ms is below the resolution {resolution!r} ms", span,
                    hint="use a delay of at least one time step, or a finer resolution")


def _check_subset(subset: tuple[int, ...] | None, pop: Population, span: Span | None) -> None:
    if subset is None:
        return
    if not subset:
        raise error("E217", f"the subset of {pop.name} is empty", span)
    bad = [i for i in subset if not 0 <= i < pop.size]
    if bad:
        raise error("E217", f"index {bad[0]} is outside population {pop.name} (0 to {pop.size - 1})", span)
