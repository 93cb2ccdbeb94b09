"""Warnings on the command line read ``file:line:col: warning Wnnn: message`` (issue 12 item 4)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MODEL = """\
model unused_port_neuron:
    state:
        V_m mV = -70 mV

    equations:
        V_m' = (-70 mV - V_m) / tau_m

    parameters:
        tau_m ms = 10 ms

    input:
        spikes <- spike

    output:
        spike

    update:
        integrate_odes()
"""


def _ir(path: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portasnn.cli", "ir", str(path)], capture_output=True, text=True,
                          timeout=600, env={**os.environ, **env})


def test_a_warning_is_one_line_without_python_source(tmp_path: Path):
    path = tmp_path / "unused_port_neuron.nestml"
    path.write_text(MODEL, encoding="utf-8")
    done = _ir(path, PORTASNN_SILENCE="")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"{path}:12:9: warning W120: spike input port 'spikes' is never used: spikes sent to it have no effect"]
    assert done.stdout.startswith("{")


def test_a_silenced_warning_is_not_shown(tmp_path: Path):
    path = tmp_path / "unused_port_neuron.nestml"
    path.write_text(MODEL, encoding="utf-8")
    done = _ir(path, PORTASNN_SILENCE="W101,W120")
    assert done.returncode == 0 and done.stderr == ""
