"""Issue 13 item 9: the numerics options are accepted, and mean the same, wherever a target is chosen."""
from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import click

from portasnn.cli import cli

PORTASNN = str(Path(sys.executable).with_name("portasnn"))
NUMERICS = {"--spinnaker-solver", "--substeps", "--arith"}
IZH_NET = """network izh
model izh from "nestml:izhikevich_neuron"
population P: 2 izh { I_e = 10 pA }
record spikes of P
simulate 50 ms resolution 0.1 ms seed 3
"""


@pytest.mark.parametrize("command", ["build", "run", "compare", "bundle", "submit"])
def test_every_command_that_chooses_a_target_takes_the_numerics_options(command):
    """issue 13 item 9: one declaration, the same options on build, run, compare, bundle and submit."""
    cmd = cli.get_command(click.Context(cli), command)
    opts = {o for p in cmd.params for o in getattr(p, "opts", [])}
    assert NUMERICS <= opts, NUMERICS - opts


def test_bundle_for_spinnaker_lowers_with_the_solver_given(tmp_path):
    """issue 13 item 9: `bundle --spinnaker-solver` reaches the generated SpiNNaker code (refused without it)."""
    net = tmp_path / "izh.pnet"
    net.write_text(IZH_NET)
    refused = subprocess.run([PORTASNN, "bundle", str(net), "--target", "spinnaker", "-o", str(tmp_path / "a")],
                             capture_output=True, text=True, timeout=600)
    assert refused.returncode == 2 and "--spinnaker-solver" in refused.stderr and "Traceback" not in refused.stderr
    done = subprocess.run([PORTASNN, "bundle", str(net), "--target", "spinnaker", "-o", str(tmp_path / "b"),
                           "--spinnaker-solver", "rk2", "--substeps", "2"], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    with tarfile.open(done.stdout.strip()) as tar:
        names = tar.getnames()
        update = [n for n in names if n.endswith("_update.h")]
        assert update, names
        text = tar.extractfile(update[0]).read().decode()
        manifest = tar.extractfile("manifest.json").read().decode()
    assert "rk2" in text and "sub < 2u" in text
    assert "--spinnaker-solver=rk2" in manifest and "--substeps=2" in manifest


def test_submit_of_a_ready_bundle_refuses_numerics_options(tmp_path):
    """issue 13 item 9: a bundle already holds its code, so numerics options with it are an error, not ignored."""
    fake = tmp_path / "x.tar.gz"
    fake.write_bytes(b"")
    proc = subprocess.run([PORTASNN, "submit", str(fake), "--arith", "float"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and "E671" in proc.stderr and "Traceback" not in proc.stderr


def test_compare_runs_its_targets_with_the_numerics_given(tmp_path):
    """issue 13 item 9: `compare --spinnaker-solver` reaches spinnaker-host (a non-linear model is refused
    without it), and `spinnaker-host:float` adds float arithmetic to the options given."""
    net = tmp_path / "izh.pnet"
    net.write_text(IZH_NET)
    base = [PORTASNN, "compare", str(net), "--targets", "spinnaker-host,spinnaker-host:float", "--json"]
    refused = subprocess.run([*base, "-o", str(tmp_path / "a")], capture_output=True, text=True, timeout=900)
    assert refused.returncode == 2 and "--spinnaker-solver" in refused.stderr, refused.stderr
    done = subprocess.run([*base, "-o", str(tmp_path / "b"), "--spinnaker-solver", "euler"], capture_output=True,
                          text=True, timeout=900)
    assert done.returncode in (0, 1), done.stderr  # a verdict, whichever it is

    metas = sorted((tmp_path / "b" / "runs").glob("*/meta.json"))
    assert len(metas) >= 2, metas
    ariths = {json.loads(m.read_text())["spinnaker_host"]["arith"] for m in metas}
    assert ariths == {"fixed", "float"}, ariths
