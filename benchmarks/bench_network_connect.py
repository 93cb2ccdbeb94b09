#!/usr/bin/env python3
"""Connection time: the PyNEST script portasnn generates vs the hand-written PyNEST script.

Same network: Brunel (2000) with NEST's iaf_psc_delta, from examples/brunel/brunel_delta_nest.pnet
(``--set N=... CE=800 CI=200``) and tests/nest_network/reference_brunel.py. Each repetition runs
both, alternating which goes first, each in a fresh Python process; each script times its own
``nest.Connect`` calls (projections, Poisson input, recorders), as wall time and as CPU time of
the process (steadier on a shared machine). Simulation is cut to a few ms because only connection
time is compared. Goal: generated / hand-written <= 1.1.

    .venv/bin/python benchmarks/bench_network_connect.py [--n 10000] [--reps 5]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "brunel" / "brunel_delta_nest.pnet"
REFERENCE = ROOT / "tests" / "nest_network" / "reference_brunel.py"
RESULTS = ROOT / "benchmarks" / "results"


def generate(n: int, duration: float, workdir: Path) -> Path:
    """The generated script for the example at n neurons, simulating ``duration`` ms."""
    from portasnn.frontend.network import load_network as load
    from portasnn.modules import resolve_models
    from portasnn.targets.nest.script import lower_network

    net = load(EXAMPLE, {"N": str(n), "CE": "800", "CI": "200"})
    net = dataclasses.replace(net, simulation=dataclasses.replace(net.simulation, duration=duration))
    script = lower_network(net, resolve_models(net))
    path = workdir / script.filename
    path.write_text(script.text)
    return path


def run_generated(script: Path, workdir: Path, rep: int) -> tuple[float, float]:
    """(wall, CPU) seconds of the connect phase."""
    out = workdir / f"gen{rep}"
    _run([sys.executable, str(script), "--outdir", str(out), "--quiet", "--plain", "--seed", str(rep + 1)])
    meta = json.loads((out / "meta.json").read_text())
    return meta["wall_time_s"]["connect"], meta["cpu_time_s"]["connect"]


def run_reference(n_e: int, duration: float, workdir: Path, rep: int) -> tuple[float, float]:
    out = workdir / f"ref{rep}.npz"
    _run([sys.executable, str(REFERENCE), "--ne", str(n_e), "--duration", str(duration), "--seed", str(rep + 1),
          "--out", str(out)])
    import numpy as np

    with np.load(out) as f:
        return float(f["wall_connect"]), float(f["cpu_connect"])


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYNEST_QUIET": "1"})
    if proc.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--n", type=int, default=10000, help="neurons in total (NE = 0.8 N)")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--duration", type=float, default=5.0, help="simulated ms (kept short)")
    args = parser.parse_args()
    gen, ref = [], []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        script = generate(args.n, args.duration, workdir)
        for rep in range(args.reps):
            for which in (("gen", "ref") if rep % 2 == 0 else ("ref", "gen")):
                if which == "gen":
                    gen.append(run_generated(script, workdir, rep))
                else:
                    ref.append(run_reference(int(0.8 * args.n), args.duration, workdir, rep))
            print(f"rep {rep + 1}/{args.reps}: generated {gen[-1][0]:.3f} s (CPU {gen[-1][1]:.3f} s), "
                  f"hand-written {ref[-1][0]:.3f} s (CPU {ref[-1][1]:.3f} s)", flush=True)
    med = {kind: {name: statistics.median(x[i] for x in xs) for name, xs in (("generated", gen), ("hand_written", ref))}
           for i, kind in enumerate(("wall", "cpu"))}
    ratio = {kind: med[kind]["generated"] / med[kind]["hand_written"] for kind in med}
    load = os.getloadavg()[0]
    print(f"\nBrunel, N = {args.n}, CE = 800, CI = 200, {args.reps} alternating repetitions; connect time in s "
          f"(median); load average {load:.1f} on {os.cpu_count()} CPUs")
    print(f"{'script':<22} {'wall':>8} {'CPU':>8}")
    for name, key in (("generated (portasnn)", "generated"), ("hand-written PyNEST", "hand_written")):
        print(f"{name:<22} {med['wall'][key]:8.3f} {med['cpu'][key]:8.3f}")
    print(f"{'ratio':<22} {ratio['wall']:8.3f} {ratio['cpu']:8.3f}   (goal <= 1.1)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"benchmark": "network_connect", "n": args.n, "ce": 800, "ci": 200, "reps": args.reps,
              "duration_ms": args.duration, "runs_s": {"generated": gen, "hand_written": ref},
              "median_s": med, "ratio": ratio, "goal": 1.1, "load_average": load,
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version()}}
    path = RESULTS / "network_connect.json"
    path.write_text(json.dumps(record, indent=2) + "\n")
    print(f"saved {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
