"""An imported NIR graph on the spinnaker target (issue 16 item 3): the generated sPyNNaker code, PyNN script and
FromListConnector lists are mapped by sPyNNaker 7.4.1 on a virtual board, which picks the ring-buffer shifts that
spinnaker-host ran the same network with."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nir_graphs import write
from portasnn.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests directory: the spinnaker tests' driver
from spinnaker.test_virtual_board import SHIFTS_DRIVER, _env  # noqa: E402

nir = pytest.importorskip("nir")
pytestmark = [pytest.mark.slow, pytest.mark.spinnaker]


def _board_shifts(script: Path, tmp_path: Path) -> dict:
    """Run the generated script on the virtual board (exit 0); the ring-buffer shifts sPyNNaker chose."""
    (script.parent / "driver.py").write_text(SHIFTS_DRIVER)
    proc = subprocess.run([sys.executable, "driver.py", script.name], cwd=script.parent,
                          env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads((script.parent / "shifts.json").read_text())


@pytest.mark.parametrize("input_step, reset", [("pulse", "value"), ("hold", "subtract")])
def test_virtual_board_maps_an_imported_graph_with_the_emulators_shifts(tmp_path, input_step, reset):
    """Input -> Linear -> LIF -> Linear (some weights negative) -> IF, imported with the default choices and with
    --input-step hold --reset subtract (their NESTML variants lowered to sPyNNaker C): the script maps on the
    virtual board (exit 0), every population is in it with its model class, and the shifts sPyNNaker computes from
    the explicit connections equal spinnaker-host's."""
    pytest.importorskip("spynnaker")
    from portasnn.modules import build_spinnaker

    rng = np.random.default_rng(2)
    g = write(nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([4])}),
        "fc1": nir.Linear(weight=rng.normal(0.5, 0.5, (6, 4))),
        "lif": nir.LIF(tau=np.full(6, 5.0), r=np.ones(6), v_leak=np.zeros(6), v_threshold=np.full(6, 0.3),
                       v_reset=np.zeros(6)),
        "fc2": nir.Linear(weight=rng.normal(0.0, 1.0, (3, 6))),
        "if": nir.IF(r=np.ones(3), v_threshold=np.ones(3), v_reset=np.zeros(3)),
        "output": nir.Output(output_type={"output": np.array([3])}),
    }, edges=[("input", "fc1"), ("fc1", "lif"), ("lif", "fc2"), ("fc2", "if"), ("if", "output")]),
        tmp_path / "g.nir")
    np.save(tmp_path / "x.npy", (rng.random((20, 4)) < 0.5).astype(np.int8))
    assert main(["import", "nir", str(g), "-o", str(tmp_path / "net"), "--input", str(tmp_path / "x.npy"),
                 "--input-step", input_step, "--reset", reset]) == 0
    pnet = tmp_path / "net" / "net.pnet"
    assert main(["run", str(pnet), "--target", "spinnaker-host", "-o", str(tmp_path / "host"), "--no-plots"]) == 0
    shifts = json.loads((tmp_path / "host" / "meta.json").read_text())["spinnaker_host"]["ring_buffer_shifts"]
    art = build_spinnaker(str(pnet), tmp_path / "out")
    script = art.script.read_text()
    assert script.count("p.FromListConnector(") == 4  # input -> lif, lif -> if: the + and - weights each
    suffix = {"pulse": "", "hold": "Hold"}[input_step] + {"value": "", "subtract": "Sub"}[reset]
    assert f"NirLifNeuron{suffix}(" in script and ("NirIfNeuronSub(" if reset == "subtract" else "NirIfNeuron(") \
        in script
    seen = _board_shifts(art.script, tmp_path)
    assert set(seen) == {"input", "lif", "if"} and seen == shifts


def test_virtual_board_maps_current_input_delays_and_a_threshold(tmp_path):
    """Currents as input (spikes with weights: a SpikeSourceArray per stimulus with a source per distinct weight,
    FromListConnector), Delay nodes (per-connection delays in the lists) and a Threshold layer: the script maps on
    the virtual board (exit 0) and sPyNNaker's shifts equal spinnaker-host's."""
    pytest.importorskip("spynnaker")
    from portasnn.modules import build_spinnaker

    rng = np.random.default_rng(5)
    g = write(nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([3])}),
        "fc1": nir.Affine(weight=rng.normal(0.5, 0.5, (4, 3)), bias=np.array([0.1, -0.1, 0.0, 0.2])),
        "late": nir.Delay(delay=np.array([0.0, 1.0, 2.0, 3.0])),
        "lif": nir.LIF(tau=np.full(4, 5.0), r=np.ones(4), v_leak=np.zeros(4), v_threshold=np.full(4, 0.3),
                       v_reset=np.zeros(4)),
        "fc2": nir.Linear(weight=rng.normal(0.5, 1.0, (2, 4))),
        "thr": nir.Threshold(threshold=np.array([0.5, 1.0])),
        "output": nir.Output(output_type={"output": np.array([2])}),
    }, edges=[("input", "fc1"), ("fc1", "late"), ("late", "lif"), ("lif", "fc2"), ("fc2", "thr"),
              ("thr", "output")]), tmp_path / "g.nir")
    np.save(tmp_path / "x.npy", rng.normal(0.5, 1.0, (15, 3)))
    assert main(["import", "nir", str(g), "-o", str(tmp_path / "net"), "--input", str(tmp_path / "x.npy")]) == 0
    pnet = tmp_path / "net" / "net.pnet"
    assert main(["run", str(pnet), "--target", "spinnaker-host", "-o", str(tmp_path / "host"), "--no-plots"]) == 0
    shifts = json.loads((tmp_path / "host" / "meta.json").read_text())["spinnaker_host"]["ring_buffer_shifts"]
    art = build_spinnaker(str(pnet), tmp_path / "out")
    script = art.script.read_text()
    assert "NirThresholdNeuron(" in script and "p.SpikeSourceArray(spike_times=[[" in script
    seen = _board_shifts(art.script, tmp_path)
    assert set(seen) == {"lif", "thr", "bias"} and seen == shifts
