"""A neuron state that becomes NaN or infinite during a run: the error every target raises.

The NEST target's generated models check their real state variables after each integration and at the
end of each step and keep the first non-finite one of the run (node, variable, value, time) in their
status; the generated PyNEST script looks after each of its ~50 ``nest.Run`` chunks and raises its
``NonFiniteState`` (a NEST exception would hang a multi-threaded run: NEST 3.10's other threads wait at a
barrier). spinnaker-host's float build checks the same in the generated update and stops the engine at
the end of the tick (fixed point saturates instead: s16.15 has no NaN or infinity). Either way nothing is
written, and ``portasnn run`` exits 2: the tools did what they were asked, and it is the model with these
parameters (or inputs) that diverges, so the user must change them.
"""
from __future__ import annotations

from portasnn.errors import NetworkError
from portasnn.ir.network import Network


def non_finite_error(net: Network, population: str, index: int, variable: str, value: str,
                     time_ms: float) -> NetworkError:
    """E460, at the population's declaration: which neuron, which state variable, which value, when."""
    pop = next((p for p in net.populations if p.name == population), None)
    model = net.model(pop.model).name if pop is not None else "?"
    return NetworkError(f"population {population}, neuron {index} ({model}): state variable {variable} became "
                        f"{value} at t = {time_ms:.10g} ms; the run is stopped and no results are written",
                        span=pop.span if pop is not None else None, code="E460", construct=f"{population}.{variable}",
                        hint="the model diverges with these parameters (or inputs): check the parameters of this "
                             "population and the model's equations; record the variable over a shorter run to see "
                             "it grow")
