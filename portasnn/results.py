"""Results directories, format ``portasnn-results/2``: writer, reader, summary, plots.

Every target's ``run`` writes one through :class:`ResultsWriter` (the generated PyNEST script also writes it with
numpy alone, ``--plain``); :func:`load_results` reads it as a ``neo.Block``; the equivalence harness compares
directories. This docstring is the reference.

Layout::

    OUTDIR/
      meta.json                what ran (keys below)
      spikes/<pop>.npz         recorded (int64, sorted 0-based indices of the neurons whose spikes were recorded),
                               senders (int64, 0-based index within <pop>, each one of ``recorded``),
                               times (float64, ms); sorted by time, then sender. Present iff spikes of <pop> were
                               recorded (recorded neurons that stayed silent have no spike, but are in ``recorded``).
      traces/<pop>__<var>.npz  times (float64, ms, shape T), ids (int64, sorted 0-based indices of the neurons whose
                               ``var`` was recorded, shape N), values (float64, shape T x N), unit (0-d str array)
      weights/<pre>__<post>.npz  the final weights of one plastic projection from <pre> to <post> (``record weights of
                               PRE -> POST``), at the end of the run, one entry per connection: sources, targets (int64,
                               0-based indices within <pre> and <post>), weights (float64, in the weight unit of the
                               post-synaptic model: mV, pA or nS as in the network IR, signed as there), delays
                               (float64, ms), unit (0-d str array, "" for plain numbers), projection (0-d str array,
                               its name); sorted by source, target, weight, delay. Present iff that projection's
                               weights were recorded.
      weights/<pre>__<post>.trajectory.npz  the weights of the synapses onto the recorded post-synaptic neurons
                               during the run (``record weights of PRE -> POST[subset] every T``): sources, targets,
                               delays (as above, one per synapse, sorted by source, target, delay, last weight), times (float64,
                               ms, shape T: the multiples of the interval up to the duration; a weight at time t is
                               the one after everything up to t happened), weights (float64, shape T x S, unit as
                               above), unit, projection.
      summary.json             per-population statistics (below), written by ``close(summary=True)``
      raster.png               raster of a sample of the recorded neurons per population above the population rates
      traces.png               recorded traces (only if any were recorded); both PNGs are absent after
                               ``portasnn run --no-plots`` (``PORTASNN_PLOTS=0``), ``portasnn plot OUTDIR`` draws them
      manifest.json            optional: what ran (IR hash, target, versions, bundle hash)

Format ``portasnn-results/1`` (before ``recorded``) is still read: there every neuron of a population with a
spikes file counts as recorded, which is what that format declared.

meta.json keys: ``format`` ("portasnn-results/2", set by the writer), ``target`` ("nest",
"spinnaker-host", "spinnaker-host-float", ...), ``network`` (name), ``duration_ms``, ``resolution_ms``,
``seed``, ``populations`` ({pop: {"size": int, "model": str}}, in declaration order), ``versions``
({tool: version}), ``command`` (command line or API call), ``wall_time_s`` ({"build", "connect",
"simulate": seconds}); optional ``warmup_ms`` (statistics ignore spikes before it, default 0), ``mpi_processes``,
``weights`` ({"<pre>__<post>": {"projection", "pre", "post", "unit"}}, one per weights file), ``synapse_models``
(nest: {declaration: {"model", "source", "nest_model", "post_traces"}} of the NESTML synapse models it ran).
Required: format, target, duration_ms, resolution_ms, populations. Population names match
``[A-Za-z0-9_.-]+`` and may not contain ``__``. Neuron ids (neo's ``source_id``/``channel_id``) number the
neurons of all populations from 1 in declaration order, as the generated PyNEST script's node ids do:
id = 1 + (sizes of the populations declared before) + index.

Trace times follow PyNN's neo output with NEST: samples lie at t = k x interval from t = 0 (an AnalogSignal's
t_start is 0), and the value at t is the state at time t, after the updates up to t; the sample at 0 is the
initial state, the last one at duration - interval. spinnaker-host records so directly (as sPyNNaker does).
NEST's multimeter samples from one interval on, so the PyNEST script prepends the initial value read from the
neuron's status; and NEST hands a multimeter the samples of a min-delay slice only when the next slice runs, so
the script runs one more slice and drops what lies beyond. Both targets thus give the same sample times. A
variable the model does not show in its status (some NEST built-ins' synaptic currents, e.g. iaf_psc_exp's
I_syn_ex) cannot be read before the first update: its NEST trace starts at one interval, and its ``times`` say so.

Writer: ``ResultsWriter(outdir, meta)``; ``add_spikes(pop, senders, times, recorded=...)`` and ``add_trace`` may be
called repeatedly (chunks are appended); ``close(summary=True, plots=None)`` writes everything and returns ``outdir``.
Reader: ``read_results(outdir) -> Results`` (meta, spikes {pop: (senders, times)}, recorded {pop: indices},
traces {pop: {var: Trace}}); ``load_results(outdir) -> neo.Block``; ``summarize(results) -> dict`` (the
summary.json content). A missing or broken directory raises ``UsageError`` naming the path and what is wrong.

summary.json::

    {"format": "portasnn-results/2", "window_ms": [warmup, duration],
     "settings": {"corr_sample": 200, "corr_bin_ms": 5.0, "cv_min_spikes": 3, "sample_seed": 0},
     "populations": {pop: {"size", "n_neurons", "n_spikes", "rate_hz", "cv_isi", "fano_factor", "corr_mean"}},
     "wall_time_s": {...copied from meta.json},
     "weights": {"<pre>__<post>": {"projection", "unit", "n", "mean", "std", "min", "max"}}}   (iff recorded)

Every statistic is over the recorded neurons only: ``size`` is the population's size, ``n_neurons`` the number of
neurons whose spikes were recorded. All statistics use the spikes in the window [warmup_ms, duration_ms] and are
computed with elephant:
``rate_hz`` mean firing rate over the recorded neurons (``mean_firing_rate`` of the pooled spikes / n_neurons);
``cv_isi`` mean over recorded neurons with at least 3 spikes (2 ISIs) of the CV of their ISIs
(std / mean, ddof 0, as ``elephant.statistics.cv``; computed with numpy for speed, checked against elephant
in the tests);
``fano_factor`` variance / mean of the per-neuron spike counts across the recorded neurons (``fanofactor``);
``corr_mean`` mean off-diagonal Pearson correlation (``correlation_coefficient``) of spike counts in
5 ms bins over a sample of up to 200 neurons drawn (seed 0) from the recorded ones with at least one spike.
``weights``: per weights file, over its connections' final weights: ``n`` (connections), ``mean``, ``std``
(ddof 0), ``min``, ``max`` (in ``unit``, null without connections).
A statistic that is undefined (no spikes, fewer than 2 active neurons, ...) is ``null``, never NaN.
"""
from __future__ import annotations

