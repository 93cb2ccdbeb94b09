#!/usr/bin/env python3
"""Brunel (2000) with iaf_psc_exp: NEST's built-in against the portasnn- and NESTML-generated models.

    nice .venv/bin/python benchmarks/bench_brunel_models.py [--repeats 3] [--quick]

The network is written directly in PyNEST (nothing of portasnn runs in the simulating process):
NE = 8000 excitatory and NI = 2000 inhibitory neurons, in-degrees CE = 800 and CI = 200, delay
D = 1.5 ms, g = 5, eta = 2, every neuron driven by its own Poisson train of rate nu_ext * CE; the
parameters of NEST's Brunel examples (tau_m 20 ms, C_m 250 pF, threshold 20 mV, reset 10 mV,
E_L 0 mV, refractory 2 ms, V_m uniform in [0, 20) mV) and exponential synaptic currents with
tau_syn = 0.5 ms whose amplitude J_syn gives an excitatory PSP peak of J = 0.1 mV (as in
``examples/brunel/brunel_exp_nestml.pnet``). 1 s at 0.1 ms on one thread, the same seed for all.

Three models, identical parameters: ``builtin`` (NEST's iaf_psc_exp), ``portasnn`` (the zoo's
iaf_psc_exp_neuron built by ``portasnn.build``) and ``nestml`` (the same file built by NESTML's
``generate_nest_target``; see bench_build.py, cached after the first run). Each simulation runs in
its own fresh process; the order of the three alternates between repetitions. Only
``nest.Simulate`` is timed (wall and process CPU time). The ratios are the medians of the
per-repetition ratios to the built-in of the same repetition.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import ROOT, RESULTS, ZOO, machine, nestml_module, run_child  # noqa: E402

MODEL = "iaf_psc_exp_neuron"
VARIANTS = ("builtin", "portasnn", "nestml")

NE, NI, CE, CI = 8000, 2000, 800, 200
J, G, ETA, DELAY = 0.1, 5.0, 2.0, 1.5               # mV, -, -, ms
TAU_M, C_M, THETA, V_RESET, E_L, T_REF, TAU_SYN = 20.0, 250.0, 20.0, 10.0, 0.0, 2.0, 0.5
SIM_MS, RESOLUTION, SEED = 1000.0, 0.1, 12345


def psc_amplitude() -> float:
    """The current amplitude (pA) whose PSP peaks at J mV: peak of the PSP of exp(-t / tau_syn)."""
    t_peak = TAU_M * TAU_SYN / (TAU_M - TAU_SYN) * math.log(TAU_M / TAU_SYN)
    psp_per_pa = TAU_M * TAU_SYN / (C_M * (TAU_M - TAU_SYN)) * (math.exp(-t_peak / TAU_M) - math.exp(-t_peak / TAU_SYN))
    return J / psp_per_pa


def neuron_params(variant: str) -> dict:
    """The same neuron in each model's parameter names (built-in: NEST's; generated: NESTML's)."""
    common = {"C_m": C_M, "tau_m": TAU_M, "E_L": E_L, "V_reset": V_RESET, "V_th": THETA, "I_e": 0.0}
    if variant == "builtin":
        return {**common, "t_ref": T_REF, "tau_syn_ex": TAU_SYN, "tau_syn_in": TAU_SYN}
    return {**common, "refr_T": T_REF, "tau_syn_exc": TAU_SYN, "tau_syn_inh": TAU_SYN}


# The simulating process: plain PyNEST, configured by one JSON argument.
CHILD = textwrap.dedent("""
    import json, sys, time
    cfg = json.loads(sys.argv[1])
    import nest
    nest.set_verbosity("M_ERROR")
    nest.ResetKernel()
    nest.set(resolution=cfg["resolution"], local_num_threads=1, rng_seed=cfg["seed"], print_time=False)
    if cfg["module"]:
        nest.Install(cfg["module"])
    t0 = time.perf_counter()
    params = dict(cfg["params"], V_m=nest.random.uniform(0.0, cfg["theta"]))
    exc = nest.Create(cfg["model"], cfg["NE"], params=params)
    inh = nest.Create(cfg["model"], cfg["NI"], params=params)
    noise = nest.Create("poisson_generator", params={"rate": cfg["p_rate"]})
    spikes = nest.Create("spike_recorder")
    nest.CopyModel("static_synapse", "excitatory", {"weight": cfg["J_ex"], "delay": cfg["delay"]})
    nest.CopyModel("static_synapse", "inhibitory", {"weight": cfg["J_in"], "delay": cfg["delay"]})
    nest.Connect(noise, exc + inh, syn_spec="excitatory")
    nest.Connect(exc, exc + inh, {"rule": "fixed_indegree", "indegree": cfg["CE"]}, "excitatory")
    nest.Connect(inh, exc + inh, {"rule": "fixed_indegree", "indegree": cfg["CI"]}, "inhibitory")
    nest.Connect(exc + inh, spikes)
    t1 = time.perf_counter()
    c1 = time.process_time()
    nest.Simulate(cfg["sim_ms"])
    c2 = time.process_time()
    t2 = time.perf_counter()
    senders = spikes.get("events", "senders")
    n_exc = int((senders <= exc[-1].global_id).sum())
    seconds = cfg["sim_ms"] / 1000.0
    print(json.dumps({"simulate_s": t2 - t1, "simulate_cpu_s": c2 - c1, "setup_s": t1 - t0,
                      "rate_exc_hz": n_exc / cfg["NE"] / seconds,
                      "rate_inh_hz": (len(senders) - n_exc) / cfg["NI"] / seconds,
                      "spikes": int(len(senders)), "synapses": nest.num_connections}))
""")


