"""sPyNNaker's limit on synaptic rows (issue 16 item 3, "too many synapses per core"): the spinnaker targets refuse
an explicit connection list with a row longer than sPyNNaker 7.4.1 holds (E354, at the projection's line) exactly
where sPyNNaker's own mapping on a virtual board fails with SynapseRowTooBigException."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from portasnn.errors import NetworkError

from .test_virtual_board import _env

pytest.importorskip("spynnaker")
pytestmark = [pytest.mark.slow, pytest.mark.spinnaker]

PNET = """\
network rows
model lif = pynn IF_curr_exp
population A: 1 lif
population B: 256 lif
connect A -> B: from_file("c.npz"), weight = 1 pA
simulate 5 ms resolution 1 ms
"""


def _file(path, parts: list[tuple[int, float]]) -> None:
    """Neuron 0 of A onto neuron 0 of B: n synapses at each delay (ms)."""
    delay = np.concatenate([np.full(n, d) for n, d in parts])
    np.savez(path, pre=np.zeros(delay.size, np.int64), post=np.zeros(delay.size, np.int64), delay=delay)


# B has 256 neurons (one core, 8 bits) and 2 synapse types (1 bit): its ring buffer holds min(2^n_bits(max delay),
# 2^(14 - 9)) = 32 steps here, so a delay of 40 ms goes to the delay extension's row, 20 ms stays in the core's
@pytest.mark.parametrize("parts, too_long", [
    ([(256, 1.0)], False),
    ([(257, 1.0)], True),
    ([(200, 1.0), (200, 40.0)], False),
    ([(200, 1.0), (200, 20.0)], True),
])
def test_rows_refused_exactly_where_spynnaker_refuses_them(tmp_path, parts, too_long):
    from portasnn.modules import build_spinnaker

    net = tmp_path / "rows.pnet"
    net.write_text(PNET)
    _file(tmp_path / "c.npz", [(1, 1.0)])  # a list sPyNNaker maps: the script, into which each case's list goes
    art = build_spinnaker(net, tmp_path / "out")
    (conn,) = (art.script.parent / "connections").iterdir()
    delays = np.concatenate([np.full(n, d) for n, d in parts])
    conn.write_text("# pre post weight delay\n" + "".join(f"0 0 0.001 {float(d)!r}\n" for d in delays))
    proc = subprocess.run([sys.executable, art.script.name], cwd=art.script.parent, env=_env(tmp_path / "home"),
                          capture_output=True, text=True, timeout=900)
    assert (proc.returncode != 0 and "SynapseRowTooBigException" in proc.stderr) == too_long, proc.stderr[-2000:]
    assert proc.returncode == 0 or too_long, proc.stderr[-2000:]

    _file(tmp_path / "c.npz", parts)
    if too_long:
        with pytest.raises(NetworkError) as info:
            build_spinnaker(net, tmp_path / "out2")
        assert info.value.code == "E354" and info.value.span.line == 5
        assert f"has {max(n for n, _ in parts) if len(parts) == 1 else 400} synapses" in str(info.value)
    else:
        build_spinnaker(net, tmp_path / "out2")
