"""Plastic projections on the nest target: NEST's stdp_synapse, final weights recorded (issue 17, first slice).

Independent references: the stdp_synapse rule computed here from its formulas (NEST's stdp_synapse.h and
archiving_node.cpp, as in notes/plasticity.md section 4) on the recorded spike trains; and the same Poisson-driven
network written by hand in plain PyNEST.
"""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import portasnn
from portasnn.frontend.network import parse_network_text
from portasnn.results import load_results, read_results
from portasnn.run import run

STDP = dict(tau_plus=16.8, lambda_=0.1, alpha=1.2, mu_plus=0.4, mu_minus=0.7, wmax=1.0)
TAU_MINUS = 20.0  # the post-synaptic neuron's (NEST's default)
EPS = 1e-6  # NEST's stdp_eps
W0, D = 0.5, 1.5  # initial weight (mV) and delay (ms) of the plastic connections


def stdp_reference(pre: np.ndarray, post: np.ndarray, *, w0: float, d: float, tau_plus: float, lambda_: float,
                   alpha: float, mu_plus: float, mu_minus: float, wmax: float, tau_minus: float = TAU_MINUS) -> float:
    """The weight after every pre spike of ``pre`` has been delivered, by NEST's stdp_synapse rule: at a pre spike
    at t, facilitation by each post spike in (t_last - d, t - d] with K+ decayed to it, then depression by the post
    trace K- at t - d (post spikes more than stdp_eps before it), then K+ <- K+ exp((t_last - t)/tau_plus) + 1."""
    def facilitate(w: float, kplus: float) -> float:
        norm = (w / wmax) + (lambda_ * math.pow(1.0 - (w / wmax), mu_plus) * kplus)
        return norm * wmax if norm < 1.0 else wmax

    def depress(w: float, kminus: float) -> float:
        norm = (w / wmax) - (alpha * lambda_ * math.pow(w / wmax, mu_minus) * kminus)
        return norm * wmax if norm > 0.0 else 0.0

    tau_minus_inv = 1.0 / tau_minus
    kminus_at, k, last = [], 0.0, None  # the post trace just after each post spike
    for tp in post:
        k = (k * math.exp((last - tp) * tau_minus_inv) if last is not None else 0.0) + 1.0
        kminus_at.append(k)
        last = tp

    def k_value(t: float) -> float:
        for i in range(len(post) - 1, -1, -1):
            if t - post[i] > EPS:
                return kminus_at[i] * math.exp((post[i] - t) * tau_minus_inv)
        return 0.0

    w, kplus, t_last = w0, 0.0, 0.0
    for t in pre:
        for tp in post:
            if tp - (t_last - d) >= EPS and (t - d) - tp > -EPS:  # ArchivingNode::get_history(t_last - d, t - d)
                w = facilitate(w, kplus * math.exp((t_last - (tp + d)) / tau_plus))
        w = depress(w, k_value(t - d))
        kplus = kplus * math.exp((t_last - t) / tau_plus) + 1.0
        t_last = t
    return w


def pair_network(pre_trains: list[list[float]], post_trains: list[list[float]], stdp: dict = STDP, w0: float = W0,
                 d: float = D) -> str:
    """Parrot neurons repeat the pre trains; iaf_psc_delta neurons fire where a 100 mV input arrives (the plastic
    input, at most Wmax = 1 mV at a time, cannot make them fire); pre[i] -> post[i] plastic, one to one."""
    n = len(pre_trains)
    lines = ["network pairs", "model parrot = nest parrot_neuron", "model lif = nest iaf_psc_delta",
             'synapse stdp from "nest:stdp_synapse" { tau_plus = %r ms, lambda = %r, alpha = %r, mu_plus = %r, '
             "mu_minus = %r, Wmax = %r mV }" % (stdp["tau_plus"], stdp["lambda_"], stdp["alpha"], stdp["mu_plus"],
                                                stdp["mu_minus"], stdp["wmax"]),
             f"population pre: {n} parrot", f"population post: {n} lif",
             f"connect pre -> post: one_to_one, synapse = stdp, weight = {w0!r} mV, delay = {d!r} ms"]
    for i, (a, b) in enumerate(zip(pre_trains, post_trains)):
        lines.append(f"stimulus a{i}: spikes(times = [{', '.join(f'{t} ms' for t in a)}]) -> pre[{i}] weight = 1.0, "
                     "delay = 1 ms")
        lines.append(f"stimulus b{i}: spikes(times = [{', '.join(f'{t} ms' for t in b)}]) -> post[{i}] "
                     "weight = 100 mV, delay = 1 ms")
    lines += ["record spikes of pre", "record spikes of post", "record weights of pre -> post",
              "simulate 400 ms resolution 0.1 ms seed 5"]
    return "\n".join(lines) + "\n"


