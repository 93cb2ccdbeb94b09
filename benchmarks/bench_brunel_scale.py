#!/usr/bin/env python3
"""Brunel (2000) scaled up, built and simulated for 1 s through ``portasnn run`` on NEST.

    .venv/bin/python benchmarks/bench_brunel_scale.py [--n 100000] [--pnet brunel_delta_nest.pnet]

Scaling: N neurons (NE = 0.8 N, NI = 0.2 N) with the in-degrees held at CE = 800 and CI = 200
(``--set N=... CE=800 CI=200``), so every neuron gets the same input as in the 10 000-neuron
network and the number of synapses grows linearly (N x 1000, plus one Poisson input each).
``portasnn run`` runs in a child process; its build/connect/simulate wall times come from
meta.json, the time left over is writing results (spikes, summary, plots), and the peak resident
memory of the child is ``ru_maxrss`` from ``os.wait4``. Threads and processes are those of the
example (its ``simulate`` statement).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "brunel"
RESULTS = ROOT / "benchmarks" / "results"


def run_child(pnet: Path, n: int, outdir: Path) -> tuple[dict, float, int]:
    """(meta.json, total wall s, peak RSS in bytes) of one ``portasnn run`` in a child process."""
    portasnn = Path(sys.executable).with_name("portasnn")
    cmd = [str(portasnn), "run", str(pnet), "--target", "nest", "-o", str(outdir), "--json",
           "--set", f"N={n}", "--set", "CE=800", "--set", "CI=200"]
    env = {**os.environ, "PYNEST_QUIET": "1"}
    start = time.perf_counter()
    with open(outdir.parent / "child.log", "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    total = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"portasnn run failed:\n{(outdir.parent / 'child.log').read_text()[-3000:]}")
    return json.loads((outdir / "meta.json").read_text()), total, usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--n", type=int, default=100_000, help="neurons in total")
    parser.add_argument("--pnet", default="brunel_delta_nest.pnet", help="example under examples/brunel/")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_brunel_"))
    try:
        meta, total, rss = run_child(EXAMPLES / args.pnet, args.n, tmp / "out")
        summary = json.loads((tmp / "out" / "summary.json").read_text())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    wall = meta["wall_time_s"]
    rates = {pop: s["rate_hz"] for pop, s in summary["populations"].items()}
    rest = total - sum(wall.values())
    print(f"Brunel via portasnn run ({args.pnet}), N = {args.n}, CE = 800, CI = 200, "
          f"{meta['duration_ms']:.0f} ms simulated, {meta['virtual_processes']} virtual process(es)")
    print(f"{'phase':<36} {'wall s':>9}")
    for name, value in (("build (kernel, modules, nodes)", wall["build"]), ("connect", wall["connect"]),
                        ("simulate", wall["simulate"]), ("start-up, lowering, results & plots", rest),
                        ("total", total)):
        print(f"{name:<36} {value:9.1f}")
    cpu = meta.get("cpu_time_s", {})
    if cpu:
        print("CPU s of the run: " + ", ".join(f"{k} {v:.1f}" for k, v in cpu.items()))
    print(f"peak memory (ru_maxrss)              {rss / 2**30:9.2f} GiB")
    print("rates: " + ", ".join(f"{pop} {r:.1f} Hz" for pop, r in rates.items()))
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"benchmark": "brunel_scale", "pnet": args.pnet, "n": args.n, "ce": 800, "ci": 200,
              "duration_ms": meta["duration_ms"], "virtual_processes": meta["virtual_processes"],
              "wall_time_s": {**wall, "other": rest, "total": total}, "cpu_time_s": cpu, "peak_rss_bytes": rss, "rates_hz": rates,
              "load_average": os.getloadavg()[0],
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version()}}
    path = RESULTS / f"brunel_scale_{args.n}.json"
    path.write_text(json.dumps(record, indent=2) + "\n")
    print(f"saved {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
