#!/usr/bin/env python3
"""The NIR paper's first case (a single LIF neuron, ``paper/01_lif``) on portasnn's targets, against the exact
solution and the paper's simulators.

    nice .venv/bin/python benchmarks/nir_paper_lif.py NIR_CHECKOUT [--targets nest,spinnaker-host,spinnaker-host:float]

``NIR_CHECKOUT`` is a checkout of https://github.com/neuromorphs/NIR (kept outside this repository). The graphs
``lif_norse.nir`` and ``lif_rockpool.nir`` are imported with ``portasnn import nir`` (dt = 0.1 ms, time unit s) in
each discretisation the import offers (``--input-step pulse|hold`` x ``--reset value|subtract``), ``record v`` is
added to the ``.pnet`` as a user would, and each is run with ``portasnn run`` on every target. The input is the
paper's (the first column of ``lif_exact.csv``, the same in every simulator's CSV). The error of each time step is
portasnn's v minus the exact solution's (``lif_exact.csv``, the paper's event-based simulation), and likewise for
every simulator's CSV in the paper. The simulators write v in different scales (snnTorch and SpiNNaker2 without
the factor dt/tau, Lava fixed point in its integer units), so the figures are also given as the paper's figure
draws the traces: each divided by its maximum.

Time alignment (README "NIR import"): input row r is the relay's spike at (r + 2) dt, and the projection delivers
it one step later, so the exact solution's sample r (v at the end of step r) is portasnn's v at (r + 3) dt, and a
spike in step r is a spike at (r + 3) dt. A spinnaker-host trace shows an input one step later than NEST's (README,
"Traces"), so its v at (r + 4) dt. Spike steps are counted the same way on every target.

Saves ``benchmarks/results/nir_paper_lif.json`` (figures), ``nir_paper_lif.npz`` (the error per time step of every
run and simulator) and ``nir_paper_lif.png`` (the traces and errors).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import RESULTS, machine  # noqa: E402

GRAPHS = ("lif_norse.nir", "lif_rockpool.nir")
SIMULATORS = ("norse", "rockpool", "sinabs", "snntorch", "spyx", "nengo", "lava_cpu_float", "lava_cpu_fixed",
              "lava_loihi_fixed", "spinnaker2")
VARIANTS = (("pulse", "value"), ("hold", "value"), ("pulse", "subtract"), ("hold", "subtract"))
LATENCY = 3  # steps from an input row to its effect on the LIF (relay + projection, see the docstring)
TRACE_LAG = {"nest": 0, "spinnaker-host": 1, "spinnaker-host:float": 1}
DT_S = 1e-4


def portasnn(*args: str) -> tuple[float, str]:
    """Run the portasnn command in this Python's environment; (seconds, its output). Exits on failure."""
    t = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).with_name("portasnn")), *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"portasnn {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return time.perf_counter() - t, done.stdout + done.stderr


def compare_to_exact(v: np.ndarray, spikes: np.ndarray, exact: np.ndarray) -> dict:
    """Error figures of a v trace (one sample per input row) and spike steps against the exact solution."""
    n = min(len(v), len(exact))
    err = v[:n] - exact[:n, 1]
    exact_steps = np.flatnonzero(exact[:, 2]).tolist()
    scale = float(v[:n].max() / exact[:n, 1].max())
    norm = v[:n] / v[:n].max() - exact[:n, 1] / exact[:n, 1].max()  # the paper's figure: each trace / its max
    return {"spike_steps": [int(s) for s in spikes], "spike_steps_exact": exact_steps,
            "same_spike_steps": [int(s) for s in spikes] == exact_steps,
            "max_abs_error": float(np.abs(err).max()), "mean_abs_error": float(np.abs(err).mean()),
            "rms_error": float(np.sqrt(np.mean(err ** 2))), "scale": scale,
            "max_abs_error_normalised": float(np.abs(norm).max()),
            "mean_abs_error_normalised": float(np.abs(norm).mean()), "steps_compared": n, "_err": err}


