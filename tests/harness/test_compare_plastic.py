"""portasnn compare of a plastic network on nest and spinnaker-host: the final weights' mean and standard deviation
per plastic projection are judged, and every number equals a direct computation from the raw weights the runs wrote
(issue 17 item 6, SpiNNaker slice)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

PORTASNN = str(Path(sys.executable).with_name("portasnn"))
NETWORK = """network plastic_cmp
model lif from "nestml:iaf_psc_exp_neuron"
synapse stdp from "nest:stdp_synapse" { tau_plus = 20 ms, lambda = 0.01, alpha = 1.1, mu_plus = 1, mu_minus = 1,
                                        Wmax = 100 pA }
population E: 40 lif
connect E -> E: fixed_indegree(8), weight = 40 pA, delay = 1.5 ms, synapse = stdp
stimulus ext: poisson(rate = 9000 Hz) -> E weight = 30 pA, delay = 1 ms
record spikes of E
record weights of E -> E[0:5] every 100 ms
simulate 1000 ms resolution 1 ms seed 3
"""


def raw(run: Path) -> np.ndarray:
    with np.load(run / "weights" / "E__E.npz") as z:
        return z["weights"]


def test_compare_judges_final_weight_mean_and_std_from_the_raw_weights(tmp_path):
    (tmp_path / "plastic.pnet").write_text(NETWORK)
    done = subprocess.run([PORTASNN, "compare", "plastic.pnet", "--targets", "nest,spinnaker-host", "-o", "report"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    report = json.loads((tmp_path / "report" / "metrics.json").read_text())
    runs = {label: [tmp_path / p for p in paths] for label, paths in report["runs"].items()}
    assert len(runs["nest"]) >= 2 and len(runs["spinnaker-host"]) == 1
    judged = {j["observable"]: j for j in report["judgements"] if j["group"] == "weights E__E"
              and j["target"] == "spinnaker-host"}
    assert set(judged) == {"weight_mean", "weight_std", "weight_ks"}
    # the KS distance of the two first seeds' final weights, computed here from the definition: the largest gap
    # between the two empirical distribution functions, checked at every weight either run has
    a, b = raw(runs["nest"][0]), raw(runs["spinnaker-host"][0])
    gaps = [abs(np.mean(a <= x) - np.mean(b <= x)) for x in np.concatenate([a, b])]
    assert judged["weight_ks"]["value"] == pytest.approx(max(gaps), rel=1e-12)
    assert judged["weight_ks"]["tolerance"] == 0.2 and judged["weight_ks"]["verdict"] in ("OK", "Poor", "Fail")
    assert (tmp_path / "report" / "weights.png").stat().st_size > 10_000
    assert (tmp_path / "report" / "weight_trajectories.png").stat().st_size > 10_000  # and during the run
    for r in (runs["nest"][0], runs["spinnaker-host"][0]):
        with np.load(r / "weights" / "E__E.trajectory.npz") as z:
            assert z["times"].tolist() == [100.0 * k for k in range(1, 11)] and z["weights"].shape == (10, 5 * 8)
    for obs, stat in (("weight_mean", np.mean), ("weight_std", np.std)):  # per seed, then the seed mean
        ref = [float(stat(raw(r))) for r in runs["nest"]]
        j = judged[obs]
        assert j["ref_value"] == pytest.approx(np.mean(ref), rel=1e-12)
        assert j["band"] == pytest.approx(np.max(np.abs(np.array(ref) - np.mean(ref))), rel=1e-9)
        assert j["value"] == pytest.approx(float(stat(raw(runs["spinnaker-host"][0]))), rel=1e-12)
        assert j["diff"] == pytest.approx(j["value"] - j["ref_value"], rel=1e-9, abs=1e-12)
        assert j["verdict"] in ("OK", "Poor", "Fail") and j["tolerance"] is not None
    for r in (*runs["nest"], *runs["spinnaker-host"]):  # summary.json's statistics, from the same raw weights
        w = raw(r)
        s = json.loads((r / "summary.json").read_text())["weights"]["E__E"]
        assert s["n"] == w.size == 40 * 8
        assert s["mean"] == pytest.approx(w.mean(), rel=1e-12) and s["std"] == pytest.approx(w.std(), rel=1e-12)
        assert (s["min"], s["max"]) == (pytest.approx(w.min()), pytest.approx(w.max()))
    assert np.ptp(raw(runs["spinnaker-host"][0])) > 1.0  # the weights did change
    assert "weights E__E" in (tmp_path / "report" / "report.md").read_text()


def test_ks_distance_equals_the_definition():
    """metrics.ks_distance against scipy's two-sample statistic and against the definition, with ties."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from scipy import stats

    from portasnn.harness.metrics import ks_distance

    values = st.lists(st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 7.25]) | st.floats(-5, 5), min_size=1, max_size=40)

    @settings(max_examples=200)
    @given(a=values, b=values)
    def check(a, b):
        got = ks_distance(np.array(a), np.array(b))
        assert got == pytest.approx(stats.ks_2samp(a, b).statistic, abs=1e-12)
        points = np.concatenate([a, b])
        assert got == pytest.approx(max(abs(np.mean(np.array(a) <= x) - np.mean(np.array(b) <= x)) for x in points),
                                    abs=1e-12)

    check()
    assert ks_distance(np.array([1.0]), np.array([])) is None
