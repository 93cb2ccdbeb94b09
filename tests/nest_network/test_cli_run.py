"""``portasnn run``: outputs, exit codes and messages."""
from __future__ import annotations

import json

import numpy as np
import pytest

from portasnn.cli import main

SMALL = """network small
model lif = nest iaf_psc_delta
let N = 50
population E: N lif { C_m = 1 pF, tau_m = 20 ms, t_ref = 2 ms, E_L = 0 mV, V_reset = 10 mV, V_th = 20 mV }
connect E -> E: fixed_indegree(10), weight = 0.1 mV, delay = 1.5 ms
stimulus ext: poisson(rate = 20000 Hz) -> E weight = 0.1 mV, delay = 1.5 ms
record spikes of E
simulate 100 ms resolution 0.1 ms seed 3
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.pnet"
    path.write_text(SMALL)
    return path


def test_run_json_prints_one_object_and_writes_the_script(small, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(small), "--target", "nest", "-o", str(out), "--set", "N=80", "--seed", "9",
                 "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["outdir"] == str(out) and printed["summary"]["populations"]["E"]["n_neurons"] == 80
    meta = json.loads((out / "meta.json").read_text())
    assert meta["seed"] == 9 and meta["populations"]["E"]["size"] == 80
    assert "SEED = 9" in (out / "run_small.py").read_text()
    with np.load(out / "spikes" / "E.npz") as f:
        assert f["senders"].max() < 80 and f["times"].max() <= 100.0


@pytest.mark.parametrize("args, message", [
    (["run", "missing.pnet"], "no such network file"),
    (["run", "{small}", "--set", "N"], "NAME=VALUE"),
    (["run", "{small}", "--target", "loihi"], "unknown target 'loihi'"),
    (["run", "{small}", "--set", "M=3"], "unknown override 'M'"),
])
def test_user_errors_exit_2_without_traceback(small, tmp_path, capsys, args, message):
    args = [a.format(small=small) for a in args] + ["-o", str(tmp_path / "o")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_existing_results_are_not_overwritten(small, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "meta.json").write_text("{}")
    assert main(["run", str(small), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_unknown_parameter_points_at_its_line(tmp_path, capsys):
    path = tmp_path / "bad.pnet"
    path.write_text(SMALL.replace("t_ref = 2 ms", "t_refractory = 2 ms"))
    assert main(["run", str(path), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert f"{path}:4:" in err and "t_refractory" in err and "Traceback" not in err


def test_run_prints_the_rate_of_the_recorded_subset(tmp_path, capsys):
    """issue 13 item 1: `record spikes of E[0:8]` of 50 neurons: the printed rate and summary.json are over 8."""
    path = tmp_path / "subset.pnet"
    path.write_text(SMALL.replace("record spikes of E", "record spikes of E[0:8]"))
    out = tmp_path / "out"
    assert main(["run", str(path), "--target", "nest", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    summary = json.loads((out / "summary.json").read_text())["populations"]["E"]
    with np.load(out / "spikes" / "E.npz") as f:
        assert f["recorded"].tolist() == list(range(8)) and f["senders"].max() < 8
        rate = f["times"].size / 8 / 0.1
    assert summary["n_neurons"] == 8 and summary["size"] == 50 and summary["rate_hz"] == pytest.approx(rate)
    assert f"E: {rate:.2f} Hz" in printed and "(8 of 50 neurons recorded)" in printed