import json
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from portasnn.errors import UsageError

if TYPE_CHECKING:
    import neo

FORMAT = "portasnn-results/2"
READABLE_FORMATS = ("portasnn-results/1", FORMAT)  # /1: no ``recorded`` (every neuron counts)
REQUIRED_META = ("target", "duration_ms", "resolution_ms", "populations")
CORR_SAMPLE = 200
CORR_BIN_MS = 5.0
CV_MIN_SPIKES = 3
SAMPLE_SEED = 0
RASTER_SAMPLE = 100
RATE_BIN_MS = 5.0
_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")


@dataclass(frozen=True, slots=True)
class Trace:
    """Recorded values of one state variable of some neurons of one population."""

    times: np.ndarray  # (T,) ms
    ids: np.ndarray  # (N,) 0-based neuron indices
    values: np.ndarray  # (T, N)
    unit: str

    def of(self, neuron: int) -> np.ndarray:
        """The trace of one neuron (by its 0-based index in the population)."""
        hits = np.flatnonzero(self.ids == neuron)
        if not hits.size:
            raise KeyError(neuron)
        return self.values[:, hits[0]]


@dataclass(frozen=True, slots=True)
class Weights:
    """The final weights of one plastic projection: one entry per connection (``weights/<pre>__<post>.npz``)."""

    projection: str
    pre: str
    post: str
    sources: np.ndarray  # (C,) int64, 0-based indices in ``pre``
    targets: np.ndarray  # (C,) int64, 0-based indices in ``post``
    weights: np.ndarray  # (C,) float64, in ``unit``
    delays: np.ndarray  # (C,) float64, ms
    unit: str


@dataclass(frozen=True, slots=True)
class WeightTrajectory:
    """The weights of some synapses of one plastic projection during the run
    (``weights/<pre>__<post>.trajectory.npz``): ``weights[k, j]`` is synapse j's weight at ``times[k]``."""

    projection: str
    pre: str
    post: str
    sources: np.ndarray  # (S,) int64
    targets: np.ndarray  # (S,) int64
    delays: np.ndarray  # (S,) float64, ms
    times: np.ndarray  # (T,) float64, ms
    weights: np.ndarray  # (T, S) float64, in ``unit``
    unit: str


@dataclass(frozen=True, slots=True)
class Results:
    """A results directory in memory: ``meta`` as in meta.json, ``spikes`` {pop: (senders, times)},
    ``traces`` {pop: {var: Trace}}, ``recorded`` {pop: sorted indices of the neurons whose spikes were recorded}
    (a population in ``spikes`` but not in ``recorded`` counts as recorded in full)."""

    path: Path
    meta: dict[str, Any]
    spikes: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    traces: dict[str, dict[str, Trace]] = field(default_factory=dict)
    recorded: dict[str, np.ndarray] = field(default_factory=dict)
    weights: dict[str, Weights] = field(default_factory=dict)  # "<pre>__<post>" -> final weights
    trajectories: dict[str, WeightTrajectory] = field(default_factory=dict)  # "<pre>__<post>" -> during the run

    @property
    def populations(self) -> dict[str, int]:
        """{population: size}, in declaration order."""
        return {name: int(p["size"]) for name, p in self.meta["populations"].items()}

    @property
    def duration_ms(self) -> float:
        return float(self.meta["duration_ms"])

    @property
    def warmup_ms(self) -> float:
        return float(self.meta.get("warmup_ms", 0.0) or 0.0)

    @property
    def target(self) -> str:
        return str(self.meta["target"])

    @property
    def seed(self) -> int | None:
        seed = self.meta.get("seed")
        return None if seed is None else int(seed)

    @property
    def first_ids(self) -> dict[str, int]:
        """{population: id of its neuron 0}: neurons numbered from 1 in declaration order (see the module doc)."""
        sizes = list(self.populations.values())
        return {pop: 1 + sum(sizes[:k]) for k, pop in enumerate(self.populations)}

    def recorded_neurons(self, pop: str) -> np.ndarray:
        """Sorted 0-based indices of the neurons of ``pop`` whose spikes were recorded (KeyError if none were)."""
        if pop not in self.spikes:
            raise KeyError(pop)
        found = self.recorded.get(pop)
        return np.arange(self.populations[pop]) if found is None else found

    def trains(self, pop: str, t_start: float | None = None) -> list[np.ndarray]:
        """Spike times (ms) at or after ``t_start`` (default: the warm-up), one array per recorded neuron of
        ``pop`` in the order of :meth:`recorded_neurons`; neurons that were not recorded have none."""
        t0 = self.warmup_ms if t_start is None else t_start
        senders, times = self.spikes[pop]
        keep = times >= t0
        senders, times = senders[keep], times[keep]
        order = np.argsort(senders, kind="stable")
        recorded = self.recorded_neurons(pop)
        sorted_senders, sorted_times = senders[order], times[order]
        lo = np.searchsorted(sorted_senders, recorded, side="left")
        hi = np.searchsorted(sorted_senders, recorded, side="right")
        return [sorted_times[a:b] for a, b in zip(lo, hi)]

    def train(self, pop: str, index: int, t_start: float | None = None) -> np.ndarray | None:
        """Spike times (ms) of neuron ``index`` of ``pop`` (None if its spikes were not recorded)."""
        if pop not in self.spikes:
            return None
        recorded = self.recorded_neurons(pop)
        k = int(np.searchsorted(recorded, index))
        if k >= recorded.size or recorded[k] != index:
            return None
        return self.trains(pop, t_start)[k]


