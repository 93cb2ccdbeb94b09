"""setup/end/run/reset of ``portasnn.pynn``, built from pyNN.common.control's helpers as PyNN's backends do."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from pyNN import common
from pyNN.common.control import DEFAULT_MIN_DELAY, DEFAULT_TIMESTEP
from pyNN.recording import get_io

from portasnn.pynn import simulator
from portasnn.pynn.errors import refuse

# set by `portasnn run/compare SCRIPT.py` for the script it runs: they override setup()'s target and outdir
TARGET_ENV = "PORTASNN_PYNN_TARGET"
OUTDIR_ENV = "PORTASNN_PYNN_OUTDIR"


def setup(timestep: float = DEFAULT_TIMESTEP, min_delay: float | str = DEFAULT_MIN_DELAY, **extra_params) -> int:
    """Start a new network. portasnn's own options: ``target`` ("nest", "spinnaker-host", or "spinnaker": a
    SpiNNaker-1 board through the Neuromorphic Platform, see :mod:`portasnn.pynn.board`; the command line's
    --target takes precedence), ``seed`` (the simulation's seed, and the generator of Poisson trains drawn here),
    ``outdir`` (where run() writes its results directory; default: a fresh temporary directory),
    ``board_timeout`` (target "spinnaker": seconds run() waits for the board's job; default a day)."""
    target = os.environ.get(TARGET_ENV) or extra_params.pop("target", "nest")
    extra_params.pop("target", None)
    outdir = os.environ.get(OUTDIR_ENV) or extra_params.pop("outdir", None)
    extra_params.pop("outdir", None)
    seed = extra_params.pop("seed", 1)
    board_timeout = float(extra_params.pop("board_timeout", 24 * 3600.0))
    if target not in simulator.TARGETS:
        raise refuse("E290", f"portasnn.pynn cannot run on target {target!r}", simulator.where(),
                     hint="setup(target='nest'), setup(target='spinnaker-host') or setup(target='spinnaker')")
    max_delay = extra_params.get("max_delay", "auto")
    common.setup(timestep, min_delay, **extra_params)
    state = simulator.state
    state.clear()
    state.dt = float(timestep)
    state.min_delay = float(timestep) if min_delay == "auto" else float(min_delay)
    state.max_delay = 1000.0 if max_delay == "auto" else float(max_delay)
    state.target = target
    state.seed = int(seed)
    state.board_timeout_s = board_timeout
    state.outdir = Path(outdir) if outdir else None
    script = Path(sys.argv[0]).stem if sys.argv and sys.argv[0] not in ("", "-c") else "pynn"
    state.network_name = script if script.isidentifier() else "pynn"
    return 0


def end(compatible_output: bool = True) -> None:
    """Write what record(..., to_file=...) asked for."""
    for population, variables, filename in simulator.state.write_on_end:
        population.write_data(get_io(filename), variables)
    simulator.state.write_on_end = []


def _next_outdir(self) -> Path:
    """The results directory of the next run: outdir (after reset(): outdir-segment001, ...) or a temporary one."""
    if self.outdir is None:
        from portasnn.pynn.lowering import scratch

        return Path(tempfile.mkdtemp(prefix="results-", dir=scratch())) / "results"
    if self.segment_counter == 0:
        return self.outdir
    return self.outdir.with_name(f"{self.outdir.name}-segment{self.segment_counter:03d}")


simulator.State.next_outdir = _next_outdir
simulator.state.network_name = "pynn"


def name() -> str:
    """The simulator's name, for annotating output (sPyNNaker's scripts print it)."""
    return simulator.name


def set_number_of_neurons_per_core(neuron_type, max_permitted) -> None:  # noqa: ANN001
    """sPyNNaker's ceiling on neurons of ``neuron_type`` per core, so that sPyNNaker's scripts run unchanged: it
    decides only how a board places the neurons, not what they compute (sPyNNaker sizes the ring buffers per
    population), so portasnn's targets ignore it; a board run (target "spinnaker") places them with sPyNNaker's
    default."""


run, run_until = common.build_run(simulator)
run_for = run
reset = common.build_reset(simulator)
initialize = common.initialize
get_current_time, get_time_step, get_min_delay, get_max_delay, num_processes, rank = \
    common.build_state_queries(simulator)