def configs() -> dict[str, dict]:
    """The child configuration of each variant (building the two generated modules if needed)."""
    import portasnn

    source = ZOO / f"{MODEL}.nestml"
    art = portasnn.build(source, target="nest")
    print(f"portasnn module: {art.module_name} ({'cached' if art.cached else 'built'}, {art.seconds:.1f} s)")
    nestml = nestml_module(source)
    print(f"NESTML module:   {nestml}.so")
    j_syn = psc_amplitude()
    nu_th = THETA / (J * CE * TAU_M)
    base = {"NE": NE, "NI": NI, "CE": CE, "CI": CI, "J_ex": j_syn, "J_in": -G * j_syn, "delay": DELAY,
            "p_rate": 1000.0 * ETA * nu_th * CE, "theta": THETA, "sim_ms": SIM_MS, "resolution": RESOLUTION,
            "seed": SEED}
    return {
        "builtin": {**base, "model": "iaf_psc_exp", "module": "", "params": neuron_params("builtin")},
        "portasnn": {**base, "model": art.nest_models[MODEL], "module": str(art.module_path.with_suffix("")),
                     "params": neuron_params("portasnn")},
        "nestml": {**base, "model": MODEL, "module": str(nestml), "params": neuron_params("nestml")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--repeats", type=int, default=3, help="repetitions (each runs all three models)")
    parser.add_argument("--quick", action="store_true", help="one repetition")
    args = parser.parse_args()
    repeats = 1 if args.quick else args.repeats
    cfgs = configs()
    print(f"Brunel, N = {NE + NI}, CE = {CE}, CI = {CI}, J_syn = {cfgs['builtin']['J_ex']:.3f} pA, "
          f"{SIM_MS:.0f} ms at {RESOLUTION} ms, 1 thread; {repeats} repetition(s)", flush=True)
    runs = []
    for rep in range(repeats):
        order = list(VARIANTS) if rep % 2 == 0 else list(reversed(VARIANTS))
        run = {"order": order}
        for variant in order:
            result = run_child(CHILD, {"PYNEST_QUIET": "1", "OMP_NUM_THREADS": "1"}, [json.dumps(cfgs[variant])])
            run[variant] = result
            print(f"  {rep + 1}/{repeats} {variant:<8} simulate {result['simulate_s']:6.2f} s wall "
                  f"{result['simulate_cpu_s']:6.2f} s CPU   rates E {result['rate_exc_hz']:5.2f} Hz, "
                  f"I {result['rate_inh_hz']:5.2f} Hz", flush=True)
        runs.append(run)

    def ratio(variant: str, field: str) -> float:
        return float(statistics.median(r[variant][field] / r["builtin"][field] for r in runs))

    summary = {
        "ratio_portasnn_over_builtin": ratio("portasnn", "simulate_s"),
        "ratio_nestml_over_builtin": ratio("nestml", "simulate_s"),
        "cpu_ratio_portasnn_over_builtin": ratio("portasnn", "simulate_cpu_s"),
        "cpu_ratio_nestml_over_builtin": ratio("nestml", "simulate_cpu_s"),
        "simulate_s": {v: float(statistics.median(r[v]["simulate_s"] for r in runs)) for v in VARIANTS},
        "rate_exc_hz": {v: float(statistics.median(r[v]["rate_exc_hz"] for r in runs)) for v in VARIANTS},
        "rate_inh_hz": {v: float(statistics.median(r[v]["rate_inh_hz"] for r in runs)) for v in VARIANTS},
        "goal_portasnn_ratio": 1.0,
    }
    print(f"{'model':<10} {'simulate s':>10} {'ratio':>7} {'CPU ratio':>9} {'E Hz':>7} {'I Hz':>7}")
    for v in VARIANTS:
        r = 1.0 if v == "builtin" else summary[f"ratio_{v}_over_builtin"]
        c = 1.0 if v == "builtin" else summary[f"cpu_ratio_{v}_over_builtin"]
        print(f"{v:<10} {summary['simulate_s'][v]:10.2f} {r:7.3f} {c:9.3f} "
              f"{summary['rate_exc_hz'][v]:7.2f} {summary['rate_inh_hz'][v]:7.2f}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"benchmark": "brunel_models", "model": MODEL, "repeats": repeats, "summary": summary,
              "network": {k: cfgs["builtin"][k] for k in ("NE", "NI", "CE", "CI", "J_ex", "J_in", "delay", "p_rate",
                                                          "sim_ms", "resolution", "seed")},
              "params": {v: cfgs[v]["params"] for v in VARIANTS}, "runs": runs, "machine": machine()}
    path = RESULTS / "brunel_models.json"
    path.write_text(json.dumps(record, indent=2) + "\n")
    print(f"saved {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
