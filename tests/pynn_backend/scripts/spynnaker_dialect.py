"""A script in sPyNNaker's dialect, as its published examples are written (synfire, pynnBrunnel, va_benchmark):
sPyNNaker's own calls and keywords, a projection without a synapse type (FromListConnector rows with weight and
delay), a Poisson input per neuron with random delays; only the import line names portasnn.pynn.
With DIALECT=0 in the environment the sPyNNaker-only lines are left out: the numbers must not change."""
import os

import numpy as np
import portasnn.pynn as p
from pyNN.random import RandomDistribution

DIALECT = os.environ.get("DIALECT", "1") == "1"
p.setup(timestep=0.1, min_delay=1.0, target="nest", seed=3)
if DIALECT:
    p.set_number_of_neurons_per_core(p.IF_curr_exp, 100)
    p.set_number_of_neurons_per_core(p.SpikeSourcePoisson, 64)
extra = {"seed": 1} if DIALECT else {}
cells = p.Population(520, p.IF_curr_exp(tau_m=20.0, v_thresh=-55.0, i_offset=0.2), label="cells", **extra)
noise = p.Population(520, p.SpikeSourcePoisson(rate=300.0), label="noise",
                     **({"additional_parameters": {"seed": 4}} if DIALECT else {}))
kick = p.Population(1, p.SpikeSourceArray(spike_times=[5.0, 25.0]), label="kick")
delays = RandomDistribution("uniform", low=1.0, high=12.0, rng=p.NumpyRNG(seed=7))
p.Projection(noise, cells, p.OneToOneConnector(), p.StaticSynapse(weight=0.4, delay=delays),
             receptor_type="excitatory")
rows = [(0, k, 2.0, 1.0 + 0.1 * (k % 7)) for k in range(0, 520, 3)]
if DIALECT:
    p.Projection(kick, cells, p.FromListConnector(rows))  # sPyNNaker's examples leave the synapse type out
else:
    p.Projection(kick, cells, p.FromListConnector(rows), p.StaticSynapse())
cells.record("spikes")
p.run(60.0)
spikes = cells.get_data().segments[0].spiketrains
print(f"simulator {p.name() if DIALECT else 'portasnn'}: {sum(len(st) for st in spikes)} spikes")
np.save(os.environ["OUT"], np.concatenate([np.asarray(st) + 1000 * k for k, st in enumerate(spikes)]))
p.end()