# ----------------------------------------------------------------------------------------------- writer
class ResultsWriter:
    """Write a results directory: ``add_spikes`` / ``add_trace`` as data arrive, then ``close()``."""

    def __init__(self, outdir: str | Path, meta: dict[str, Any]) -> None:
        self.outdir = Path(outdir)
        missing = [key for key in REQUIRED_META if key not in meta]
        if missing:
            raise UsageError(f"results meta for {self.outdir} lacks {', '.join(missing)}", code="E711")
        self.meta = {"format": FORMAT, **{k: v for k, v in meta.items() if k != "format"}}
        for pop in self.meta["populations"]:
            _check_name(pop, self.outdir)
        self.outdir.mkdir(parents=True, exist_ok=True)
        (self.outdir / "spikes").mkdir(exist_ok=True)
        self._spikes: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._recorded: dict[str, np.ndarray] = {}
        self._traces: dict[str, dict[str, Trace]] = {}
        self._weights: dict[str, Weights] = {}
        self._trajectories: dict[str, WeightTrajectory] = {}

    def _size(self, pop: str) -> int:
        if pop not in self.meta["populations"]:
            raise UsageError(f"population '{pop}' is not declared in the results meta of {self.outdir}",
                             code="E712")
        return int(self.meta["populations"][pop]["size"])

    def add_spikes(self, pop: str, senders: np.ndarray, times: np.ndarray,
                   recorded: np.ndarray | None = None) -> None:
        """Add spikes of ``pop`` (0-based senders, times in ms); may be called repeatedly (chunks).

        ``recorded``: 0-based indices of the neurons whose spikes were recorded (None: every neuron of ``pop``);
        every sender must be one of them, and a later chunk must name the same neurons."""
        size = self._size(pop)
        senders = np.asarray(senders, dtype=np.int64).ravel()
        times = np.asarray(times, dtype=np.float64).ravel()
        if senders.shape != times.shape:
            raise UsageError(f"spikes of '{pop}': {senders.size} senders but {times.size} times", code="E713")
        if senders.size and (senders.min() < 0 or senders.max() >= size):
            raise UsageError(f"spikes of '{pop}': sender index outside 0..{size - 1}", code="E713")
        chosen = np.arange(size) if recorded is None else np.unique(np.asarray(recorded, dtype=np.int64).ravel())
        if chosen.size and (chosen.min() < 0 or chosen.max() >= size):
            raise UsageError(f"spikes of '{pop}': a recorded neuron index lies outside 0..{size - 1}", code="E713")
        if pop in self._recorded and not np.array_equal(self._recorded[pop], chosen):
            raise UsageError(f"spikes of '{pop}': a later chunk names other recorded neurons", code="E713")
        if not np.isin(senders, chosen).all():
            raise UsageError(f"spikes of '{pop}': a sender is not one of the recorded neurons", code="E713")
        self._recorded[pop] = chosen
        old_s, old_t = self._spikes.get(pop, (np.empty(0, np.int64), np.empty(0)))
        self._spikes[pop] = (np.concatenate([old_s, senders]), np.concatenate([old_t, times]))

    def add_trace(self, pop: str, var: str, times: np.ndarray, ids: np.ndarray, values: np.ndarray,
                  unit: str) -> None:
        """Add the trace of ``var`` for neurons ``ids`` of ``pop``: ``values`` has shape (len(times), len(ids)).
        Calling it again for the same ``pop`` and ``var`` (same ids and unit) appends a later chunk."""
        size = self._size(pop)
        _check_name(var, self.outdir)
        times = np.asarray(times, dtype=np.float64).ravel()
        ids = np.asarray(ids, dtype=np.int64).ravel()
        values = np.asarray(values, dtype=np.float64).reshape(times.size, ids.size)
        if ids.size and (ids.min() < 0 or ids.max() >= size):
            raise UsageError(f"trace {pop}.{var}: neuron index outside 0..{size - 1}", code="E713")
        if np.unique(ids).size != ids.size:
            raise UsageError(f"trace {pop}.{var}: a neuron index occurs twice", code="E713")
        order = np.argsort(ids)
        ids, values = ids[order], values[:, order]
        old = self._traces.get(pop, {}).get(var)
        if old is not None:  # a later chunk of the same recording
            if not np.array_equal(old.ids, ids) or old.unit != str(unit):
                raise UsageError(f"trace {pop}.{var}: a later chunk has other neurons or another unit", code="E713")
            times, values = np.concatenate([old.times, times]), np.concatenate([old.values, values])
        self._traces.setdefault(pop, {})[var] = Trace(times, ids, values, str(unit))

    def add_weights(self, projection: str, pre: str, post: str, sources: np.ndarray, targets: np.ndarray,
                    weights: np.ndarray, delays: np.ndarray, unit: str) -> None:
        """Add the final weights of projection ``projection`` from ``pre`` to ``post`` (0-based indices, one entry
        per connection, weights in ``unit``, delays in ms); one projection per pair of populations."""
        pre_size, post_size = self._size(pre), self._size(post)
        key = f"{pre}__{post}"
        if key in self._weights:
            raise UsageError(f"weights from '{pre}' to '{post}' are added twice", code="E713")
        arrays = [np.asarray(a, dtype=t).ravel() for a, t in ((sources, np.int64), (targets, np.int64),
                                                               (weights, np.float64), (delays, np.float64))]
        if len({a.size for a in arrays}) != 1:
            raise UsageError(f"weights {key}: sources, targets, weights and delays differ in length", code="E713")
        src, tgt, w, d = arrays
        if src.size and (src.min() < 0 or src.max() >= pre_size or tgt.min() < 0 or tgt.max() >= post_size):
            raise UsageError(f"weights {key}: a source or target index lies outside its population", code="E713")
        order = np.lexsort((d, w, tgt, src))
        self._weights[key] = Weights(projection, pre, post, src[order], tgt[order], w[order], d[order], str(unit))

    def add_weight_trajectory(self, projection: str, pre: str, post: str, sources: np.ndarray, targets: np.ndarray,
                              delays: np.ndarray, times: np.ndarray, weights: np.ndarray, unit: str) -> None:
        """Add the weights of synapses (sources, targets, delays: one per synapse) of projection ``projection``
        at ``times`` (ms; ``weights`` times x synapses, in ``unit``); one per pair of populations."""
        key = f"{pre}__{post}"
        if key in self._trajectories:
            raise UsageError(f"weight trajectories from '{pre}' to '{post}' are added twice", code="E713")
        src, tgt = np.asarray(sources, np.int64).ravel(), np.asarray(targets, np.int64).ravel()
        d, t = np.asarray(delays, np.float64).ravel(), np.asarray(times, np.float64).ravel()
        w = np.asarray(weights, np.float64).reshape(t.size, src.size)
        if not (src.size == tgt.size == d.size) or (t.size > 1 and np.any(np.diff(t) <= 0)):
            raise UsageError(f"weight trajectories {key}: sources, targets and delays differ in length, or the "
                             "times do not increase", code="E713")
        if src.size and (src.min() < 0 or src.max() >= self._size(pre) or tgt.min() < 0
                         or tgt.max() >= self._size(post)):
            raise UsageError(f"weight trajectories {key}: a source or target index lies outside its population",
                             code="E713")
        last = w[-1] if t.size else np.zeros(src.size)
        order = np.lexsort((last, d, tgt, src))  # multapses by their last weight, as the final weights
        self._trajectories[key] = WeightTrajectory(projection, pre, post, src[order], tgt[order], d[order], t,
                                                   w[:, order], str(unit))

    def close(self, summary: bool = True, plots: bool | None = None) -> Path:
        """Write spikes, traces, meta.json and (optionally) summary.json and the PNG plots (``plots=None``: unless
        ``PORTASNN_PLOTS=0``, which ``portasnn run --no-plots`` sets)."""
        plots = plots_wanted() if plots is None else plots
        for pop, (senders, times) in self._spikes.items():
            order = np.lexsort((senders, times))
            np.savez_compressed(self.outdir / "spikes" / f"{pop}.npz", recorded=self._recorded[pop],
                                senders=senders[order], times=times[order])
        if self._traces:
            (self.outdir / "traces").mkdir(exist_ok=True)
        for pop, by_var in self._traces.items():
            for var, tr in by_var.items():
                np.savez_compressed(self.outdir / "traces" / f"{pop}__{var}.npz", times=tr.times, ids=tr.ids,
                                    values=tr.values, unit=np.array(tr.unit))
        if self._weights:
            (self.outdir / "weights").mkdir(exist_ok=True)
            self.meta["weights"] = {key: {"projection": w.projection, "pre": w.pre, "post": w.post, "unit": w.unit}
                                    for key, w in self._weights.items()}
        for key, w in self._weights.items():
            np.savez_compressed(self.outdir / "weights" / f"{key}.npz", sources=w.sources, targets=w.targets,
                                weights=w.weights, delays=w.delays, unit=np.array(w.unit),
                                projection=np.array(w.projection))
        if self._trajectories:
            (self.outdir / "weights").mkdir(exist_ok=True)
        for key, tr in self._trajectories.items():
            np.savez_compressed(self.outdir / "weights" / f"{key}.trajectory.npz", sources=tr.sources,
                                targets=tr.targets, delays=tr.delays, times=tr.times, weights=tr.weights,
                                unit=np.array(tr.unit), projection=np.array(tr.projection))
        (self.outdir / "meta.json").write_text(json.dumps(self.meta, indent=2, default=_json_default) + "\n")
        if summary or plots:
            results = read_results(self.outdir)
            if summary:
                write_summary(results)
            if plots:
                draw_plots(results)
        return self.outdir


