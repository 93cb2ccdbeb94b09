"""portasnn: write a spiking neuron model once (NESTML) and a network once; run it on NEST and
SpiNNaker-1; prove with numbers that both give the same science."""
from __future__ import annotations

__version__ = "0.1.0"

from portasnn.errors import InternalError, ModelError, NetworkError, PortasnnError, ToolError, UsageError

__all__ = ["__version__", "PortasnnError", "ModelError", "NetworkError", "UsageError", "ToolError", "InternalError",
           "compare", "load_results"]

# Public functions imported on first use (PEP 562), so ``import portasnn`` stays light.
_LAZY = {"compare": "portasnn.harness.compare:compare", "load_results": "portasnn.results:load_results"}


def __getattr__(name: str):  # noqa: ANN202
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name].split(":")
        return getattr(importlib.import_module(module_name), attr)
    raise AttributeError(f"module 'portasnn' has no attribute {name!r}")

_LAZY = {"Network": "portasnn.network", "load_network": "portasnn.frontend.network"}


def __getattr__(name: str):
    """``portasnn.Network`` and ``portasnn.load_network``, imported on first use (keeps the CLI fast)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'portasnn' has no attribute {name!r}")
