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
    assert set(judged) == {"weight_mean", "weight_std", "weight_ks", "weight_mean_path", "weight_synapse_path"}
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
    # during the run: the mean sampled weight's largest gap over the ten samples, relative to the reference's
    # largest mean; and per synapse both sampled (the same source, target and delay), from the raw samples here
    tr = {}
    for label in ("nest", "spinnaker-host"):
        with np.load(runs[label][0] / "weights" / "E__E.trajectory.npz") as z:
            tr[label] = {k: z[k] for k in ("sources", "targets", "delays", "weights")}
    m_ref, m_arm = tr["nest"]["weights"].mean(axis=1), tr["spinnaker-host"]["weights"].mean(axis=1)
    assert judged["weight_mean_path"]["value"] == pytest.approx(np.max(np.abs(m_arm - m_ref)) / np.max(np.abs(m_ref)),
                                                               rel=1e-12)
    assert judged["weight_mean_path"]["tolerance"] == 0.05 and judged["weight_mean_path"]["verdict"] is not None
    unused = list(zip(tr["spinnaker-host"]["sources"].tolist(), tr["spinnaker-host"]["targets"].tolist(),
                      tr["spinnaker-host"]["delays"].tolist()))
    gaps, scale = [], 0.0
    for j, syn in enumerate(zip(tr["nest"]["sources"].tolist(), tr["nest"]["targets"].tolist(),
                                tr["nest"]["delays"].tolist())):
        if syn in unused:
            k = unused.index(syn)
            unused[k] = None
            gaps.append(np.max(np.abs(tr["spinnaker-host"]["weights"][:, k] - tr["nest"]["weights"][:, j])))
            scale = max(scale, np.max(np.abs(tr["nest"]["weights"][:, j])))
    assert len(gaps) >= 5  # the targets draw the same connections here, so some sampled synapses are shared
    assert judged["weight_synapse_path"]["value"] == pytest.approx(max(gaps) / scale, rel=1e-12)
    assert judged["weight_synapse_path"]["verdict"] is None  # reported only
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


def test_path_deviations_on_made_up_trajectories():
    """metrics.mean_path_deviation and synapse_path_deviation on trajectories written by hand: only the sample
    times both have count, synapses pair by source, target and delay (in order when repeated), None when nothing
    is shared."""
    from portasnn.harness.metrics import mean_path_deviation, synapse_path_deviation
    from portasnn.results import WeightTrajectory

    def traj(times, sources, targets, weights, delays=None):
        n = len(sources)
        return WeightTrajectory("p", "E", "E", np.array(sources), np.array(targets),
                                np.array(delays or [1.0] * n), np.array(times, float), np.array(weights, float), "pA")

    ref = traj([10, 20, 30], [0, 1, 1], [5, 5, 5], [[10, 20, 30], [12, 20, 32], [14, 20, 40]])
    assert mean_path_deviation(ref, ref) == 0.0 and synapse_path_deviation(ref, ref) == 0.0
    arm = traj([20, 30, 40], [1, 1, 0], [5, 5, 5], [[21, 33, 12], [20, 40, 15], [0, 0, 0]])  # the same synapses,
    # listed in another order, one sample time later; at 20 ms (1, 5) pairs in order: 20 -> 21, 32 -> 33
    means = {20: np.mean([12, 20, 32]), 30: np.mean([14, 20, 40])}
    assert mean_path_deviation(ref, arm) == pytest.approx(max(abs(np.mean([21, 33, 12]) - means[20]),
                                                              abs(np.mean([20, 40, 15]) - means[30])) / means[30])
    assert synapse_path_deviation(ref, arm) == pytest.approx(max(1, 1, 0, 0, 0, 1) / 40)
    assert synapse_path_deviation(ref, traj([20], [3], [5], [[1.0]])) is None  # no synapse in common
    assert mean_path_deviation(ref, traj([15], [0], [5], [[1.0]])) is None  # no sample time in common
    assert synapse_path_deviation(ref, traj([20, 30], [0, 1, 1], [5, 5, 5], [[12, 20, 32], [14, 20, 40]],
                                            delays=[2.0, 1.0, 1.0])) == pytest.approx(0.0)  # (0, 5) delay differs