def plots_wanted() -> bool:
    """Whether a results writer draws its PNG plots: yes, unless ``PORTASNN_PLOTS=0``."""
    return os.environ.get("PORTASNN_PLOTS", "1").strip() != "0"


def draw_plots(results: Results) -> list[Path]:
    """raster.png, and traces.png when traces were recorded, in the results directory; returns their paths."""
    drawn = [plot_raster(results, results.path / "raster.png")]
    if results.traces:
        drawn.append(plot_traces(results, results.path / "traces.png"))
    return drawn


def write_summary(results: Results) -> Path:
    path = results.path / "summary.json"
    path.write_text(json.dumps(summarize(results), indent=2) + "\n")
    return path


def _check_name(name: str, where: Path) -> None:
    if not _NAME.match(name) or "__" in name:
        raise UsageError(f"name '{name}' in results {where} is not usable as a file name",
                         hint="use letters, digits, '_', '.', '-' (no '__')", code="E714")


def _json_default(obj: Any) -> Any:
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


# ----------------------------------------------------------------------------------------------- reader
def _broken(path: Path, what: str, hint: str = "") -> UsageError:
    return UsageError(f"results directory {path}: {what}", hint=hint or "re-run the simulation or fetch the "
                      "results again; a results directory is written by 'portasnn run'", code="E710")


