import portasnn.pynn as sim

sim.setup(timestep=0.1, target="spinnaker-host")
cells = sim.Population(4, sim.IF_curr_alpha(i_offset=1.0), label="alpha_cells")
cells.record("spikes")
sim.run(50.0)
