"""Issue 13 item 11: `run --no-plots` writes the results without the PNGs (matplotlib's import is most of a warm
run), `portasnn plot` draws them afterwards, for nest (a subprocess) and spinnaker-host (in process)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

PORTASNN = str(Path(sys.executable).with_name("portasnn"))
NET = Path(__file__).parents[1] / "targets" / "small_nestml.pnet"
PNG = b"\x89PNG\r\n\x1a\n"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PORTASNN, *args], capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize("target", ["spinnaker-host", "nest"])
def test_no_plots_then_plot(tmp_path, target):
    out = tmp_path / "out"
    done = _cli("run", str(NET), "--target", target, "-o", str(out), "--no-plots", "--json")
    assert done.returncode == 0, done.stderr
    assert not (out / "raster.png").exists() and not (out / "traces.png").exists()
    summary = json.loads(done.stdout)["summary"]
    with np.load(out / "spikes" / "E.npz") as spikes:  # the summary is still there, and still right
        assert summary["populations"]["E"]["rate_hz"] == pytest.approx(
            spikes["times"].size / spikes["recorded"].size / 0.1)

    drawn = _cli("plot", str(out))
    assert drawn.returncode == 0, drawn.stderr
    assert drawn.stdout.split() == [str(out / "raster.png"), str(out / "traces.png")]
    assert (out / "raster.png").read_bytes()[:8] == PNG and (out / "traces.png").read_bytes()[:8] == PNG


def test_plots_by_default(tmp_path):
    out = tmp_path / "out"
    done = _cli("run", str(NET), "--target", "spinnaker-host", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert (out / "raster.png").read_bytes()[:8] == PNG and (out / "traces.png").read_bytes()[:8] == PNG


def test_plot_of_what_is_not_results(tmp_path):
    done = _cli("plot", str(tmp_path))
    assert done.returncode == 2
    assert "E710" in done.stderr and "Traceback" not in done.stderr


def test_a_warm_run_imports_none_of_the_slow_libraries(tmp_path):
    """issue 13 item 11: what made a warm run slow is not imported by a warm `run --no-plots`: scipy (Poisson
    tables), matplotlib (plots), ANTLR (the .pnet reader), elephant/neo (statistics)."""
    first = _cli("run", str(NET), "--target", "spinnaker-host", "-o", str(tmp_path / "a"), "--no-plots")
    assert first.returncode == 0, first.stderr
    code = ("import sys; from portasnn.cli import main; "
            f"code = main(['run', {str(NET)!r}, '--target', 'spinnaker-host', '-o', {str(tmp_path / 'b')!r}, "
            "'--no-plots']); "
            "print('IMPORTED', sorted(m for m in ('scipy', 'matplotlib', 'antlr4', 'elephant', 'neo') "
            "if m in sys.modules), code)")
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout.strip().splitlines()[-1] == "IMPORTED [] 0"
    assert (tmp_path / "b" / "summary.json").is_file()


@pytest.mark.parametrize("before", [None, "1"])
def test_no_plots_in_process_leaves_the_environment_as_it_was(tmp_path, monkeypatch, before):
    """A `run --no-plots` called in process (a test, a notebook) turned plots off for everything after it: the next
    run in the same process wrote no raster.png."""
    from portasnn.cli import main

    if before is None:
        monkeypatch.delenv("PORTASNN_PLOTS", raising=False)
    else:
        monkeypatch.setenv("PORTASNN_PLOTS", before)
    assert main(["run", str(NET), "--target", "spinnaker-host", "-o", str(tmp_path / "a"), "--no-plots"]) == 0
    assert not (tmp_path / "a" / "raster.png").exists()
    assert os.environ.get("PORTASNN_PLOTS") == before
    assert main(["run", str(NET), "--target", "spinnaker-host", "-o", str(tmp_path / "b")]) == 0
    assert (tmp_path / "b" / "raster.png").read_bytes()[:8] == PNG
