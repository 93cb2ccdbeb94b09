"""portasnn as a PyNN backend (issue 14 item 1): ``import portasnn.pynn as sim``.

    sim.setup(timestep=0.1, target="nest")            # or "spinnaker-host", or "spinnaker" (a board, via NMPI)
    cells = sim.Population(100, sim.IF_curr_exp(tau_m=15.0), label="cells")
    ...
    sim.run(1000.0)                                   # lowers everything built so far to one portasnn program
    data = cells.get_data()                           # neo, as PyNN's other backends give it

Built on pyNN.common like PyNN's own backends (``simulator.State``, populations, projections, recording,
standard models). Supported so far: IF_curr_exp, IF_curr_delta (nest and spinnaker-host), IF_curr_alpha,
IF_cond_exp, IF_cond_alpha, Izhikevich, EIF_cond_exp_isfa_ista, EIF_cond_alpha_isfa_ista, HH_cond_exp (nest),
SpikeSourceArray, SpikeSourcePoisson, DCSource, StepCurrentSource, ACSource and NoisyCurrentSource (nest, spinnaker),
StaticSynapse, STDPMechanism (SpikePairRule with Additive- or MultiplicativeWeightDependence, between populations of
neurons; Projection.get("weight") after run() gives the final weights), every connector of
pyNN.connectors that computes its connections in Python, receptor types excitatory/inhibitory, record() of spikes and state
variables, get_data()/write_data(), run()s that continue an unchanged network, reset(); sPyNNaker's own calls its
scripts make (set_number_of_neurons_per_core, name(), Population(seed=...), gsyn of current-based cells), so that
they run with the import line changed. ``nestml_cell_type(path, sim)``: a NESTML model as
a cell type of this backend (every target) or of pyNN.nest (from portasnn's module cache;
``portasnn.pynn.nestml_cells``).
"""
from pyNN import errors, random, space  # noqa: F401
from pyNN.connectors import *  # noqa: F401,F403
from pyNN.network import Network  # noqa: F401
from pyNN.parameters import Sequence  # noqa: F401 - pyNN.nest has it too (spike_times=[Sequence(...), ...])
from pyNN.random import GSLRNG, NumpyRNG, RandomDistribution  # noqa: F401
from pyNN.recording import *  # noqa: F401,F403
from pyNN.space import Space  # noqa: F401
from pyNN.standardmodels import StandardCellType

from portasnn.pynn.control import (end, get_current_time, get_max_delay, get_min_delay, get_time_step,  # noqa: F401
                                   initialize, name, num_processes, rank, reset, run, run_for, run_until,
                                   set_number_of_neurons_per_core, setup)
from portasnn.pynn.electrodes import ACSource, DCSource, NoisyCurrentSource, StepCurrentSource  # noqa: F401
from portasnn.pynn.nestml_cells import nestml_cell_type  # noqa: F401
from portasnn.pynn.populations import Assembly, Population, PopulationView  # noqa: F401
from portasnn.pynn.procedural_api import connect, create, record  # noqa: F401
from portasnn.pynn.simulator import NativeRNG  # noqa: F401
from portasnn.pynn.projections import Projection  # noqa: F401
from portasnn.pynn.standardmodels import (AdditiveWeightDependence, EIF_cond_alpha_isfa_ista,  # noqa: F401
                                          EIF_cond_exp_isfa_ista, HH_cond_exp, IF_cond_alpha, IF_cond_exp,
                                          IF_curr_alpha, IF_curr_delta, IF_curr_exp, Izhikevich,
                                          MultiplicativeWeightDependence, SpikePairRule, SpikeSourceArray,
                                          SpikeSourcePoisson, StaticSynapse, STDPMechanism)


SPYNNAKER_ONLY = ("extra_models", "external_devices")  # pyNN.spiNNaker's namespaces of its own


def __getattr__(name: str):
    """A name of PyNN's standard library this backend does not provide yet: E293 at the script's line."""
    from pyNN import connectors as _connectors
    from pyNN.standardmodels import cells as _cells, electrodes as _electrodes, synapses as _synapses

    from portasnn.pynn.errors import NotSupportedError, refuse
    from portasnn.pynn.simulator import where

    if name in SPYNNAKER_ONLY:
        raise refuse("E293", f"portasnn.pynn does not provide sPyNNaker's {name} (its own models and devices, which "
                     "only sPyNNaker runs)", where(), hint="run this script with pyNN.spiNNaker, or use PyNN's "
                     "standard cell types and synapses", cls=NotSupportedError)
    if not name.startswith("_") and any(hasattr(m, name) for m in (_cells, _electrodes, _synapses, _connectors)):
        raise refuse("E293", f"portasnn.pynn does not provide PyNN's {name} yet", where(),
                     hint="supported: " + ", ".join(list_standard_models()) + ", DCSource, StepCurrentSource, "
                     "ACSource, NoisyCurrentSource, "
                     "StaticSynapse, STDPMechanism with SpikePairRule and Additive- or "
                     "MultiplicativeWeightDependence, the connectors of pyNN.connectors; run this script with pyNN.nest for the rest",
                     cls=NotSupportedError)
    raise AttributeError(f"module 'portasnn.pynn' has no attribute {name!r}")


def list_standard_models() -> list[str]:
    """The StandardCellType classes this backend runs."""
    return [obj.__name__ for obj in globals().values()
            if isinstance(obj, type) and issubclass(obj, StandardCellType) and obj is not StandardCellType]
