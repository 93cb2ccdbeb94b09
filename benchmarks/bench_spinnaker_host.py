"""Brunel 10 000 on spinnaker-host: wall time / biological time at dt 1 ms and 0.1 ms, one core.

Network (Brunel 2000, current-based exponential synapses with the sPyNNaker IF_curr_exp model):
NE 8000, NI 2000, CE 800, CI 200 (fixed in-degree), J 55 pA (PSP ~0.1 mV with C_m 250 pF,
tau_syn 0.5 ms), g 5, eta 2, D 1.5 ms; independent Poisson input per neuron at eta * nu_thr * CE.
The model is the hand-written test fixture (tests/spinnaker_host/models/if_curr_exp.h).

    .venv/bin/python benchmarks/bench_spinnaker_host.py [--duration 1000] [--dt 1.0 0.1] [--arith fixed] [--repeats 1]

Prints and saves JSON to benchmarks/results/spinnaker_host.json. ``simulate_s`` is wall time of the
engine's tick loop; ``simulate_cpu_s`` its thread CPU time (meaningful when the machine is shared:
the 1-minute load average is recorded before and after each run). With ``--repeats R`` each time
step runs R times (dt values alternating); a row shows the run of median wall time with the median CPU
time, and lists all runs.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from portasnn.ir.network import (Connector, ModelRef, Network, Population, Projection, Recorder,  # noqa: E402
                                 Simulation, Stimulus)
from portasnn.targets.spinnaker_host.model import HostModel  # noqa: E402
from portasnn.targets.spinnaker_host.runner import run_network  # noqa: E402
from spinnaker_host.models.if_curr_exp import make_model  # noqa: E402

NE, NI, CE, CI = 8000, 2000, 800, 200
J, G, ETA, DELAY = 55.0, 5.0, 2.0, 1.5
NEURON = dict(tau_m=20.0, C_m=250.0, E_L=-65.0, V_th=-45.0, V_reset=-55.0, t_ref=2.0, tau_syn_exc=0.5,
              tau_syn_inh=0.5, V_m=-65.0)


def brunel(dt: float, duration: float, seed: int = 12345) -> Network:
    theta = NEURON["V_th"] - NEURON["E_L"]
    nu_thr = theta * NEURON["C_m"] / (CE * J * NEURON["tau_syn_exc"] * NEURON["tau_m"])  # per ms
    rate_ext = ETA * nu_thr * CE * 1000.0  # Hz
    params = tuple(NEURON.items())
    indeg = lambda k: Connector(rule="fixed_indegree", params=(("indegree", k),), allow_autapses=False)  # noqa: E731
    return Network(
        name="brunel10k", models=(ModelRef(key="lif", kind="nest", name="iaf_psc_exp"),),
        populations=(Population(name="E", size=NE, model="lif", params=params),
                     Population(name="I", size=NI, model="lif", params=params)),
        projections=(
            Projection(name="EE", pre="E", post="E", connector=indeg(CE), weight=J, delay=DELAY),
            Projection(name="EI", pre="E", post="I", connector=indeg(CE), weight=J, delay=DELAY),
            Projection(name="IE", pre="I", post="E", connector=indeg(CI), weight=-G * J, delay=DELAY,
                       receptor="inhibitory"),
            Projection(name="II", pre="I", post="I", connector=indeg(CI), weight=-G * J, delay=DELAY,
                       receptor="inhibitory")),
        stimuli=(Stimulus(name="extE", kind="poisson", target="E", params=(("rate", rate_ext),), weight=J, delay=dt),
                 Stimulus(name="extI", kind="poisson", target="I", params=(("rate", rate_ext),), weight=J, delay=dt)),
        recorders=(Recorder(name="sE", kind="spikes", population="E"),
                   Recorder(name="sI", kind="spikes", population="I"),
                   Recorder(name="vE", kind="state", population="E", variables=("V_m",), subset=tuple(range(10)),
                            interval=dt)),
        simulation=Simulation(duration=duration, resolution=dt, seed=seed),
    )


def _run_once(model: HostModel, dt: float, args: argparse.Namespace) -> dict:
    """One run of the network at time step dt: its figures."""
    with tempfile.TemporaryDirectory() as tmp:
        load_before = round(os.getloadavg()[0], 2)
        started = time.perf_counter()
        out = run_network(brunel(dt, args.duration), {"lif": model}, Path(tmp) / "r", arith=args.arith, plots=False)
        total = time.perf_counter() - started
        meta = json.loads((out / "meta.json").read_text())
        summary = json.loads((out / "summary.json").read_text())
    wall = meta["wall_time_s"]
    return {
        "dt_ms": dt, "bio_s": args.duration / 1000.0, "simulate_s": round(wall["simulate"], 3),
        "connect_s": round(wall["connect"], 3), "build_s": round(wall["build"], 3), "total_s": round(total, 3),
        "wall_over_bio": round(wall["simulate"] / (args.duration / 1000.0), 3),
        "simulate_cpu_s": round(meta["spinnaker_host"]["simulate_cpu_s"], 3),
        "cpu_over_bio": round(meta["spinnaker_host"]["simulate_cpu_s"] / (args.duration / 1000.0), 3),
        "load_average_1min_before": load_before,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "rate_hz": {p: s["rate_hz"] for p, s in summary["populations"].items()},
        "synaptic_events": meta["spinnaker_host"]["synaptic_events"],
        "saturations": meta["spinnaker_host"]["saturations"],
        "ring_buffer_shifts": meta["spinnaker_host"]["ring_buffer_shifts"],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=float, default=1000.0)
    ap.add_argument("--dt", type=float, nargs="+", default=[1.0, 0.1])
    ap.add_argument("--arith", default="fixed", choices=["fixed", "float"])
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "spinnaker_host.json")
    args = ap.parse_args()
    model = make_model()
    measured: dict[float, list[dict]] = {dt: [] for dt in args.dt}
    for rep in range(args.repeats):
        for dt in (args.dt if rep % 2 == 0 else args.dt[::-1]):
            measured[dt].append(_run_once(model, dt, args))
    runs = []
    for dt, rows in measured.items():
        row = dict(sorted(rows, key=lambda r: r["simulate_s"])[len(rows) // 2])  # the run of median wall time
        for key in ("simulate_cpu_s", "cpu_over_bio"):
            row[key] = round(statistics.median(r[key] for r in rows), 3)
        if len(rows) > 1:
            row["repeats"] = [{k: r[k] for k in ("simulate_s", "simulate_cpu_s", "load_average_1min_before",
                                                   "load_average_1min")} for r in rows]
        runs.append(row)
        print(f"dt {dt} ms: simulate {row['simulate_s']} s for {row['bio_s']} s biological -> wall/bio "
              f"{row['wall_over_bio']} (cpu/bio {row['cpu_over_bio']}; connect {row['connect_s']} s, "
              f"build {row['build_s']} s; load {row['load_average_1min_before']} -> {row['load_average_1min']}); "
              f"rates {row['rate_hz']}", flush=True)
    result = {"benchmark": "spinnaker-host Brunel 10 000", "arith": args.arith, "cores": 1,
              "network": {"NE": NE, "NI": NI, "CE": CE, "CI": CI, "J_pA": J, "g": G, "eta": ETA, "delay_ms": DELAY,
                          "neuron": NEURON},
              "machine": {"cpu": platform.processor() or platform.machine(), "cpus_visible": os.cpu_count(),
                          "python": platform.python_version()},
              "runs": runs}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
