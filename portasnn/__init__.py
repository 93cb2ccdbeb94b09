"""portasnn: write a spiking neuron model once (NESTML) and a network once; run it on NEST and
SpiNNaker-1; prove with numbers that both give the same science.

>>> import portasnn
>>> art = portasnn.build("nestml:iaf_psc_exp_neuron", target="nest")   # cached
>>> art.install()                                                       # into the running NEST
>>> program = portasnn.load_program("examples/brunel/brunel_delta_nestml.pnet")  # frontend + passes, once
>>> outdir = portasnn.run(program, target="spinnaker-host")
>>> report = portasnn.compare("examples/brunel/brunel_delta_nestml.pnet", targets=["nest", "spinnaker-host"])
"""
from __future__ import annotations

__version__ = "0.1.0"

from portasnn.errors import InternalError, ModelError, NetworkError, PortasnnError, ToolError, UsageError
# imported eagerly (it is light): the function must shadow its module, or ``import portasnn.run`` anywhere
# would leave ``portasnn.run`` bound to the module
from portasnn.run import run

__all__ = ["__version__", "PortasnnError", "ModelError", "NetworkError", "UsageError", "ToolError", "InternalError",
           "build", "run", "compare", "load_results", "Network", "load_network", "load_program",
           "from_file", "file", "export_nir"]

# Public functions imported on first use (PEP 562), so ``import portasnn`` stays light.
_LAZY = {
    "build": "portasnn.modules:build",
    "load_program": "portasnn.program:load_program",
    "compare": "portasnn.harness.compare:compare",
    "load_results": "portasnn.results:load_results",
    "Network": "portasnn.builder:Network",
    "from_file": "portasnn.builder:from_file",  # net.connect(A, B, connector=portasnn.from_file("conn.npz"))
    "file": "portasnn.builder:file",  # per-neuron values: params={"tau_m": portasnn.file("tau.npy", "ms")}
    "load_network": "portasnn.frontend.network:load_network",
    "export_nir": "portasnn.frontend.nir.export:export_nir",  # a network -> a NIR graph file
    "load_ipython_extension": "portasnn.notebook:load_ipython_extension",  # %load_ext portasnn
    "unload_ipython_extension": "portasnn.notebook:unload_ipython_extension",
}


def __getattr__(name: str):  # noqa: ANN202
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name].split(":")
        return getattr(importlib.import_module(module_name), attr)
    raise AttributeError(f"module 'portasnn' has no attribute {name!r}")
