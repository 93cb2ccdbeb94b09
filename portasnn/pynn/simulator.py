"""The simulator state of ``portasnn.pynn``: what was built since ``setup()``, lowered and run at ``run()``.

Like every PyNN backend it keeps a ``State`` (time, time step, recorders) and an ``ID`` class. Unlike NEST or
NEURON, nothing runs while the script builds the network: ``run()`` hands the populations and projections to
:mod:`portasnn.pynn.lowering`, which writes one portasnn program (the Python builder) and runs it on the target
chosen at ``setup()``; the results directory is read back for ``get_data()``.
"""
from __future__ import annotations

import inspect
import os
from pathlib import Path

from pyNN import common
from pyNN.random import NumpyRNG

name = "portasnn"
TARGETS = ("nest", "spinnaker-host", "spinnaker")


class ID(int, common.IDMixin):
    """A neuron id: 1, 2, ... in creation order over all populations (sources included)."""

    def __init__(self, n: int) -> None:
        int.__init__(n)
        common.IDMixin.__init__(self)


class NativeRNG(NumpyRNG):
    """The backend's own generator, as ``sim.NativeRNG(seed=...)`` asks for it: portasnn.pynn draws connections and
    values in Python, so its own generator is numpy's, seeded with ``seed`` (the same draws as ``NumpyRNG``)."""


def where() -> str:
    """file:line of the first frame outside pyNN and portasnn.pynn: the script's line that built the object."""
    inside = (os.path.dirname(os.path.dirname(os.path.abspath(common.__file__))) + os.sep,
              os.path.dirname(os.path.abspath(__file__)) + os.sep)
    frame = inspect.currentframe()
    while frame is not None:
        file = os.path.abspath(frame.f_code.co_filename)
        if not file.startswith(inside) and not frame.f_code.co_filename.startswith("<frozen"):
            return f"{frame.f_code.co_filename}:{frame.f_lineno}"
        frame = frame.f_back
    return "<unknown>"


class State(common.control.BaseState):
    """Time, time step, the target and what was built; ``run_until`` lowers it all and runs it once."""

    def __init__(self) -> None:
        common.control.BaseState.__init__(self)
        self.mpi_rank = 0
        self.num_processes = 1
        self.dt = 0.1
        self.min_delay = 0.1
        self.max_delay = 10.0
        self.target = "nest"
        self.outdir: Path | None = None
        self.seed = 1
        self.board_timeout_s = 24 * 3600.0  # target "spinnaker": how long run() waits for the board's job
        self.capture = False  # portasnn.pynn.script.capture: stop at run() with the network
        self.clear()

    def clear(self) -> None:
        self.recorders = set()
        self.populations: list = []
        self.projections: list = []
        self.id_counter = 1
        self.segment_counter = -1
        self.results = None  # portasnn.results.Results of the last run
        self.program = None  # the network IR of the last run (a later run() continues only an unchanged one)
        self.sources: dict = {}  # id(population) -> list of spike-time arrays (sources' own spikes)
        self.current_sources: list = []  # portasnn.pynn.electrodes sources, in the order the script made them
        self.warned_a_plus = False  # W287 (additive STDP amplitudes) said once per setup()
        self.plastic: list = []  # lowering.PlasticGroup of the last program, for Projection.get("weight")
        self.runs = 0
        self.reset()

    def reset(self) -> None:
        """Back to t = 0; the next run() runs the network again from its initial state."""
        self.running = False
        self.t = 0.0
        self.t_start = 0.0
        self.segment_counter += 1
        self.results = None
        self.program = None
        for proj in self.projections:  # the next run() starts from the initial weights again
            proj.final_weights = None

    def run(self, simtime: float) -> None:
        self.run_until(self.t + simtime)

    def run_until(self, tstop: float) -> None:
        from portasnn.pynn.lowering import build_network, run_network

        if self.results is not None and tstop <= self.t + 1e-9:
            return  # already there
        if tstop <= 0:
            self.t = 0.0
            return
        if self.capture:
            from portasnn.pynn.script import _Captured

            raise _Captured(build_network(self, float(tstop)))
        self.results = run_network(self, float(tstop), continuing=self.results is not None)
        self.t = float(tstop)
        self.running = True
        self.runs += 1


state = State()
