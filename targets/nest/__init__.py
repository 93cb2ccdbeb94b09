"""The ``nest`` target: a NEST extension module (own C++ templates) for the program's NESTML models and a
standalone PyNEST script for its network, run in this process or on several MPI ranks.

- ``driver.py``    ``NestTarget`` (lower, build, run) and ``portasnn.build`` (models -> module, cached);
- ``lower.py``     one model IR -> C++ class (``cxx.py`` prints expressions);
- ``compile.py``   sources -> module (g++ against the installed NEST), cached, and loading it;
- ``toolchain.py`` the corrected build configuration of the installed NEST;
- ``script.py``    network IR -> PyNEST script, and running it;
- ``mpi.py``       several ranks (mpirun/srun), merging what they recorded.
"""
from portasnn.targets.nest.driver import NestTarget

__all__ = ["NestTarget"]
