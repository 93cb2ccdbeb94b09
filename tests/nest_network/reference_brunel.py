#!/usr/bin/env python3
"""Brunel (2000) balanced random network, written by hand in PyNEST (the reference for tests and benchmarks).

Independent of portasnn on purpose: plain PyNEST in the style of NEST's own brunel_delta_nest.py
example. NE excitatory and NI = NE/4 inhibitory iaf_psc_delta neurons, fixed in-degrees CE = 800
and CI = 200, J = 0.1 mV, g = 5, eta = 2, D = 1.5 ms, theta = 20 mV, tau_m = 20 ms, t_ref = 2 ms,
V_reset = 10 mV, initial V_m uniform in [0, 20) mV, one Poisson input per neuron at CE * eta * nu_th.

    python reference_brunel.py --ne 2000 --seed 1 --duration 1000 --out spikes.npz
"""
import argparse
import time

import numpy as np

import nest


def simulate(ne=8000, seed=1, duration=1000.0, threads=1, ce=800, ci=200):
    """Build and run the network; return (spikes, times) with spikes {"E"|"I": (indices, spike times)} and
    times {"build"|"connect"|"simulate": wall s, "cpu_build"|"cpu_connect"|"cpu_simulate": CPU s}."""
    ni = ne // 4
    j, g, eta, delay, theta, tau_m = 0.1, 5.0, 2.0, 1.5, 20.0, 20.0
    nu_th = theta / (j * ce * tau_m)  # spikes per ms
    p_rate = 1000.0 * eta * nu_th * ce  # Hz

    nest.ResetKernel()
    nest.verbosity = nest.VerbosityLevel.WARNING
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": seed, "local_num_threads": threads})

    t0, c0 = time.perf_counter(), time.process_time()
    neuron = {"C_m": 1.0, "tau_m": tau_m, "t_ref": 2.0, "E_L": 0.0, "V_reset": 10.0, "V_th": theta,
              "V_m": nest.random.uniform(0.0, theta)}
    nodes_ex = nest.Create("iaf_psc_delta", ne, params=neuron)
    nodes_in = nest.Create("iaf_psc_delta", ni, params=neuron)
    noise = nest.Create("poisson_generator", params={"rate": p_rate})
    espikes = nest.Create("spike_recorder")
    ispikes = nest.Create("spike_recorder")
    t1, c1 = time.perf_counter(), time.process_time()

    nest.CopyModel("static_synapse", "excitatory", {"weight": j, "delay": delay})
    nest.CopyModel("static_synapse", "inhibitory", {"weight": -g * j, "delay": delay})
    nodes = nodes_ex + nodes_in
    nest.Connect(noise, nodes, syn_spec="excitatory")
    nest.Connect(nodes_ex, espikes)
    nest.Connect(nodes_in, ispikes)
    nest.Connect(nodes_ex, nodes, {"rule": "fixed_indegree", "indegree": ce}, "excitatory")
    nest.Connect(nodes_in, nodes, {"rule": "fixed_indegree", "indegree": ci}, "inhibitory")
    t2, c2 = time.perf_counter(), time.process_time()

    nest.Simulate(duration)
    t3, c3 = time.perf_counter(), time.process_time()

    spikes = {}
    for name, rec, pop in (("E", espikes, nodes_ex), ("I", ispikes, nodes_in)):
        events = rec.get("events")
        spikes[name] = (np.asarray(events["senders"]) - pop[0].global_id, np.asarray(events["times"]))
    wall = {"build": t1 - t0, "connect": t2 - t1, "simulate": t3 - t2}
    cpu = {"cpu_build": c1 - c0, "cpu_connect": c2 - c1, "cpu_simulate": c3 - c2}
    return spikes, {**wall, **cpu}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--ne", type=int, default=8000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=float, default=1000.0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", default=None, help="save spikes and wall times as .npz")
    args = parser.parse_args()
    spikes, wall = simulate(args.ne, args.seed, args.duration, args.threads)
    rate = len(spikes["E"][1]) / args.ne / (args.duration / 1000.0)
    print(f"E rate {rate:.2f} Hz; build {wall['build']:.2f} s, connect {wall['connect']:.2f} s, "
          f"simulate {wall['simulate']:.2f} s")
    if args.out:
        np.savez(args.out, e_senders=spikes["E"][0], e_times=spikes["E"][1], i_senders=spikes["I"][0],
                 i_times=spikes["I"][1],
                 **{k if k.startswith("cpu_") else f"wall_{k}": v for k, v in wall.items()})


if __name__ == "__main__":
    main()
