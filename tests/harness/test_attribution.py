"""Attribution of a spinnaker-host deviation to fixed point or to the algorithm, from result directories."""
from __future__ import annotations

import numpy as np

from portasnn.harness.compare import compare
from portasnn.results import ResultsWriter


def _poisson_dir(path, target, rate, seed=1):
    rng = np.random.default_rng(seed)
    n, duration = 50, 2000.0
    w = ResultsWriter(path, {"target": target, "network": "p", "duration_ms": duration, "resolution_ms": 0.1,
                             "seed": seed, "populations": {"E": {"size": n, "model": "x"}}})
    counts = rng.poisson(rate * duration / 1000.0, n)
    senders = np.repeat(np.arange(n), counts)
    w.add_spikes("E", senders, rng.uniform(0, duration, senders.size))
    return w.close(summary=False, plots=False)


def test_fixed_point_attribution(tmp_path):
    ref = _poisson_dir(tmp_path / "nest", "nest", 10.0)
    fixed = _poisson_dir(tmp_path / "host", "spinnaker-host", 14.0)
    same_float = _poisson_dir(tmp_path / "float", "spinnaker-host-float", 10.0)
    off_float = _poisson_dir(tmp_path / "float2", "spinnaker-host-float", 14.0)
    r = compare(results=[ref, fixed, same_float], outdir=tmp_path / "a")
    assert r.verdict == "Fail"
    assert any("fixed-point arithmetic" in line for line in r.attribution)
    assert "fixed-point arithmetic" in (tmp_path / "a/report.md").read_text()
    r = compare(results=[ref, fixed, off_float], outdir=tmp_path / "b")
    assert any("from the algorithm" in line for line in r.attribution)
    r = compare(results=[ref, fixed], outdir=tmp_path / "c")
    assert any("not attributed" in line for line in r.attribution)
