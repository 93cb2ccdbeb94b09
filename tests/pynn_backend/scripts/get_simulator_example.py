"""In the style of PyNN's examples: the simulator comes from the command line (`python x.py nest`)."""
from pyNN.utility import get_simulator

sim, options = get_simulator(("--rate", "input rate (Hz)", {"type": float, "default": 50.0}))
sim.setup(timestep=0.1)
inp = sim.Population(5, sim.SpikeSourceArray(spike_times=[10.0, 20.0, 30.0, 31.0, 32.0]), label="input")
out = sim.Population(5, sim.IF_curr_exp(tau_m=10.0), label="output")
sim.Projection(inp, out, sim.OneToOneConnector(), sim.StaticSynapse(weight=2.0, delay=1.0))
out.record(["spikes", "v"])
sim.run(50.0)
print("spikes:", sum(len(st) for st in out.get_data().segments[0].spiketrains))
sim.end()
