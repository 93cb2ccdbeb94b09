"""
The balanced random network of Brunel (2000), model A (sparse excitatory and inhibitory integrate-and-fire
neurons with delta synapses, each driven by its own Poisson train), as a plain PyNN script. The parameters are
examples/brunel/brunel_params.pnet's; the network is brunel_delta_pynn.pnet's.

The simulator comes from the command line, as in PyNN's own examples:

    python brunel_pynn.py nest                       # pyNN.nest
    python brunel_pynn.py spiNNaker                  # sPyNNaker (a board, or a virtual board that only maps)
    python brunel_pynn.py portasnn                   # portasnn.pynn: NEST (--target nest, default)
    python brunel_pynn.py portasnn --target spinnaker-host   # portasnn.pynn: SpiNNaker-1's arithmetic here
    portasnn compare brunel_pynn.py --targets nest,spinnaker-host -- portasnn

Options: --N (neurons in total, default 2000), --duration (ms, default 1000), --seed, --plot-figure.
"""
import argparse
import importlib

from pyNN.random import NumpyRNG, RandomDistribution

SIMULATORS = {"nest": "pyNN.nest", "spiNNaker": "pyNN.spiNNaker", "portasnn": "portasnn.pynn"}

parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
parser.add_argument("simulator", choices=SIMULATORS, help="the PyNN backend")
parser.add_argument("--N", type=int, default=2000, help="neurons in total (4:1 excitatory to inhibitory)")
parser.add_argument("--duration", type=float, default=1000.0, help="simulated time (ms)")
parser.add_argument("--seed", type=int, default=42, help="seed of the connectivity and the initial potentials")
parser.add_argument("--target", default="nest", help="portasnn only: nest or spinnaker-host")
parser.add_argument("--plot-figure", action="store_true", help="save a raster plot of the first 50 neurons")
options = parser.parse_args()
sim = importlib.import_module(SIMULATORS[options.simulator])

# parameters (brunel_params.pnet)
N = options.N
NE = round(0.8 * N)                   # excitatory neurons
NI = N - NE                           # inhibitory neurons
epsilon = 0.1                         # connection probability
CE = round(epsilon * NE)              # excitatory synapses per neuron
CI = round(epsilon * NI)              # inhibitory synapses per neuron
J = 0.1                               # excitatory PSP amplitude (mV)
g = 5.0                               # relative strength of inhibition
eta = 2.0                             # external rate in units of the threshold rate
delay = 1.5                           # synaptic delay (ms)
theta = 20.0                          # threshold (mV)
tau_m = 20.0                          # membrane time constant (ms)
nu_th = theta / (J * CE * tau_m)      # rate (per ms) that drives a neuron to threshold on average
nu_ext = eta * nu_th                  # external rate per external synapse (per ms)
poisson_rate = 1000.0 * nu_ext * CE   # Hz: one train per neuron stands for CE external neurons

extra = {"target": options.target, "seed": options.seed} if options.simulator == "portasnn" else {}
sim.setup(timestep=0.1, min_delay=0.1, **extra)
if options.simulator == "spiNNaker":  # sPyNNaker refuses an rng here; it seeds each population's draws instead
    draws, seeded = {}, {"seed": options.seed}
else:
    draws, seeded = {"rng": NumpyRNG(seed=options.seed)}, {}

# delta synapses: a weight is a jump of the membrane potential in mV (cm stays at PyNN's default of 1 nF)
cell = sim.IF_curr_delta(tau_m=tau_m, tau_refrac=2.0, v_thresh=theta, v_reset=10.0, v_rest=0.0, i_offset=0.0)
E = sim.Population(NE, cell, label="E", **seeded)
I = sim.Population(NI, cell, label="I", **seeded)
for pop in (E, I):
    pop.initialize(v=RandomDistribution("uniform", (0.0, theta), **draws))

excitatory = sim.StaticSynapse(weight=J, delay=delay)
# PyNN's sign convention for current-based cells: inhibitory weights negative (sPyNNaker uses their magnitude)
inhibitory = sim.StaticSynapse(weight=-g * J, delay=delay)
for post in (E, I):
    sim.Projection(E, post, sim.FixedNumberPreConnector(CE, **draws), excitatory,
                   receptor_type="excitatory", label=f"E->{post.label}")
    sim.Projection(I, post, sim.FixedNumberPreConnector(CI, **draws), inhibitory,
                   receptor_type="inhibitory", label=f"I->{post.label}")
    drive = sim.Population(post.size, sim.SpikeSourcePoisson(rate=poisson_rate), label=f"ext_{post.label}")
    sim.Projection(drive, post, sim.OneToOneConnector(), excitatory, receptor_type="excitatory",
                   label=f"ext->{post.label}")

# spikes only: pyNN.nest 0.13 cannot record v of IF_curr_delta (its cell type there has no variable map)
E.record("spikes")
I.record("spikes")

sim.run(options.duration)

for pop in (E, I):
    counts = pop.get_spike_counts()
    print(f"{pop.label} rate: {sum(counts.values()) / pop.size / options.duration * 1000.0:.2f} Hz")
if options.plot_figure:
    from pyNN.utility.plotting import Figure, Panel

    data = E.get_data().segments[0]
    Figure(Panel(data.spiketrains[:50], xlabel="time (ms)", yticks=True, markersize=0.5),
           title=f"Brunel (2000), N = {N}, {options.simulator}").save(f"brunel_pynn_{options.simulator}.png")
sim.end()
