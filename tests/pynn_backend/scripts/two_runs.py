import portasnn.pynn as sim

sim.setup(timestep=0.1, target="nest")
cells = sim.Population(3, sim.IF_curr_exp(i_offset=[1.0, 1.5, 2.0]), label="cells")
cells.record(["spikes", "v"])
sim.run(60.0)
sim.reset()
sim.run(60.0)
data = cells.get_data()
assert len(data.segments) == 2
sim.run(10.0)  # continues the second segment to 70 ms
data = cells.get_data()
