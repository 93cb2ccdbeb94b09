"""Run a network on the spinnaker-host target: SpiNNaker-1's arithmetic and timestep on this CPU.

``run_network(network, models, outdir)`` compiles the engine (``support/engine.c``) with each
model header into one shared library (gcc -O2 -funroll-loops, cached by content), draws the network
(``netdata.py``), converts weights to 16-bit ring-buffer units with sPyNNaker's per-synapse-type
shifts, runs every tick in C through ctypes, and writes a ``portasnn-results/2`` directory.
``arith="float"`` compiles the same C with REAL = double and exact double weights/ring buffers.

Time stamps follow sPyNNaker: a spike of tick t is stamped t * dt (NEST stamps the same crossing at
(t + 1) * dt); a recorded value at t * dt is the state before tick t's update, i.e. after tick t - 1, so the
sample at 0 is the initial state (the trace convention of ``portasnn.results``, PyNN's).
"""
from __future__ import annotations

import ctypes
import functools
import math
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np

from portasnn import weight_scaling as ws
from portasnn.errors import NetworkError, ToolError, UsageError, warn
from portasnn.ir.network import Network, WeightScaling

from portasnn.targets.spinnaker.plasticity import check_range

from . import fixed, netdata, poisson
from .model import Arith, HostModel, PackContext

SUPPORT_FILES = ("spinn_fixed.h", "neuron_api.h", "stdp.h", "engine.h", "engine.c", "model_glue.c")
CFLAGS = ("-O2", "-funroll-loops", "-std=gnu11", "-fPIC", "-Wall", "-Wno-unused-function")
ENGINE_ABI = 10
NARROW_COLUMNS = 0x10000  # ring-buffer columns (n_types * n_neurons) up to which targets are uint16
ROW_DELTAS = 1  # engine.h row_t.flags: the targets as one-byte steps
MAX_TYPES = 8


def support_dir() -> Path:
    return Path(str(resources.files("portasnn.targets.spinnaker_host") / "support"))


