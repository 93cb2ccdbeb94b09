"""Issue 13 item 9: a network file carries its own numerics (per model), the command line takes precedence."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.errors import PortasnnError
from portasnn.frontend.network import load_network
from portasnn.ir.printer import to_pnet

PORTASNN = str(Path(sys.executable).with_name("portasnn"))
NET = """network izh
model izh from "nestml:izhikevich_neuron"{options}
population P: 2 izh {{ I_e = 10 pA }}
record spikes of P
simulate 50 ms resolution 0.1 ms seed 3
"""


def _write(tmp_path: Path, options: str) -> Path:
    path = tmp_path / "izh.pnet"
    path.write_text(NET.format(options=options))
    return path


def test_model_options_reach_the_spinnaker_code_and_the_command_line_wins(tmp_path):
    """issue 13 item 9: `model k from "...", spinnaker_solver = rk2, substeps = 2` lowers a non-linear model
    without any command-line option; --spinnaker-solver/--substeps given on the command line win."""
    net = _write(tmp_path, ", spinnaker_solver = rk2, substeps = 2")
    own = subprocess.run([PORTASNN, "build", "--target", "spinnaker", str(net), "-o", str(tmp_path / "own")],
                         capture_output=True, text=True, timeout=600)
    assert own.returncode == 0, own.stderr
    manifest = json.loads((tmp_path / "own" / "manifest.json").read_text())
    assert (manifest["solver"], manifest["substeps"]) == ("rk2", 2)
    assert manifest["models"]["izhikevich_neuron"]["ode_method"] == "fixed-step rk2, 2 substep(s)"
    cli = subprocess.run([PORTASNN, "build", "--target", "spinnaker", str(net), "-o", str(tmp_path / "cli"),
                          "--spinnaker-solver", "euler", "--substeps", "3"], capture_output=True, text=True,
                         timeout=600)
    assert cli.returncode == 0, cli.stderr
    manifest = json.loads((tmp_path / "cli" / "manifest.json").read_text())
    assert (manifest["solver"], manifest["substeps"]) == ("euler", 3)
    (tmp_path / "b").mkdir()
    bare = subprocess.run([PORTASNN, "build", "--target", "spinnaker", str(_write(tmp_path / "b", "")),
                           "-o", str(tmp_path / "bare")], capture_output=True, text=True, timeout=600)
    assert bare.returncode == 2 and "--spinnaker-solver" in bare.stderr


def test_model_options_run_on_spinnaker_host(tmp_path):
    """issue 13 item 9: the network's own solver is what spinnaker-host runs with."""
    net = _write(tmp_path, ", spinnaker_solver = euler")
    proc = subprocess.run([PORTASNN, "run", str(net), "--target", "spinnaker-host", "-o", str(tmp_path / "out"),
                           "--json"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]


def test_model_options_survive_printing_and_leave_other_networks_unchanged(tmp_path):
    """issue 13 item 9: the .pnet printer writes the options back; a model without them prints as before."""
    with_opts = load_network(_write(tmp_path, ", spinnaker_solver = rk2, substeps = 2"), {})
    text = to_pnet(with_opts)
    assert 'model izh from "nestml:izhikevich_neuron", spinnaker_solver = rk2, substeps = 2' in text
    again = tmp_path / "again.pnet"
    again.write_text(text)
    assert load_network(again, {}).models == with_opts.models
    plain = to_pnet(load_network(_write(tmp_path, ""), {}))
    assert 'model izh from "nestml:izhikevich_neuron"\n' in plain


@pytest.mark.parametrize("options, code, where", [
    (", solver = rk2", "E216", "solver"),
    (", spinnaker_solver = rk4", "E216", "euler or rk2"),
    (", substeps = 0", "E216", "substeps"),
    (", substeps = 2, substeps = 3", "E205", "substeps"),
])
def test_bad_model_options_are_refused_with_their_place(tmp_path, options, code, where):
    """issue 13 item 9: an unknown or bad model option is a user error at its line:col."""
    path = _write(tmp_path, options)
    with pytest.raises(PortasnnError) as err:
        load_network(path, {})
    assert err.value.code == code
    assert f"{path}:2:" in str(err.value) and where in str(err.value)
