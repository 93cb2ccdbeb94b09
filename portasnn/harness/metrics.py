"""Equivalence metrics: traces, single spike trains, and network observables.

Traces (two recordings of one variable on the same time grid):
  ``max_abs`` = max |a - b|; ``max_rel`` = max |a - b| / max(max |a|, max |b|) (relative to the larger peak
  magnitude, so it stays finite where a trace crosses 0; symmetric); ``rms`` = sqrt(mean((a - b)^2)).
Spike trains (times in ms):
  ``count_diff`` = n_a - n_b; ``coincidence`` = symmetrised coincidence factor Gamma of Kistler, Gerstner &
  van Hemmen (1997, Neural Comput. 9:1015), as used by Jolivet et al. (2008, J. Neurosci. Methods 169:417):
  Gamma = (N_coinc - <N_coinc>) / (0.5 (n_a + n_b) (1 - 2 nu delta)), with N_coinc the number of one-to-one
  matched spike pairs closer than ``delta`` (default 1 ms), <N_coinc> = 2 delta n_a n_b / T the number
  expected by chance and nu = (n_a + n_b) / (2 T) the mean rate. Gamma = 1 for identical trains, ~0 for
  independent ones; 1 when both are empty. ``van_rossum`` = elephant's van Rossum distance, tau 10 ms.
Network observables per population (over [warm-up, duration], as in portasnn.results): rate_hz, cv_isi,
  fano_factor, corr_mean (from portasnn.results.population_stats) and ``rate_spectrum_peak_hz``: the frequency
  (Hz) of the largest peak (above 0 Hz) of the Welch spectrum (scipy.signal.welch, 256-bin segments, so a
  resolution of 3.9 Hz) of the population spike count in 1 ms bins; a frequency, not a firing rate.
  All of them over the recorded neurons only (``Results.trains``).
"""
from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from portasnn.results import Results, WeightTrajectory, population_stats

COINCIDENCE_WINDOW_MS = 1.0
VAN_ROSSUM_TAU_MS = 10.0
SPECTRUM_BIN_MS = 1.0
SPECTRUM_NPERSEG = 256
NETWORK_OBSERVABLES = ("rate_hz", "cv_isi", "fano_factor", "corr_mean", "rate_spectrum_peak_hz")
WEIGHT_OBSERVABLES = ("weight_mean", "weight_std")  # of a plastic projection's final weights (record weights)
WEIGHT_DISTANCE = "weight_ks"  # the KS distance of two arms' final weights (judged pairwise, with a max)
WEIGHT_PATH = "weight_mean_path"  # how far two arms' mean sampled weight drifts apart during the run (record ... every)
WEIGHT_SYNAPSE_PATH = "weight_synapse_path"  # the same for the synapses both arms sampled, one by one
ABSOLUTE_ONLY = ("rate_spectrum_peak_hz",)  # differences reported in the observable's unit, never in %


