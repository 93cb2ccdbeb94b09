"""spinnaker-host: SpiNNaker-1's s16.15 arithmetic and sPyNNaker's timestep, run on this CPU.

- ``support/spinn_fixed.h``  the fixed-point operations model code is written in (host bit-exact,
  ``--arith float`` doubles, and GCC's ARM ``accum`` for the reference build);
- ``support/neuron_api.h``   the C interface a neuron model implements;
- ``support/engine.c``       the network engine (ring buffers, delays, sources, recording);
- ``model.py``               ``HostModel``: a model header plus its parameter packer and units;
- ``fixed.py``               host-side constants exactly as the chip computes them;
- ``netdata.py``             network IR -> connectivity and source arrays (seeded numpy);
- ``runner.py``              build (gcc, cached), run through ctypes, write a results directory;
- ``armref.py``              the independent reference: the same model built for ARM, run under qemu-arm.
"""

from portasnn.targets.spinnaker_host.target import HostTarget  # noqa: E402

__all__ = ["HostTarget"]
