"""A small network written as a PyNN user writes one: a spike-array input into excitatory cells through a random
FixedProbabilityConnector with normal weights, excitatory onto inhibitory cells, inhibition back onto a view.
Every random draw comes from the script's NumpyRNG, so pyNN.nest draws the same network."""
import sys

import numpy as np

import portasnn.pynn as sim
from pyNN.parameters import Sequence
from pyNN.random import NumpyRNG, RandomDistribution

sim.setup(timestep=0.1, min_delay=0.1, target="nest")
rng = NumpyRNG(seed=20261204)

celltype = sim.IF_curr_exp(tau_m=15.0, cm=0.5, tau_syn_E=2.0, tau_syn_I=4.0, tau_refrac=2.0, v_thresh=-55.0,
                           v_reset=-70.0)
exc = sim.Population(20, celltype, label="exc")
inh = sim.Population(5, sim.IF_curr_exp(tau_m=10.0, v_thresh=-56.0, i_offset=0.05), label="inh")
exc.initialize(v=RandomDistribution("uniform", (-65.0, -57.0), rng=rng))
exc[:5].set(i_offset=0.3)
stim = sim.Population(10, sim.SpikeSourceArray(spike_times=[Sequence(np.arange(2.0 + i, 200.0, 7.0))
                                                             for i in range(10)]), label="stim")

sim.Projection(stim, exc, sim.FixedProbabilityConnector(0.4, rng=rng),
               sim.StaticSynapse(weight=RandomDistribution("normal_clipped", mu=0.8, sigma=0.2, low=0.0,
                                                           high=2.0, rng=rng), delay=1.0),
               receptor_type="excitatory")
sim.Projection(exc, inh, sim.FixedProbabilityConnector(0.5, rng=rng),
               sim.StaticSynapse(weight=RandomDistribution("uniform", (0.3, 0.6), rng=rng), delay=1.5))
sim.Projection(inh, exc[5:15], sim.AllToAllConnector(), sim.StaticSynapse(weight=-0.6, delay=1.0),
               receptor_type="inhibitory")
sim.Projection(exc[0:4], inh[0:4], sim.OneToOneConnector(), sim.StaticSynapse(weight=0.4, delay=2.0))

sim.Assembly(exc, inh).record("spikes")
exc[0:6].record("v")

sim.run(200.0)

exc_data = exc.get_data().segments[0]
inh_data = inh.get_data().segments[0]
print("exc spikes:", sum(st.size for st in exc_data.spiketrains), "inh spikes:",
      sum(st.size for st in inh_data.spiketrains))
if len(sys.argv) > 1:  # a directory for the data files
    exc.write_data(f"{sys.argv[1]}/exc.pkl")
    inh.write_data(f"{sys.argv[1]}/inh.pkl", variables="spikes")
sim.end()
