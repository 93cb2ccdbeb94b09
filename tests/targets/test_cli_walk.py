"""The commands walk CLI -> program -> registry -> target (issue 12), as a user runs them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

NET = Path(__file__).parent / "small_nestml.pnet"


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portasnn.cli", *args], capture_output=True, text=True, timeout=900,
                          cwd=cwd, env={**__import__("os").environ, "PYNEST_QUIET": "1"})


def test_run_on_spinnaker_says_to_build_or_submit(tmp_path):
    done = _cli("run", str(NET), "--target", "spinnaker", "-o", str(tmp_path / "r"))
    assert done.returncode == 2, done.stderr
    assert "SpiNNaker board" in done.stderr and "submit" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r").exists()


def test_build_of_a_network_is_the_module_run_loads(tmp_path):
    """``portasnn build --target nest NET.pnet`` builds the module ``portasnn run`` then loads (issue 13 item 11)."""
    built = _cli("build", "--target", "nest", str(NET), "--json", "-o", str(tmp_path / "files"))
    assert built.returncode == 0, built.stderr
    info = json.loads(built.stdout)
    assert info["script"] and (tmp_path / "files" / info["script"]).is_file()
    ran = _cli("run", str(NET), "--target", "nest", "-o", str(tmp_path / "r"), "--json")
    assert ran.returncode == 0, ran.stderr
    script = (tmp_path / "r" / info["script"]).read_text()
    assert info["module_path"] in script
    assert script == (tmp_path / "files" / info["script"]).read_text()


def test_build_and_ir_take_nestml_names(tmp_path):
    """``nestml:NAME`` works for ``build`` and ``ir`` as in .pnet files (the README's first example)."""
    done = _cli("ir", "nestml:iaf_psc_exp_neuron")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["models"][0]["name"] == "iaf_psc_exp_neuron"
    done = _cli("build", "--target", "spinnaker", "nestml:iaf_psc_exp", "-o", str(tmp_path / "s"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s" / "c_models" / "src" / "iaf_psc_exp_neuron" / "iaf_psc_exp_neuron_update.h").is_file()
    done = _cli("ir", "nestml:no_such_model")
    assert done.returncode == 2 and "nestml ships no model" in done.stderr


def test_compare_and_run_refuse_a_non_empty_outdir_unless_forced(tmp_path):
    """``-o`` means the same for run and compare: a non-empty directory is refused, --force replaces it."""
    run = _cli("run", str(NET), "--target", "spinnaker-host", "-o", str(tmp_path / "r"))
    assert run.returncode == 0, run.stderr
    again = _cli("run", str(NET), "--target", "spinnaker-host", "-o", str(tmp_path / "r"))
    assert again.returncode == 2 and "already exists" in again.stderr
    forced = _cli("run", str(NET), "--target", "spinnaker-host", "-o", str(tmp_path / "r"), "--force")
    assert forced.returncode == 0, forced.stderr
    out = tmp_path / "cmp"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    refused = _cli("compare", "--results", str(tmp_path / "r"), str(tmp_path / "r"), "-o", str(out))
    assert refused.returncode == 2 and "already exists" in refused.stderr
    assert (out / "keep.txt").read_text() == "mine"
    done = _cli("compare", "--results", str(tmp_path / "r"), str(tmp_path / "r"), "-o", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert not (out / "keep.txt").exists() and (out / "report.md").is_file()