# ---------------------------------------------------------------------------------------------- traces
def trace_errors(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """max_abs, max_rel, rms of two traces sampled at the same times."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"traces differ in shape: {a.shape} vs {b.shape}")
    if not a.size:
        return {"max_abs": 0.0, "max_rel": 0.0, "rms": 0.0}
    diff = np.abs(a - b)
    scale = max(np.abs(a).max(), np.abs(b).max())
    max_abs = float(diff.max())
    return {"max_abs": max_abs, "max_rel": max_abs / scale if scale > 0 else 0.0,
            "rms": float(np.sqrt(np.mean(diff ** 2)))}


def common_grid(times_a: np.ndarray, times_b: np.ndarray, tol: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
    """Indices into ``times_a`` and ``times_b`` of the sample times both share (within ``tol`` ms)."""
    if not times_a.size or not times_b.size:
        return np.empty(0, int), np.empty(0, int)
    j = np.clip(np.searchsorted(times_b, times_a - tol), 0, times_b.size - 1)
    ok = np.abs(times_b[j] - times_a) <= tol
    return np.flatnonzero(ok), j[ok]


# ---------------------------------------------------------------------------------------- spike trains
def coincidences(a: np.ndarray, b: np.ndarray, delta: float = COINCIDENCE_WINDOW_MS) -> int:
    """Number of one-to-one pairs (earliest first) of spikes of ``a`` and ``b`` at most ``delta`` apart."""
    a, b = np.sort(np.asarray(a, float)), np.sort(np.asarray(b, float))
    i = j = n = 0
    while i < a.size and j < b.size:
        if abs(a[i] - b[j]) <= delta:
            n, i, j = n + 1, i + 1, j + 1
        elif a[i] < b[j]:
            i += 1
        else:
            j += 1
    return n


def coincidence_factor(a: np.ndarray, b: np.ndarray, duration: float,
                       delta: float = COINCIDENCE_WINDOW_MS) -> float | None:
    """Symmetrised Kistler coincidence factor Gamma (see the module docstring); None where it is not defined: the
    trains' mean rate reaches 1 / (2 delta), so chance alone fills the window (e.g. a spike every step)."""
    na, nb = len(a), len(b)
    if na == 0 and nb == 0:
        return 1.0
    if na == 0 or nb == 0:
        return 0.0
    expected = 2.0 * delta * na * nb / duration
    norm = 1.0 - delta * (na + nb) / duration  # 1 - 2 nu delta with nu the mean rate
    if norm <= 0:
        return None
    return float((coincidences(a, b, delta) - expected) / (0.5 * (na + nb) * norm))


def van_rossum(a: np.ndarray, b: np.ndarray, duration: float, tau: float = VAN_ROSSUM_TAU_MS) -> float:
    """van Rossum distance (elephant.spike_train_dissimilarity.van_rossum_distance)."""
    import neo
    import quantities as pq
    from elephant.spike_train_dissimilarity import van_rossum_distance

    t_stop = max(duration, float(np.max(a, initial=0)), float(np.max(b, initial=0)))
    trains = [neo.SpikeTrain(np.sort(np.asarray(x, float)) * pq.ms, t_stop=t_stop * pq.ms) for x in (a, b)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(van_rossum_distance(trains, time_constant=tau * pq.ms)[0, 1])


def spike_metrics(a: np.ndarray, b: np.ndarray, duration: float) -> dict[str, float | None]:
    return {"count_diff": float(len(a) - len(b)), "coincidence": coincidence_factor(a, b, duration),
            "van_rossum": van_rossum(a, b, duration)}


# -------------------------------------------------------------------------------------------- networks
def rate_spectrum_peak_hz(trains: list[np.ndarray], t_start: float, t_stop: float) -> float | None:
    """Frequency (Hz, above 0) of the peak of the Welch spectrum of the population spike count in 1 ms bins."""
    from scipy.signal import welch

    edges = np.arange(t_start, t_stop + 1e-9, SPECTRUM_BIN_MS)
    if edges.size < 17 or not any(t.size for t in trains):
        return None
    counts, _ = np.histogram(np.concatenate(trains), edges)
    freqs, power = welch(counts - counts.mean(), fs=1000.0 / SPECTRUM_BIN_MS,
                         nperseg=min(SPECTRUM_NPERSEG, counts.size))
    if freqs.size < 2 or not np.any(power[1:] > 0):
        return None
    return float(freqs[1 + int(np.argmax(power[1:]))])


def network_observables(results: Results) -> dict[str, dict[str, float | None]]:
    """{population: {observable: value}} for every population whose spikes were recorded, over its recorded
    neurons."""
    out = {}
    t0, t1 = results.warmup_ms, results.duration_ms
    for pop in results.populations:
        if pop not in results.spikes:
            continue
        trains = results.trains(pop, t_start=t0)
        stats = population_stats(trains, t0, t1)
        out[pop] = {name: stats[name] for name in NETWORK_OBSERVABLES if name in stats}
        out[pop]["rate_spectrum_peak_hz"] = rate_spectrum_peak_hz(trains, t0, t1)
    return out


def weight_observables(results: Results) -> dict[str, dict[str, float | None]]:
    """{"weights <pre>__<post>": {"weight_mean", "weight_std"}}: the mean and the standard deviation (ddof 0) of the
    final weights of every recorded plastic projection, in its weights' unit (summary.json's statistics)."""
    from portasnn.results import weight_stats

    out = {}
    for key, w in sorted(results.weights.items()):
        stats = weight_stats(w)
        out[f"weights {key}"] = {"weight_mean": stats["mean"], "weight_std": stats["std"]}
    return out


def ks_distance(a: np.ndarray, b: np.ndarray) -> float | None:
    """The two-sample Kolmogorov-Smirnov statistic sup_x |F_a(x) - F_b(x)| of two samples (None if one is empty):
    how far apart two weight distributions are, 0 for the same distribution, 1 for disjoint ones."""
    a, b = np.sort(np.asarray(a, float)), np.sort(np.asarray(b, float))
    if not a.size or not b.size:
        return None
    x = np.concatenate([a, b])
    fa = np.searchsorted(a, x, side="right") / a.size
    fb = np.searchsorted(b, x, side="right") / b.size
    return float(np.max(np.abs(fa - fb)))


def _common_times(a: WeightTrajectory, b: WeightTrajectory) -> tuple[np.ndarray, np.ndarray]:
    """Indices into a.times and b.times of the sample times both have (to 1 ns)."""
    ta, tb = np.round(a.times * 1e6).astype(np.int64), np.round(b.times * 1e6).astype(np.int64)
    _, ia, ib = np.intersect1d(ta, tb, assume_unique=True, return_indices=True)
    return ia, ib


def mean_path_deviation(ref: WeightTrajectory, arm: WeightTrajectory) -> float | None:
    """max over the sample times both runs have of |mean_arm(t) - mean_ref(t)|, the means over each run's sampled
    synapses, relative to the largest |mean_ref(t)| (None without a common sample time or sampled synapse; 0 when
    both are 0 throughout)."""
    ia, ib = _common_times(ref, arm)
    if not ia.size or not ref.weights.shape[1] or not arm.weights.shape[1]:
        return None
    m_ref, m_arm = ref.weights[ia].mean(axis=1), arm.weights[ib].mean(axis=1)
    scale = float(np.max(np.abs(m_ref)))
    gap = float(np.max(np.abs(m_arm - m_ref)))
    return gap / scale if scale > 0 else (0.0 if gap == 0 else float("inf"))


def synapse_path_deviation(ref: WeightTrajectory, arm: WeightTrajectory) -> float | None:
    """max over the synapses both runs sampled (the same source, target and delay; the k-th of several such in
    each run paired) and their common sample times of |w_arm - w_ref|, relative to the largest |w_ref| of those
    synapses (None if the runs sampled no synapse in common)."""
    def keyed(t: WeightTrajectory) -> dict[tuple, int]:
        seen: dict[tuple, int] = {}
        out = {}
        for j, key in enumerate(zip(t.sources.tolist(), t.targets.tolist(), np.round(t.delays, 9).tolist())):
            seen[key] = seen.get(key, -1) + 1
            out[(*key, seen[key])] = j
        return out

    kr, ka = keyed(ref), keyed(arm)
    both = sorted(set(kr) & set(ka))
    ia, ib = _common_times(ref, arm)
    if not both or not ia.size:
        return None
    wr = ref.weights[np.ix_(ia, [kr[k] for k in both])]
    wa = arm.weights[np.ix_(ib, [ka[k] for k in both])]
    scale = float(np.max(np.abs(wr)))
    gap = float(np.max(np.abs(wa - wr)))
    return gap / scale if scale > 0 else (0.0 if gap == 0 else float("inf"))


def distributions(results: Results, pop: str) -> dict[str, np.ndarray]:
    """Per-neuron rates (Hz) of the recorded neurons and all their ISIs (ms) of ``pop``, for the distribution
    plots."""
    t0, t1 = results.warmup_ms, results.duration_ms
    trains = results.trains(pop, t_start=t0)
    rates = np.array([t.size for t in trains], float) / max(t1 - t0, 1e-12) * 1000.0
    isis = np.concatenate([np.diff(t) for t in trains]) if trains else np.empty(0)
    return {"rates": rates, "isis": isis}


def describe(values: list[Any]) -> dict[str, float | None]:
    """mean, band (max |x_i - mean|) and n of the finite values."""
    finite = np.array([v for v in values if v is not None and np.isfinite(v)], float)
    if not finite.size:
        return {"mean": None, "band": None, "n": 0}
    mean = float(finite.mean())
    return {"mean": mean, "band": float(np.abs(finite - mean).max()) if finite.size > 1 else None,
            "n": int(finite.size)}
