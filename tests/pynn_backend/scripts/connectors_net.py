"""Every connector that draws its connections in Python, between populations of neurons."""
import portasnn.pynn as sim
from pyNN.random import NumpyRNG, RandomDistribution

sim.setup(timestep=0.1, target="nest")
rng = NumpyRNG(seed=5)
a = sim.Population(12, sim.IF_curr_exp(i_offset=0.8), label="a")
b = sim.Population(9, sim.IF_curr_exp(), label="b")
c = sim.Population(7, sim.IF_cond_exp(), label="c")
w = RandomDistribution("normal_clipped", mu=0.5, sigma=0.1, low=0.0, high=1.0, rng=rng)
projections = {
    "all": sim.Projection(a, b, sim.AllToAllConnector(), sim.StaticSynapse(weight=w, delay=1.0)),
    "one": sim.Projection(a[:9], b, sim.OneToOneConnector(), sim.StaticSynapse(weight=0.3, delay=2.0)),
    "prob": sim.Projection(b, a, sim.FixedProbabilityConnector(0.3, rng=rng),
                           sim.StaticSynapse(weight=-0.4, delay=RandomDistribution("uniform", (1.0, 3.0), rng=rng)),
                           receptor_type="inhibitory"),
    "pre": sim.Projection(a, c, sim.FixedNumberPreConnector(4, rng=rng), sim.StaticSynapse(weight=0.004, delay=1.5)),
    "post": sim.Projection(b, c, sim.FixedNumberPostConnector(3, rng=rng), sim.StaticSynapse(weight=0.002, delay=1.0),
                           receptor_type="inhibitory"),
    "list": sim.Projection(a, a, sim.FromListConnector([(0, 1, 0.2, 1.0), (3, 2, 0.5, 2.5), (11, 0, 0.1, 0.7)]),
                           sim.StaticSynapse()),
}
a.record("spikes")
sim.run(100.0)
