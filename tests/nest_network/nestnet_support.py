"""Helpers for the NEST network tests: spike statistics computed here with numpy alone."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

NESTML_DELTA = Path(sys.prefix) / "models" / "neurons" / "iaf_psc_delta_neuron.nestml"


def rate_and_cv(senders: np.ndarray, times: np.ndarray, n: int, duration_ms: float) -> tuple[float, float]:
    """Mean firing rate (Hz) of ``n`` neurons and the mean CV of ISIs over neurons with >= 3 spikes."""
    rate = len(times) / n / (duration_ms / 1000.0)
    order = np.lexsort((times, senders))
    s, t = senders[order], times[order]
    bounds = np.searchsorted(s, np.arange(n + 1))
    cvs = []
    for i in range(n):
        isi = np.diff(t[bounds[i]:bounds[i + 1]])
        if len(isi) >= 2:
            cvs.append(isi.std() / isi.mean())
    return rate, float(np.mean(cvs))


def load_spikes(outdir: Path, pop: str) -> tuple[np.ndarray, np.ndarray]:
    with np.load(outdir / "spikes" / f"{pop}.npz") as f:
        return f["senders"], f["times"]
