"""Poisson input as PyNN users write it: one SpikeSourcePoisson per cell (OneToOneConnector), and a few shared
Poisson sources spread over the cells with a FixedNumberPostConnector and random weights."""
import portasnn.pynn as sim
from pyNN.random import NumpyRNG, RandomDistribution

sim.setup(timestep=0.1, target="nest", seed=7)
rng = NumpyRNG(seed=99)

cells = sim.Population(40, sim.IF_curr_exp(tau_m=20.0, tau_syn_E=5.0, v_thresh=-55.0), label="cells")
drive = sim.Population(40, sim.SpikeSourcePoisson(rate=900.0), label="drive")
shared = sim.Population(10, sim.SpikeSourcePoisson(rate=40.0, start=100.0, duration=600.0), label="shared")

sim.Projection(drive, cells, sim.OneToOneConnector(), sim.StaticSynapse(weight=0.12, delay=1.0))
sim.Projection(shared, cells, sim.FixedNumberPostConnector(6, rng=rng),
               sim.StaticSynapse(weight=RandomDistribution("uniform", (0.5, 1.0), rng=rng), delay=1.0))

cells.record("spikes")
shared.record("spikes")
sim.run(1000.0)