def test_pairs_driven_by_spike_generators_follow_the_stdp_rule(tmp_path):
    """issue 17 item 3: the final weight of each pair equals the stdp_synapse rule applied to the recorded trains
    (regular, Poisson-like, pairs at +-1..+-50 ms, and a post spike exactly d before a pre spike)."""
    rng = np.random.default_rng(17)
    pre_trains, post_trains = [], []
    for lag in (-50.0, -10.0, -1.0, 1.0, 10.0, 50.0):  # post - pre, ms, repeated every 60 ms
        pre = [20.0 + 60.0 * k for k in range(5)]
        pre_trains.append(pre)
        post_trains.append([round(t + lag, 1) for t in pre if t + lag > 1.0])
    for _ in range(4):  # irregular trains on the grid, at least 2.1 ms apart (the post neurons' t_ref is 2 ms)
        for trains in (pre_trains, post_trains):
            slots = np.sort(rng.choice(95, 12, replace=False))
            trains.append([round(5.0 + 3.0 * s + 0.1 * int(rng.integers(0, 10)), 1) for s in slots])
    pre_trains.append([30.0, 80.0])  # the post spike arrives exactly D before the second pre spike
    post_trains.append([80.0 - D])
    out = run(parse_network_text(pair_network(pre_trains, post_trains), "pairs.pnet"), outdir=tmp_path / "out",
              progress=False)
    results = read_results(out)
    w = results.weights["pre__post"]
    assert (w.projection, w.pre, w.post, w.unit) == ("pre->post", "pre", "post", "mV")
    assert list(w.sources) == list(range(len(pre_trains))) and list(w.targets) == list(range(len(pre_trains)))
    assert np.all(w.delays == D)
    pre_s, post_s = results.trains("pre", t_start=0.0), results.trains("post", t_start=0.0)
    for i in range(len(pre_trains)):
        np.testing.assert_allclose(pre_s[i], np.asarray(pre_trains[i]) + 1.0, atol=1e-9)  # parrots repeat them
        np.testing.assert_allclose(post_s[i], np.asarray(post_trains[i]) + 1.0, atol=1e-9)  # the driven spikes only
        expected = stdp_reference(pre_s[i], post_s[i], w0=W0, d=D, **STDP)
        assert w.weights[i] == pytest.approx(expected, rel=1e-12, abs=1e-15), (i, pre_s[i], post_s[i])
    assert len({round(float(x), 9) for x in w.weights}) > 5  # the pairs really learned different weights


POISSON = """network plastic_poisson
model lif = nest iaf_psc_alpha
synapse stdp from "nest:stdp_synapse" { tau_plus = 15 ms, lambda = 0.02, alpha = 1.1, mu_plus = 1.0,
                                        mu_minus = 1.0, Wmax = 120 pA }
population E: 30 lif
connect E -> E: fixed_indegree(8), synapse = stdp, weight = uniform(20 pA, 60 pA), delay = 1.5 ms
stimulus ext: poisson(rate = 12000 Hz) -> E weight = 40 pA, delay = 1 ms
record spikes of E
record weights of E -> E
simulate 1500 ms resolution 0.1 ms seed 11
"""


def by_hand(seed: int, vps: int = 1, duration: float = 1500.0) -> dict[str, np.ndarray]:
    """The network POISSON written by hand in plain PyNEST (NEST's own calls, nothing of portasnn)."""
    import nest

    nest.ResetKernel()
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": seed, "total_num_virtual_procs": vps})
    E = nest.Create("iaf_psc_alpha", 30)
    ext = nest.Create("poisson_generator", params={"rate": 12000.0})
    rec = nest.Create("spike_recorder")
    nest.CopyModel("stdp_synapse", "my_stdp", {"tau_plus": 15.0, "lambda": 0.02, "alpha": 1.1, "mu_plus": 1.0,
                                                "mu_minus": 1.0, "Wmax": 120.0})
    nest.Connect(E, E, {"rule": "fixed_indegree", "indegree": 8},
                 {"synapse_model": "my_stdp", "weight": nest.random.uniform(min=20.0, max=60.0), "delay": 1.5})
    nest.Connect(ext, E, "all_to_all", {"weight": 40.0, "delay": 1.0})
    nest.Connect(E, rec)
    nest.Simulate(duration)
    conns = nest.GetConnections(E, E, synapse_model="my_stdp").get(["source", "target", "weight", "delay"])
    first = E[0].global_id
    src, tgt = np.asarray(conns["source"]) - first, np.asarray(conns["target"]) - first
    w, d = np.asarray(conns["weight"], dtype=float), np.asarray(conns["delay"], dtype=float)
    order = np.lexsort((d, w, tgt, src))
    return {"sources": src[order], "targets": tgt[order], "weights": w[order], "delays": d[order],
            "n_spikes": np.asarray(len(rec.get("events")["times"]))}


