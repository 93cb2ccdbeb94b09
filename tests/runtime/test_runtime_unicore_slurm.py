"""issue 15 item 3: the loopback UNICORE site hands the job to a REAL Slurm (the single-node cluster of
``portasnn.runtime.local_slurm``) with ``sbatch`` as a UNICORE TSI does; the staged job script's
``srun --mpi=pmix --ntasks-per-node=2 ... apptainer exec IMAGE python3 -m portasnn.runtime.entry BUNDLE`` runs under
Slurm's own srun (2 tasks, one MPI job of 2 ranks). Two containers: ``stand-in`` runs the command on this machine
(its NEST); ``image`` runs it inside the NEST image built from containers/nest-pmix.def by ``make images``, through
``portasnn.runtime.sif_exec`` (Apptainer's binds and environment, the image's own OpenMPI, PMIx and NEST). The
fetched spikes equal a local run with 1 process x 2 threads, array for array.

Skipped, saying why, only when the Slurm programs are not installed or the NEST in use has no MPI (`make
setup-mpi` gives both), and for ``image`` when the image has not been built (`make images`).
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from runtime_testdata import TOKEN

from portasnn.results import read_results
from portasnn.runtime import images, local_slurm

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
BRUNEL = REPO / "examples" / "brunel" / "brunel_delta_nest.pnet"
N = "200"
IMAGE = images.latest("nest-pmix")  # looked up before the tests' own cache directories are set


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMPI_", "PMIX_", "PMI_"))}
    return subprocess.run([sys.executable, "-m", "portasnn.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**env, "PYNEST_QUIET": "1"})


@pytest.fixture(scope="module")
def slurm(tmp_path_factory):
    missing = local_slurm.missing_programs()
    if missing:
        pytest.skip(f"Slurm is not installed ({', '.join(missing)} not found): run `make setup-mpi`")
    code = "import sys, nest; sys.exit(0 if nest.build_info['have_mpi'] else 1)"
    if subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYNEST_QUIET": "1"}, capture_output=True,
                      check=False, timeout=300).returncode != 0:
        pytest.skip("the NEST in use has no MPI (nest.build_info['have_mpi'] is False): run `make setup-mpi`")
    cluster = local_slurm.up(tmp_path_factory.mktemp("slurm"), lifetime_s=1800, timeout=60)
    try:
        yield cluster
    finally:
        local_slurm.down(cluster.state)


def _site(env, slurm, container: str):  # noqa: ANN001, ANN202 - fixtures
    from fake_unicore import FakeUnicore

    image = IMAGE if container == "image" else "docker://registry.example.org/portasnn/nest-pmix:0.1.0"
    site = FakeUnicore(TOKEN, lifetime_s=600, slurm=slurm, container=container).start()
    (env.config / "sites.toml").write_text(
        f'[loopback]\nurl = "{site.base}"\nimage = "{image}"\n'
        'verify_tls = false\ntimeout = 5.0\nnodes = 1\ntasks_per_node = 2\ncpus_per_task = 1\nproject = "demo"\n'
        'queue = "local"\nruntime = "10m"\n')
    return site


@pytest.fixture(params=["stand-in", "image"])
def slurm_site(request, env, slurm):
    if request.param == "image" and IMAGE is None:
        pytest.skip("the NEST image is not built: run `make images` (about an hour the first time)")
    site = _site(env, slurm, request.param)
    yield site
    site.close()


@pytest.fixture
def standin_site(env, slurm):
    site = _site(env, slurm, "stand-in")
    yield site
    site.close()


def test_a_unicore_job_runs_under_real_slurm_with_two_ranks(env, slurm, slurm_site):
    inside_image = slurm_site.container == "image"
    bundle = json.loads(_cli("bundle", str(BRUNEL), "--set", f"N={N}", "--target", "nest", "-o", str(env.bundles),
                             "--json").stdout)["bundle"]
    done = _cli("submit", bundle, "--to", "unicore:loopback", "--json")
    assert done.returncode == 0, done.stderr
    job = json.loads(done.stdout)["id"]
    local = env.tmp / "local"  # meanwhile, the reference: 1 process x 2 threads (2 virtual processes)
    reference = subprocess.Popen([sys.executable, "-m", "portasnn.cli", "run", str(BRUNEL), "--set", f"N={N}",
                                  "--processes", "1", "--threads", "2", "-o", str(local), "--no-plots"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYNEST_QUIET": "1"})
    deadline = time.monotonic() + 480  # the image's first use unpacks it (about a minute)
    while True:
        state = json.loads(_cli("status", job, "--json").stdout)["state"]
        if state in ("SUCCESSFUL", "FAILED", "CANCELLED") or time.monotonic() > deadline:
            break
        time.sleep(1.0)
    (site_job,) = slurm_site.jobs.values()
    wd = site_job["wd"]
    output = "\n".join(p.read_text(errors="replace") for p in (wd / "stdout", wd / "stderr") if p.is_file())
    assert state == "SUCCESSFUL", f"{site_job['log']}\n{output}\n{local_slurm.logs_tail(slurm)}"
    slurm_id = site_job["batchSystemID"]
    assert "#SBATCH --ntasks-per-node=2" in (wd / "UNICORE_Job_slurm.sh").read_text()
    info = dict(part.split("=", 1) for part in slurm.run("scontrol", "show", "job", "-o", slurm_id).stdout.split()
                if "=" in part)
    assert (info["JobState"], info["ExitCode"], info["Partition"]) == ("COMPLETED", "0:0", "local"), info
    steps = sorted(tuple(line.split()[1:]) for line in slurm.tasks_log.read_text().splitlines()
                   if line.split()[0] == slurm_id and len(line.split()) == 5)
    assert steps == [("0", "0", "2", "localhost"), ("0", "1", "2", "localhost")], steps
    done = _cli("fetch", job, "-o", str(env.tmp / "fetched"))
    assert done.returncode == 0, done.stderr
    fetched = Path(done.stdout.strip())
    _, err = reference.communicate(timeout=600)
    assert reference.returncode == 0, err
    a, b = read_results(fetched), read_results(local)
    assert a.meta["mpi_processes"] == 2 and b.meta["mpi_processes"] == 1
    assert a.meta["virtual_processes"] == b.meta["virtual_processes"] == 2
    if inside_image:  # the ranks ran the image's Python stack (numpy as pinned in the recipe), not this machine's
        pinned = re.search(r'"numpy==([\d.]+)"', (REPO / "containers" / "nest-pmix.def").read_text()).group(1)
        assert a.meta["versions"]["numpy"] == pinned != b.meta["versions"]["numpy"], (a.meta["versions"], IMAGE)
    assert set(a.spikes) == set(b.spikes) == {"E", "I"}
    for pop in a.spikes:
        (senders_a, times_a), (senders_b, times_b) = a.spikes[pop], b.spikes[pop]
        assert len(times_a) > 100, f"{pop} fired only {len(times_a)} spikes"
        np.testing.assert_array_equal(senders_a, senders_b)
        np.testing.assert_array_equal(times_a, times_b)
    # and as a user would check it: `portasnn compare` of the fetched results against the local run
    compared = _cli("compare", "--results", str(fetched), str(local), "-o", str(env.tmp / "cmp"), "--json")
    assert compared.returncode == 0, compared.stderr
    metrics = json.loads(compared.stdout)
    rates = [j for j in metrics["judgements"] if j["observable"] == "rate_hz"]
    assert metrics["verdict"] == "OK" and len(rates) == 2 and all(j["diff"] == 0.0 for j in rates), metrics


# --- failures (issue 15 item 3): each ends as a failed job with Slurm's reason, nothing is fetched as results, and
# the job queued behind it runs to its end

def _bundle(env, net: Path) -> str:  # noqa: ANN001
    done = _cli("bundle", str(net), "--set", f"N={N}", "--target", "nest", "-o", str(env.bundles), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["bundle"]


def _long_brunel(tmp: Path) -> Path:
    """The Brunel network simulating 10 h of biological time: a job that is still running when it is failed."""
    for name in ("brunel_params.pnet", "brunel_common.pnet", "brunel_delta_nest.pnet"):
        text = (BRUNEL.parent / name).read_text()
        (tmp / name).write_text(text.replace("simulate 1000 ms", "simulate 36000000 ms"))
    return tmp / "brunel_delta_nest.pnet"


def _submit(bundle: str) -> str:
    done = _cli("submit", bundle, "--to", "unicore:loopback", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["id"]


def _wait_state(job: str, states: tuple[str, ...], timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        row = json.loads(_cli("status", job, "--json").stdout)
        if row["state"] in states or time.monotonic() > deadline:
            return row
        time.sleep(1.0)


def _running_step(site, slurm, n_jobs: int) -> str:  # noqa: ANN001
    """The Slurm id of the first of ``n_jobs`` site jobs, once its job step (the 2 ranks) runs."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        ids = [j.get("batchSystemID") for j in site.jobs.values()]
        if len(ids) == n_jobs and all(ids):
            first = min(ids, key=int)
            if f"{first}.0" in slurm.run("squeue", "-s", "-h", "-o", "%i").stdout.split():
                return first
        time.sleep(0.5)
    raise AssertionError(f"no job step started\n{local_slurm.logs_tail(slurm)}")


