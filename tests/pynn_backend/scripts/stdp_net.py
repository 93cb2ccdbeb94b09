"""Pair STDP written as a PyNN user writes it: spike arrays drive two layers of input cells and two of output
cells; one input layer projects onto one output layer through plastic synapses (SpikePairRule with an additive
weight dependence, random initial weights from the script's NumpyRNG), the other through multiplicative ones with
random delays. The final weights are written with numpy. (Two plastic projections from one population would
meet a pyNN.nest 0.13 bug: get() of one returns the other's connections too.)"""
import sys

import numpy as np

import portasnn.pynn as sim
from pyNN.parameters import Sequence
from pyNN.random import NumpyRNG, RandomDistribution

sim.setup(timestep=0.1, min_delay=0.1, target="nest")
rng = NumpyRNG(seed=20261205)
times = np.random.default_rng(7)

def trains(n, rate_hz, tstop):
    """Poisson-like spike times on whole milliseconds, one Sequence per neuron."""
    return [Sequence(np.unique(np.ceil(times.uniform(1.0, tstop, times.poisson(rate_hz * tstop / 1000.0)))))
            for _ in range(n)]

cells = sim.IF_curr_exp(tau_m=10.0, tau_syn_E=2.0, v_thresh=-55.0, v_reset=-70.0, tau_refrac=2.0)
pre = sim.Population(10, cells, label="pre")
pre2 = sim.Population(10, cells, label="pre2")
post = sim.Population(8, cells, label="post")
post2 = sim.Population(8, cells, label="post2")
drive_pre = sim.Population(10, sim.SpikeSourceArray(spike_times=trains(10, 40.0, 1000.0)), label="drive_pre")
drive_post = sim.Population(16, sim.SpikeSourceArray(spike_times=trains(16, 30.0, 1000.0)), label="drive_post")
sim.Projection(drive_pre, pre, sim.OneToOneConnector(), sim.StaticSynapse(weight=12.0, delay=1.0))
sim.Projection(drive_pre, pre2, sim.OneToOneConnector(), sim.StaticSynapse(weight=12.0, delay=1.0))
sim.Projection(drive_post, sim.Assembly(post, post2), sim.OneToOneConnector(), sim.StaticSynapse(weight=12.0, delay=1.0),
               receptor_type="excitatory")  # an Assembly's receptor types are a set: name the one meant

additive = sim.STDPMechanism(
    timing_dependence=sim.SpikePairRule(tau_plus=16.8, tau_minus=33.7, A_plus=0.03, A_minus=0.015),
    weight_dependence=sim.AdditiveWeightDependence(w_min=0.0, w_max=1.0),
    weight=RandomDistribution("uniform", (0.1, 0.6), rng=rng), delay=1.5)
multiplicative = sim.STDPMechanism(
    timing_dependence=sim.SpikePairRule(tau_plus=16.8, tau_minus=33.7, A_plus=0.05, A_minus=0.06),
    weight_dependence=sim.MultiplicativeWeightDependence(w_min=0.0, w_max=1.0),
    weight=RandomDistribution("uniform", (0.1, 0.6), rng=rng), delay=RandomDistribution("uniform", (1.0, 3.0), rng=rng))
plastic = sim.Projection(pre, post, sim.FixedProbabilityConnector(0.6, rng=rng), additive, label="additive")
plastic2 = sim.Projection(pre2, post2, sim.FixedProbabilityConnector(0.6, rng=rng), multiplicative,
                          label="multiplicative")
initial = plastic.get("weight", format="list")
initial2 = plastic2.get("weight", format="list")

sim.Assembly(pre, pre2, post, post2).record("spikes")
sim.run(1000.0)

final = plastic.get(["weight", "delay"], format="list")
final2 = plastic2.get(["weight", "delay"], format="list")
changed = sum(abs(a[2] - b[2]) > 1e-12 for a, b in zip(initial, final))
print(f"{len(final)} + {len(final2)} plastic synapses, {changed} changed; mean weight "
      f"{np.mean([c[2] for c in final]):.4f} and {np.mean([c[2] for c in final2]):.4f} nA")
if len(sys.argv) > 1:  # a directory for the data files
    np.save(f"{sys.argv[1]}/additive.npy", np.array(final, float))
    np.save(f"{sys.argv[1]}/multiplicative.npy", np.array(final2, float))
    np.save(f"{sys.argv[1]}/additive_initial.npy", np.array(initial, float))
    np.save(f"{sys.argv[1]}/multiplicative_initial.npy", np.array(initial2, float))
    for pop in (pre, pre2, post, post2):
        pop.write_data(f"{sys.argv[1]}/{pop.label}.pkl", variables="spikes")
sim.end()