@functools.lru_cache(maxsize=1)
def _gcc_version() -> str:
    try:
        return subprocess.run(["gcc", "-dumpfullversion"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as err:
        raise ToolError(f"spinnaker-host needs a C compiler (gcc): {err}") from err


# --- build ---------------------------------------------------------------------------------

def build_library(models: Sequence[HostModel], arith: Arith = "fixed") -> Path:
    """The shared library of the engine with ``models`` (in this order), built once per content."""
    from portasnn.cache import BuildCache, cache_key

    sup = support_dir()
    inputs = {
        "target": "spinnaker-host", "arith": arith, "gcc": _gcc_version(), "cflags": list(CFLAGS),
        "support": {name: (sup / name).read_text() for name in SUPPORT_FILES},
        "models": [m.header for m in models],
    }
    key = cache_key(inputs)

    def build(tmp: Path) -> dict:
        for k, model in enumerate(models):
            (tmp / f"model_{k}.h").write_text(model.header)
        table = "".join(f"extern const model_vtable_t portasnn_model_{k};\n" for k in range(len(models)))
        table += "const model_vtable_t *const portasnn_models[] = {" + \
            ", ".join(f"&portasnn_model_{k}" for k in range(len(models))) + "};\n"
        table += f"const uint32_t portasnn_n_models = {len(models)};\n"
        (tmp / "models.c").write_text('#include "engine.h"\n' + table)
        flags = [*CFLAGS, f"-I{sup}", f"-I{tmp}"] + (["-DPORTASNN_ARITH_FLOAT"] if arith == "float" else [])
        objs = []
        for k in range(len(models)):
            obj = tmp / f"model_{k}.o"
            _cc([*flags, "-c", str(sup / "model_glue.c"), f'-DMODEL_HEADER="model_{k}.h"',
                 f"-DMODEL_SYM=portasnn_model_{k}", "-o", str(obj)], models[k].name)
            objs.append(str(obj))
        _cc([*flags, "-shared", str(sup / "engine.c"), str(tmp / "models.c"), *objs, "-o", str(tmp / "libengine.so")], "engine")
        return {"library": "libengine.so"}

    label = "spinnaker-host " + arith + " " + "+".join(m.name for m in models)
    entry = BuildCache().get_or_build(key, build, label=label, inputs={"arith": arith,
                                                                       "models": [m.name for m in models]})
    return entry.path / "libengine.so"


def _cc(args: list[str], what: str) -> None:
    cmd = ["gcc", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ToolError(f"compiling {what} for spinnaker-host failed:\n$ {shlex.join(cmd)}\n{proc.stderr[-4000:]}")


# --- ctypes mirror of engine.h --------------------------------------------------------------

_P = ctypes.c_void_p


class _PopCfg(ctypes.Structure):
    _fields_ = [("model", ctypes.c_uint32), ("n", ctypes.c_uint32), ("offset", ctypes.c_uint32),
                ("n_rec", ctypes.c_uint32), ("rec_interval", ctypes.c_uint32), ("pad", ctypes.c_uint32),
                ("shifts", ctypes.c_int32 * MAX_TYPES), ("params", _P), ("rec_ids", _P), ("rec_out", _P)]


class _RunCfg(ctypes.Structure):
    _fields_ = [("abi", ctypes.c_uint32), ("n_pops", ctypes.c_uint32), ("n_neurons", ctypes.c_uint32),
                ("n_pre", ctypes.c_uint32), ("n_sources", ctypes.c_uint32), ("n_types", ctypes.c_uint32),
                ("ring_mask", ctypes.c_uint32), ("pad", ctypes.c_uint32), ("n_ticks", ctypes.c_uint64),
                ("seed", ctypes.c_uint64 * 4), ("pops", _P), ("rows", _P), ("targets", _P), ("deltas", _P),
                ("synapses", _P), ("src_start", _P), ("src_stop", _P), ("src_table", _P),
                ("n_tables", ctypes.c_uint32), ("target_bytes", ctypes.c_uint32), ("table_cdf_off", _P),
                ("table_cdf_len", _P), ("cdf", _P), ("guide", _P), ("n_array_events", ctypes.c_uint64),
                ("array_tick", _P), ("array_pre", _P), ("n_current_events", ctypes.c_uint64),
                ("current_tick", _P), ("current_neuron", _P), ("current_delta", _P), ("progress", _P),
                ("sat_columns", _P), ("max_slot", _P),
                ("n_rules", ctypes.c_uint32), ("n_plastic_rows", ctypes.c_uint32), ("rules", _P),
                ("plastic_rows", _P), ("plastic_first", _P), ("plastic_target", _P), ("plastic_delay", _P),
                ("plastic_weight", _P), ("post_rule", _P), ("sample_every", ctypes.c_uint64), ("sample", _P)]


PAIRINGS = ("all_to_all", "nearest", "pre_centered", "restricted")  # stdp.h STDP_ALL_TO_ALL, ...


class _StdpRule(ctypes.Structure):  # stdp.h stdp_rule_t
    _fields_ = [("multiplicative", ctypes.c_uint32), ("plus_size", ctypes.c_uint32), ("minus_size", ctypes.c_uint32),
                ("w_min", ctypes.c_int32), ("w_max", ctypes.c_int32), ("a2_plus", ctypes.c_int32),
                ("a2_minus", ctypes.c_int32), ("plus_lut", _P), ("minus_lut", _P), ("f_w_min", ctypes.c_double),
                ("f_w_max", ctypes.c_double), ("f_a2_plus", ctypes.c_double), ("f_a2_minus", ctypes.c_double),
                ("plus_per_tick", ctypes.c_double), ("minus_per_tick", ctypes.c_double), ("pairing", ctypes.c_uint32),
                ("triplet", ctypes.c_uint32), ("x_size", ctypes.c_uint32), ("y_size", ctypes.c_uint32),
                ("x_lut", _P), ("y_lut", _P), ("a3_plus", ctypes.c_int32), ("a3_minus", ctypes.c_int32),
                ("f_a3_plus", ctypes.c_double), ("f_a3_minus", ctypes.c_double), ("x_per_tick", ctypes.c_double),
                ("y_per_tick", ctypes.c_double)]


PLASTIC_ROW = np.dtype([("begin", np.uint64), ("length", np.uint32), ("rule", np.uint32), ("shift", np.uint32),
                        ("type", np.uint32)], align=True)  # stdp.h plastic_row_t


_PROGRESS = ctypes.CFUNCTYPE(None, ctypes.c_uint64, ctypes.c_uint64)
_SAMPLE = ctypes.CFUNCTYPE(None, ctypes.c_uint64)


class _RunOut(ctypes.Structure):
    _fields_ = [("n_spikes", ctypes.c_uint64), ("spike_tick", ctypes.POINTER(ctypes.c_uint32)),
                ("spike_neuron", ctypes.POINTER(ctypes.c_uint32)), ("saturations", ctypes.c_uint64),
                ("synaptic_events", ctypes.c_uint64), ("plastic_saturations", ctypes.c_uint64),
                ("nonfinite_tick", ctypes.c_uint64),
                ("nonfinite_neuron", ctypes.c_uint32), ("pad", ctypes.c_uint32),
                ("nonfinite_field", ctypes.c_char_p), ("nonfinite_value", ctypes.c_double)]
NONFINITE = -5  # portasnn_run: a state became NaN or infinite (float builds; engine.h PORTASNN_NONFINITE)


def _load(path: Path) -> ctypes.CDLL:
    lib = ctypes.CDLL(str(path))
    lib.portasnn_run.argtypes = [ctypes.POINTER(_RunCfg), ctypes.POINTER(_RunOut)]
    lib.portasnn_run.restype = ctypes.c_int
    lib.portasnn_free.argtypes = [ctypes.POINTER(_RunOut)]
    lib.portasnn_free.restype = None
    lib.portasnn_scatter.argtypes = [ctypes.c_uint64, _P, _P, _P, _P]
    lib.portasnn_scatter.restype = None
    return lib


def _ptr(a: np.ndarray | None) -> int | None:
    return None if a is None or a.size == 0 else a.ctypes.data


# --- host-side preparation ------------------------------------------------------------------

@dataclass
class _RunningStats:
    n: int = 0
    mean: float = 0.0
    m2: float = 0.0

    def add_items(self, mean: float, variance: float, n: int) -> None:
        """Merge n items with the given mean and variance, as sPyNNaker's RunningStats.add_items does: the
        variance is taken as a sample variance (n - 1 weights it), so that one item's variance counts for nothing."""
        if n <= 0:
            return
        total = self.n + n
        delta = mean - self.mean
        self.m2 += variance * (n - 1.0) + delta * delta * self.n * n / total
        self.mean += delta * n / total
        self.n = total

    @property
    def variance(self) -> float:
        """sPyNNaker's RunningStats.variance: m2 / (n - 1), 0 for one item or none."""
        return self.m2 / (self.n - 1.0) if self.n > 1 else 0.0


def _expected_upper_bound(w_mean: float, w_std: float, rate: float, n_in: int, sigma: float, dt: float) -> float:
    """sPyNNaker's ring-buffer upper bound (population_vertex._ring_buffer_expected_upper_bound)."""
    from scipy import special

    spikes = n_in * rate * dt / 1000.0
    poisson_var = spikes * w_mean ** 2
    upper = int(round(spikes + 5.0 * math.sqrt(spikes)))
    weight_var = 0.0
    if w_std > 0 and spikes > 0:
        lngamma = special.gammaln(1 + upper)
        gammai = special.gammaincc(1 + upper, spikes)
        big_ratio = math.log(spikes) * upper - lngamma
        if -701.0 < big_ratio < 701.0 and big_ratio != 0.0:
            weight_var = math.exp(-spikes + math.log(spikes) + 2.0 * math.log(w_std)
                                  + math.log(math.exp(spikes) * gammai - math.exp(big_ratio)))
    return spikes * w_mean + sigma * math.sqrt(poisson_var + weight_var)


def ring_buffer_shifts(incoming: list[netdata.Incoming], n_types: int, gws: float, dt: float,
                       max_expected: Sequence[float] | None = None) -> list[int]:
    """Per synapse type, the shift sPyNNaker chooses (PopulationVertex.get_ring_buffer_shifts)."""
    if max_expected is not None:
        maxw = [float(w) * gws for w in max_expected]
        return [fixed.ring_buffer_shift(w) for w in maxw]
    totals = [_RunningStats() for _ in range(n_types)]
    delays = [_RunningStats() for _ in range(n_types)]
    rates = [_RunningStats() for _ in range(n_types)]
    total_w, biggest = [0.0] * n_types, [0.0] * n_types
    for inc in incoming:
        if inc.weights.size == 0 or inc.n_conns == 0:
            continue
        s, w = inc.synapse_type, inc.weights * gws
        totals[s].add_items(float(w.mean()), float(w.var()), inc.n_conns)
        biggest[s] = max(biggest[s], float(w.max()))
        delays[s].add_items(0.0, inc.delay_var, inc.n_conns)
        rates[s].add_items(inc.spikes_per_second, 0.0, inc.n_conns)
        total_w[s] += inc.spikes_per_tick * float(w.max()) * inc.n_conns
    out = []
    for s in range(n_types):
        if delays[s].variance == 0.0:
            maxw = max(total_w[s], biggest[s])
        else:
            maxw = _expected_upper_bound(totals[s].mean, math.sqrt(totals[s].variance), rates[s].mean,
                                         totals[s].n, netdata.RING_BUFFER_SIGMA, dt)
            maxw = max(min(maxw, total_w[s]) if math.isfinite(maxw) else total_w[s], biggest[s])
        out.append(fixed.ring_buffer_shift(maxw))
    return out


def population_shifts(p: netdata.PopLayout, incoming: list[netdata.Incoming], dt: float,
                      pinned: Sequence[float] | None = None, scaling: WeightScaling | None = None,
                      chosen: Sequence[int] | None = None) -> list[int]:
    """One population's shifts: ``chosen`` (auto's), else ``pinned`` (model units), else its ``scaling``
    (shifts as given; max: network units, converted to the model's), else sPyNNaker's estimate."""
    n_types, gws = len(p.model.synapse_types), p.model.global_weight_scale
    if chosen is not None:
        return [int(s) for s in chosen]
    if pinned is None and scaling is not None and scaling.mode == "shifts":
        return [int(v) for v in scaling.values]
    if pinned is None and scaling is not None and scaling.mode == "max":
        pinned = [v * p.model.weight_to_model[s] for s, v in enumerate(scaling.values)]
    return ring_buffer_shifts(incoming, n_types, gws, dt, pinned)


def _encode_words(values: np.ndarray, arith: Arith) -> np.ndarray:
    if arith == "float":
        return values.astype(np.float64)
    return np.array([fixed.encode_s1615(float(v)) for v in values], dtype=np.int32)


def run_network(network: Network, models: Mapping[str, HostModel], outdir: str | Path, *,
                arith: Arith = "fixed", max_expected_summed_weight: Mapping[str, Sequence[float]] | None = None,
                weight_scaling: Sequence[tuple[str, WeightScaling]] = (),
                command: str = "", plots: bool | None = None,
                progress: Callable[[float, float], None] | None = None) -> Path:
    """Run ``network`` on spinnaker-host; write a results directory; return its path.

    ``models`` maps each model key of the network to its :class:`HostModel`.
    ``progress(done_ms, total_ms)`` is called about every 1 % of the simulation.
    ``max_expected_summed_weight`` pins the ring-buffer shifts per population (model units, per
    synapse type), like sPyNNaker's ``additional_parameters={"max_expected_summed_weight": ...}``.
    ``weight_scaling``: (population or ``*``, scaling) pairs over the populations' own
    (``portasnn.weight_scaling.resolve``). ``auto`` (fixed point only): a measurement run at sPyNNaker's
    shifts (each raised by one and run again while that run saturates it) records the largest input any
    neuron of the population got in one tick, per synapse type; the shift becomes the smallest whose slot
    holds that input times ``AUTO_HEADROOM``; the run is repeated with those shifts, and while it saturates
    a slot of an auto population the shifts that saturated go up by one and it is run again. The run
    written is the last one: no auto population saturated in it (below ``MAX_SHIFT``).
    A run that saturates (any population) warns W770 per population and synapse type with the count.
    """
    from portasnn.results import ResultsWriter

    if arith not in ("fixed", "float"):
        raise UsageError(f"unknown arithmetic '{arith}'", code="E430", hint="use 'fixed' or 'float'")
    sim = network.simulation
    dt, n_ticks = sim.resolution, int(round(sim.duration / sim.resolution))
    used = list(dict.fromkeys(p.model for p in network.populations))
    missing = [k for k in used if k not in models]
    if missing:
        raise UsageError(f"no spinnaker-host model for {', '.join(missing)}", code="E431")
    scalings = ws.resolve(network, weight_scaling)
    for pop in network.populations:
        ws.check_types(pop.name, scalings[pop.name], models[pop.model].synapse_types)
    t0 = time.perf_counter()
    lib_path = build_library([models[k] for k in used], arith)
    lib = _load(lib_path)
    t_build = time.perf_counter() - t0

    t0 = time.perf_counter()
    rng = np.random.default_rng(sim.seed)
    data = netdata.build(network, dict(models), dt, rng)
    after_build = rng.bit_generator.state
    auto = [p.name for p in data.pops if scalings[p.name].mode == "auto"] if arith == "fixed" else []
    chosen: dict[str, list[int]] = {}  # auto populations' shifts (absent: sPyNNaker's, for the measurement)
    history: list[dict[str, list[int]]] = []
    measured: dict[str, list[float]] | None = None
    t_connect = t_sim = c_sim = 0.0
    while True:
        rng.bit_generator.state = after_build  # every attempt draws the same Poisson seeds
        t1 = time.perf_counter()
        prepared = _prepare(lib, network, data, used, dt, n_ticks, arith, rng, max_expected_summed_weight or {},
                            scalings, chosen)
        t_connect += time.perf_counter() - t1
        history.append({p: list(prepared.shifts[p]) for p in auto})
        callback = None
        if progress is not None:
            callback = _PROGRESS(lambda done, total: progress(done * dt, total * dt))
            prepared.cfg.progress = ctypes.cast(callback, _P)
        sampler = _Sampler(network, data, prepared.plastic, dt)
        if sampler.every:
            sample_callback = _SAMPLE(sampler)
            prepared.cfg.sample_every, prepared.cfg.sample = sampler.every, ctypes.cast(sample_callback, _P)
        t1, c1 = time.perf_counter(), time.thread_time()
        out = _RunOut()
        rc = lib.portasnn_run(ctypes.byref(prepared.cfg), ctypes.byref(out))
        if rc == NONFINITE:
            raise _non_finite(network, data, out, dt)
        if rc != 0:
            raise ToolError(f"the spinnaker-host engine failed (code {rc})")
        t_sim, c_sim = t_sim + time.perf_counter() - t1, c_sim + time.thread_time() - c1
        sat = _saturations(data, prepared)
        if not auto:
            break
        bumped = {p: [s + (1 if sat[p][k] and s < ws.MAX_SHIFT else 0) for k, s in enumerate(prepared.shifts[p])]
                  for p in auto}  # one more where a slot saturated
        if measured is None:  # the measurement run at sPyNNaker's shifts (or larger where it saturated)
            if any(bumped[p] != prepared.shifts[p] for p in auto):
                chosen = bumped
            else:
                measured = {p: _max_input(data, prepared, p) for p in auto}
                chosen = {p: [ws.auto_shift(m) for m in measured[p]] for p in auto}
                if all(chosen[p] == prepared.shifts[p] for p in auto):
                    break
        elif any(bumped[p] != prepared.shifts[p] for p in auto):
            chosen = bumped
        else:
            break  # no auto population saturated (or only at MAX_SHIFT: warned below)
        lib.portasnn_free(ctypes.byref(out))
    ticks = np.ctypeslib.as_array(out.spike_tick, (out.n_spikes,)).copy() if out.n_spikes else np.zeros(0, np.uint32)
    neurons = np.ctypeslib.as_array(out.spike_neuron, (out.n_spikes,)).copy() if out.n_spikes \
        else np.zeros(0, np.uint32)
    saturations, events = int(out.saturations), int(out.synaptic_events)
    plastic_saturations = int(out.plastic_saturations)
    lib.portasnn_free(ctypes.byref(out))
    for p in data.pops:
        for k, count in enumerate(sat[p.name]):
            if count:
                warn(f"population {p.name}: {count} additions to its {p.model.synapse_types[k]} ring buffers "
                     f"saturated at shift {prepared.shifts[p.name][k]} (input lost, as SpiNNaker's "
                     f"synapses_saturation_count counts it)", code="W770", span=network.population(p.name).span)

    quantised = _quantisation(network, data, prepared, arith)
    _warn_quantisation(network, quantised)
    target = "spinnaker-host" if arith == "fixed" else "spinnaker-host-float"
    meta = {
        "target": target, "network": network.name, "duration_ms": n_ticks * dt, "resolution_ms": dt,
        "seed": sim.seed,
        "populations": {p.name: {"size": p.n, "model": p.model.name} for p in data.pops},
        "versions": _versions(), "command": command or f"run_network({network.name!r}, arith={arith!r})",
        "wall_time_s": {"build": t_build, "connect": t_connect, "simulate": t_sim},
        "spinnaker_host": {"arith": arith, "ring_buffer_shifts": prepared.shifts, "saturations": saturations,
                           **({"plastic_saturations": plastic_saturations} if data.plastic else {}),
                           "synaptic_events": events, "simulate_cpu_s": c_sim,
                           "library": str(lib_path),
                           "weight_scaling": _scaling_meta(data, prepared, scalings, sat, arith, measured, history),
                           "weights": quantised},
    }
    writer = ResultsWriter(outdir, meta)
    _write_spikes(writer, network, data, ticks, neurons, dt)
    _write_traces(writer, network, data, prepared, dt, n_ticks, arith)
    _write_weights(writer, network, data, prepared.plastic, dt, arith, sampler)
    return writer.close(summary=True, plots=plots)


def _saturations(data: netdata.NetData, prepared: _Prepared) -> dict[str, list[int]]:
    """Saturated ring-buffer additions per population and synapse type (from the per-column counts)."""
    cols = prepared.sat_columns.reshape(-1, data.n_neurons) if data.n_neurons else prepared.sat_columns
    return {p.name: [int(cols[s, p.offset:p.offset + p.n].sum()) if s < cols.shape[0] else 0
                     for s in range(len(p.model.synapse_types))] for p in data.pops}


def _max_input(data: netdata.NetData, prepared: _Prepared, pop: str) -> list[float]:
    """The largest input one neuron of ``pop`` got in one tick, per synapse type, in model units times the
    global weight scale (fixed point: the slot's units times 2**(shift - 15))."""
    k = [p.name for p in data.pops].index(pop)
    p = data.pops[k]
    row = prepared.max_slot[k]
    if prepared.arith == "float":
        return [float(row[s]) for s in range(len(p.model.synapse_types))]
    return [float(row[s]) * 2.0 ** (prepared.shifts[pop][s] - 15) for s in range(len(p.model.synapse_types))]


def _scaling_meta(data: netdata.NetData, prepared: _Prepared, scalings: Mapping[str, WeightScaling],
                  sat: Mapping[str, list[int]], arith: Arith, measured: Mapping[str, list[float]] | None,
                  history: list[dict[str, list[int]]]) -> dict:
    """Per population: how the shifts were chosen, the shifts, the largest input of one neuron in one tick and
    a slot's capacity (in the network's weight unit: mV, pA or nS), and the saturated additions."""
    out = {}
    for p in data.pops:
        to_net = [1.0 / (p.model.global_weight_scale * f) for f in p.model.weight_to_model]
        entry = {"mode": scalings[p.name].mode, "spec": ws.spec(scalings[p.name]),
                 "synapse_types": list(p.model.synapse_types), "shifts": list(prepared.shifts[p.name]),
                 "capacity": [ws.capacity(s) * to_net[k] for k, s in enumerate(prepared.shifts[p.name])],
                 "max_input": [m * to_net[k] for k, m in enumerate(_max_input(data, prepared, p.name))],
                 "saturations": list(sat[p.name])}
        if measured is not None and p.name in measured:
            entry["measured_max_input"] = [m * to_net[k] for k, m in enumerate(measured[p.name])]
            entry["headroom"] = ws.AUTO_HEADROOM
        if scalings[p.name].mode == "auto":
            entry["attempts"] = [h[p.name] for h in history if p.name in h]
        out[p.name] = entry
    return out


def _quantisation(network: Network, data: netdata.NetData, prepared: _Prepared, arith: Arith) -> list[dict]:
    """Per projection and spiking stimulus: the requested and the stored weight magnitudes (the network's
    weight unit: mV, pA or nS; a single value, else None) and the relative error stored / requested - 1 (0 in
    float), over the distinct weights: the mean and the largest in magnitude."""
    rows = []
    for c in data.chunks:
        p = data.pop(c.post_pop)
        gws, shift = p.model.global_weight_scale, prepared.shifts[p.name][c.synapse_type]
        w = np.unique(np.asarray(c.weight, np.float64))
        if w.size == 0:
            continue
        if arith == "fixed":
            stored = (np.rint(w * gws * 2.0 ** (15 - shift)).astype(np.int64) & ws.SLOT_MAX) \
                * 2.0 ** (shift - 15) / gws
        else:
            stored = w.copy()
        to_net = 1.0 / p.model.weight_to_model[c.synapse_type]  # back to the network's unit (mV, pA, nS)
        with np.errstate(divide="ignore", invalid="ignore"):
            rel = np.where(w > 0, stored / w - 1.0, 0.0)
        worst = int(np.argmax(np.abs(rel)))
        rows.append({"name": c.name, "kind": c.kind, "population": p.name,
                     "synapse_type": p.model.synapse_types[c.synapse_type], "shift": shift,
                     "requested": float(w[0] * to_net) if w.size == 1 else None,
                     "stored": float(stored[0] * to_net) if w.size == 1 else None,
                     "relative_error": float(rel[0]) if w.size == 1 else float(np.mean(rel)),
                     "max_abs_relative_error": float(abs(rel[worst])), "distinct_weights": int(w.size),
                     "lost": int(np.count_nonzero((w > 0) & (stored == 0)))})
    return rows


#: a stored weight further than this from the requested one is warned about (W403)
QUANTISATION_WARN = 0.1


def _warn_quantisation(network: Network, rows: list[dict]) -> None:
    """W403 at the statement of each projection or stimulus whose weights the ring buffer's 16 bits at its shift
    store more than 10 % off (or as 0): the run goes on, as a board's would, but not silently."""
    spans = {**{p.name: p.span for p in network.projections}, **{s.name: s.span for s in network.stimuli}}
    merged: dict[tuple, dict] = {}  # one warning per statement and synapse type (spikes with weights: several rows)
    for row in rows:
        key = (row["kind"], row["name"], row["population"], row["synapse_type"], row["shift"])
        if key in merged:
            was = merged[key]
            merged[key] = {**was, "max_abs_relative_error": max(was["max_abs_relative_error"],
                                                                 row["max_abs_relative_error"]),
                           "lost": was["lost"] + row["lost"],
                           "distinct_weights": was["distinct_weights"] + row["distinct_weights"]}
        else:
            merged[key] = row
    for row in merged.values():
        if row["max_abs_relative_error"] <= QUANTISATION_WARN:
            continue
        lost = f"; {row['lost']} of its {row['distinct_weights']} distinct weights are stored as 0" if row["lost"] else ""
        warn(f"{row['kind']} {row['name']} onto {row['population']} ({row['synapse_type']}, ring-buffer shift "
             f"{row['shift']}): weights stored with up to {100 * row['max_abs_relative_error']:.3g} % error{lost} "
             "(one 16-bit range per synapse type, set by the largest weight onto the population, as on SpiNNaker)",
             code="W403", span=spans.get(row["name"]))


def _non_finite(network: Network, data: netdata.NetData, out: _RunOut, dt: float) -> Exception:
    """E460 for the neuron the engine stopped at (nothing has been written yet)."""
    from portasnn.nonfinite import non_finite_error

    g = int(out.nonfinite_neuron)
    pop = next(p for p in data.pops if p.offset <= g < p.offset + p.n)
    value = float(out.nonfinite_value)
    return non_finite_error(network, pop.name, g - pop.offset, out.nonfinite_field.decode(),
                            "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf"),
                            (int(out.nonfinite_tick) + 1) * dt)


def _versions() -> dict[str, str]:
    try:
        from importlib.metadata import version

        ours = version("portasnn")
    except Exception:  # noqa: BLE001 - not installed as a distribution
        ours = "unknown"
    return {"portasnn": ours, "gcc": _gcc_version(), "python": sys.version.split()[0]}


@dataclass
class _Prepared:
    cfg: _RunCfg
    keep: list  # arrays the C side points into
    shifts: dict[str, list[int]]
    rec: dict[str, tuple[np.ndarray, int, np.ndarray]]  # pop -> (ids, interval ticks, buffer)
    sat_columns: np.ndarray  # saturated additions per ring-buffer column (type * n_neurons + neuron)
    max_slot: np.ndarray     # (n_pops, MAX_TYPES) largest slot handed to the model
    arith: Arith = "fixed"
    plastic: _Plastic | None = None


def _prepare(lib: ctypes.CDLL, network: Network, data: netdata.NetData, used: list[str], dt: float, n_ticks: int,
             arith: Arith, rng: np.random.Generator, pinned: Mapping[str, Sequence[float]],
             scalings: Mapping[str, WeightScaling] | None = None,
             chosen: Mapping[str, Sequence[int]] | None = None) -> _Prepared:
    keep: list = []
    n_types = max(len(p.model.synapse_types) for p in data.pops) if data.pops else 1
    if n_types > MAX_TYPES:
        raise NetworkError(f"spinnaker-host supports at most {MAX_TYPES} synapse types", code="E432")
    n_arrays = len(data.array_ticks)
    n_pre = data.n_neurons + data.n_sources + n_arrays

    cat = (lambda xs, dtype: np.concatenate(xs).astype(dtype, copy=False) if xs else np.zeros(0, dtype))
    # synapses: quantise per chunk (one target population and synapse type), then sort into rows
    shifts: dict[str, list[int]] = {}
    for p in data.pops:
        shifts[p.name] = population_shifts(p, data.incoming[p.name], dt, pinned.get(p.name),
                                           (scalings or {}).get(p.name), (chosen or {}).get(p.name))
    if arith == "fixed":
        dtype = np.dtype([("target", np.uint32), ("delay", np.uint16), ("weight", np.uint16)])
    else:
        dtype = np.dtype([("target", np.uint32), ("delay", np.uint32), ("weight", np.float64)])
    total = sum(c.pre.size for c in data.chunks)
    staged = np.empty(total, dtype)
    pre_all = np.empty(total, np.uint32)
    max_delay, wrapped, pos = 1, 0, 0
    for c in data.chunks:
        k, p = c.pre.size, data.pop(c.post_pop)
        sl = slice(pos, pos + k)
        pre = c.pre
        if k and pre.min() < 0:  # spike arrays follow the Poisson sources
            pre = np.where(pre < 0, data.n_neurons + data.n_sources + (-1 - pre), pre)
        pre_all[sl] = pre
        staged["target"][sl] = c.synapse_type * data.n_neurons + c.post
        staged["delay"][sl] = c.delay
        max_delay = max(max_delay, int(np.max(c.delay)) if k else 1)
        gws = p.model.global_weight_scale
        if arith == "fixed":
            scaled = np.rint(np.asarray(c.weight) * gws * 2.0 ** (15 - shifts[p.name][c.synapse_type]))
            wrapped += int(np.count_nonzero(scaled > 0xFFFF)) * (k if scaled.ndim == 0 else 1)
            staged["weight"][sl] = scaled.astype(np.int64) & 0xFFFF
        else:
            staged["weight"][sl] = np.asarray(c.weight) * gws
        pos += k
    if wrapped:
        warn(f"{wrapped} weights exceed the 16-bit ring-buffer range for their shift and wrap (as on SpiNNaker)",
             code="W402")
    counts = np.bincount(pre_all, minlength=n_pre)
    row_ptr = np.zeros(n_pre + 1, np.uint64)
    np.cumsum(counts, out=row_ptr[1:])
    synapses = np.empty(total, dtype)
    if total:
        cursor = row_ptr[:-1].copy()
        lib.portasnn_scatter(ctypes.c_uint64(total), _ptr(pre_all), _ptr(staged), _ptr(cursor), _ptr(synapses))
    del staged, pre_all
    ring_mask = (1 << max(1, max_delay.bit_length())) - 1
    narrow = n_types * data.n_neurons <= NARROW_COLUMNS
    rows, targets, steps, synapses = _rows(synapses, row_ptr, arith, narrow)
    keep += [rows, targets, steps, synapses]

    # Poisson sources
    lam = cat(data.src_rate_per_tick, np.float64)
    uniq, which = np.unique(lam, return_inverse=True)
    tables = [poisson.numbers(float(value)).count_cdf for value in uniq]
    table_len = np.array([t.size for t in tables], np.uint32)
    table_off = (np.concatenate([[0], np.cumsum(table_len)[:-1]]) if tables else np.zeros(0)).astype(np.uint32)
    cdf = cat(tables, np.uint32)
    guide = cat([np.searchsorted(t, np.arange(257, dtype=np.uint64) << 24, side="right").astype(np.uint32)
                 for t in tables], np.uint32)
    src_table = np.ravel(which).astype(np.uint32)
    src_start = np.minimum(cat(data.src_start, np.int64), n_ticks).astype(np.uint32)
    src_stop = np.minimum(cat(data.src_stop, np.int64), n_ticks).astype(np.uint32)
    keep += [cdf, guide, table_len, table_off, src_table, src_start, src_stop]

    # spike arrays
    a_ticks = [t for t in data.array_ticks]
    a_pre = [np.full(t.size, data.n_neurons + data.n_sources + k, np.uint32) for k, t in enumerate(a_ticks)]
    array_tick, array_pre = cat(a_ticks, np.int64), cat(a_pre, np.uint32)
    keep_a = (array_tick >= 0) & (array_tick < n_ticks)
    order_a = np.argsort(array_tick[keep_a], kind="stable")
    array_tick = array_tick[keep_a][order_a].astype(np.uint64)
    array_pre = array_pre[keep_a][order_a].astype(np.uint32)
    keep += [array_tick, array_pre]

    # current sources: per stimulus, steps of its value -> deltas (bits or doubles)
    ct, cn, cd = [], [], []
    for ticks, neurons, values in data.current_steps:
        if arith == "fixed":
            bits = np.array([fixed.encode_s1615(float(v)) for v in values], np.int64)
            deltas = np.diff(np.concatenate([[0], bits]))
        else:
            deltas = np.diff(np.concatenate([[0.0], values]))
        for tick, delta in zip(ticks, deltas):
            ct.append(np.full(neurons.size, max(0, int(tick)), np.int64))
            cn.append(neurons.astype(np.uint32))
            cd.append(np.full(neurons.size, delta))
    current_tick = cat(ct, np.int64)
    order_c = np.argsort(current_tick, kind="stable")
    current_tick = current_tick[order_c].astype(np.uint64)
    current_neuron = cat(cn, np.uint32)[order_c]
    vdtype = np.float64 if arith == "float" else np.int32
    current_delta = ((cat(cd, np.int64) & 0xFFFFFFFF).astype(np.uint32).view(np.int32) if arith == "fixed"
                     else cat(cd, np.float64))[order_c].astype(vdtype)
    keep += [current_tick, current_neuron, current_delta]

    # populations: parameters, recording
    rec_plan = _recording_plan(network, data, dt)
    pop_cfgs = (_PopCfg * max(1, len(data.pops)))()
    rec: dict[str, tuple[np.ndarray, int, np.ndarray]] = {}
    for k, p in enumerate(data.pops):
        words = np.ascontiguousarray(p.model.pack(p.values, PackContext(n=p.n, dt_ms=dt, arith=arith)))
        expected = np.float64 if arith == "float" else np.int32
        if words.shape != (p.n, p.model.n_param_words) or words.dtype != expected:
            raise ToolError(f"model '{p.model.name}': its packer returned {words.shape} {words.dtype}, "
                            f"expected ({p.n}, {p.model.n_param_words}) {np.dtype(expected)}")
        keep.append(words)
        cfg = pop_cfgs[k]
        cfg.model, cfg.n, cfg.offset = used.index(p.model_key), p.n, p.offset
        for s, value in enumerate(shifts[p.name]):
            cfg.shifts[s] = value
        cfg.params = _ptr(words)
        if p.name in rec_plan and p.model.recordables:
            ids, interval = rec_plan[p.name]
            n_rows = -(-n_ticks // interval)
            buf = np.zeros((n_rows, ids.size, len(p.model.recordables)), vdtype)
            ids32 = ids.astype(np.uint32)
            keep += [buf, ids32]
            cfg.n_rec, cfg.rec_interval, cfg.rec_ids, cfg.rec_out = ids.size, interval, _ptr(ids32), _ptr(buf)
            rec[p.name] = (ids, interval, buf)
        else:
            cfg.n_rec, cfg.rec_interval = 0, 1
    keep.append(pop_cfgs)

    run = _RunCfg()
    run.abi, run.n_pops, run.n_neurons, run.n_pre = ENGINE_ABI, len(data.pops), data.n_neurons, n_pre
    run.n_sources, run.n_types, run.ring_mask, run.n_ticks = data.n_sources, n_types, ring_mask, n_ticks
    seed = rng.integers(0, 2 ** 32, 4, dtype=np.uint64)
    for i in range(4):
        run.seed[i] = int(seed[i])
    run.pops = ctypes.addressof(pop_cfgs)
    run.rows, run.targets, run.deltas, run.synapses = _ptr(rows), _ptr(targets), _ptr(steps), _ptr(synapses)
    run.target_bytes = targets.itemsize
    run.src_start, run.src_stop, run.src_table = _ptr(src_start), _ptr(src_stop), _ptr(src_table)
    run.n_tables, run.table_cdf_off, run.table_cdf_len = len(tables), _ptr(table_off), _ptr(table_len)
    run.cdf, run.guide = _ptr(cdf), _ptr(guide)
    run.n_array_events, run.array_tick, run.array_pre = array_tick.size, _ptr(array_tick), _ptr(array_pre)
    run.n_current_events = current_tick.size
    run.current_tick, run.current_neuron, run.current_delta = (_ptr(current_tick), _ptr(current_neuron),
                                                               _ptr(current_delta))
    sat_columns = np.zeros(max(1, n_types * data.n_neurons), np.uint64)
    max_slot = np.zeros((max(1, len(data.pops)), MAX_TYPES), np.float64)
    run.sat_columns, run.max_slot = _ptr(sat_columns), _ptr(max_slot)
    keep += [sat_columns, max_slot]
    plastic = _plastic(run, data, shifts, dt, arith, keep) if data.plastic else None
    if plastic is not None:
        run.ring_mask = max(run.ring_mask, (1 << max(1, plastic.max_delay.bit_length())) - 1)
    return _Prepared(run, keep, shifts, rec, sat_columns, max_slot, arith, plastic)


@dataclass
class _Plastic:
    """The plastic synapses as the engine holds them: per sorted synapse its chunk (data.plastic index) and index
    in the chunk, the (in/out) weights and the rows' shifts."""

    chunk: np.ndarray
    index: np.ndarray
    weight: np.ndarray
    shift: np.ndarray  # per sorted synapse
    max_delay: int


def exp_lut(dt: float, tau: float) -> np.ndarray:
    """sPyNNaker's host exp table (get_exp_lut_array, shift 0): floor(2048 exp(-i dt / tau)) for i below
    ln(2048) tau / dt rounded up to an even length."""
    lam = dt / float(tau)
    size, extra = divmod(math.log(2048) / lam, 2)
    size = (int(size) + (extra > 0)) * 2
    return np.floor(np.exp(np.arange(size) * -lam) * 2048).astype(np.uint16).view(np.int16)


def _plastic(run: _RunCfg, data: netdata.NetData, shifts: Mapping[str, list[int]], dt: float, arith: Arith,
             keep: list) -> _Plastic:
    """Fills the plastic part of ``run`` (engine.h): one rule per post population and synapse type, rows per
    (presynaptic neuron, projection), weights as 16-bit words at the population's shift (fixed) or doubles."""
    rule_keys: list[tuple[str, int]] = []
    for pc in data.plastic:
        if (pc.chunk.post_pop, pc.chunk.synapse_type) not in rule_keys:
            rule_keys.append((pc.chunk.post_pop, pc.chunk.synapse_type))
    rules = (_StdpRule * len(rule_keys))()
    post_rule = np.full(max(1, data.n_neurons), -1, np.int32)
    for k, (name, stype) in enumerate(rule_keys):
        p, rule = data.pop(name), data.rules[name]
        gws = p.model.global_weight_scale
        wmax = rule.wmax * p.model.weight_to_model[stype]  # in the model's (sPyNNaker's) weight unit
        a_plus, a_minus = rule.a_plus(wmax), rule.a_minus(wmax)
        scale = gws if rule.dependence == "additive" else 1.0  # what sPyNNaker's write_parameters multiplies by
        check_range(rule, wmax, gws)
        plus, minus = exp_lut(dt, rule.tau_plus), exp_lut(dt, rule.tau_minus)
        keep += [plus, minus]
        r = rules[k]
        r.multiplicative = int(rule.dependence == "multiplicative")
        r.pairing = PAIRINGS.index(rule.pairing)
        r.plus_size, r.minus_size, r.plus_lut, r.minus_lut = plus.size, minus.size, _ptr(plus), _ptr(minus)
        r.w_min, r.w_max = fixed.encode_s1615(0.0), fixed.encode_s1615(wmax * gws)
        r.a2_plus, r.a2_minus = fixed.encode_s1615(a_plus * scale), fixed.encode_s1615(a_minus * scale)
        r.f_w_min, r.f_w_max, r.f_a2_plus, r.f_a2_minus = 0.0, wmax * gws, a_plus * scale, a_minus * scale
        r.plus_per_tick, r.minus_per_tick = dt / rule.tau_plus, dt / rule.tau_minus
        if rule.triplet:  # sPyNNaker's PfisterSpikeTriplet: two more tables, two more amplitudes
            tau_x, tau_y = rule.triplet[:2]
            x_lut, y_lut = exp_lut(dt, tau_x), exp_lut(dt, tau_y)
            keep += [x_lut, y_lut]
            a3_plus, a3_minus = rule.a3_plus(wmax) * scale, rule.a3_minus(wmax) * scale
            r.triplet, r.x_size, r.y_size, r.x_lut, r.y_lut = 1, x_lut.size, y_lut.size, _ptr(x_lut), _ptr(y_lut)
            r.a3_plus, r.a3_minus = fixed.encode_s1615(a3_plus), fixed.encode_s1615(a3_minus)
            r.f_a3_plus, r.f_a3_minus = a3_plus, a3_minus
            r.x_per_tick, r.y_per_tick = dt / tau_x, dt / tau_y
        if post_rule[p.offset] < 0:
            post_rule[p.offset:p.offset + p.n] = k
    # synapses sorted by presynaptic neuron, then projection; a row per (neuron, projection)
    pre = np.concatenate([pc.chunk.pre for pc in data.plastic])
    which = np.concatenate([np.full(pc.chunk.pre.size, k) for k, pc in enumerate(data.plastic)])
    index = np.concatenate([np.arange(pc.chunk.pre.size) for pc in data.plastic])
    order = np.lexsort((which, pre))
    pre, which, index = pre[order], which[order], index[order]
    target, delay, weight, shift = [], [], [], []
    for k, pc in enumerate(data.plastic):
        c = pc.chunk
        s = shifts[c.post_pop][c.synapse_type]
        gws = data.pop(c.post_pop).model.global_weight_scale
        target.append(c.synapse_type * data.n_neurons + c.post)
        delay.append(np.broadcast_to(np.asarray(c.delay), c.pre.shape))
        w = np.abs(np.asarray(c.weight, np.float64)) * gws
        weight.append(np.rint(w * 2.0 ** (15 - s)).astype(np.int64) & 0xFFFF if arith == "fixed" else w)
        shift.append(np.full(c.pre.size, s))
    pick = lambda parts: np.concatenate(parts)[np.concatenate([[0], np.cumsum([x.size for x in parts])[:-1]])[which]
                                               + index]
    target = pick(target).astype(np.uint32)
    delay_a = pick(delay).astype(np.uint16)
    weights = pick(weight).astype(np.uint16 if arith == "fixed" else np.float64)
    shift_a = pick(shift).astype(np.uint32)
    starts = np.flatnonzero(np.concatenate([[True], (pre[1:] != pre[:-1]) | (which[1:] != which[:-1])])) \
        if pre.size else np.zeros(0, np.int64)
    rows = np.zeros(starts.size, PLASTIC_ROW)
    rows["begin"] = starts
    rows["length"] = np.diff(np.concatenate([starts, [pre.size]]))
    row_chunk = which[starts]
    for k, pc in enumerate(data.plastic):
        mine = row_chunk == k
        rows["rule"][mine] = rule_keys.index((pc.chunk.post_pop, pc.chunk.synapse_type))
        rows["shift"][mine] = shifts[pc.chunk.post_pop][pc.chunk.synapse_type]
        rows["type"][mine] = pc.chunk.synapse_type
    first = np.searchsorted(pre[starts], np.arange(data.n_neurons + 1)).astype(np.uint64)
    keep += [rules, post_rule, rows, first, target, delay_a, weights]
    run.n_rules, run.n_plastic_rows, run.rules = len(rule_keys), rows.size, ctypes.addressof(rules)
    run.plastic_rows, run.plastic_first, run.post_rule = _ptr(rows), _ptr(first), _ptr(post_rule)
    run.plastic_target, run.plastic_delay, run.plastic_weight = _ptr(target), _ptr(delay_a), _ptr(weights)
    return _Plastic(which, index, weights, shift_a, int(delay_a.max()) if delay_a.size else 1)


def _recorded_chunk(rec, data: netdata.NetData, plastic: _Plastic | None) -> int:  # noqa: ANN001
    """The data.plastic index of recorder ``rec``'s projection; E433 if it is not plastic."""
    k = next((k for k, pc in enumerate(data.plastic) if pc.chunk.name == rec.projection), None)
    if k is None or plastic is None:
        raise NetworkError(f"recorder {rec.name}: projection '{rec.projection}' is not a plastic projection",
                           span=rec.span, code="E433")
    return k


class _Sampler:
    """``record weights of ... every ...``: the engine calls it after every ``every``-th tick (the greatest common
    divisor of the recorders' intervals); it keeps, per recorder whose interval has passed, the raw weights of its
    synapses (the sorted plastic synapses of its projection onto its subset of post-synaptic neurons)."""

    def __init__(self, network: Network, data: netdata.NetData, plastic: _Plastic | None, dt: float) -> None:
        self.plastic = plastic
        self.plans: list[tuple[object, int, np.ndarray, int]] = []  # (recorder, chunk, selected synapses, ticks)
        for rec in network.weight_recorders:
            if rec.interval is None:
                continue
            k = _recorded_chunk(rec, data, plastic)
            c, p = data.plastic[k].chunk, data.pop(data.plastic[k].chunk.post_pop)
            mine = np.flatnonzero(plastic.chunk == k)
            if rec.subset is not None:
                mine = mine[np.isin(c.post[plastic.index[mine]] - p.offset, rec.subset)]
            self.plans.append((rec, k, mine, int(round(rec.interval / dt))))
        self.every = math.gcd(*(plan[3] for plan in self.plans)) if self.plans else 0
        self.samples: dict[str, list[tuple[int, np.ndarray]]] = {plan[0].name: [] for plan in self.plans}

    def __call__(self, done: int) -> None:
        for rec, _k, sel, ticks in self.plans:
            if done % ticks == 0:
                self.samples[rec.name].append((int(done), self.plastic.weight[sel].copy()))


def _in_units(raw: np.ndarray, shift: np.ndarray, pc, p, arith: Arith) -> np.ndarray:  # noqa: ANN001
    """Engine weights (16-bit words at ``shift``, or doubles) in the unit and sign of the projection's weights."""
    raw = raw.astype(np.float64)
    model = raw * 2.0 ** (shift.astype(np.float64) - 15) if arith == "fixed" else raw
    return pc.sign * model / p.model.global_weight_scale / p.model.weight_to_model[pc.chunk.synapse_type]


def _write_weights(writer, network: Network, data: netdata.NetData, plastic: _Plastic | None, dt: float,
                   arith: Arith, sampler: _Sampler | None = None) -> None:
    """``record weights of ...``: the final weights of each recorded plastic projection, in its weights' unit, and
    the weights ``sampler`` kept during the run."""
    for rec in network.weight_recorders:
        k = _recorded_chunk(rec, data, plastic)
        pc = data.plastic[k]
        c, p = pc.chunk, data.pop(pc.chunk.post_pop)
        mine = plastic.chunk == k
        idx = plastic.index[mine]
        weights = _in_units(plastic.weight[mine], plastic.shift[mine], pc, p, arith)
        src = data.pop(pc.pre_pop)
        delays = np.broadcast_to(np.asarray(c.delay), c.pre.shape)[idx] * dt
        writer.add_weights(c.name, pc.pre_pop, p.name, c.pre[idx] - src.offset, c.post[idx] - p.offset, weights,
                           delays, rec.unit)
    for rec, k, sel, _ticks in (sampler.plans if sampler else ()):
        pc = data.plastic[k]
        c, p, src = pc.chunk, data.pop(pc.chunk.post_pop), data.pop(pc.pre_pop)
        idx = plastic.index[sel]
        taken = sampler.samples[rec.name]
        values = np.array([_in_units(raw, plastic.shift[sel], pc, p, arith) for _, raw in taken]).reshape(
            len(taken), sel.size)
        delays = np.broadcast_to(np.asarray(c.delay), c.pre.shape)[idx] * dt
        writer.add_weight_trajectory(c.name, pc.pre_pop, p.name, c.pre[idx] - src.offset, c.post[idx] - p.offset,
                                     delays, np.array([t for t, _ in taken], np.float64) * dt, values, rec.unit)


def _rows(synapses: np.ndarray, row_ptr: np.ndarray, arith: Arith, narrow: bool
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """engine.h's row_t per presynaptic index and what the rows list: the uniform rows (one delay
    and one weight, bit for bit) their targets, as one-byte steps (deltas) where the targets do
    not decrease and step by at most 255, else as targets (uint16 if ``narrow``); the other rows
    their synapses.  Synapse order within a row is kept."""
    wdtype = np.uint16 if arith == "fixed" else np.float64
    row_dtype = np.dtype([("begin", np.uint64), ("length", np.uint32), ("delay", np.uint16), ("flags", np.uint16),
                          ("first", np.uint32), ("weight", wdtype)], align=True)
    counts = np.diff(row_ptr).astype(np.int64)
    rows = np.zeros(counts.size, row_dtype)
    rows["length"] = counts
    uniform = counts > 0
    stepped = np.zeros(counts.size, bool)
    steps = np.zeros(0, np.uint8)
    if synapses.size:
        delay, target = synapses["delay"], synapses["target"]
        wbits = synapses["weight"].view(np.uint16 if arith == "fixed" else np.uint64)
        heads, ends = row_ptr[:-1].astype(np.int64), row_ptr[1:].astype(np.int64) - 1

        def none_inside(flags: np.ndarray, which: np.ndarray) -> np.ndarray:
            """Per row in ``which``: no flag set between consecutive synapses of the row."""
            run = np.zeros(synapses.size, np.int32 if synapses.size < 2 ** 31 else np.int64)
            np.cumsum(flags, out=run[1:])
            return run[heads[which]] == run[ends[which]]

        uniform[uniform] = none_inside((delay[1:] != delay[:-1]) | (wbits[1:] != wbits[:-1]), uniform)
        step = target[1:] - target[:-1]  # uint32, wraps where the targets decrease
        stepped[uniform] = none_inside((target[1:] < target[:-1]) | (step > 255), uniform)
        rows["delay"][uniform] = delay[heads[uniform]]
        rows["weight"][uniform] = synapses["weight"][heads[uniform]]
        rows["first"][stepped] = target[heads[stepped]]
        rows["flags"][stepped] = ROW_DELTAS
        steps = np.empty(synapses.size, np.uint8)
        steps[0] = 0
        steps[1:] = step  # kept only in stepped rows, where it fits
        del step
        steps[heads[stepped]] = 0
        steps = steps[np.repeat(stepped, counts)]
    listed = uniform & ~stepped
    for kind in (stepped, listed, ~uniform):
        n = np.where(kind, counts, 0)
        rows["begin"][kind] = (np.cumsum(n) - n)[kind]
    targets = synapses["target"][np.repeat(listed, counts)].astype(np.uint16 if narrow else np.uint32)
    return rows, targets, steps, synapses[np.repeat(~uniform, counts)]


def _recording_plan(network: Network, data: netdata.NetData, dt: float) -> dict[str, tuple[np.ndarray, int]]:
    """Per population the union of recorded neuron ids and the common recording interval (ticks)."""
    plan: dict[str, tuple[np.ndarray, int]] = {}
    for r in network.recorders:
        if r.kind != "state":
            continue
        try:
            p = data.pop(r.population)
        except KeyError:
            raise NetworkError(f"recorder '{r.name}': unknown population '{r.population}'", span=r.span,
                               code="E433") from None
        for var in r.variables:
            try:
                p.model.recordable(var)
            except KeyError:
                raise NetworkError(f"recorder '{r.name}': model '{p.model.name}' cannot record '{var}' on "
                                   f"spinnaker-host", span=r.span, code="E434",
                                   hint=f"recordable: {', '.join(x.name for x in p.model.recordables)}") from None
        ids = np.arange(p.n) if r.subset is None else np.asarray(r.subset, np.int64)
        interval = max(1, int(round(r.interval / dt)))
        if p.name in plan:
            old_ids, old_int = plan[p.name]
            ids, interval = np.union1d(old_ids, ids), math.gcd(old_int, interval)
        plan[p.name] = (np.unique(ids), interval)
    return plan


def _write_spikes(writer, network: Network, data: netdata.NetData, ticks: np.ndarray, neurons: np.ndarray,
                  dt: float) -> None:
    wanted: dict[str, np.ndarray | None] = {}  # per population: union of recorded subsets (None: all)
    for r in network.recorders:
        if r.kind != "spikes":
            continue
        data.pop(r.population)
        if r.subset is None or wanted.get(r.population, ()) is None:
            wanted[r.population] = None
        else:
            wanted[r.population] = np.union1d(wanted.get(r.population, np.zeros(0, np.int64)),
                                              np.asarray(r.subset, np.int64))
    for name, subset in wanted.items():
        p = data.pop(name)
        mine = (neurons >= p.offset) & (neurons < p.offset + p.n)
        senders = neurons[mine].astype(np.int64) - p.offset
        times = ticks[mine].astype(np.float64) * dt
        if subset is not None:
            sel = np.isin(senders, subset)
            senders, times = senders[sel], times[sel]
        writer.add_spikes(name, senders, times, recorded=np.arange(p.n) if subset is None else subset)


def _write_traces(writer, network: Network, data: netdata.NetData, prepared: _Prepared, dt: float, n_ticks: int,
                  arith: Arith) -> None:
    wanted: dict[tuple[str, str], tuple[np.ndarray, int]] = {}  # (pop, var) -> (ids, interval in ticks)
    for r in network.recorders:
        if r.kind != "state":
            continue
        p = data.pop(r.population)
        ids = np.arange(p.n) if r.subset is None else np.asarray(r.subset, np.int64)
        interval = max(1, int(round(r.interval / dt)))
        for var in r.variables:
            if (p.name, var) in wanted:
                old_ids, old_int = wanted[(p.name, var)]
                ids, interval = np.union1d(old_ids, ids), math.gcd(old_int, interval)
            wanted[(p.name, var)] = (np.unique(ids), interval)
    for (name, var), (want, interval) in wanted.items():
        p = data.pop(name)
        ids, plan_interval, buf = prepared.rec[name]
        cols = np.searchsorted(ids, want)
        rows = np.arange(0, buf.shape[0], interval // plan_interval)
        rec = p.model.recordables[p.model.recordable(var)]
        raw = buf[rows][:, cols, p.model.recordable(var)]
        values = raw.astype(np.float64) / (fixed.S1615_SCALE if arith == "fixed" else 1.0) * rec.to_network + 0.0
        writer.add_trace(name, var, rows * plan_interval * dt, want, values, rec.unit)
