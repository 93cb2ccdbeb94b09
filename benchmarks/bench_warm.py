#!/usr/bin/env python3
"""Warm commands: `portasnn ir` and `portasnn run` repeated with nothing changed, with and without the program cache.

    nice .venv/bin/python benchmarks/bench_warm.py [--network tests/targets/small_nestml.pnet] [--repeats 5]

Every measurement is one whole command in a new process, timed from outside (interpreter start and
imports included). The build cache is a fresh directory (``PORTASNN_CACHE_DIR``) filled once by a first
run of each command; then each repetition runs every command twice, with the program cache
(``PORTASNN_PROGRAM_CACHE=1``, the default) and without it (``=0``: the frontend and the passes run
again, as before the cache), alternating which goes first. Compiled modules and libraries come from
the build cache in both. Medians of the repetitions, and the median of the per-repetition ratios.
Python writes and reuses its bytecode (``.pyc``) as it does by default: a ``PYTHONDONTWRITEBYTECODE`` in the
environment (every module compiled again at every start) is removed for the commands measured.
Saves ``benchmarks/results/warm.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import RESULTS, ROOT, machine, run_command  # noqa: E402


def commands(network: Path, out: Path) -> dict[str, list[str]]:
    cli = str(Path(sys.executable).with_name("portasnn"))
    return {
        "ir_model": [cli, "ir", "nestml:iaf_psc_exp_neuron"],
        "ir_network": [cli, "ir", str(network)],
        "run_spinnaker_host": [cli, "run", str(network), "--target", "spinnaker-host", "-o", str(out / "sh"),
                               "--force"],
        "run_spinnaker_host_no_plots": [cli, "run", str(network), "--target", "spinnaker-host", "-o",
                                        str(out / "sh-np"), "--force", "--no-plots"],
        "run_nest": [cli, "run", str(network), "--target", "nest", "-o", str(out / "nest"), "--force"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--network", default=str(ROOT / "tests" / "targets" / "small_nestml.pnet"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    network = Path(args.network).resolve()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    records: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="bench_warm_") as tmp:
        env_base = {"PORTASNN_CACHE_DIR": str(Path(tmp) / "cache"), "PYNEST_QUIET": "1"}
        cmds = commands(network, Path(tmp) / "out")
        for name, cmd in cmds.items():  # fill the caches
            first = run_command(cmd, env_base)
            print(f"  {name:<20} first run (cold caches) {first['process_wall_s']:7.2f} s", flush=True)
        for rep in range(args.repeats):
            order = ["cached", "uncached"] if rep % 2 == 0 else ["uncached", "cached"]
            for name, cmd in cmds.items():
                row = {}
                for mode in order:
                    env = {**env_base, "PORTASNN_PROGRAM_CACHE": "1" if mode == "cached" else "0"}
                    row[mode] = run_command(cmd, env)
                records.setdefault(name, []).append(row)
                print(f"  {rep + 1}/{args.repeats} {name:<20} program cache {row['cached']['process_wall_s']:6.2f} s, "
                      f"without {row['uncached']['process_wall_s']:6.2f} s wall "
                      f"(CPU {row['cached']['process_cpu_s']:.2f} / {row['uncached']['process_cpu_s']:.2f} s)",
                      flush=True)
        shutil.rmtree(Path(tmp) / "out", ignore_errors=True)
    summary = {}
    for name, rows in records.items():
        med = {f"{mode}_{what}_s": statistics.median(r[mode][f"process_{what}_s"] for r in rows)
               for mode in ("cached", "uncached") for what in ("wall", "cpu")}
        med["ratio_wall"] = statistics.median(r["cached"]["process_wall_s"] / r["uncached"]["process_wall_s"]
                                              for r in rows)
        med["cached_wall_range_s"] = [min(r["cached"]["process_wall_s"] for r in rows),
                                      max(r["cached"]["process_wall_s"] for r in rows)]
        summary[name] = med
        print(f"{name:<20} with the program cache {med['cached_wall_s']:.2f} s wall "
              f"({med['cached_wall_range_s'][0]:.2f}-{med['cached_wall_range_s'][1]:.2f}), without "
              f"{med['uncached_wall_s']:.2f} s; ratio {med['ratio_wall']:.2f}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "warm.json"
    path.write_text(json.dumps({"benchmark": "warm", "network": str(network.relative_to(ROOT))
                                if network.is_relative_to(ROOT) else str(network), "repeats": args.repeats,
                                "summary": summary, "runs": records, "machine": machine()}, indent=2) + "\n")
    print(f"saved {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
