"""PyNN standard cell types on the spinnaker target (issue 14 item 5): the generated PyNN script creates sPyNNaker's
own built-ins (p.IF_curr_exp, p.IF_curr_delta, no generated C), maps and runs to its end on sPyNNaker 7.4.1's
virtual board, and sPyNNaker chooses the ring-buffer shifts the spinnaker-host emulation of the same built-ins ran
with (so both take the weights in the same units)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .test_virtual_board import SHIFTS_DRIVER, _env

pytest.importorskip("spynnaker")
pytestmark = [pytest.mark.slow, pytest.mark.spinnaker]

PNET = """\
network vb_pynn
model lif = pynn IF_curr_exp { tau_syn_E = 2 ms, cm = 0.5 nF }
model dlt = pynn IF_curr_delta { tau_refrac = 2 ms }
population A: 12 lif { i_offset = 0.4 nA, v ~ uniform(-70 mV, -60 mV) }
population B: 6 dlt
connect A -> B: fixed_indegree(4), weight = 0.5 mV, delay = 1 ms
connect B -> A: fixed_probability(0.5), weight = -100 pA, delay = 2 ms
stimulus noise: poisson(rate = 2000 Hz) -> B  weight = 0.2 mV, delay = 1 ms
record spikes of A
record spikes of B
record v, isyn_exc of A every 1 ms
simulate 50 ms resolution 1 ms seed 3
"""


def test_builtin_cells_map_on_a_virtual_board(tmp_path) -> None:
    """issue 14 item 5: sPyNNaker's built-ins in the script; it runs unchanged; the board's shifts are the host's."""
    from portasnn.modules import build_spinnaker
    from portasnn.run import run

    net = tmp_path / "vb_pynn.pnet"
    net.write_text(PNET)
    art = build_spinnaker(net, tmp_path / "out")
    text = art.script.read_text()
    assert "p.IF_curr_exp(tau_syn_E=2.0, cm=0.5, i_offset=0.4)" in text  # PyNN's units: nF, nA
    assert "p.IF_curr_delta(tau_refrac=2.0)" in text and "portasnn_models import" not in text
    assert "weight=0.1, delay=2.0), receptor_type='inhibitory'" in text  # |-100 pA| in nA
    assert "record(['v', 'gsyn_exc']" in text  # sPyNNaker records the synaptic input as gsyn_exc
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["builtin_cells"] == {"lif": "IF_curr_exp", "dlt": "IF_curr_delta"}
    (art.script.parent / "driver.py").write_text(SHIFTS_DRIVER)
    proc = subprocess.run([sys.executable, "driver.py", art.script.name], cwd=art.script.parent,
                          env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (art.script.parent / "results" / "A.pkl").is_file()
    seen = json.loads((art.script.parent / "shifts.json").read_text())
    host = run(net, target="spinnaker-host", outdir=tmp_path / "host")
    meta = json.loads((host / "meta.json").read_text())["spinnaker_host"]
    assert seen["A"] == meta["ring_buffer_shifts"]["A"]
    assert seen["B"] == meta["ring_buffer_shifts"]["B"]


PNET_BOARD_ONLY = """\
network vb_pynn_more
model alpha = pynn IF_curr_alpha { tau_syn_E = 1 ms }
model cond = pynn IF_cond_exp { e_rev_I = -75 mV }
population C: 8 alpha { i_offset = 0.5 nA }
population D: 4 cond { v ~ uniform(-70 mV, -60 mV) }
connect C -> D: all_to_all, weight = 0.01 uS, delay = 1 ms
connect D -> C: all_to_all, weight = -200 pA, delay = 1 ms
record spikes of C
record v, gsyn_exc of D every 1 ms
simulate 30 ms resolution 1 ms seed 3
"""


def test_cell_types_the_emulator_lacks_still_map_for_a_board(tmp_path) -> None:
    """issue 14 item 5: IF_curr_alpha and IF_cond_exp (refused by spinnaker-host, E283) are sPyNNaker built-ins on a
    board: the script creates them with PyNN's units (uS weights of conductance synapses) and maps."""
    from portasnn.modules import build_spinnaker

    net = tmp_path / "vb_pynn_more.pnet"
    net.write_text(PNET_BOARD_ONLY)
    art = build_spinnaker(net, tmp_path / "out")
    text = art.script.read_text()
    assert "p.IF_curr_alpha(tau_syn_E=1.0, i_offset=0.5)" in text and "p.IF_cond_exp(e_rev_I=-75.0)" in text
    assert "weight=0.01, delay=1.0), receptor_type='excitatory'" in text  # 10 nS in uS
    assert "record(['v', 'gsyn_exc']" in text
    proc = subprocess.run([sys.executable, art.script.name], cwd=art.script.parent, env=_env(tmp_path / "home"),
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (art.script.parent / "results" / "D.pkl").is_file()


@pytest.mark.parametrize("target", ["spinnaker", "spinnaker-host"])
@pytest.mark.parametrize("cell, why", [("IF_cond_alpha", "has no IF_cond_alpha"),
                                       ("EIF_cond_exp_isfa_ista", "has no EIF_cond_exp_isfa_ista"),
                                       ("EIF_cond_alpha_isfa_ista", "not currently supported"),
                                       ("HH_cond_exp", "not currently supported"),
                                       ("Izhikevich", "exponentially decaying current synapses")])
def test_a_cell_type_spynnaker_lacks_is_refused_on_both_spinnaker_targets(tmp_path, target, cell, why) -> None:
    """issue 14: sPyNNaker 7.4.1 has no IF_cond_alpha and EIF_cond_exp_isfa_ista (pyNN.spiNNaker has no such
    classes), its EIF_cond_alpha_isfa_ista and HH_cond_exp raise, and its Izhikevich is another model (exponential
    current synapses), so the board target refuses them at the model declaration (E283), saying which, instead of
    writing a script that fails on the board or runs another model."""
    from portasnn.errors import NetworkError
    from portasnn.program import load_program
    from portasnn.targets import Options
    from portasnn.targets import get as get_target

    net = tmp_path / "calpha.pnet"
    net.write_text(f"model ca = pynn {cell}\npopulation P: 2 ca\n"
                   "record spikes of P\nsimulate 10 ms resolution 1 ms\n")
    with pytest.raises(NetworkError) as info:
        get_target(target).lower(load_program(net), Options())
    assert info.value.code == "E283" and cell in info.value.message
    assert why in (info.value.message if target == "spinnaker" else info.value.hint)
    assert (info.value.span.line, info.value.span.column) == (1, 1)
