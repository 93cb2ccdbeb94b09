"""PyNN's DCSource and StepCurrentSource: into a view, through Population.inject, into an assembly of two
populations, and several sources onto one cell (they add)."""
import sys

import portasnn.pynn as sim

sim.setup(timestep=0.1, min_delay=0.1, target="nest")
lif = sim.Population(4, sim.IF_curr_exp(tau_m=10.0, tau_refrac=2.0), label="lif")
izh = sim.Population(3, sim.Izhikevich(a=0.02, b=0.2, c=-65.0, d=6.0, i_offset=[0.014, 0.0, 0.0]), label="izh")
eif = sim.Population(2, sim.EIF_cond_exp_isfa_ista(), label="eif")
izh.initialize(v=-70.0, u=-14.0)

sim.DCSource(start=20.0, stop=80.0, amplitude=2.0).inject_into(lif[0:2])
steps = sim.StepCurrentSource(times=[10.0, 40.0, 65.5], amplitudes=[1.2, 2.5, 0.4])
lif[1:3].inject(steps)
sim.DCSource(start=2.0, stop=92.0, amplitude=0.014).inject_into(izh[2:3])
sim.StepCurrentSource(times=[30.0, 60.0], amplitudes=[0.01, 0.0]).inject_into(izh[0:2])
sim.DCSource(amplitude=1.8, start=5.0).inject_into(sim.Assembly(eif, lif[3:4]))

for p in (lif, izh, eif):
    p.record(["spikes", "v"])
sim.run(100.0)
if len(sys.argv) > 1:
    for p in (lif, izh, eif):
        p.write_data(f"{sys.argv[1]}/{p.label}.pkl")
sim.end()
