"""portasnn: write a spiking neuron model once (NESTML) and a network once; run it on NEST and
SpiNNaker-1; prove with numbers that both give the same science."""
from __future__ import annotations

__version__ = "0.1.0"

from portasnn.errors import InternalError, ModelError, NetworkError, PortasnnError, ToolError, UsageError

__all__ = ["__version__", "PortasnnError", "ModelError", "NetworkError", "UsageError", "ToolError", "InternalError"]