def _failed_and_queue_unaffected(env, slurm, site, failing: str, queued: str, reason: str) -> None:  # noqa: ANN001
    row = _wait_state(failing, ("SUCCESSFUL", "FAILED"), 180)
    assert row["state"] == "FAILED" and reason in row["reason"], (row, local_slurm.logs_tail(slurm))
    shown = _cli("status", failing)
    assert shown.returncode == 0 and "why: " in shown.stdout and reason in shown.stdout, shown.stdout
    out = env.tmp / "fetched-failed"
    got = _cli("fetch", failing, "-o", str(out))
    assert got.returncode == 1 and "FAILED" in got.stderr and "Traceback" not in got.stderr, got.stderr
    assert not out.exists() or not any(out.rglob("meta.json")), "a failed job's files must not look like results"
    row = _wait_state(queued, ("SUCCESSFUL", "FAILED"), 300)
    assert row["state"] == "SUCCESSFUL", (row, local_slurm.logs_tail(slurm))
    got = _cli("fetch", queued, "-o", str(env.tmp / "fetched-ok"))
    assert got.returncode == 0, got.stderr
    results = read_results(Path(got.stdout.strip()))
    assert results.meta["mpi_processes"] == 2 and all(len(t) > 100 for _, t in results.spikes.values())


def test_a_job_over_its_walltime_fails_with_the_reason(env, slurm, standin_site, tmp_path):
    failing = _submit(_bundle(env, _long_brunel(tmp_path)))
    queued = _submit(_bundle(env, BRUNEL))
    slurm_id = _running_step(standin_site, slurm, 2)
    # limits have a resolution of one minute: lowering this one below the time run puts the job over it at
    # slurmctld's next check (every 30 s)
    done = slurm.run("scontrol", "update", f"JobId={slurm_id}", "TimeLimit=0")
    assert done.returncode == 0, done.stderr
    _failed_and_queue_unaffected(env, slurm, standin_site, failing, queued, "TIMEOUT")


