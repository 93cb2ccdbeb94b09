"""Imported NIR graphs against an independent NIR simulator: Spyx (PyPI, on JAX), run in its own environment.

``make setup`` makes ``.venv-spyx`` (spyx, jax and nir only; ``PORTASNN_SPYX_PYTHON`` names another Python).
``spyx_run.py`` runs a graph there and saves each neuron layer's spikes. The graphs are generated here with random
weights on a grid of 1/8 (and thresholds of 1 + 1/16), so that every sum is exact in Spyx's float32, in NEST's
double and in spinnaker-host's s16.15: where the discretisations agree, the spike trains must be identical.

Spyx's discretisation (spyx 1.0, ``spyx.nn``): an IF layer's spike at step k is V_k > threshold, then V_{k+1} =
V_k + x_k - s_k threshold; each layer and a recurrent weight add one step. So the IF equals portasnn's import with
``--reset subtract`` (v jumps by r w dt / t_unit = w for r = 1, dt = 1 ms), and portasnn's spike at (k + 2) dt is
Spyx's at step k (the import's Input relay, README "NIR import"). A LIF differs: Spyx uses V_{k+1} = (1 - dt/tau) V_k
+ x_k - s_k threshold (explicit Euler, r and v_leak ignored, the reset not leaked), portasnn the exact leak
exp(-dt/tau); the LIF test shows that each simulator's spikes are those of its own recursion, computed in numpy.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nir_graphs import write
from nir_reference import Layer, simulate
from portasnn.cli import main

nir = pytest.importorskip("nir")
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SPYX_PYTHON = Path(os.environ.get("PORTASNN_SPYX_PYTHON", ROOT / ".venv-spyx" / "bin" / "python"))
RUNNER = Path(__file__).with_name("spyx_run.py")
OFFSET = 2  # portasnn's spike at (k + 2) dt is Spyx's at step k
THRESHOLD = 1.0 + 1.0 / 16


@pytest.fixture(scope="module")
def spyx() -> Path:
    if not SPYX_PYTHON.is_file():
        pytest.skip(f"no Spyx environment at {SPYX_PYTHON}: `make setup` makes it (or set PORTASNN_SPYX_PYTHON)")
    return SPYX_PYTHON


def run_spyx(python: Path, graph: Path, x: np.ndarray, tmp: Path, dt: float = 1.0) -> dict[str, np.ndarray]:
    """Each neuron node's spikes on Spyx, (steps + 1, n): one step more than ``x`` has rows, the last step of
    portasnn's run (its time (steps + 2) dt, where nest records spikes and spinnaker-host does not)."""
    np.save(tmp / "x_spyx.npy", np.concatenate([x, np.zeros_like(x[:1])]))
    done = subprocess.run([str(python), str(RUNNER), str(graph), str(tmp / "x_spyx.npy"), str(tmp / "spyx.npz"),
                           "--dt", str(dt)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    found = np.load(tmp / "spyx.npz")
    return {k: found[k] for k in found.files}


def run_portasnn(graph: Path, x: np.ndarray, tmp: Path, target: str = "nest", *args: str) -> Path:
    np.save(tmp / "x.npy", x)
    net = tmp / "net"
    if not (net / "net.pnet").is_file():
        assert main(["import", "nir", str(graph), "-o", str(net), "--input", str(tmp / "x.npy"), "--reset",
                     "subtract", "--steps", str(x.shape[0] + OFFSET), *args]) == 0
    out = tmp / target.replace(":", "_")
    assert main(["run", str(net / "net.pnet"), "--target", target, "-o", str(out), "--force", "--no-plots",
                 "--json"]) == 0
    return out


def as_steps(outdir: Path, pop: str, n: int, steps: int) -> np.ndarray:
    """portasnn's spikes of ``pop`` as a (steps, n) 0/1 array in Spyx's step numbering."""
    d = np.load(outdir / "spikes" / f"{pop}.npz")
    a = np.zeros((steps, n), np.int8)
    k = np.rint(d["times"]).astype(int) - OFFSET
    keep = (k >= 0) & (k < steps)
    a[k[keep], d["senders"][keep]] = 1
    return a


def grid(rng, shape, mean=0.4, std=0.5) -> np.ndarray:
    return np.round(rng.normal(mean, std, shape) * 8) / 8


def if_node(shape) -> "nir.IF":
    return nir.IF(r=np.ones(shape), v_threshold=np.full(shape, THRESHOLD), v_reset=np.zeros(shape))


def pop_names(net: Path) -> dict[str, str]:
    """NIR node -> population name, from the comments of the imported .pnet."""
    lines = (net / "net.pnet").read_text().splitlines()
    found = {}
    for comment, line in zip(lines, lines[1:]):
        if comment.startswith("# NIR ") and line.startswith("population "):
            found[comment.split("'")[1]] = line.split()[1].rstrip(":")
    return found


def assert_same(spyx_spikes: dict, outdir: Path, net: Path, steps: int) -> int:
    names, total = pop_names(net), 0
    for node, want in spyx_spikes.items():
        want = want[:steps]
        got = as_steps(outdir, names[node], want.shape[1], steps)
        diff = np.argwhere(got != want)
        assert diff.size == 0, f"{node}: first differences (step, neuron) {diff[:5].tolist()}"
        total += int(want.sum())
    return total


def test_feed_forward_if_equals_spyx_on_nest_and_spinnaker_host(spyx, tmp_path):
    """issue 16: Input -> Affine (a bias) -> IF -> Linear -> IF -> Output, random weights: Spyx's spike trains equal
    portasnn's on nest and on spinnaker-host (s16.15), every neuron and step (the bias acting with the input's first
    row in both); the harness compares them too."""
    rng = np.random.default_rng(3)
    n_in, n_h, n_o, steps = 5, 8, 4, 40
    g = write(nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([n_in])}),
        "fc1": nir.Affine(weight=grid(rng, (n_h, n_in)), bias=grid(rng, n_h, 0.0, 0.1)), "if1": if_node(n_h),
        "fc2": nir.Linear(weight=grid(rng, (n_o, n_h))), "if2": if_node(n_o),
        "output": nir.Output(output_type={"output": np.array([n_o])}),
    }, edges=[("input", "fc1"), ("fc1", "if1"), ("if1", "fc2"), ("fc2", "if2"), ("if2", "output")]),
        tmp_path / "ff.nir")
    x = (rng.random((steps, n_in)) < 0.4).astype(np.int8)
    want = run_spyx(spyx, g, x, tmp_path)
    assert want["if1"].sum() >= 20 and want["if2"].sum() >= 10  # not silent
    for target in ("nest", "spinnaker-host"):
        assert assert_same(want, run_portasnn(g, x, tmp_path, target), tmp_path / "net", steps) > 30
    # Spyx's spikes as a results directory, compared by the harness like any two targets
    spyx_dir = spyx_results({**want, "input": x}, tmp_path / "net", tmp_path / "spyx_results", steps + 1,
                            json.loads((tmp_path / "nest" / "meta.json").read_text())["populations"])
    assert main(["compare", "--results", str(spyx_dir), str(tmp_path / "nest"), "-o", str(tmp_path / "cmp"),
                 "--force", "--json"]) == 0
    metrics = json.loads((tmp_path / "cmp" / "metrics.json").read_text())
    rates = [j for j in metrics["judgements"] if j["observable"] == "rate_hz"]
    assert len(rates) == 3 and all(j["ref_value"] == j["value"] for j in rates), rates


