"""The other standard cell types, conductance-based inhibition and a delta synapse, from spike arrays."""
import sys

import portasnn.pynn as sim
from pyNN.random import NumpyRNG, RandomDistribution

sim.setup(timestep=0.1, min_delay=0.1, target="nest")
rng = NumpyRNG(seed=11)
cond = sim.Population(6, sim.IF_cond_exp(tau_m=12.0, cm=0.3, v_thresh=-56.0, tau_syn_E=3.0), label="cond")
alpha = sim.Population(4, sim.IF_curr_alpha(tau_syn_E=1.0, v_thresh=-58.0, i_offset=0.1), label="alpha")
calpha = sim.Population(3, sim.IF_cond_alpha(tau_m=14.0, cm=0.4, v_thresh=-57.0, tau_syn_E=0.8), label="calpha")
delta = sim.Population(5, sim.IF_curr_delta(tau_m=10.0, v_thresh=-60.0, tau_refrac=3.0, i_offset=0.1), label="delta")
izh = sim.Population(4, sim.Izhikevich(a=RandomDistribution("uniform", (0.02, 0.1), rng=rng), d=4.0, i_offset=0.004),
                     label="izh")
eif = sim.Population(3, sim.EIF_cond_exp_isfa_ista(b=0.06, tau_w=100.0, i_offset=0.65), label="eif")
eifa = sim.Population(2, sim.EIF_cond_alpha_isfa_ista(i_offset=0.8, tau_syn_E=2.0), label="eifa")
hh = sim.Population(3, sim.HH_cond_exp(gbar_K=5.0, i_offset=0.02), label="hh")
exc = sim.Population(3, sim.SpikeSourceArray(spike_times=[[5.0, 9.0, 20.0, 21.0, 40.0], [6.0, 22.0, 23.0, 60.0],
                                                           [10.0, 30.0, 31.0, 32.0, 61.0]]), label="exc")
inh = sim.Population(1, sim.SpikeSourceArray(spike_times=[25.0, 26.0, 70.0]), label="inh")
cond.initialize(v=RandomDistribution("uniform", (-65.0, -60.0), rng=rng))
delta.initialize(v=-70.0)
izh.initialize(u=RandomDistribution("uniform", (-15.0, -13.0), rng=rng))
hh.initialize(v=-64.0)

sim.Projection(exc, cond, sim.AllToAllConnector(),
               sim.StaticSynapse(weight=RandomDistribution("uniform", (0.01, 0.03), rng=rng), delay=1.0))
sim.Projection(inh, cond, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.05, delay=1.0),
               receptor_type="inhibitory")
sim.Projection(exc, alpha, sim.FixedProbabilityConnector(0.7, rng=rng), sim.StaticSynapse(weight=1.5, delay=2.0))
sim.Projection(exc, calpha, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.06, delay=1.0))
sim.Projection(inh, calpha, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.04, delay=1.0),
               receptor_type="inhibitory")
sim.Projection(exc, delta, sim.AllToAllConnector(), sim.StaticSynapse(weight=3.0, delay=1.0))
sim.Projection(cond, delta, sim.FixedProbabilityConnector(0.5, rng=rng), sim.StaticSynapse(weight=2.0, delay=1.5))
sim.Projection(inh, delta, sim.AllToAllConnector(), sim.StaticSynapse(weight=-2.0, delay=1.0),
               receptor_type="inhibitory")
sim.Projection(exc, izh, sim.AllToAllConnector(), sim.StaticSynapse(weight=6.0, delay=1.0))
sim.Projection(exc, eif, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.01, delay=1.0))
sim.Projection(inh, eifa, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.02, delay=1.0),
               receptor_type="inhibitory")
sim.Projection(cond, hh, sim.FixedProbabilityConnector(0.5, rng=rng), sim.StaticSynapse(weight=0.01, delay=1.0))

for p in (cond, alpha, delta, calpha, izh, eif, eifa, hh):
    p.record("spikes")
izh.record(["v", "u"])
eif.record(["v", "w", "gsyn_exc"])
eifa.record("v")
hh.record(["v", "gsyn_exc"])
cond.record(["v", "gsyn_exc", "gsyn_inh"])
calpha.record(["v", "gsyn_exc", "gsyn_inh"])
alpha.record("v")
sim.run(100.0)
if len(sys.argv) > 1:
    for p in (cond, alpha, delta, calpha, izh, eif, eifa, hh):
        p.write_data(f"{sys.argv[1]}/{p.label}.pkl")
sim.end()