def test_a_killed_rank_fails_the_job_with_the_reason(env, slurm, standin_site, tmp_path):
    failing = _submit(_bundle(env, _long_brunel(tmp_path)))
    queued = _submit(_bundle(env, BRUNEL))
    slurm_id = _running_step(standin_site, slurm, 2)
    deadline = time.monotonic() + 60
    while True:  # rank 1 of the step: `scontrol listpids` rows are PID JOBID STEPID LOCALID GLOBALID
        rows = [line.split() for line in slurm.run("scontrol", "listpids", slurm_id).stdout.splitlines()[1:]]
        ranks = [int(r[0]) for r in rows if len(r) == 5 and r[2] == "0" and r[4] == "1"]
        if ranks or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert ranks, rows
    os.kill(ranks[0], signal.SIGKILL)
    _failed_and_queue_unaffected(env, slurm, standin_site, failing, queued, "FAILED")


def test_a_node_going_down_fails_the_job_with_the_reason(env, slurm, standin_site, tmp_path):
    """An administrator takes the node down (`scontrol update State=DOWN`, as for a broken node) while the job
    runs: Slurm kills it, it ends NODE_FAIL (the cluster's JobRequeue=0; with requeueing it would start again),
    and the job queued behind it runs once the node is back."""
    failing = _submit(_bundle(env, _long_brunel(tmp_path)))
    queued = _submit(_bundle(env, BRUNEL))
    _running_step(standin_site, slurm, 2)
    node = f"NodeName={local_slurm.NODE_NAME}"
    done = slurm.run("scontrol", "update", node, "State=DOWN", "Reason=taken down by a portasnn test")
    assert done.returncode == 0, done.stderr
    try:
        row = _wait_state(failing, ("SUCCESSFUL", "FAILED"), 180)
        assert row["state"] == "FAILED", (row, local_slurm.logs_tail(slurm))
    finally:  # (the cluster's ReturnToService=2 also brings the node back once its slurmd registers again)
        slurm.run("scontrol", "update", node, "State=RESUME")
    _failed_and_queue_unaffected(env, slurm, standin_site, failing, queued, "NODE_FAIL")
