"""PyNN's ACSource and NoisyCurrentSource into passive cells (the threshold out of reach), a view and a whole
population, v recorded at every step."""
import sys

import portasnn.pynn as sim

sim.setup(timestep=0.1, min_delay=0.1, target="nest")
passive = dict(tau_m=10.0, cm=0.5, v_rest=-65.0, v_reset=-65.0, v_thresh=100.0, tau_refrac=0.1, i_offset=0.0)
sine = sim.Population(3, sim.IF_curr_exp(**passive), label="sine")
noisy = sim.Population(4, sim.IF_curr_exp(**passive), label="noisy")

sim.ACSource(start=5.0, stop=45.0, amplitude=0.6, offset=0.1, frequency=40.0, phase=30.0).inject_into(sine[0:2])
sine[2:3].inject(sim.ACSource(amplitude=0.3, frequency=25.0))
noise = sim.NoisyCurrentSource(mean=0.2, stdev=0.5, dt=0.5, start=10.0, stop=40.0)
noisy.inject(noise)

for p in (sine, noisy):
    p.record("v")
sim.run(50.0)
if len(sys.argv) > 1:
    for p in (sine, noisy):
        p.write_data(f"{sys.argv[1]}/{p.label}.pkl")
sim.end()