def spyx_results(spikes: dict, net: Path, out: Path, steps: int, pops: dict) -> Path:
    """Spyx's spikes (and the input array, as the Input relay's) written as a portasnn results directory, times in
    portasnn's numbering; ``pops``: the populations of portasnn's run (the bias relay among them, not recorded)."""
    from portasnn.results import ResultsWriter

    names = pop_names(net)
    w = ResultsWriter(out, {"target": "spyx", "duration_ms": float(steps - 1 + OFFSET), "resolution_ms": 1.0,
                            "populations": pops, "network": "spyx"})
    for node, a in spikes.items():
        k, i = np.nonzero(a)
        w.add_spikes(names[node], i, (k + OFFSET).astype(float))
    w.close(plots=False)
    return out


def test_convolutional_if_equals_spyx(spyx, tmp_path):
    """issue 16: Conv2d (padding 1, a bias per channel) -> IF -> SumPool2d -> Conv2d (stride 2) -> IF on a 2 x 8 x 8
    input: Spyx (which runs channels-last) and portasnn on nest give the same spikes for every neuron of both
    layers."""
    rng = np.random.default_rng(5)
    steps = 30
    w1, w2 = grid(rng, (4, 2, 3, 3), 0.2, 0.4), grid(rng, (3, 4, 3, 3), 0.1, 0.3)
    conv1 = nir.Conv2d(input_shape=(8, 8), weight=w1, stride=1, padding=1, dilation=1, groups=1,
                       bias=grid(rng, 4, 0.0, 0.1))
    conv2 = nir.Conv2d(input_shape=(4, 4), weight=w2, stride=2, padding=0, dilation=1, groups=1, bias=np.zeros(3))
    g = write(nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([2, 8, 8])}),
        "conv1": conv1, "if1": if_node((4, 8, 8)),
        "pool": nir.SumPool2d(kernel_size=np.array([2, 2]), stride=np.array([2, 2]), padding=np.array([0, 0])),
        "conv2": conv2, "if2": if_node((3, 1, 1)),
        "output": nir.Output(output_type={"output": np.array([3, 1, 1])}),
    }, edges=[("input", "conv1"), ("conv1", "if1"), ("if1", "pool"), ("pool", "conv2"), ("conv2", "if2"),
              ("if2", "output")]), tmp_path / "cnn.nir")
    x = (rng.random((steps, 2, 8, 8)) < 0.3).astype(np.int8)
    want = run_spyx(spyx, g, x, tmp_path)
    assert want["if1"].sum() >= 50 and want["if2"].sum() >= 5
    assert assert_same(want, run_portasnn(g, x, tmp_path), tmp_path / "net", steps) > 55