def read_results(outdir: str | Path) -> Results:
    """Read a results directory into a :class:`Results` (UsageError if it is missing or broken)."""
    path = Path(outdir)
    if not path.exists():
        raise _broken(path, "does not exist")
    if not path.is_dir():
        raise _broken(path, "is not a directory")
    meta_file = path / "meta.json"
    if not meta_file.is_file():
        raise _broken(path, "has no meta.json, so it is not a portasnn results directory")
    try:
        meta = json.loads(meta_file.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _broken(path, f"meta.json is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise _broken(path, "meta.json does not hold a JSON object")
    if meta.get("format") not in READABLE_FORMATS:
        raise _broken(path, f"meta.json format is {meta.get('format')!r}, expected {FORMAT!r}")
    missing = [key for key in REQUIRED_META if key not in meta]
    if missing:
        raise _broken(path, f"meta.json lacks {', '.join(missing)}")
    pops = meta["populations"]
    if not isinstance(pops, dict) or not all(isinstance(p, dict) and isinstance(p.get("size"), int)
                                             and p["size"] >= 0 for p in pops.values()):
        raise _broken(path, "meta.json 'populations' must map each name to {\"size\": int, \"model\": str}")
    try:
        float(meta["duration_ms"]), float(meta["resolution_ms"])
    except (TypeError, ValueError):
        raise _broken(path, "meta.json duration_ms / resolution_ms are not numbers") from None
    spikes, recorded = {}, {}
    for file in sorted((path / "spikes").glob("*.npz")) if (path / "spikes").is_dir() else []:
        pop = file.stem
        if pop not in pops:
            raise _broken(path, f"spikes/{file.name} belongs to no population in meta.json ({', '.join(pops)})")
        keys = ("senders", "times") + (("recorded",) if meta["format"] == FORMAT else ())
        data = _load_npz(path, file, keys)
        senders, times = data["senders"].astype(np.int64), data["times"].astype(np.float64)
        if senders.shape != times.shape or senders.ndim != 1:
            raise _broken(path, f"spikes/{file.name}: senders and times differ in shape")
        size = pops[pop]["size"]
        if senders.size and (senders.min() < 0 or senders.max() >= size):
            raise _broken(path, f"spikes/{file.name}: a sender lies outside 0..{size - 1}")
        if "recorded" in data:
            chosen = data["recorded"].astype(np.int64)
            if chosen.ndim != 1 or np.any(np.diff(chosen) <= 0) or (chosen.size and (chosen[0] < 0
                                                                                      or chosen[-1] >= size)):
                raise _broken(path, f"spikes/{file.name}: 'recorded' is not a sorted set of indices in 0..{size - 1}")
            if not np.isin(senders, chosen).all():
                raise _broken(path, f"spikes/{file.name}: a sender is not one of the recorded neurons")
            recorded[pop] = chosen
        spikes[pop] = (senders, times)
    traces: dict[str, dict[str, Trace]] = {}
    for file in sorted((path / "traces").glob("*.npz")) if (path / "traces").is_dir() else []:
        owner = next((p for p in pops if file.stem.startswith(p + "__")), None)
        if owner is None:
            raise _broken(path, f"traces/{file.name} is not named <population>__<variable>.npz for a known "
                          "population")
        data = _load_npz(path, file, ("times", "ids", "values", "unit"))
        times, ids, values = data["times"], data["ids"].astype(np.int64), data["values"]
        if ids.ndim != 1 or np.any(np.diff(ids) <= 0) or (ids.size and (ids[0] < 0 or ids[-1] >= pops[owner]["size"])):
            raise _broken(path, f"traces/{file.name}: 'ids' is not a sorted set of indices of {owner}")
        if values.shape != (times.size, ids.size):
            raise _broken(path, f"traces/{file.name}: values have shape {values.shape}, expected "
                          f"({times.size}, {ids.size})")
        traces.setdefault(owner, {})[file.stem[len(owner) + 2:]] = Trace(times, ids, values, str(data["unit"]))
    return Results(path, meta, spikes, traces, recorded, _read_weights(path, pops), _read_trajectories(path, pops))


def _read_weights(path: Path, pops: dict) -> dict[str, Weights]:
    out: dict[str, Weights] = {}
    for file in sorted((path / "weights").glob("*.npz")) if (path / "weights").is_dir() else []:
        if file.name.endswith(".trajectory.npz"):
            continue
        pre, _, post = file.stem.partition("__")
        if pre not in pops or post not in pops:
            raise _broken(path, f"weights/{file.name} is not named <pre>__<post>.npz for two known populations")
        data = _load_npz(path, file, ("sources", "targets", "weights", "delays", "unit", "projection"))
        src, tgt = data["sources"].astype(np.int64), data["targets"].astype(np.int64)
        w, d = data["weights"].astype(np.float64), data["delays"].astype(np.float64)
        if not (src.ndim == 1 and src.shape == tgt.shape == w.shape == d.shape):
            raise _broken(path, f"weights/{file.name}: sources, targets, weights and delays differ in shape")
        if src.size and (src.min() < 0 or src.max() >= pops[pre]["size"] or tgt.min() < 0
                         or tgt.max() >= pops[post]["size"]):
            raise _broken(path, f"weights/{file.name}: a source or target lies outside its population")
        out[file.stem] = Weights(str(data["projection"]), pre, post, src, tgt, w, d, str(data["unit"]))
    return out


def _read_trajectories(path: Path, pops: dict) -> dict[str, WeightTrajectory]:
    out: dict[str, WeightTrajectory] = {}
    for file in sorted((path / "weights").glob("*.trajectory.npz")) if (path / "weights").is_dir() else []:
        key = file.name.removesuffix(".trajectory.npz")
        pre, _, post = key.partition("__")
        if pre not in pops or post not in pops:
            raise _broken(path, f"weights/{file.name} is not named <pre>__<post>.trajectory.npz for two known "
                          "populations")
        data = _load_npz(path, file, ("sources", "targets", "delays", "times", "weights", "unit", "projection"))
        src, tgt = data["sources"].astype(np.int64), data["targets"].astype(np.int64)
        d, t, w = (data[k].astype(np.float64) for k in ("delays", "times", "weights"))
        if not (src.ndim == 1 and src.shape == tgt.shape == d.shape and t.ndim == 1 and w.shape == (t.size, src.size)):
            raise _broken(path, f"weights/{file.name}: sources, targets, delays, times and weights differ in shape")
        if src.size and (src.min() < 0 or src.max() >= pops[pre]["size"] or tgt.min() < 0
                         or tgt.max() >= pops[post]["size"]):
            raise _broken(path, f"weights/{file.name}: a source or target lies outside its population")
        out[key] = WeightTrajectory(str(data["projection"]), pre, post, src, tgt, d, t, w, str(data["unit"]))
    return out


def _load_npz(path: Path, file: Path, keys: tuple[str, ...]) -> dict[str, np.ndarray]:
    try:
        with np.load(file, allow_pickle=False) as npz:
            missing = [k for k in keys if k not in npz.files]
            if missing:
                raise _broken(path, f"{file.parent.name}/{file.name} lacks the arrays {', '.join(missing)}")
            return {k: npz[k] for k in keys}
    except (OSError, ValueError, EOFError) as exc:
        raise _broken(path, f"{file.parent.name}/{file.name} is not a readable .npz file ({exc})") from None


def load_results(outdir: str | Path) -> neo.Block:
    """Read a results directory as a ``neo.Block`` with one Segment, annotated as PyNN annotates its neo output.

    SpikeTrains (ms, t_start 0, t_stop = duration): one per *recorded* neuron of each population whose spikes
    were recorded, annotated ``source_population``, ``source_index`` (0-based index in the population),
    ``source_id`` and ``channel_id`` (its id, see the module doc). AnalogSignals (one per population and
    variable, one channel per recorded neuron; IrregularlySampledSignals if the sampling is irregular) are named
    after the variable and annotated ``source_population`` and ``channel_ids`` (ids), with the array annotation
    ``channel_index`` (0-based indices), as PyNN's. The Block is named after the network and annotated
    ``simulator`` (the target), ``dt``, ``mpi_processes``, ``seed``, ``duration_ms`` and ``populations``
    ({pop: {size, first_id, last_id, first_index, last_index, model}}, PyNN's per-population metadata).

    Recorded synapse weights are not in the Block: neo has no container for connection weights (PyNN does not
    put them in its neo output either). Read them with ``read_results(outdir).weights`` ({"<pre>__<post>":
    Weights}) or from ``weights/<pre>__<post>.npz`` with numpy.
    """
    import neo
    import quantities as pq

    results = read_results(outdir)
    meta = results.meta
    first = results.first_ids
    pops = {pop: {"size": size, "first_id": first[pop], "last_id": first[pop] + size - 1, "first_index": 0,
                  "last_index": size, "model": str(meta["populations"][pop].get("model", ""))}
            for pop, size in results.populations.items()}
    network = str(meta.get("network", ""))
    block = neo.Block(name=network, description=f"network {network} run on {results.target}",
                      simulator=results.target, dt=float(meta["resolution_ms"]),
                      mpi_processes=int(meta.get("mpi_processes", 1) or 1), duration_ms=results.duration_ms,
                      populations=pops, **({"seed": results.seed} if results.seed is not None else {}))
    seg = neo.Segment(name="segment000", description=block.description)
    block.segments.append(seg)
    seg.block = block
    t_stop = results.duration_ms * pq.ms
    for pop in results.spikes:
        for index, times in zip(results.recorded_neurons(pop), results.trains(pop, t_start=-np.inf)):
            index = int(index)
            st = neo.SpikeTrain(times * pq.ms, t_start=0 * pq.ms, t_stop=max(t_stop, times.max(initial=0) * pq.ms),
                                source_population=pop, source_index=index, source_id=first[pop] + index,
                                channel_id=first[pop] + index)
            st.segment = seg
            seg.spiketrains.append(st)
    for pop, by_var in results.traces.items():
        for var, tr in by_var.items():
            units = _units(tr.unit)
            annotations = {"source_population": pop, "channel_ids": (first[pop] + tr.ids).tolist()}
            array_annotations = {"channel_index": tr.ids.copy()}
            steps = np.diff(tr.times)
            if tr.times.size >= 2 and np.allclose(steps, steps[0], rtol=1e-9, atol=1e-12):
                sig = neo.AnalogSignal(tr.values * units, t_start=tr.times[0] * pq.ms,
                                       sampling_period=steps[0] * pq.ms, name=var, array_annotations=array_annotations,
                                       **annotations)
                seg.analogsignals.append(sig)
            else:
                sig = neo.IrregularlySampledSignal(tr.times * pq.ms, tr.values * units, name=var,
                                                   array_annotations=array_annotations, **annotations)
                seg.irregularlysampledsignals.append(sig)
            sig.segment = seg
    return block


def _units(unit: str) -> Any:
    import quantities as pq

    try:
        return pq.Quantity(1.0, unit).units
    except (LookupError, ValueError, AttributeError, SyntaxError):
        return pq.dimensionless


# ---------------------------------------------------------------------------------------------- summary
def population_stats(trains: list[np.ndarray], t_start: float, t_stop: float) -> dict[str, Any]:
    """rate_hz, cv_isi, fano_factor, corr_mean, n_spikes, n_neurons of the neurons whose ``trains`` are given
    (the recorded neurons of one population; see module doc). The rate, Fano factor and correlation are
    computed as elephant 1.x computes them (``mean_firing_rate``, ``fanofactor``, ``BinnedSpikeTrain`` +
    ``correlation_coefficient``), operation for operation, without importing elephant, neo and
    scipy.stats (seconds of every run); ``tests/results/test_elephant_equivalence.py`` checks that."""
    n = len(trains)
    counts = np.array([t.size for t in trains])
    out: dict[str, Any] = {"n_neurons": n, "n_spikes": int(counts.sum()), "rate_hz": None, "cv_isi": None,
                           "fano_factor": None, "corr_mean": None}
    if n == 0 or t_stop <= t_start:
        return out
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pooled = np.concatenate(trains) if n else np.empty(0)
        rate = float(np.sum((pooled >= t_start) & (pooled <= t_stop)) / (t_stop - t_start)) if pooled.size else 0.0
        out["rate_hz"] = rate * 1000.0 / n
        cvs = [_cv(np.diff(t)) for t in trains if t.size >= CV_MIN_SPIKES]
        out["cv_isi"] = float(np.mean(cvs)) if cvs else None
        if counts.sum() > 0:
            out["fano_factor"] = _finite(counts.var() / counts.mean())
        out["corr_mean"] = _corr_mean(trains, t_start, t_stop)
    return out


def _cv(isis: np.ndarray) -> float:
    """std / mean of the ISIs (ddof 0): elephant.statistics.cv's definition, without its per-call overhead."""
    return float(isis.std() / isis.mean())


_BIN_TOLERANCE = 1e-8  # elephant's BinnedSpikeTrain default: a spike within it of the next edge goes there
_SPARSITY_THRESHOLD = 0.1  # elephant.spike_train_correlation: denser than this, np.corrcoef


def _corr_mean(trains: list[np.ndarray], t_start: float, t_stop: float) -> float | None:
    """Mean pairwise correlation coefficient of up to CORR_SAMPLE active trains in CORR_BIN_MS bins."""
    active = np.flatnonzero([t.size > 0 for t in trains])
    if active.size < 2 or t_stop - t_start < 2 * CORR_BIN_MS:
        return None
    rng = np.random.default_rng(SAMPLE_SEED)
    chosen = np.sort(rng.choice(active, size=min(CORR_SAMPLE, active.size), replace=False))
    cc = _correlation_coefficient(_binned([trains[i] for i in chosen], t_start, t_stop))
    off = cc[~np.eye(len(chosen), dtype=bool)]
    off = off[np.isfinite(off)]
    return float(off.mean()) if off.size else None


def _binned(trains: list[np.ndarray], t_start: float, t_stop: float) -> np.ndarray:
    """Spike counts per CORR_BIN_MS bin from ``t_start`` over whole bins (elephant's binning, dense)."""
    stop = t_start + CORR_BIN_MS * int((t_stop - t_start) // CORR_BIN_MS)
    n_bins = (stop - t_start) / CORR_BIN_MS
    n_bins = int(n_bins + 0.5 if 1 - _BIN_TOLERANCE <= n_bins % 1 else n_bins)
    scale = 1 / CORR_BIN_MS
    out = np.zeros((len(trains), n_bins), dtype=np.int32)
    for row, times in enumerate(trains):
        bins = (times[(times >= t_start) & (times <= stop)] - t_start) * scale
        bins[1 - _BIN_TOLERANCE <= bins % 1] += 0.5
        bins = bins.astype(np.int32)
        np.add.at(out[row], bins[bins < n_bins], 1)
    return out


def _correlation_coefficient(binned: np.ndarray) -> np.ndarray:
    """elephant's ``correlation_coefficient(binned, fast=True)``: ``np.corrcoef`` when denser than its threshold,
    else its sparse covariance formula (the same operations on the dense matrix)."""
    if np.count_nonzero(binned) / binned.size > _SPARSITY_THRESHOLD:
        return np.corrcoef(binned)
    counts = binned.astype(np.int64)
    per_row = counts.sum(axis=1, keepdims=True)
    res = counts @ counts.T - per_row * per_row.T / binned.shape[1]
    std = np.expand_dims(np.sqrt(res.diagonal()), axis=0)
    res /= std.T * std
    return res


def _finite(value: Any) -> float | None:
    value = float(value)
    return value if np.isfinite(value) else None


def summarize(results: Results, warmup_ms: float | None = None) -> dict[str, Any]:
    """The content of summary.json (see the module docstring)."""
    t0 = results.warmup_ms if warmup_ms is None else float(warmup_ms)
    t1 = results.duration_ms
    pops = {pop: {"size": size, **population_stats(results.trains(pop, t_start=t0), t0, t1)}
            for pop, size in results.populations.items() if pop in results.spikes}
    out = {"format": FORMAT, "window_ms": [t0, t1],
           "settings": {"corr_sample": CORR_SAMPLE, "corr_bin_ms": CORR_BIN_MS, "cv_min_spikes": CV_MIN_SPIKES,
                        "sample_seed": SAMPLE_SEED},
           "populations": pops, "wall_time_s": dict(results.meta.get("wall_time_s") or {})}
    if results.weights:
        out["weights"] = {key: weight_stats(w) for key, w in results.weights.items()}
    return out


def weight_stats(w: Weights) -> dict[str, Any]:
    """n, mean, std (ddof 0), min and max of a projection's final weights (null when it has no connection)."""
    values = w.weights
    stats: dict[str, Any] = {"n": int(values.size), "mean": None, "std": None, "min": None, "max": None}
    if values.size:
        stats.update(mean=_finite(values.mean()), std=_finite(values.std()), min=_finite(values.min()),
                     max=_finite(values.max()))
    return {"projection": w.projection, "unit": w.unit, **stats}


# ------------------------------------------------------------------------------------------------ plots
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def sample_neurons(recorded: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Up to RASTER_SAMPLE of the ``recorded`` neuron indices, sorted (all of them if there are fewer)."""
    if recorded.size <= RASTER_SAMPLE:
        return np.asarray(recorded)
    return np.sort(rng.choice(recorded, size=RASTER_SAMPLE, replace=False))


def plot_raster(results: Results, path: Path) -> Path:
    """Raster of up to 100 recorded neurons per population (stacked) above the population rates of the recorded
    neurons (5 ms bins)."""
    plt = _pyplot()
    fig, (ax, ax_rate) = plt.subplots(2, 1, figsize=(9, 6), sharex=True, height_ratios=(3, 1))
    offset = 0
    rng = np.random.default_rng(SAMPLE_SEED)
    bins = np.arange(0.0, results.duration_ms + RATE_BIN_MS, RATE_BIN_MS)
    for k, (pop, size) in enumerate(results.populations.items()):
        if pop not in results.spikes:
            continue
        color = f"C{k % 10}"
        recorded = results.recorded_neurons(pop)
        shown = sample_neurons(recorded, rng)
        senders, times = results.spikes[pop]
        keep = np.isin(senders, shown)
        label = pop if recorded.size == size else f"{pop} ({recorded.size} of {size} recorded)"
        ax.plot(times[keep], offset + np.searchsorted(shown, senders[keep]), ".", ms=1.5, color=color, label=label)
        offset += shown.size
        if recorded.size:
            hist, _ = np.histogram(times, bins)
            ax_rate.step(bins[:-1], hist / recorded.size / (RATE_BIN_MS / 1000.0), where="post", color=color,
                         label=pop)
    ax.set_ylabel("neuron (sample)")
    ax.set_title(f"{results.meta.get('network', '')} on {results.target}".strip())
    if results.spikes:
        ax.legend(loc="upper right", markerscale=6, fontsize="small")
    ax_rate.set_ylabel("rate (Hz)")
    ax_rate.set_xlabel("time (ms)")
    ax_rate.set_xlim(0, results.duration_ms)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def plot_traces(results: Results, path: Path, max_neurons: int = 5) -> Path:
    """Save :func:`traces_figure` as ``path``."""
    plt = _pyplot()
    fig = traces_figure(results, max_neurons)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def traces_figure(results: Results, max_neurons: int = 5) -> Any:
    """One panel per population and variable, up to ``max_neurons`` traces each; the title names the network and
    the target, each panel's legend stands to the right of its axes (it never covers a trace)."""
    plt = _pyplot()
    panels = [(pop, var, tr) for pop, by_var in results.traces.items() for var, tr in by_var.items()]
    fig, axes = plt.subplots(len(panels), 1, figsize=(10, 2.2 * len(panels) + 0.8), sharex=True, squeeze=False)
    for ax, (pop, var, tr) in zip(axes[:, 0], panels):
        for j in range(min(max_neurons, tr.ids.size)):
            ax.plot(tr.times, tr.values[:, j], lw=0.8, label=f"{pop}[{tr.ids[j]}]")
        ax.set_ylabel(f"{var} ({tr.unit})")
        if tr.ids.size > max_neurons:
            ax.plot([], [], " ", label=f"({max_neurons} of {tr.ids.size})")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="x-small", borderaxespad=0.0)
    axes[-1, 0].set_xlabel("time (ms)")
    axes[-1, 0].set_xlim(0, results.duration_ms)
    fig.suptitle(f"{results.meta.get('network') or 'network'} on {results.target}: recorded traces")
    fig.tight_layout()
    return fig
