"""A board run's results directory (targets/spinnaker/board_results.py, shipped with the generated PyNN script).

The module turns neo Blocks into portasnn's results format. Its numbers are checked against the Blocks
themselves, with data from a real run: the same PyNN calls under pyNN.nest (sPyNNaker's virtual board records
nothing), so spikes, silent neurons, a recorded subset and traces in two units (mV, uS -> nS) are all present. sPyNNaker's own
structure (``channel_names``, its labels) is covered by the virtual-board runs in tests/runtime/test_board_nmpi.py.
"""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from portasnn.results import read_results
from portasnn.targets.spinnaker import board_results

pytest.importorskip("pyNN.nest")

SCRIPT = """
import sys
import pyNN.nest as sim
sim.setup(timestep=0.1)
drive = sim.Population(6, sim.SpikeSourcePoisson(rate=[0, 80, 120, 160, 300, 500]))
cells = sim.Population(6, sim.IF_cond_exp(tau_m=10.0, v_thresh=-55.0), label="cells")
quiet = sim.Population(2, sim.IF_curr_exp(), label="quiet")
sim.Projection(drive, cells, sim.OneToOneConnector(), sim.StaticSynapse(weight=0.05, delay=0.5))
cells[[1, 3, 4]].record("spikes")
cells[[0, 4, 2]].record(["v", "gsyn_exc"], sampling_interval=0.5)
quiet.record("spikes")
sim.run(200.0)
cells.write_data(sys.argv[1] + "/cells.pkl")
quiet.write_data(sys.argv[1] + "/quiet.pkl")
"""

NAMES = {"v": ("v", "mV", 1.0, "mV"), "gsyn_exc": ("gsyn_exc", "nS", 1000.0, "uS")}
SPIKES = {"cells": [1, 3, 4], "quiet": None}
META = {"target": "spinnaker", "network": "n", "duration_ms": 200.0, "resolution_ms": 0.1, "seed": 1,
        "populations": {"cells": {"size": 6, "model": "IF_cond_exp"}, "quiet": {"size": 2, "model": "IF_curr_exp"}}}


@pytest.fixture(scope="module")
def blocks(tmp_path_factory):
    import neo

    out = tmp_path_factory.mktemp("neo")
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(out)], capture_output=True, text=True, timeout=300,
                          env={"PYNEST_QUIET": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return [neo.io.PickleIO(str(out / f"{n}.pkl")).read_block() for n in ("cells", "quiet")]


def test_spikes_and_traces_equal_the_neo_data(blocks, tmp_path):
    out = board_results.write_results(str(tmp_path / "results"), META, blocks, SPIKES, {"cells": NAMES}, {"x": "1"})
    res = read_results(out)
    assert res.meta["target"] == "spinnaker" and res.meta["versions"] == {"x": "1"}
    cells, quiet = blocks
    # spikes: the recorded subset (silent ones too), each neuron's times exactly as neo has them
    assert list(res.recorded["cells"]) == [1, 3, 4] and list(res.recorded["quiet"]) == [0, 1]
    senders, times = res.spikes["cells"]
    assert senders.size > 20 and np.all(np.diff(times) >= 0)
    for st in cells.segments[0].spiketrains:
        k = st.annotations["source_index"]
        assert np.array_equal(times[senders == k], np.asarray(st.magnitude)), k
    assert res.spikes["quiet"][0].size == 0
    # traces: columns sorted by neuron, values in the network's unit (gsyn_exc uS -> nS), times from t_start
    for sig in cells.segments[0].analogsignals:
        tr = res.traces["cells"][sig.name]
        ids = list(sig.array_annotations["channel_index"])
        assert list(tr.ids) == sorted(ids) == [0, 2, 4]
        factor = NAMES[sig.name][2]
        for col, k in enumerate(tr.ids):
            assert np.array_equal(tr.values[:, col], np.asarray(sig.magnitude)[:, ids.index(k)] * factor)
        assert np.allclose(tr.times, np.arange(len(sig)) * 0.5) and tr.unit == NAMES[sig.name][1]
    assert res.traces["cells"]["gsyn_exc"].values.max() > 10  # nS, not uS


def test_the_weights_the_script_wrote_are_listed(blocks, tmp_path):
    """The script writes final weights in portasnn's format itself (weights/<pre>__<post>.npz); meta.json lists
    them, so they are read back with their projection and unit."""
    out = tmp_path / "results"
    (out / "weights").mkdir(parents=True)
    w = np.array([0.5, 0.25, 0.125])
    np.savez(out / "weights" / "quiet__cells.npz", sources=np.array([0, 1, 1]), targets=np.array([2, 0, 5]),
             weights=w, delays=np.ones(3), unit=np.array("pA"), projection=np.array("plastic"))
    res = read_results(board_results.write_results(str(out), META, blocks, SPIKES, {"cells": NAMES}))
    assert res.meta["weights"] == {"quiet__cells": {"projection": "plastic", "pre": "quiet", "post": "cells",
                                                     "unit": "pA"}}
    got = res.weights["quiet__cells"]
    assert np.array_equal(got.weights, w) and got.unit == "pA" and list(got.targets) == [2, 0, 5]


def test_a_recording_in_another_unit_or_of_another_variable_is_refused(blocks, tmp_path):
    wrong = {**NAMES, "v": ("v", "mV", 1.0, "nA")}
    with pytest.raises(board_results.BoardResultsError, match=r"cells\.v: recorded in mV.*expects nA"):
        board_results.write_results(str(tmp_path / "a"), META, blocks, SPIKES, {"cells": wrong})
    with pytest.raises(board_results.BoardResultsError, match="'gsyn_exc' is not one the network records"):
        board_results.write_results(str(tmp_path / "b"), META, blocks, SPIKES, {"cells": {"v": NAMES["v"]}})
    with pytest.raises(board_results.BoardResultsError, match="'cells' is not in the network"):
        board_results.write_results(str(tmp_path / "c"), {**META, "populations": {"quiet": {"size": 2}}}, blocks,
                                    SPIKES, {"cells": NAMES})
    with pytest.raises(board_results.BoardResultsError, match="spikes of neurons whose spikes were not recorded"):
        board_results.write_results(str(tmp_path / "d"), META, blocks, {**SPIKES, "cells": [1, 3]}, {"cells": NAMES})


def test_the_module_needs_nothing_of_portasnn():
    """It runs on the board's host, where portasnn is not installed."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(board_results.__file__).read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= {"__future__", "json", "os", "numpy", "quantities", "spynnaker"}, imported
