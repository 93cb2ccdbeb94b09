#!/usr/bin/env python3
"""Brunel on NEST's MPI: 1 and 2 processes (1 thread each), build / connect / simulate wall time and peak
memory per rank, and the speed-up of 2 processes over 1.

    nice .venv/bin/python benchmarks/bench_mpi.py [--sizes 10000 100000] [--duration 1000] [--processes 1 2]

The network is examples/brunel/brunel_delta_nest.pnet with ``N`` neurons and the in-degrees held at
CE = 800, CI = 200 (the example's own at N = 10 000; at N = 100 000 its epsilon = 0.1 would mean 10^9
synapses, beyond this machine's memory), simulated for ``--duration`` ms, spikes of every neuron recorded.
Both process counts are launched the same way (``portasnn.targets.nest.mpi.run_script``: mpirun -n P, the
generated script on every rank), so the figures differ only in P. Per rank: the wall time of the script's
build (kernel, modules, nodes), connect and simulate phases, and the rank's peak resident memory
(``ru_maxrss``); per run: the launch-to-merged-results wall time. Speed-up = time(1 process) / time(2).
On a machine shared with other work the times are noisy; the JSON records the load average at the start.
Results: benchmarks/results/mpi_brunel.json (printed too).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
PNET = ROOT / "examples" / "brunel" / "brunel_delta_nest.pnet"


def run_once(n: int, processes: int, duration: float, workdir: Path) -> dict:
    from portasnn.results import read_results
    from portasnn.frontend.network import load_network as load
    from portasnn.targets.nest.mpi import run_script
    from portasnn.modules import resolve_models
    from portasnn.targets.nest.script import lower_network

    net = load(PNET, {"N": str(n), "CE": "800", "CI": "200"})
    net = dataclasses.replace(net, simulation=dataclasses.replace(net.simulation, duration=duration, threads=1,
                                                                  processes=processes))
    script = lower_network(net, resolve_models(net))
    out = workdir / f"n{n}-p{processes}"
    done = run_script(script.filename, script.text, out, processes, 1, command=f"bench_mpi N={n} P={processes}")
    results = read_results(out)
    spikes = {pop: int(len(times)) for pop, (_, times) in results.spikes.items()}
    rates = {pop: stats["rate_hz"] for pop, stats in done.summary.get("populations", {}).items()}
    shutil.rmtree(out)
    return {"neurons": n, "processes": processes, "threads_per_process": 1, "duration_ms": duration,
            "total_wall_s": done.wall_time_s, "spikes": spikes, "rate_hz": rates,
            "ranks": [{"rank": r["rank"], "wall_time_s": r["wall_time_s"], "peak_rss_mib": r["peak_rss_mib"]}
                      for r in done.ranks]}


def _phase(run: dict, phase: str) -> float:
    """A phase's time for the run: the slowest rank's (the ranks wait for each other)."""
    return max(r["wall_time_s"][phase] for r in run["ranks"])


def speedups(runs: list[dict]) -> list[dict]:
    out = []
    for n in sorted({r["neurons"] for r in runs}):
        by_p = {r["processes"]: r for r in runs if r["neurons"] == n}
        if 1 not in by_p:
            continue
        for p, run in sorted(by_p.items()):
            if p == 1:
                continue
            one = by_p[1]
            entry = {"neurons": n, "processes": p,
                     "total": one["total_wall_s"] / run["total_wall_s"]}
            for phase in ("build", "connect", "simulate"):
                entry[phase] = _phase(one, phase) / _phase(run, phase)
            out.append(entry)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--duration", type=float, default=1000.0, help="simulated time in ms")
    parser.add_argument("--out", type=Path, default=RESULTS / "mpi_brunel.json")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYNEST_QUIET", "1")
    from portasnn.targets.nest.mpi import nest_has_mpi

    if max(args.processes) > 1 and not nest_has_mpi():
        print("the NEST in use has no MPI: run `make setup-mpi` first", file=sys.stderr)
        return 2
    load = os.getloadavg()
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-mpi-") as tmp:
        for n in args.sizes:
            for p in args.processes:
                run = run_once(n, p, args.duration, Path(tmp))
                runs.append(run)
                per_rank = ", ".join(
                    f"rank {r['rank']}: build {r['wall_time_s']['build']:.1f} s, connect {r['wall_time_s']['connect']:.1f}"
                    f" s, simulate {r['wall_time_s']['simulate']:.1f} s, peak {r['peak_rss_mib']:.0f} MiB"
                    for r in run["ranks"])
                print(f"N={n:>6} P={p}: total {run['total_wall_s']:.1f} s; {per_rank}", flush=True)
    ups = speedups(runs)
    for s in ups:
        print(f"N={s['neurons']:>6} speed-up of {s['processes']} processes over 1: total {s['total']:.2f}, "
              f"build {s['build']:.2f}, connect {s['connect']:.2f}, simulate {s['simulate']:.2f}")
    import nest

    report = {"benchmark": "mpi_brunel", "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "loadavg_at_start": load, "python": platform.python_version(),
                          "nest": nest.__version__, "nest_have_mpi": bool(nest.build_info["have_mpi"])},
              "network": {"pnet": str(PNET.relative_to(ROOT)), "indegree_E": 800, "indegree_I": 200,
                          "duration_ms": args.duration},
              "runs": runs, "speedup": ups}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
