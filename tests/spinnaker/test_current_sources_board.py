"""ac and noise currents on the spinnaker target (issue 14 item 1): the generated PyNN script injects sPyNNaker's
own ACSource and NoisyCurrentSource (PyNN's units, start and stop always given: sPyNNaker's default stop is 0) and
runs to its end on sPyNNaker 7.4.1's virtual board; spinnaker-host, which does not model them, refuses (E429); a
noise dt other than the time step, which sPyNNaker raises on, is refused when the script is written (E350)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from portasnn.errors import NetworkError

from .test_virtual_board import _env

pytest.importorskip("spynnaker")
pytestmark = [pytest.mark.slow, pytest.mark.spinnaker]

PNET = """\
network currents
model lif = pynn IF_curr_exp { v_thresh = 100 mV }
population A: 4 lif
stimulus sine: ac(amplitude = 600 pA, frequency = 40 Hz, offset = 100 pA, phase = 30, start = 5 ms) -> A[0, 1]
stimulus jitter: noise(mean = 200 pA, stdev = 500 pA, dt = 1 ms, start = 10 ms, stop = 40 ms) -> A[2, 3]
record v of A every 1 ms
simulate 50 ms resolution 1 ms
"""


def test_ac_and_noise_map_on_the_virtual_board_and_the_host_refuses_them(tmp_path):
    from portasnn.modules import build_spinnaker
    from portasnn.run import run

    net = tmp_path / "currents.pnet"
    net.write_text(PNET)
    art = build_spinnaker(net, tmp_path / "out")
    text = art.script.read_text()
    assert ("p.ACSource(amplitude=0.6, offset=0.1, frequency=40.0, phase=30.0, start=5.0, stop=50.0)" in text
            and "p.NoisyCurrentSource(mean=0.2, stdev=0.5, dt=1.0, start=10.0, stop=40.0)" in text), text
    proc = subprocess.run([sys.executable, art.script.name], cwd=art.script.parent, env=_env(tmp_path / "home"),
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (art.script.parent / "results" / "A.pkl").is_file()
    with pytest.raises(NetworkError) as info:
        run(net, target="spinnaker-host", outdir=tmp_path / "host")
    assert info.value.code == "E429" and info.value.span.line == 4 and "not emulated" in str(info.value)
    net.write_text(PNET.replace("dt = 1 ms", "dt = 2 ms"))  # sPyNNaker draws every time step only
    with pytest.raises(NetworkError) as info:
        build_spinnaker(net, tmp_path / "out2")
    assert info.value.code == "E350" and info.value.span.line == 5 and "every time step only" in str(info.value)


def test_spikes_with_weights_and_a_random_weight_are_refused_for_the_board(tmp_path):
    """The spinnaker target writes spikes with weights as a FromListConnector of fixed weights: a random stimulus
    weight is refused at its line (E350)."""
    from portasnn.modules import build_spinnaker

    net = tmp_path / "w.pnet"
    net.write_text("network w\nmodel lif = pynn IF_curr_exp\npopulation A: 2 lif\n"
                   "stimulus kick: spikes(times = [1 ms, 2 ms], weights = [1, 0.5]) -> A weight = uniform(0.1 nA, "
                   "0.2 nA), delay = 1 ms\nsimulate 5 ms resolution 1 ms\n")
    with pytest.raises(NetworkError) as info:
        build_spinnaker(net, tmp_path / "out")
    assert info.value.code == "E350" and info.value.span.line == 4 and "constant weight" in str(info.value)
