"""The summary statistics equal elephant's, bit for bit, without importing elephant in the run."""
from __future__ import annotations

import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn import results
from portasnn.results import CORR_BIN_MS, CORR_SAMPLE, SAMPLE_SEED, population_stats


def _elephant(trains: list[np.ndarray], t_start: float, t_stop: float) -> dict:
    """What population_stats computed with elephant before (rate, Fano factor, mean correlation)."""
    import elephant.statistics as es
    import neo
    import quantities as pq
    from elephant.conversion import BinnedSpikeTrain
    from elephant.spike_train_correlation import correlation_coefficient

    n = len(trains)
    counts = np.array([t.size for t in trains])
    pooled = np.concatenate(trains)
    out = {"rate_hz": float(es.mean_firing_rate(pooled, t_start=t_start, t_stop=t_stop)) * 1000.0 / n
           if pooled.size else 0.0, "fano_factor": None, "corr_mean": None}
    if counts.sum() > 0:
        value = float(es.fanofactor(trains))
        out["fano_factor"] = value if np.isfinite(value) else None
    active = np.flatnonzero(counts > 0)
    if active.size >= 2 and t_stop - t_start >= 2 * CORR_BIN_MS:
        rng = np.random.default_rng(SAMPLE_SEED)
        chosen = np.sort(rng.choice(active, size=min(CORR_SAMPLE, active.size), replace=False))
        sts = [neo.SpikeTrain(trains[i] * pq.ms, t_start=t_start * pq.ms, t_stop=t_stop * pq.ms) for i in chosen]
        binned = BinnedSpikeTrain(sts, bin_size=CORR_BIN_MS * pq.ms, t_start=t_start * pq.ms,
                                  t_stop=t_start * pq.ms + CORR_BIN_MS * pq.ms * int((t_stop - t_start) // CORR_BIN_MS))
        cc = correlation_coefficient(binned)
        off = cc[~np.eye(len(chosen), dtype=bool)]
        off = off[np.isfinite(off)]
        out["corr_mean"] = float(off.mean()) if off.size else None
    return out


@st.composite
def populations(draw):
    t_start = draw(st.sampled_from([0.0, 0.1, 100.0, 3.3]))
    t_stop = t_start + draw(st.sampled_from([10.0, 50.0, 99.9, 1000.0, 2.5]))
    n = draw(st.integers(1, 12))
    trains = []
    for _ in range(n):
        k = draw(st.integers(0, 40))
        steps = draw(st.lists(st.integers(0, int((t_stop - t_start) * 10)), min_size=k, max_size=k))
        trains.append(np.sort(t_start + np.array(steps, dtype=float) * 0.1))  # on the 0.1 ms grid, edges included
    return trains, t_start, t_stop


@settings(max_examples=150, deadline=None)
@given(populations())
def test_rate_fano_and_correlation_are_elephants(pop) -> None:
    """issue 13 item 11: elephant (with scipy.stats and neo) took a second of every warm run to import."""
    trains, t_start, t_stop = pop
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = population_stats(trains, t_start, t_stop)
        ref = _elephant(trains, t_start, t_stop)
    for key, value in ref.items():
        assert ours[key] == value or (value is not None and np.isnan(value) and np.isnan(ours[key])), key


def test_both_correlation_branches_are_exercised() -> None:
    """The dense (np.corrcoef) and the sparse (covariance formula) branch give elephant's numbers."""
    rng = np.random.default_rng(3)
    dense = [np.sort(rng.uniform(0, 100, 60)) for _ in range(5)]
    sparse = [np.sort(rng.uniform(0, 1000, 3)) for _ in range(5)]
    for trains, stop in ((dense, 100.0), (sparse, 1000.0)):
        binned = results._binned(trains, 0.0, stop)
        assert (np.count_nonzero(binned) / binned.size > 0.1) == (trains is dense)
        assert population_stats(trains, 0.0, stop)["corr_mean"] == _elephant(trains, 0.0, stop)["corr_mean"]