@pytest.fixture(scope="module")
def poisson_run(tmp_path_factory):
    out = run(parse_network_text(POISSON, "plastic_poisson.pnet"), outdir=tmp_path_factory.mktemp("p") / "out",
              progress=False)
    return out


def test_poisson_network_equals_plain_pynest(poisson_run):
    """issue 17 item 3: the same network by hand in PyNEST gives exactly the same final weights (bit for bit)."""
    ref = by_hand(11)
    with np.load(poisson_run / "weights" / "E__E.npz") as f:
        for key in ("sources", "targets", "weights", "delays"):
            np.testing.assert_array_equal(f[key], ref[key], err_msg=key)
        assert str(f["unit"]) == "pA" and str(f["projection"]) == "E->E"
    assert read_results(poisson_run).spikes["E"][1].size == int(ref["n_spikes"])
    assert np.unique(ref["weights"]).size > 100  # they changed, differently (plasticity took place)


def test_summary_weight_statistics_equal_numpy_on_the_npz(poisson_run):
    """issue 17 item 2: summary.json's weight statistics, checked against a direct computation from the npz."""
    summary = json.loads((poisson_run / "summary.json").read_text())
    stats = summary["weights"]["E__E"]
    with np.load(poisson_run / "weights" / "E__E.npz") as f:
        w = f["weights"]
        assert f["sources"].size == f["targets"].size == f["delays"].size == w.size == 30 * 8
    assert stats["projection"] == "E->E" and stats["unit"] == "pA"
    assert stats["n"] == w.size
    assert stats["mean"] == pytest.approx(float(np.sum(w) / w.size), rel=1e-12)
    assert stats["std"] == pytest.approx(float(np.sqrt(np.sum((w - np.sum(w) / w.size) ** 2) / w.size)), rel=1e-10)
    assert stats["min"] == float(np.min(w)) and stats["max"] == float(np.max(w))
    assert 0.0 <= stats["min"] and stats["max"] <= 120.0
    meta = json.loads((poisson_run / "meta.json").read_text())
    assert meta["weights"] == {"E__E": {"projection": "E->E", "pre": "E", "post": "E", "unit": "pA"}}


def test_load_results_still_reads_a_directory_with_weights(poisson_run):
    block = load_results(poisson_run)
    assert len(block.segments[0].spiketrains) == 30
    assert "weights" in (portasnn.results.load_results.__doc__ or "")  # says where the weights are