def spyx_lif(w1: np.ndarray, x: np.ndarray, tau: np.ndarray, dt: float, w_rec: np.ndarray | None = None
             ) -> np.ndarray:
    """Spyx's LIF (and recurrent RLIF) recursion in numpy: s_k = V_k > th; V_{k+1} = (1 - dt/tau) V_k + W x_k
    (+ W_rec s_k) - s_k th."""
    v, out = np.zeros(w1.shape[0]), []
    for row in x:
        s = v > THRESHOLD
        v = (1 - dt / tau) * v + w1 @ row - s * THRESHOLD + (w_rec @ s if w_rec is not None else 0.0)
        out.append(s)
    return np.array(out, np.int8)


@pytest.mark.parametrize("recurrent", [False, True])
def test_lif_differs_from_spyx_as_the_two_discretisations_say(spyx, tmp_path, recurrent):
    """issue 16: a LIF layer (r = tau / dt, so that both add a spike's weight w to v), alone or with a recurrent
    Linear (Spyx's RLIF): Spyx's spikes are exactly those of its explicit-Euler recursion with the unleaked reset
    (numpy), portasnn's on nest exactly those of the README's exact discretisation (nir_reference, --reset
    subtract), and the two differ: the difference is the discretisation, not an error of either. (A recurrent IF,
    where the two would agree, hangs Spyx 1.0: it takes only LIF and CubaLIF for recurrent layers.)"""
    rng = np.random.default_rng(9)
    n_in, n, steps, dt = 5, 8, 60, 1.0
    tau = rng.uniform(4.0, 12.0, n)
    w1, w_rec = grid(rng, (n, n_in)), (grid(rng, (n, n), 0.0, 0.4) if recurrent else None)
    lif = dict(tau=tau, r=tau / dt, v_leak=np.zeros(n), v_threshold=np.full(n, THRESHOLD), v_reset=np.zeros(n))
    nodes = {"input": nir.Input(input_type={"input": np.array([n_in])}), "fc": nir.Linear(weight=w1),
             "lif": nir.LIF(**lif), "output": nir.Output(output_type={"output": np.array([n])})}
    edges = [("input", "fc"), ("fc", "lif"), ("lif", "output")]
    if recurrent:
        nodes["rec"] = nir.Linear(weight=w_rec)
        edges += [("lif", "rec"), ("rec", "lif")]
    g = write(nir.NIRGraph(nodes=nodes, edges=edges), tmp_path / "lif.nir")
    x = (rng.random((steps, n_in)) < 0.5).astype(np.int8)
    want = run_spyx(spyx, g, x, tmp_path)["lif"][:steps]
    np.testing.assert_array_equal(want, spyx_lif(w1, x.astype(float), tau, dt, w_rec))
    got = as_steps(run_portasnn(g, x, tmp_path), "lif", n, steps)
    inputs = [("input", w1)] + ([("lif", w_rec)] if recurrent else [])
    ref, margin = simulate({"lif": Layer("LIF", lif, np.zeros(n), inputs)}, {"input": x}, steps + OFFSET, dt,
                           reset="subtract")
    assert margin > 1e-9
    ours = np.zeros((steps, n), np.int8)
    for j, times in enumerate(ref["lif"]):
        k = np.rint(times / dt).astype(int) - OFFSET
        ours[k[(k >= 0) & (k < steps)], j] = 1
    np.testing.assert_array_equal(got, ours)
    differ = int((got != want).sum())
    print(f"LIF: {int(want.sum())} Spyx spikes, {int(got.sum())} portasnn spikes, {differ} (step, neuron) differ")
    assert differ > 0 and want.sum() >= 20