def run_portasnn(paper: Path, graph: str, variant: tuple[str, str], target: str, work: Path,
                 exact: np.ndarray) -> dict:
    step, reset = variant
    out = work / f"{Path(graph).stem}_{step}_{reset}"
    if not (out / "net.pnet").is_file():
        np.save(work / "input.npy", exact[:, :1].astype(np.uint8))
        took, said = portasnn("import", "nir", str(paper / graph), "-o", str(out), "--dt", str(DT_S),
                              "--time-unit", "s", "--input", str(work / "input.npy"), "--input-step", step,
                              "--reset", reset, "--force")
        pop = [ln.split()[1].rstrip(":") for ln in (out / "net.pnet").read_text().splitlines()
               if ln.startswith("population ") and not ln.startswith("population input")][0]
        with (out / "net.pnet").open("a") as f:
            f.write(f"record v of {pop}\n")
        warned = [ln.replace(str(paper.parents[1]) + "/", "") for ln in said.splitlines() if "warning" in ln]
        (out / "import.json").write_text(json.dumps({"seconds": took, "warnings": warned}))  # no machine paths
    pop = [ln.split()[3] for ln in (out / "net.pnet").read_text().splitlines() if ln.startswith("record v of")][0]
    res = work / f"out_{out.name}_{target.replace(':', '_')}"
    took, _ = portasnn("run", str(out / "net.pnet"), "--target", target, "-o", str(res))
    v = np.load(res / "traces" / f"{pop}__v.npz")["values"][:, 0]
    times = np.load(res / "spikes" / f"{pop}.npz")["times"]
    first = LATENCY + TRACE_LAG[target]
    found = compare_to_exact(v[first:], np.rint(times / (DT_S * 1000)).astype(int) - LATENCY, exact)
    found.update(graph=graph, input_step=step, reset=reset, target=target, run_seconds=round(took, 2),
                 import_warnings=json.loads((out / "import.json").read_text())["warnings"])
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkout", type=Path, help="a checkout of the NIR repository (neuromorphs/NIR)")
    ap.add_argument("--targets", default="nest,spinnaker-host,spinnaker-host:float")
    ap.add_argument("--out", type=Path, default=RESULTS / "nir_paper_lif.json")
    ap.add_argument("--plot-only", action="store_true", help="redraw the figure from the saved .npz")
    args = ap.parse_args()
    paper = args.checkout / "paper" / "01_lif"
    if args.plot_only:
        saved = np.load(args.out.with_suffix(".npz"))
        plot(np.loadtxt(paper / "lif_exact.csv", delimiter=","), {k: saved[k] for k in saved.files},
             args.out.with_suffix(".png"))
        return
    if not (paper / "lif_exact.csv").is_file():
        sys.exit(f"{paper}/lif_exact.csv not found: give the path of a checkout of the NIR repository")
    exact = np.loadtxt(paper / "lif_exact.csv", delimiter=",")
    errors: dict[str, np.ndarray] = {}
    simulators = []
    for sim in SIMULATORS:
        f = paper / f"lif_{sim}.csv"
        if not f.is_file():
            continue
        data = np.loadtxt(f, delimiter=",")
        if not np.array_equal(data[:, 0] != 0, exact[:, 0] != 0):  # Sinabs writes its input as 0.04, not 1
            sys.exit(f"{f.name}: its input steps differ from lif_exact.csv's")
        found = compare_to_exact(data[:, 1], np.flatnonzero(data[:, 2]), exact)
        errors[f"paper_{sim}"] = found.pop("_err")
        simulators.append({"simulator": sim, **found})
        print(f"paper {sim:17s} spike steps {found['spike_steps']}  max |dv| {found['max_abs_error']:.3g}  "
              f"scale {found['scale']:.3g}  normalised max {found['max_abs_error_normalised']:.3g} mean "
              f"{found['mean_abs_error_normalised']:.3g}")
    runs = []
    with tempfile.TemporaryDirectory(prefix="nir_paper_lif_") as tmp:
        for graph in GRAPHS:
            for variant in VARIANTS:
                for target in args.targets.split(","):
                    found = run_portasnn(paper, graph, variant, target, Path(tmp), exact)
                    errors[f"{Path(graph).stem}_{variant[0]}_{variant[1]}_{target}"] = found.pop("_err")
                    runs.append(found)
                    print(f"{graph} {variant[0]:5s} {variant[1]:8s} {target:20s} spike steps {found['spike_steps']}"
                          f"  max |dv| {found['max_abs_error']:.3g}  mean {found['mean_abs_error']:.3g}  "
                          f"normalised max {found['max_abs_error_normalised']:.3g}")
    result = {"machine": machine(), "dt_s": DT_S, "latency_steps": LATENCY, "trace_lag_steps": TRACE_LAG,
              "exact_spike_steps": np.flatnonzero(exact[:, 2]).tolist(), "portasnn": runs, "paper": simulators}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    np.savez_compressed(args.out.with_suffix(".npz"), **{k: v.astype(np.float32) for k, v in errors.items()})
    plot(exact, errors, args.out.with_suffix(".png"))
    print(f"saved {args.out}, {args.out.with_suffix('.npz').name}, {args.out.with_suffix('.png').name}")


def plot(exact: np.ndarray, errors: dict[str, np.ndarray], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    t = np.arange(len(exact)) * DT_S * 1000
    fig, (a, b) = plt.subplots(2, 1, figsize=(11, 6), sharex=True)
    a.plot(t, exact[:, 1], "k", lw=1.5, label="exact (NIR paper)")
    for key in ("lif_norse_pulse_value_nest", "lif_norse_hold_subtract_nest", "lif_norse_hold_subtract_spinnaker-host"):
        if key in errors:
            a.plot(t[:len(errors[key])], exact[:len(errors[key]), 1] + errors[key], lw=0.8, label=key)
    a.set_ylabel("v (NIR units)")
    a.legend(fontsize=7)
    for key in ("paper_norse", "paper_sinabs", "paper_spyx", "paper_lava_cpu_float", "lif_norse_pulse_value_nest",
                "lif_norse_hold_subtract_nest", "lif_norse_hold_subtract_spinnaker-host"):
        if key in errors:
            err = np.abs(errors[key])
            b.semilogy(t[:len(err)], np.maximum(err, 1e-8), lw=0.7, label=key)
    b.set_xlabel("time (ms)")
    b.set_ylabel("|v - exact| (floor 1e-8)")
    b.set_ylim(1e-8, 1)
    b.legend(fontsize=6, ncol=3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
