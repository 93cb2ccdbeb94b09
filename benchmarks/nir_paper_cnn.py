#!/usr/bin/env python3
"""The NIR paper's convolutional network (``paper/02_cnn/cnn_sinabs.nir``, N-MNIST) imported and run on portasnn's
targets for one sample length of random input: import time, build/connect/simulate time and peak memory.

    nice .venv/bin/python benchmarks/nir_paper_cnn.py NIR_CHECKOUT [--steps 300] [--p 0.05] [--targets nest,spinnaker-host,spinnaker-host:float] [--spyx-python PY]

``NIR_CHECKOUT`` is a checkout of https://github.com/neuromorphs/NIR (kept outside this repository). The graph
(Conv2d 2->16 5x5 stride 2, IF, Conv2d 16->16, IF, SumPool2d, Conv2d 16->8, IF, SumPool2d, Flatten, Affine 128->256,
IF, Affine 256->10, IF) is imported with ``portasnn import nir --dt 1 --time-unit ms --reset subtract`` (Sinabs'
IAF subtracts the threshold) and an input of ``--steps`` rows (the paper's sample: 300 frames of 1 ms) of
independent spikes with probability ``--p`` per pixel and step (seed 1). Each ``portasnn run`` is a new process;
its wall time is split as ``meta.json`` reports it (build: the network's construction, connect, simulate), and its
peak resident memory is that of the largest process of its tree. Also recorded: every layer's spike count on each
target, and how many of the output layer's spikes agree. With ``--spyx-python`` (the Python of ``.venv-spyx``, which
``make spyx`` makes) the graph also runs on Spyx (``tests/nir/spyx_run.py``), and every layer's spikes are compared
with each target's, step for step (Spyx's step k is portasnn's time (k + 2) ms, tests/nir/test_spyx_reference.py).

Saves ``benchmarks/results/nir_paper_cnn.json``.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import RESULTS, machine  # noqa: E402

MEASURE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"rc": done.returncode, "seconds": time.perf_counter() - t, "out": done.stdout + done.stderr,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def measured(*cmd: str) -> dict:
    """Run ``cmd`` under a fresh Python process that reports its wall time and the peak memory of its tree."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    if found["rc"] != 0:
        sys.exit(f"{' '.join(cmd)} failed ({found['rc']}):\n{found['out']}")
    return found


def spike_counts(res: Path) -> dict[str, int]:
    return {f.stem: int(np.load(f)["times"].size) for f in sorted((res / "spikes").glob("*.npz"))}


