"""A NESTML model as a PyNN cell type, the same script for pyNN.nest and portasnn.pynn (argv: the backend module,
the portasnn target, the output folder): I_e per neuron, a spike array, an inhibitory projection, initialize(),
record(V_m)."""
import json
import sys

import numpy as np

from portasnn.program import model_path
from portasnn.pynn import nestml_cell_type

sim = __import__(sys.argv[1], fromlist=["setup"])
Cell = nestml_cell_type(model_path("iaf_psc_exp_neuron"), sim)
sim.setup(timestep=0.1, min_delay=0.1, **({"target": sys.argv[2]} if sys.argv[2] != "-" else
                                         {"spike_precision": "on_grid"}))
cells = sim.Population(4, Cell(tau_m=15.0, I_e=[380.0, 300.0, 0.0, 0.0]), label="cells")
src = sim.Population(1, sim.SpikeSourceArray(spike_times=[5.0, 6.0, 7.0, 20.0, 21.0, 40.0]), label="src")
sim.Projection(src, cells[2:4], sim.AllToAllConnector(), sim.StaticSynapse(weight=1.2, delay=1.0))
sim.Projection(cells[0:1], cells[3:4], sim.AllToAllConnector(), sim.StaticSynapse(weight=-0.8, delay=1.5),
               receptor_type="inhibitory")
cells.initialize(V_m=-65.0)
cells.record(["spikes", "V_m"])
sim.run(60.0)
seg = cells.get_data().segments[0]
v = seg.filter(name="V_m")[0]
json.dump({"spikes": [list(map(float, st)) for st in seg.spiketrains], "v": np.asarray(v.magnitude).tolist(),
           "unit": str(v.units.dimensionality), "tau_m": float(np.asarray(cells.get("tau_m")).ravel()[0])},
          open(sys.argv[3], "w"))