def test_plain_script_writes_the_same_weights(poisson_run, tmp_path):
    """The standalone script with numpy alone (--plain) writes the same weights file (and no summary)."""
    import subprocess
    import sys

    from portasnn.targets.nest.mpi import launch_environ  # a NEST with MPI: no singleton's variables for the child

    script = next(poisson_run.glob("run_*.py"))
    done = subprocess.run([sys.executable, str(script), "--outdir", str(tmp_path / "plain"), "--plain", "--quiet"],
                          capture_output=True, text=True, timeout=300, env={**launch_environ(), "PYNEST_QUIET": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    with np.load(tmp_path / "plain" / "weights" / "E__E.npz") as a, np.load(poisson_run / "weights" / "E__E.npz") as b:
        for key in ("sources", "targets", "weights", "delays"):
            np.testing.assert_array_equal(a[key], b[key])
    assert not (tmp_path / "plain" / "summary.json").exists()
    assert read_results(tmp_path / "plain").weights["E__E"].weights.size == 240


def test_portasnn_run_prints_the_final_weights(tmp_path):
    """`portasnn run` prints the weight statistics of summary.json next to the rates."""
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "plastic_poisson.pnet"
    path.write_text(POISSON.replace("1500 ms", "300 ms"))
    done = subprocess.run([str(Path(sys.executable).with_name("portasnn")), "run", str(path), "--target", "nest",
                           "--no-plots", "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    stats = json.loads((tmp_path / "out" / "summary.json").read_text())["weights"]["E__E"]
    assert (f"E->E final weights: mean {stats['mean']:.4g} pA, std {stats['std']:.4g}, min {stats['min']:.4g}, "
            f"max {stats['max']:.4g} (240 connections)") in done.stdout


def test_two_threads_collect_every_connection(tmp_path):
    """With 2 threads each thread holds part of the connections: all are written, equal to plain PyNEST's."""
    text = POISSON.replace("1500 ms", "400 ms").replace("seed 11", "seed 11 threads 2")
    out = run(parse_network_text(text, "plastic_poisson.pnet"), outdir=tmp_path / "out", progress=False)
    ref = by_hand(11, vps=2, duration=400.0)
    weights = read_results(out).weights["E__E"]
    assert weights.weights.size == 240
    for key in ("sources", "targets", "weights", "delays"):
        np.testing.assert_array_equal(getattr(weights, key), ref[key], err_msg=key)


def test_rank_parts_of_the_weights_are_merged(poisson_run):
    """Under MPI each rank saves the connections it holds; rank 0 concatenates them (the script's merge_parts)."""
    from portasnn.targets.nest.script import load_script

    module = load_script(next(poisson_run.glob("run_*.py")))
    parts = [{"spikes|E|senders": np.array([0]), "spikes|E|times": np.array([1.0]),
              "weights|E__E|sources": np.array([0, 3]), "weights|E__E|targets": np.array([1, 1]),
              "weights|E__E|weights": np.array([1.0, 2.0]), "weights|E__E|delays": np.array([1.5, 1.5])},
             {"spikes|E|senders": np.array([2]), "spikes|E|times": np.array([2.0]),
              "weights|E__E|sources": np.array([5]), "weights|E__E|targets": np.array([0]),
              "weights|E__E|weights": np.array([3.0]), "weights|E__E|delays": np.array([1.5])}]
    merged = module.merge_parts(parts)
    assert list(merged["weights|E__E|sources"]) == [0, 3, 5] and list(merged["weights|E__E|weights"]) == [1, 2, 3]


def _train(slots: list[int], spacing: float) -> list[float]:
    """Distinct grid times from 5 ms on, at least ``spacing`` apart (slots are multiples of it plus 0..0.9 ms)."""
    return [round(5.0 + spacing * s + 0.1 * (s % 10), 1) for s in sorted(set(slots))]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tau_plus=st.floats(5.0, 40.0), lambda_=st.floats(0.001, 0.3), alpha=st.floats(0.3, 2.0),
       mu_plus=st.sampled_from([0.0, 0.5, 1.0]), mu_minus=st.sampled_from([0.0, 0.5, 1.0]),
       w0=st.floats(0.05, 0.95), d10=st.integers(1, 40),
       trains=st.lists(st.tuples(st.lists(st.integers(0, 90), min_size=1, max_size=10),
                                 st.lists(st.integers(0, 90), max_size=10)), min_size=1, max_size=6))
def test_random_trains_and_parameters_follow_the_stdp_rule(tmp_path_factory, tau_plus, lambda_, alpha, mu_plus,
                                                           mu_minus, w0, d10, trains):
    """issue 17 item 3 (property): any spike trains, parameters and delay give the rule's final weight."""
    stdp = dict(tau_plus=tau_plus, lambda_=lambda_, alpha=alpha, mu_plus=mu_plus, mu_minus=mu_minus, wmax=1.0)
    d = d10 / 10
    pre_trains = [_train(a, 3.0) for a, _ in trains]
    post_trains = [_train(b, 3.0) for _, b in trains]
    net = parse_network_text(pair_network(pre_trains, post_trains, stdp, w0, d), "pairs.pnet")
    results = read_results(run(net, outdir=tmp_path_factory.mktemp("h") / "out", progress=False))
    w = results.weights["pre__post"]
    pre_s, post_s = results.trains("pre", t_start=0.0), results.trains("post", t_start=0.0)
    for i in range(len(trains)):
        assert post_s[i].size == len(post_trains[i])  # only the driven spikes
        expected = stdp_reference(pre_s[i], post_s[i], w0=w0, d=d, **stdp)
        assert w.weights[i] == pytest.approx(expected, rel=1e-12, abs=1e-15), (i, pre_s[i], post_s[i])


def test_tau_minus_of_the_synapse_is_set_on_the_post_neurons(tmp_path):
    """issue 17 (SpiNNaker slice): ``tau_minus`` given on the synapse reaches the post-synaptic neurons, where NEST
    keeps it; the weights follow the rule with that tau_minus and not with NEST's default 20 ms."""
    pre_trains = [[20.0 + 60.0 * k for k in range(5)] for _ in range(3)]
    post_trains = [[round(t + lag, 1) for t in pre_trains[0] if t + lag > 1.0] for lag in (-30.0, -8.0, -3.0)]
    text = pair_network(pre_trains, post_trains).replace("tau_plus = ", "tau_minus = 35.0 ms, tau_plus = ")
    out = run(parse_network_text(text, "pairs.pnet"), outdir=tmp_path / "out", progress=False)
    results = read_results(out)
    w = results.weights["pre__post"].weights
    pre_s, post_s = results.trains("pre", t_start=0.0), results.trains("post", t_start=0.0)
    for i in range(3):
        expected = stdp_reference(pre_s[i], post_s[i], w0=W0, d=D, tau_minus=35.0, **STDP)
        default = stdp_reference(pre_s[i], post_s[i], w0=W0, d=D, **STDP)
        assert w[i] == pytest.approx(expected, rel=1e-12, abs=1e-15)
        assert abs(w[i] - default) > 1e-6
