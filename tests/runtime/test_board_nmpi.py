"""A spinnaker bundle run as the Neuromorphic Platform runs it: ``python run.py spiNNaker``, the bundle's own PyNN
script on sPyNNaker (here its virtual board, which maps and runs but records no data), with portasnn on the far
side and without it (the launcher then extracts and runs the bundle by itself). What is fetched is a portasnn
results directory: every population, every recorded neuron and variable in the network's names and units, next
to sPyNNaker's neo pickles. Before, the script wrote its results beside itself and the job returned none."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from runtime_testdata import TOKEN

from portasnn import runtime
from portasnn.results import read_results

pytest.importorskip("spynnaker")
pytestmark = [pytest.mark.slow, pytest.mark.spinnaker]

PNET = """\
network board
model exp from "nestml:iaf_psc_exp_neuron"
model lif = pynn IF_curr_exp
population A: 5 exp { I_e = 400 pA }
population B: 3 lif
connect A -> B: all_to_all, weight = 300 pA, delay = 1 ms
record spikes of A
record spikes of B[1, 2]
record V_m of A[3, 0] every 0.5 ms
record isyn_exc of B every 1 ms
simulate 40 ms resolution 0.1 ms
"""


@pytest.mark.parametrize("without_portasnn", [False, True], ids=["portasnn-there", "portasnn-absent"])
def test_a_board_job_returns_a_portasnn_results_directory(env, tmp_path, without_portasnn):
    from fake_nmpi import FakeNmpi

    (env.home / ".spynnaker.cfg").write_text("[Machine]\nvirtual_board = True\nversion = 5\n")
    queue = FakeNmpi(TOKEN, lifetime_s=280, system="spiNNaker", without_portasnn=without_portasnn).start()
    try:
        (env.config / "nmpi.toml").write_text(f'collab = "test-collab"\njob_service = "{queue.url}"\n'
                                              f'user_info_endpoint = "{queue.url}/userinfo"\n')
        net = tmp_path / "board.pnet"
        net.write_text(PNET)
        rec = runtime.submit(net, to="nmpi:spinnaker")
        rec = runtime.wait(rec, timeout_s=240)
        assert rec.state == "SUCCESSFUL", (queue.root / f"job_{queue.next_id - 1}" / "stderr").read_text()[-3000:]
        results = runtime.fetch(rec, tmp_path / "fetched")
    finally:
        queue.close()
    res = read_results(results)
    assert res.meta["target"] == "spinnaker" and res.meta["network"] == "board"
    assert res.meta["populations"] == {"A": {"size": 5, "model": "iaf_psc_exp_neuron"},
                                       "B": {"size": 3, "model": "IF_curr_exp"}}
    assert (res.meta["duration_ms"], res.meta["resolution_ms"]) == (40.0, 0.1)
    assert res.meta["versions"]["spynnaker"].endswith("7.4.1")
    assert list(res.recorded["A"]) == [0, 1, 2, 3, 4] and list(res.recorded["B"]) == [1, 2]
    v, isyn = res.traces["A"]["V_m"], res.traces["B"]["isyn_exc"]
    assert (list(v.ids), v.unit) == ([0, 3], "mV") and (list(isyn.ids), isyn.unit) == ([0, 1, 2], "pA")
    assert sorted(p.name for p in results.glob("*.pkl")) == ["A.pkl", "B.pkl"]  # sPyNNaker's own, kept
    summary = json.loads((results / "summary.json").read_text())  # written by fetch: the board cannot
    assert summary["populations"]["A"]["n_neurons"] == 5 and summary["populations"]["B"]["n_neurons"] == 2
    listed = {line.split("  ")[1] for line in (results.parent / "results.sha256").read_text().splitlines()}
    assert {"results/meta.json", "results/spikes/A.npz", "results/traces/A__V_m.npz"} <= listed
    manifest = results / "manifest.json"  # the entry records the bundle; the bare launcher cannot
    assert manifest.is_file() != without_portasnn
    if manifest.is_file():
        assert json.loads(manifest.read_text())["bundle"]["target"] == "spinnaker"


SCRIPT = """\
import sys
import portasnn.pynn as sim
sim.setup(timestep=0.1, target=sys.argv[1], seed=7)
noise = sim.Population(20, sim.SpikeSourcePoisson(rate=800.0), label="noise")
cells = sim.Population(10, sim.IF_curr_exp(tau_m=12.0, v_thresh=-52.0), label="cells")
sim.Projection(noise, cells, sim.FixedProbabilityConnector(0.5, rng=sim.NumpyRNG(seed=3)),
               sim.StaticSynapse(weight=0.6, delay=1.0))