def spyx_layers(python: Path, graph: Path, spikes: np.ndarray, work: Path, result: dict) -> dict:
    """Spyx's spikes of every layer against each target's: (step, neuron) pairs shared, and the totals."""
    np.save(work / "x_spyx.npy", np.concatenate([spikes, np.zeros_like(spikes[:1])]))
    runner = Path(__file__).resolve().parents[1] / "tests" / "nir" / "spyx_run.py"
    t = time.perf_counter()
    subprocess.run([str(python), str(runner), str(graph), str(work / "x_spyx.npy"), str(work / "spyx.npz")],
                   check=True)
    found: dict = {"seconds": round(time.perf_counter() - t, 2), "layers": {}}
    spyx = np.load(work / "spyx.npz")
    steps = spikes.shape[0]
    for node in spyx.files:
        pop = f"n_{node}"
        want = spyx[node][:steps]
        row = {"spyx": int(want.sum())}
        for target in result["runs"]:
            d = np.load(work / f"out_{target.replace(':', '_')}" / "spikes" / f"{pop}.npz")
            got = np.zeros_like(want)
            k = np.rint(d["times"]).astype(int) - 2
            keep = (k >= 0) & (k < steps)
            got[k[keep], d["senders"][keep]] = 1
            row[target] = int(got.sum())
            row[f"shared_{target}"] = int((got & want).sum())
        found["layers"][pop] = row
    print("spyx", json.dumps(found))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkout", type=Path, help="a checkout of the NIR repository (neuromorphs/NIR)")
    ap.add_argument("--steps", type=int, default=300, help="time steps of 1 ms (the paper's sample: 300)")
    ap.add_argument("--p", type=float, default=0.05, help="spike probability per input pixel and step")
    ap.add_argument("--targets", default="nest,spinnaker-host,spinnaker-host:float")
    ap.add_argument("--out", type=Path, default=RESULTS / "nir_paper_cnn.json")
    ap.add_argument("--spyx-python", type=Path, default=None, help="run the graph on Spyx too (.venv-spyx/bin/python)")
    args = ap.parse_args()
    graph = args.checkout / "paper" / "02_cnn" / "cnn_sinabs.nir"
    if not graph.is_file():
        sys.exit(f"{graph} not found: give the path of a checkout of the NIR repository")
    portasnn = str(Path(sys.executable).with_name("portasnn"))
    rng = np.random.default_rng(1)
    spikes = (rng.random((args.steps, 2, 34, 34)) < args.p).astype(np.uint8)
    result: dict = {"machine": machine(), "graph": "paper/02_cnn/cnn_sinabs.nir", "steps": args.steps,
                    "dt_ms": 1.0, "p": args.p, "input_spikes": int(spikes.sum()), "runs": {}}
    with tempfile.TemporaryDirectory(prefix="nir_paper_cnn_") as tmp:
        work = Path(tmp)
        np.save(work / "input.npy", spikes)
        imp = measured(portasnn, "import", "nir", str(graph), "-o", str(work / "cnn"), "--dt", "1", "--time-unit",
                       "ms", "--reset", "subtract", "--input", str(work / "input.npy"))
        pnet = (work / "cnn" / "net.pnet").read_text()
        result["import"] = {"seconds": round(imp["seconds"], 2), "peak_rss_mib": round(imp["peak_rss_mib"]),
                            "populations": {ln.split()[1].rstrip(":"): int(ln.split()[2]) for ln in pnet.splitlines()
                                            if ln.startswith("population ")},
                            "synapses": int(sum(np.load(f)["pre"].size for f in (work / "cnn" / "conn").glob("*.npz"))),
                            "data_mib": round(sum(f.stat().st_size for f in (work / "cnn").rglob("*") if f.is_file())
                                              / 2 ** 20, 1)}
        print("import", json.dumps(result["import"]))
        outputs = {}
        for target in args.targets.split(","):
            res = work / f"out_{target.replace(':', '_')}"
            measured(portasnn, "build", str(work / "cnn" / "net.pnet"), "--target", target)  # warm the build cache
            run = measured(portasnn, "run", str(work / "cnn" / "net.pnet"), "--target", target, "-o", str(res))
            meta = json.loads((res / "meta.json").read_text())
            result["runs"][target] = {"command_seconds": round(run["seconds"], 2),
                                      "wall_time_s": {k: round(v, 3) for k, v in meta.get("wall_time_s", {}).items()},
                                      "peak_rss_mib": round(run["peak_rss_mib"]), "spikes": spike_counts(res)}
            last = list(result["import"]["populations"])[-1]  # the .pnet lists the layers from input to output
            outputs[target] = np.load(res / "spikes" / f"{last}.npz")
            print(target, json.dumps(result["runs"][target]))
        if args.spyx_python:
            result["spyx"] = spyx_layers(args.spyx_python, graph, spikes, work, result)
        if len(outputs) >= 2:  # the output layer's spikes of each target that the first target has too
            pairs = lambda z: set(zip(z["senders"].tolist(), np.rint(z["times"] * 10).astype(int).tolist()))  # noqa: E731
            (first, ref), *others = outputs.items()
            result["output_spikes_shared"] = {"reference": first, "reference_spikes": len(pairs(ref)), **{
                t: {"spikes": len(pairs(z)), "shared": len(pairs(z) & pairs(ref))} for t, z in others}}
            print("output spikes shared", json.dumps(result["output_spikes_shared"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
