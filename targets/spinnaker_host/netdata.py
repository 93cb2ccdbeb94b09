"""Turn a network IR into the arrays the spinnaker-host engine runs.

Random draws (parameter distributions, connectivity, weights, delays) use one numpy Generator
seeded with the network seed, in declaration order. Semantics follow PyNN / sPyNNaker:
delays ``max(1, rint(d / dt))`` ticks; a ``from_file`` projection takes its file's pairs and per-neuron
values from files are taken as they are (nothing drawn); ``fixed_indegree`` draws each target's sources (without
autapses when ``allow_autapses`` is false, without repeats when ``allow_multapses`` is false); weights enter
the ring buffers as ``|w|`` in the model's unit; a spike-array time T fires at tick
``ceil(floor(T * 1000) / dt_us)``; current sources switch at tick ``rint(t / dt)``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from portasnn.errors import InternalError, NetworkError
from portasnn.ir import datafiles
from portasnn.ir.network import ArrayFile, Distribution, Network, Projection, Stimulus

from portasnn.targets.spinnaker.plasticity import PairRule, population_rules
from portasnn.targets.spinnaker.pynn_script import check_current_receptor, check_weight_sign, factor_groups

from . import poisson
from .model import HostModel

DEFAULT_SPIKES_PER_SECOND = 30.0  # sPyNNaker's spikes_per_second and ring_buffer_sigma defaults
RING_BUFFER_SIGMA = 5.0
MAX_DELAY_TICKS = 8191  # type_delay packs delay << 3 in 16 bits


@dataclass
class PopLayout:
    name: str
    model_key: str
    model: HostModel
    n: int
    offset: int
    values: dict[str, np.ndarray]  # per-neuron parameter and initial values, network units


@dataclass
class Incoming:
    """Statistics of one projection or stimulus into a population, for ring-buffer shifts."""

    synapse_type: int
    n_conns: int  # most connections onto one target neuron
    weights: np.ndarray  # |w| in the model's unit (without the global weight scale)
    delay_var: float
    spikes_per_tick: float
    spikes_per_second: float


@dataclass
class Chunk:
    """Synapses onto one population and synapse type. ``pre`` is global (negative: -1 - k for the
    k-th spike array, resolved later), ``post`` global; delay (ticks) and weight (|w|, model units,
    without the global weight scale) are arrays or scalars."""

    post_pop: str
    synapse_type: int
    pre: np.ndarray
    post: np.ndarray
    delay: np.ndarray | int
    weight: np.ndarray | float
    name: str = ""             # the projection's or the stimulus' name
    kind: str = "projection"   # "projection" | "stimulus"


@dataclass
class PlasticChunk:
    """The synapses of one plastic projection (local pre, global post), as a Chunk, with its rule and the sign
    of its weights (they are stored as magnitudes, like every weight on SpiNNaker)."""

    chunk: Chunk
    rule: PairRule
    sign: float
    pre_pop: str


@dataclass
class NetData:
    pops: list[PopLayout]
    n_neurons: int
    chunks: list[Chunk] = field(default_factory=list)  # synapses, one chunk per projection / stimulus
    plastic: list[PlasticChunk] = field(default_factory=list)  # plastic projections (not in chunks)
    rules: dict[str, PairRule] = field(default_factory=dict)  # per population with plastic input
    incoming: dict[str, list[Incoming]] = field(default_factory=dict)
    # Poisson sources (presynaptic index n_neurons + s)
    src_rate_per_tick: list[np.ndarray] = field(default_factory=list)
    src_start: list[np.ndarray] = field(default_factory=list)
    src_stop: list[np.ndarray] = field(default_factory=list)
    n_sources: int = 0
    # spike arrays (presynaptic index after the Poisson sources, assigned in finish())
    array_ticks: list[np.ndarray] = field(default_factory=list)  # per array source
    array_pre_local: list[int] = field(default_factory=list)
    # current sources: (tick, global neuron, value in model units) steps per stimulus
    current_steps: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)

    def pop(self, name: str) -> PopLayout:
        for p in self.pops:
            if p.name == name:
                return p
        raise KeyError(name)


def draw(value: object, n: int, rng: np.random.Generator, what: str, span: object = None) -> np.ndarray:
    """n values of a constant or a distribution (redrawn until inside low/high)."""
    if isinstance(value, Distribution):
        out = _draw_dist(value, n, rng)
        lo = -np.inf if value.low is None else value.low
        hi = np.inf if value.high is None else value.high
        for _ in range(1000):
            bad = (out < lo) | (out > hi)
            if not bad.any():
                return out
            out[bad] = _draw_dist(value, int(bad.sum()), rng)
        raise NetworkError(f"{what}: the distribution rarely falls inside [{lo}, {hi}]", span=value.span,
                           code="E421", hint="widen the bounds or change the distribution")
    if isinstance(value, (bool, int, float)):
        return np.full(n, float(value))
    if isinstance(value, ArrayFile):  # per-neuron values from a file (nothing drawn)
        values = datafiles.parameter_values(value, span)  # type: ignore[arg-type]
        if values.size != n:
            raise InternalError(f"{what}: the file {value.path} holds {values.size} values, not {n} (the network "
                                "checks should have refused it)")
        return values
    raise NetworkError(f"{what}: expected a number or a distribution, got {value!r}", span=span, code="E421")


def _draw_dist(d: Distribution, n: int, rng: np.random.Generator) -> np.ndarray:
    if d.kind == "uniform":
        return rng.uniform(d.param("low"), d.param("high"), n)
    if d.kind == "normal":
        return rng.normal(d.param("mu"), d.param("sigma"), n)
    if d.kind == "lognormal":
        return rng.lognormal(d.param("mu"), d.param("sigma"), n)
    raise NetworkError(f"unknown distribution '{d.kind}'", span=d.span, code="E421")


def delay_ticks(delays_ms: np.ndarray | float, dt: float, span: object) -> np.ndarray:
    ticks = np.maximum(1, np.rint(np.asarray(delays_ms) / dt)).astype(np.int64)
    if ticks.size and ticks.max() > MAX_DELAY_TICKS:
        raise NetworkError(f"a delay of {ticks.max()} time steps exceeds the spinnaker-host limit of "
                           f"{MAX_DELAY_TICKS}", span=span, code="E422")
    return ticks


def connect(p: Projection, n_pre: int, n_post: int, same: bool, rng: np.random.Generator
            ) -> tuple[np.ndarray, np.ndarray]:
    """(pre, post) local index pairs of one projection."""
    c = p.connector
    prm = dict(c.params)
    no_self = same and not c.allow_autapses
    if c.rule == "all_to_all":
        pre, post = np.meshgrid(np.arange(n_pre), np.arange(n_post), indexing="ij")
        pre, post = pre.ravel(), post.ravel()
    elif c.rule == "one_to_one":
        if n_pre != n_post:
            raise NetworkError(f"one_to_one needs populations of equal size ({n_pre} != {n_post})",
                               span=p.span, code="E423")
        pre = post = np.arange(n_pre)
    elif c.rule in ("fixed_indegree", "fixed_outdegree"):
        indeg = c.rule == "fixed_indegree"
        k = int(prm["indegree" if indeg else "outdegree"])
        n_from, n_each = (n_pre, n_post) if indeg else (n_post, n_pre)
        avail = n_from - (1 if no_self else 0)
        if not c.allow_multapses and k > avail:
            raise NetworkError(f"{c.rule} {k} exceeds the {avail} possible partners", span=p.span, code="E423")
        if c.allow_multapses:
            chosen = rng.integers(0, avail, size=(n_each, k)) if avail > 0 else np.zeros((n_each, 0), np.int64)
        else:
            chosen = np.stack([rng.choice(avail, k, replace=False) for _ in range(n_each)]) if n_each \
                else np.zeros((0, k), np.int64)
        owner = np.repeat(np.arange(n_each), k).reshape(n_each, k)
        if no_self:
            chosen = chosen + (chosen >= owner)
        pre, post = (chosen.ravel(), owner.ravel()) if indeg else (owner.ravel(), chosen.ravel())
    elif c.rule == "fixed_probability":
        prob = float(prm["p"])
        pres, posts = [], []
        chunk = max(1, 2_000_000 // max(1, n_post))
        for lo in range(0, n_pre, chunk):
            hit = rng.random((min(chunk, n_pre - lo), n_post)) < prob
            i, j = np.nonzero(hit)
            pres.append(i + lo)
            posts.append(j)
        pre, post = np.concatenate(pres or [np.zeros(0, np.int64)]), np.concatenate(posts or [np.zeros(0, np.int64)])
    elif c.rule == "fixed_total_number":
        total = int(prm["n"])
        if c.allow_multapses:
            pre, post = rng.integers(0, n_pre, total), rng.integers(0, n_post, total)
            if no_self:
                keep = pre != post
                while not keep.all():
                    redo = ~keep
                    pre[redo], post[redo] = rng.integers(0, n_pre, redo.sum()), rng.integers(0, n_post, redo.sum())
                    keep = pre != post
        else:
            space = n_pre * n_post
            flat = rng.choice(space, total + (n_pre if no_self else 0), replace=False)
            pre, post = flat // n_post, flat % n_post
            if no_self:
                keep = pre != post
                pre, post = pre[keep][:total], post[keep][:total]
    else:
        raise NetworkError(f"connection rule '{c.rule}' is not supported by spinnaker-host", span=p.span,
                           code="E423")
    pre, post = np.asarray(pre, np.int64), np.asarray(post, np.int64)
    if no_self and c.rule in ("all_to_all", "fixed_probability"):
        keep = pre != post
        pre, post = pre[keep], post[keep]
    return pre, post


def _receptor(model: HostModel, receptor: str, weight: object, span: object) -> int:
    check_weight_sign(model.name, receptor, weight, span)  # type: ignore[arg-type]
    try:
        return model.synapse_index(receptor)
    except ValueError:
        raise NetworkError(f"model '{model.name}' has no synapse type '{receptor}' (it has "
                           f"{', '.join(model.synapse_types)})", span=span, code="E424") from None


def build(net: Network, models: dict[str, HostModel], dt: float, rng: np.random.Generator) -> NetData:
    pops, offset = [], 0
    for pop in net.populations:
        if pop.model not in models:
            raise NetworkError(f"population '{pop.name}': model '{pop.model}' has no spinnaker-host build",
                               span=pop.span, code="E425")
        model = models[pop.model]
        values = {k: np.full(pop.size, float(v)) for k, v in model.defaults.items()}
        for name, value in (*pop.params, *pop.initial):
            if model.defaults and name not in model.defaults:
                raise NetworkError(f"population '{pop.name}': model '{model.name}' has no parameter or state "
                                   f"'{name}'", span=pop.span, code="E426",
                                   hint=f"known: {', '.join(sorted(model.defaults))}")
            values[name] = draw(value, pop.size, rng, f"{pop.name}.{name}", pop.span)
        pops.append(PopLayout(pop.name, pop.model, model, pop.size, offset, values))
        offset += pop.size
    data = NetData(pops=pops, n_neurons=offset, incoming={p.name: [] for p in pops}, rules=population_rules(net))

    for proj in net.projections:
        try:
            src, dst = data.pop(proj.pre), data.pop(proj.post)
        except KeyError as err:
            raise NetworkError(f"projection '{proj.name}': unknown population {err}", span=proj.span,
                               code="E427") from None
        if proj.data is not None:  # explicit connections (sPyNNaker's FromListConnector): no draws
            pre, post, fw, fd = datafiles.connections(proj.data, proj.span)
            stype = _receptor(dst.model, proj.receptor, _most_negative(fw, proj.weight), proj.span)
            w = np.abs(fw if fw is not None else _values(proj.weight, pre.size, rng, f"{proj.name}.weight",
                                                         proj.span)) * dst.model.weight_to_model[stype]
            d = fd if fd is not None else _values(proj.delay, pre.size, rng, f"{proj.name}.delay", proj.span)
        else:
            stype = _receptor(dst.model, proj.receptor, proj.weight, proj.span)
            pre, post = connect(proj, src.n, dst.n, proj.pre == proj.post, rng)
            w = np.abs(_values(proj.weight, pre.size, rng, f"{proj.name}.weight", proj.span)) \
                * dst.model.weight_to_model[stype]
            d = _values(proj.delay, pre.size, rng, f"{proj.name}.delay", proj.span)
        ticks = delay_ticks(d, dt, proj.span)
        n_conns = int(np.bincount(post, minlength=dst.n).max()) if post.size else 0
        if proj.plastic:  # sPyNNaker's STDP: weight mean = maximum = max(weights, w_max), variance 0
            rule = data.rules[dst.name]
            top = max(float(np.max(w)) if np.size(w) else 0.0, rule.wmax * dst.model.weight_to_model[stype])
            data.plastic.append(PlasticChunk(
                Chunk(dst.name, stype, pre + src.offset, post + dst.offset,
                      ticks if ticks.ndim else int(ticks), np.broadcast_to(w, pre.shape).astype(np.float64),
                      proj.name), rule, -1.0 if (net.synapse(proj.synapse).param("Wmax") or 1.0) < 0 else 1.0,
                src.name))
            data.incoming[dst.name].append(Incoming(stype, n_conns, np.array([top]), _tick_var(ticks, dt),
                                                    max(1.0, DEFAULT_SPIKES_PER_SECOND * dt / 1000.0),
                                                    DEFAULT_SPIKES_PER_SECOND))
            continue
        _add_synapses(data, dst.name, pre + src.offset, post + dst.offset, stype, ticks, w, proj.name)
        data.incoming[dst.name].append(Incoming(stype, n_conns, w, _tick_var(ticks, dt),
                                                max(1.0, DEFAULT_SPIKES_PER_SECOND * dt / 1000.0),
                                                DEFAULT_SPIKES_PER_SECOND))
    for stim in net.stimuli:
        _stimulus(data, stim, dt, rng)
    return data


def _most_negative(weights: np.ndarray | None, weight: object) -> object:
    """The weight that decides the sign checks: the most negative of a file's weights, else the projection's."""
    if weights is not None and weights.size and weights.min() < 0:
        return float(weights.min())
    return weight


def _values(value: object, n: int, rng: np.random.Generator, what: str, span: object) -> np.ndarray:
    """Like draw(), but a constant stays a 0-d array (broadcast later, no n-sized copy)."""
    if isinstance(value, (bool, int, float)):
        return np.asarray(float(value))
    return draw(value, n, rng, what, span)


def _add_synapses(data: NetData, post_pop: str, pre: np.ndarray, post: np.ndarray, stype: int,
                  delay: np.ndarray, w: np.ndarray, name: str = "", kind: str = "projection") -> None:
    delay = delay if delay.ndim else int(delay)
    w = w if w.ndim else float(w)
    data.chunks.append(Chunk(post_pop, stype, np.asarray(pre, np.int64), np.asarray(post, np.int64), delay, w,
                             name, kind))


def _targets(data: NetData, stim: Stimulus):
    try:
        dst = data.pop(stim.target)
    except KeyError:
        raise NetworkError(f"stimulus '{stim.name}': unknown population '{stim.target}'", span=stim.span,
                           code="E427") from None
    ids = np.arange(dst.n) if stim.subset is None else np.asarray(stim.subset, np.int64)
    if ids.size and (ids.min() < 0 or ids.max() >= dst.n):
        raise NetworkError(f"stimulus '{stim.name}': subset index outside 0..{dst.n - 1}", span=stim.span,
                           code="E428")
    return dst, ids


def _num(prm: dict, key: str, default: float | None, stim: Stimulus) -> float:
    value = prm.get(key, default)
    if value is None or not isinstance(value, (int, float)):
        raise NetworkError(f"stimulus '{stim.name}': '{key}' must be a number", span=stim.span, code="E429")
    return float(value)


def _stimulus(data: NetData, stim: Stimulus, dt: float, rng: np.random.Generator) -> None:
    dst, ids = _targets(data, stim)
    prm = dict(stim.params)
    if stim.kind in ("poisson", "spike_times"):
        stype = _receptor(dst.model, stim.receptor, stim.weight, stim.span)
        n = ids.size
        w = np.abs(draw(stim.weight, n, rng, f"{stim.name}.weight", stim.span)) * dst.model.weight_to_model[stype]
        d = draw(stim.delay, n, rng, f"{stim.name}.delay", stim.span)
        ticks = delay_ticks(d, dt, stim.span)
        if stim.kind == "poisson":
            rate = _num(prm, "rate", None, stim)
            start = _num(prm, "start", 0.0, stim)
            stop = _num(prm, "stop", math.inf, stim)
            first = data.n_neurons + data.n_sources  # provisional: sources follow neurons
            pre = np.arange(first, first + n)
            lam = rate * dt / 1000.0
            data.src_rate_per_tick.append(np.full(n, lam))
            data.src_start.append(np.full(n, int(round(start / dt)), np.int64))
            data.src_stop.append(np.full(n, np.iinfo(np.int64).max if math.isinf(stop)
                                         else int(round(stop / dt)), np.int64))
            data.n_sources += n
            per_tick = poisson.numbers(lam).max_per_tick
            data.incoming[dst.name].append(Incoming(stype, 1, w, _tick_var(ticks, dt), per_tick, rate))
            _add_synapses(data, dst.name, pre, ids + dst.offset, stype, ticks, w, stim.name, "stimulus")
        else:
            times = np.atleast_1d(np.asarray(prm.get("times", ()), np.float64))
            dt_us = round(dt * 1000.0)
            all_ticks = np.ceil(np.floor(times * 1000.0) / dt_us).astype(np.int64)
            # spikes with their own weights (factors of the stimulus's): one array source per distinct factor,
            # whose synapses carry weight * factor, as the spinnaker target's script does (a zero factor sends none)
            groups = [(all_ticks, 1.0)] if "weights" not in prm else \
                [(all_ticks[sent], f) for f, sent in factor_groups(prm["weights"])]
            if "weights" in prm and groups:  # sPyNNaker sees one SpikeSourceArray of len(groups) neurons, each
                # connected to every target (FromListConnector): the stats of a projection from a population
                data.incoming[dst.name].append(Incoming(stype, len(groups), np.concatenate([w * f for _, f in groups]),
                                                        _tick_var(ticks, dt),
                                                        max(1.0, DEFAULT_SPIKES_PER_SECOND * dt / 1000.0),
                                                        DEFAULT_SPIKES_PER_SECOND))
            for src_ticks, factor in groups:
                local = len(data.array_ticks)
                data.array_ticks.append(np.sort(src_ticks))
                data.array_pre_local.append(local)
                counts = np.bincount(src_ticks - src_ticks.min()) if src_ticks.size else np.zeros(1, np.int64)
                if "weights" not in prm:
                    data.incoming[dst.name].append(Incoming(stype, 1, w, _tick_var(ticks, dt), float(counts.max()),
                                                            DEFAULT_SPIKES_PER_SECOND))
                # presynaptic index is fixed in runner (after all Poisson sources): mark with -1 - local
                _add_synapses(data, dst.name, np.full(n, -1 - local), ids + dst.offset, stype, ticks, w * factor,
                              stim.name, "stimulus")
    elif stim.kind in ("dc", "step"):
        check_current_receptor(dst.model.name, dst.model.current_port, stim.receptor, stim.span)
        scale = dst.model.current_to_model
        if stim.kind == "dc":
            amp = _num(prm, "amplitude", None, stim)
            start = _num(prm, "start", 0.0, stim)
            stop = _num(prm, "stop", math.inf, stim)
            times = [start] + ([] if math.isinf(stop) else [stop])
            values = [amp * scale] + ([] if math.isinf(stop) else [0.0])
        else:
            times = list(np.atleast_1d(np.asarray(prm.get("times", ()), np.float64)))
            values = [a * scale for a in np.atleast_1d(np.asarray(prm.get("amplitudes", ()), np.float64))]
            if len(times) != len(values):
                raise NetworkError(f"stimulus '{stim.name}': {len(times)} times but {len(values)} amplitudes",
                                   span=stim.span, code="E429")
        ticks = np.array([int(round(t / dt)) for t in times], np.int64)
        data.current_steps.append((ticks, ids + dst.offset, np.asarray(values, np.float64)))
    else:
        what = {"ac": "an ac (sine)", "noise": "a noise"}.get(stim.kind, f"a {stim.kind}")
        raise NetworkError(f"stimulus {stim.name}: {what} current is not emulated by spinnaker-host (sPyNNaker "
                           "computes it on the board with its own arithmetic and random numbers)", span=stim.span,
                           code="E429", hint="run it on nest or on the spinnaker target; or give the current as a "
                           "step(...) stimulus, which spinnaker-host emulates")


def _tick_var(ticks: np.ndarray, dt: float) -> float:
    """Variance (ms^2) of delays in whole ticks: exactly 0 for a constant delay."""
    if ticks.ndim == 0 or ticks.size == 0 or ticks.min() == ticks.max():
        return 0.0
    return float(np.var(ticks * dt))
