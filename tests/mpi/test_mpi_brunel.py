"""The Brunel examples on NEST's MPI: 2 processes x 1 thread, 1 process x 2 threads (in this process, no MPI),
and 2 ranks started from outside (every rank calls portasnn.run, as the runtime's job does under srun) give
spike for spike the same network activity, and the same summaries. A killed rank fails the run.

Two virtual processes either way: NEST draws the network and the Poisson input from per-VP random streams
seeded by the network's seed, so the result may depend on the number of VPs but not on how they are split
between processes and threads. Run with the NEST built-in iaf_psc_delta and with the NESTML model built by
portasnn (the ranks load the module built once, before the launch).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from mpi_support import EXAMPLES, PORTASNN, clean_env, portasnn, rank_pids, require_mpi_nest
from portasnn.results import load_results, read_results
from portasnn.run import run

OVERRIDES = {"N": "1000"}
pytestmark = pytest.mark.slow


def _same_activity(a: Path, b: Path) -> None:
    ra, rb = read_results(a), read_results(b)
    assert set(ra.spikes) == set(rb.spikes) == {"E", "I"}
    for pop in ra.spikes:
        (sa, ta), (sb, tb) = ra.spikes[pop], rb.spikes[pop]
        assert len(ta) > 1000, f"{pop} fired only {len(ta)} spikes"
        np.testing.assert_array_equal(sa, sb)
        np.testing.assert_array_equal(ta, tb)
    for pop, traces in ra.traces.items():
        for var, trace in traces.items():
            other = rb.traces[pop][var]
            np.testing.assert_array_equal(trace.ids, other.ids)
            np.testing.assert_array_equal(trace.values, other.values)
    sa, sb = (json.loads((d / "summary.json").read_text()) for d in (a, b))
    assert sa["populations"] == sb["populations"]
    assert {k: v for k, v in sa.items() if k != "wall_time_s"} == {k: v for k, v in sb.items() if k != "wall_time_s"}


def _complete(out: Path, processes: int) -> None:
    meta = json.loads((out / "meta.json").read_text())
    assert meta["mpi_processes"] == processes and meta["virtual_processes"] == 2
    names = {p.name for p in out.iterdir()}
    assert {"meta.json", "summary.json", "raster.png", "spikes", "traces"} <= names
    assert not {n for n in names if n.startswith(".")}, names  # no rank parts or rank records left
    assert not list(out.parent.glob(f".{out.name}.partial*"))
    segment = load_results(out).segments[0]
    assert len(segment.spiketrains) == 1000 and len(segment.analogsignals) == 1  # V_m of E[0:5]


@pytest.mark.parametrize("pnet", ["brunel_delta_nest.pnet", "brunel_delta_nestml.pnet"])
def test_two_processes_equal_two_threads(tmp_path, pnet):
    require_mpi_nest()
    two_ranks, two_threads = tmp_path / "ranks", tmp_path / "threads"
    sets = [arg for k, v in OVERRIDES.items() for arg in ("--set", f"{k}={v}")]
    done = portasnn("run", str(EXAMPLES / pnet), *sets, "--processes", "2", "--threads", "1", "-o", str(two_ranks),
                    "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["outdir"] == str(two_ranks)
    _complete(two_ranks, 2)
    run(EXAMPLES / pnet, outdir=two_threads, overrides=OVERRIDES, processes=1, threads=2, progress=False)
    _complete(two_threads, 1)
    _same_activity(two_ranks, two_threads)


def test_ranks_started_from_outside_run_as_one_job(tmp_path):
    """`mpirun -n 2 python -c "portasnn.run(...)"`: what the runtime's entry does on every rank under srun."""
    require_mpi_nest()
    from portasnn.targets.nest.mpi import launcher_command

    outside, reference = tmp_path / "outside", tmp_path / "reference"
    code = (f"from portasnn.run import run; run({str(EXAMPLES / 'brunel_delta_nest.pnet')!r}, outdir={str(outside)!r}, "
            f"overrides={OVERRIDES!r}, progress=False)")
    env = clean_env()
    done = subprocess.run([*launcher_command(2, 1, env), sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=900, env=env, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    _complete(outside, 2)
    run(EXAMPLES / "brunel_delta_nest.pnet", outdir=reference, overrides=OVERRIDES, processes=1, threads=2,
        progress=False)
    _same_activity(outside, reference)


def test_a_killed_rank_fails_the_run_and_leaves_no_results(tmp_path):
    require_mpi_nest()
    out = tmp_path / "killed"
    proc = subprocess.Popen([str(PORTASNN), "run", str(EXAMPLES / "brunel_delta_nest.pnet"), "--set", "N=2000",
                             "--processes", "2", "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=clean_env())
    try:
        deadline = time.monotonic() + 300
        while 1 not in (ranks := rank_pids(str(tmp_path))):
            assert proc.poll() is None and time.monotonic() < deadline, "rank 1 never started"
            time.sleep(0.2)
        time.sleep(2.0)  # into the run
        os.kill(ranks[1], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, stderr
    assert "rank 1 of 2" in stderr and "signal 9" in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_runtime_entry_on_two_ranks_writes_one_merged_result(tmp_path):
    """issue 15 item 2: `mpirun -n 2 python -m portasnn.runtime.entry BUNDLE` (what a site's job runs under srun):
    the ranks' parts meet next to one results directory and rank 0 merges them, also when an earlier attempt left
    a partial `.results.attempt` (before, ranks other than 0 wrote their parts into a private directory and the
    job failed)."""
    require_mpi_nest()
    from portasnn.targets.nest.mpi import launcher_command

    env = clean_env()
    done = portasnn("bundle", str(EXAMPLES / "brunel_delta_nest.pnet"), "--set", "N=200", "--target", "nest",
                    "-o", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    bundle = json.loads(done.stdout)["bundle"]
    job = tmp_path / "job"
    (job / ".results.attempt").mkdir(parents=True)
    (job / ".results.attempt" / "left-by-a-killed-attempt.npz").write_text("partial")
    done = subprocess.run([*launcher_command(2, 1, env), sys.executable, "-m", "portasnn.runtime.entry", bundle,
                           "--outdir", "results"], capture_output=True, text=True, timeout=900, env=env, check=False,
                          cwd=job)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "results in" in done.stdout and "rank 1 done" in done.stdout
    meta = json.loads((job / "results" / "meta.json").read_text())
    assert meta["mpi_processes"] == 2 and meta["virtual_processes"] == 2
    assert sorted(p.name for p in job.iterdir() if p.name.startswith(".")) == []
    assert not (job / "results" / "left-by-a-killed-attempt.npz").exists()


def test_generated_plastic_synapses_on_two_processes_equal_two_threads(tmp_path):
    """The plastic Brunel network with nestml's stdp_synapse (portasnn's generated NEST connection model): the same
    spikes and the same final weights, connection for connection, on 2 ranks as on 2 threads."""
    require_mpi_nest()
    for sub, name in (("stdp", "brunel_nestml_stdp.pnet"), ("brunel", "brunel_params.pnet")):
        (tmp_path / sub).mkdir(exist_ok=True)
        (tmp_path / sub / name).write_text((EXAMPLES.parent / sub / name).read_text())
    pnet = tmp_path / "stdp" / "brunel_nestml_stdp.pnet"  # and the weights onto E[0:20] during the run
    pnet.write_text(pnet.read_text().replace("record weights of E -> E", "record weights of E -> E[0:20] every 100 ms"))
    overrides = {"N": "1000", "T": "300 ms"}
    two_ranks, two_threads = tmp_path / "ranks", tmp_path / "threads"
    sets = [arg for k, v in overrides.items() for arg in ("--set", f"{k}={v}")]
    done = portasnn("run", str(pnet), *sets, "--processes", "2", "--threads", "1", "-o", str(two_ranks), "--no-plots")
    assert done.returncode == 0, done.stderr
    run(pnet, outdir=two_threads, overrides=overrides, processes=1, threads=2, progress=False)
    _same_activity(two_ranks, two_threads)
    a, b = read_results(two_ranks).weights["E__E"], read_results(two_threads).weights["E__E"]
    assert a.weights.size == 800 * 80
    for field in ("sources", "targets", "weights", "delays"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert np.std(a.weights) > 0
    ta, tb = read_results(two_ranks).trajectories["E__E"], read_results(two_threads).trajectories["E__E"]
    assert ta.times.tolist() == [100.0, 200.0, 300.0] and ta.weights.shape == (3, 20 * 80)
    for field in ("sources", "targets", "delays", "times", "weights"):  # the ranks' synapses merged
        np.testing.assert_array_equal(getattr(ta, field), getattr(tb, field))



@pytest.mark.parametrize("kind", ["neuron", "synapse"])
def test_a_diverging_state_on_two_processes_fails_with_where_and_when(tmp_path, kind):
    """A state that becomes infinite on one rank: exit 2 with the same error as on one process (E460 at the
    population, E462 at the synapse declaration; what, where and when), no traceback, no results."""
    require_mpi_nest()
    if kind == "neuron":
        model = Path(__file__).parents[1] / "nonfinite" / "runaway_neuron.nestml"
        text = (f'network runaway\nmodel runaway from "{model}"\npopulation Q: 2 runaway\npopulation R: 5 runaway\n'
                "stimulus drive: dc(amplitude = 250 pA) -> R[3]\nrecord spikes of R\n"
                "simulate 800 ms resolution 0.1 ms seed 1 processes 2\n")
        expected = ("n.pnet:4:1: error E460", "population R, neuron 3", "state variable V_m became inf")
    else:
        shutil.copy(Path(__file__).parents[1] / "nonfinite" / "blowup_synapse.nestml", tmp_path)
        text = ('model lif = nest iaf_psc_exp\nsynapse boom from "blowup_synapse.nestml"\n'
                "population A: 2 lif { I_e = 500 pA }\npopulation B: 2 lif\n"
                "connect A -> B: all_to_all, synapse = boom, weight = 5 pA, delay = 1 ms\n"
                "record spikes of A\nsimulate 100 ms resolution 0.1 ms seed 1 processes 2\n")
        expected = ("n.pnet:2:1: error E462", "synapse model blowup_synapse", "weight = inf")
    (tmp_path / "n.pnet").write_text(text)
    done = portasnn("run", str(tmp_path / "n.pnet"), "--target", "nest", "-o", str(tmp_path / "out"))
    assert done.returncode == 2, done.stderr
    for part in expected:
        assert part in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "out").exists()