cells.record("spikes")
cells[0:3].record("v", sampling_interval=1.0)
sim.run(100.0)
cells.write_data(sys.argv[2])
sim.end()
"""


def test_portasnn_pynn_runs_a_script_on_the_board(env, tmp_path, nmpi_queue):
    """setup(target="spinnaker"): run() submits, waits, fetches; get_data() gives the board's results. The loopback
    platform runs the bundle on spinnaker-host, so they must equal the same script's spinnaker-host run, spike for
    spike and sample for sample."""
    import subprocess
    import sys

    import neo
    import numpy as np

    script = tmp_path / "net.py"
    script.write_text(SCRIPT)
    blocks = {}
    for target in ("spinnaker", "spinnaker-host"):
        out = tmp_path / f"{target}.pkl"
        proc = subprocess.run([sys.executable, str(script), target, str(out)], capture_output=True, text=True,
                              timeout=600)
        assert proc.returncode == 0, proc.stderr[-3000:]
        blocks[target] = neo.io.PickleIO(str(out)).read_block()
        if target == "spinnaker":
            assert "on the Neuromorphic Platform (SpiNNaker)" in proc.stderr and "fetching its results" in proc.stderr
    board, host = (blocks[t].segments[0] for t in ("spinnaker", "spinnaker-host"))
    assert len(nmpi_queue.jobs) == 1
    assert sum(len(st) for st in host.spiketrains) > 20
    assert [np.asarray(st).tolist() for st in board.spiketrains] == [np.asarray(st).tolist() for st in host.spiketrains]
    (vb,), (vh,) = board.filter(name="v"), host.filter(name="v")
    assert vb.shape == vh.shape == (101, 3) and np.array_equal(np.asarray(vb), np.asarray(vh))
    assert blocks["spinnaker"].annotations["simulator"] == blocks["spinnaker-host"].annotations["simulator"]


def test_portasnn_run_of_a_script_on_the_board_prints_its_rates(env, tmp_path, nmpi_queue):
    """`portasnn run SCRIPT.py --target spinnaker`: the fetched directory gets its summary here (the board's
    script writes none), so the command prints the rates, the same as the spinnaker-host run's."""
    import subprocess
    import sys

    script = tmp_path / "net.py"
    script.write_text(SCRIPT)
    printed = {}
    for target in ("spinnaker", "spinnaker-host"):
        proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", str(script), "--target", target, "-o",
                               str(tmp_path / target), "--", target, str(tmp_path / f"{target}.pkl")],
                              capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-3000:]
        printed[target] = [line for line in proc.stdout.splitlines() if line.startswith("cells:")]
    assert printed["spinnaker"] == printed["spinnaker-host"] and "Hz" in printed["spinnaker"][0]
    assert (tmp_path / "spinnaker" / "summary.json").is_file()


def test_a_board_job_that_fails_or_outlives_the_timeout_is_a_tool_error(env, tmp_path, nmpi_queue):
    """run() on the board: a job that has not ended within setup(board_timeout=...) and a job that fails are
    tool errors (exit 1 from `portasnn run`, no traceback), each saying what to do: the first names the job to
    look at later, the second the directory that keeps the job's output (which outlives the script)."""
    import re
    import subprocess
    import sys

    script = tmp_path / "net.py"
    script.write_text(SCRIPT.replace("seed=7)", "seed=7, board_timeout=0.2)"))
    proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", str(script), "--target", "spinnaker", "-o",
                           str(tmp_path / "late"), "--", "spinnaker", str(tmp_path / "late.pkl")],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "still RUNNING after 0 s" in proc.stderr and re.search(r"portasnn status spinnaker-\w+", proc.stderr)
    assert not (tmp_path / "late.pkl").exists()

    nmpi_queue.system = "no-such-system"  # the platform runs `run.py no-such-system`, which fails
    script = tmp_path / "other.py"  # another network (named by the script), so not the job above again
    script.write_text(SCRIPT)
    temp = tmp_path / "temp"  # the script's temporary directories, the kept job output among them
    temp.mkdir()
    proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", str(script), "--target",
                           "spinnaker", "-o", str(tmp_path / "failed"), "--", "spinnaker", str(tmp_path / "f.pkl")],
                          capture_output=True, text=True, timeout=600, env={**os.environ, "TMPDIR": str(temp)})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    kept = re.search(r"are in (\S+)", proc.stderr)
    assert "ended FAILED" in proc.stderr and kept, proc.stderr[-2000:]
    kept_dir = Path(kept.group(1))
    assert kept_dir.parent == temp and kept_dir.name.startswith("portasnn-board-job-")
    assert any(kept_dir.iterdir())  # the job's output outlives the script


def test_a_plastic_pynn_script_on_the_board_gives_its_final_weights(env, tmp_path, nmpi_queue):
    """STDP from portasnn.pynn on the board: the generated sPyNNaker script runs STDPMechanism and writes the final
    weights, which Projection.get("weight") then gives. The loopback platform runs the bundle on spinnaker-host, so
    the weights must equal the same script's spinnaker-host run, connection by connection."""
    import subprocess
    import sys

    import numpy as np

    script = Path(__file__).parents[1] / "pynn_backend" / "scripts" / "stdp_net.py"
    got = {}
    for target in ("spinnaker", "spinnaker-host"):
        out = tmp_path / target
        out.mkdir()
        proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", str(script), "--target", target, "-o",
                               str(tmp_path / f"results-{target}"), "--", str(out)], capture_output=True, text=True,
                              timeout=900)
        assert proc.returncode == 0, proc.stderr[-3000:]
        got[target] = {role: np.load(out / f"{role}.npy") for role in ("additive", "multiplicative")}
        got[target]["initial"] = np.load(out / "additive_initial.npy")
    assert len(nmpi_queue.jobs) == 1
    for role in ("additive", "multiplicative"):
        board, host = got["spinnaker"][role], got["spinnaker-host"][role]
        assert board.shape == host.shape == (46, 4)
        np.testing.assert_array_equal(board, host)
    moved = got["spinnaker"]["additive"][:, 2] - got["spinnaker"]["initial"][:, 2]
    assert np.all(np.abs(moved) > 1e-6)  # every weight of the board's run was changed by the rule
