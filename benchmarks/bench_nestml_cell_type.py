#!/usr/bin/env python3
"""A NESTML cell type for pyNN.nest in a new process: portasnn's cached module against pyNN.nest.nestml.

    nice .venv/bin/python benchmarks/bench_nestml_cell_type.py [--model iaf_psc_exp_neuron] [--repeats 5]

Each measurement is a new Python process that has imported pyNN.nest; it times, inside, what makes the cell type
usable: ``portasnn.pynn.nestml_cell_type(path, pyNN.nest)`` (the module from portasnn's build cache: a fresh
``PORTASNN_CACHE_DIR`` filled by the first, cold call, which parses, generates and compiles), and pyNN's own
``pyNN.nest.nestml.nestml_cell_type`` + ``sim.setup()`` (NESTML's generate_nest_target: regenerates and compiles at
every setup). Cold, warm and pyNN's measurements alternate in one run; medians, and the ratio of medians.
Saves ``benchmarks/results/nestml_cell_type.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import RESULTS, machine  # noqa: E402

PORTASNN = """
import json, sys, time
import pyNN.nest as sim
from portasnn.pynn import nestml_cell_type
t = time.perf_counter()
cell = nestml_cell_type(sys.argv[1], sim)
took = time.perf_counter() - t
sim.setup(timestep=0.1)
pop = sim.Population(2, cell())
sim.run(10.0)
print(json.dumps({"seconds": took, "ok": True}))
"""

PYNN = """
import json, sys, time, traceback
import pyNN.nest as sim
from pyNN.nest.nestml import nestml_cell_type
t = time.perf_counter()
try:
    cell = nestml_cell_type(sys.argv[2], sys.argv[1])
    sim.setup(timestep=0.1)
    pop = sim.Population(2, cell())
    sim.run(10.0)
    print(json.dumps({"seconds": time.perf_counter() - t, "ok": True}))
except Exception as exc:
    print(json.dumps({"seconds": time.perf_counter() - t, "ok": False,
                      "error": (type(exc).__name__ + ": " + str(exc))[-600:]}))
"""


def child(code: str, args: list[str], env: dict[str, str], cwd: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=3600)
    wall = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"ok": False, "seconds": None, "process_wall_s": wall, "error": done.stderr[-600:]}
    return {**json.loads(lines[-1]), "process_wall_s": wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--model", default="iaf_psc_exp_neuron")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    path = Path(sys.prefix) / "models" / "neurons" / f"{args.model}.nestml"
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="bench_nestml_cell_") as tmp:
        env = {**os.environ, "PORTASNN_CACHE_DIR": str(Path(tmp) / "cache"), "PYNEST_QUIET": "1"}
        cold = child(PORTASNN, [str(path)], env, Path(tmp))
        print(f"portasnn cold (parse, generate, compile): {cold['seconds']} s", flush=True)
        warm, pynn = [], []
        for rep in range(args.repeats):
            for which in (["warm", "pynn"] if rep % 2 == 0 else ["pynn", "warm"]):
                if which == "warm":
                    warm.append(child(PORTASNN, [str(path)], env, Path(tmp)))
                else:
                    work = Path(tmp) / f"pynn{rep}"
                    work.mkdir()
                    pynn.append(child(PYNN, [str(path), args.model], env, work))
            print(f"  repeat {rep}: portasnn warm {warm[-1]['seconds']} s, pyNN.nest.nestml {pynn[-1]['seconds']} s "
                  f"({'ok' if pynn[-1]['ok'] else 'failed'})", flush=True)
    warm_s = [r["seconds"] for r in warm if r["ok"]]
    pynn_s = [r["seconds"] for r in pynn if r["ok"]]
    result = {
        "benchmark": "nestml_cell_type", "model": args.model, "repeats": args.repeats, "machine": machine(),
        "portasnn_cold_s": cold["seconds"],
        "portasnn_warm_median_s": statistics.median(warm_s) if warm_s else None,
        "portasnn_warm_all_ok": len(warm_s) == len(warm),
        "pynn_nestml_median_s": statistics.median(pynn_s) if pynn_s else None,
        "pynn_nestml_ok": len(pynn_s), "pynn_nestml_failed": len(pynn) - len(pynn_s),
        "pynn_nestml_failure": next((r.get("error") for r in pynn if not r["ok"]), None),
        "pynn_nestml_time_to_failure_median_s": statistics.median(
            [r["seconds"] for r in pynn if not r["ok"] and r["seconds"] is not None] or [0.0]) or None,
        "runs": {"cold": cold, "warm": warm, "pynn": pynn},
    }
    if warm_s and pynn_s:
        result["ratio_pynn_over_portasnn_warm"] = statistics.median(pynn_s) / statistics.median(warm_s)
    if warm_s and cold["seconds"]:
        result["ratio_cold_over_warm"] = cold["seconds"] / statistics.median(warm_s)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "nestml_cell_type.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k not in ("runs", "machine")}, indent=2))
    print(f"saved {out}")


if __name__ == "__main__":
    main()
