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


@pytest.fixture(params=["stand-in", "image"])
def slurm_site(request, env, slurm):
    from fake_unicore import FakeUnicore

    if request.param == "image" and IMAGE is None:
        pytest.skip("the NEST image is not built: run `make images` (about an hour the first time)")
    image = IMAGE if request.param == "image" else "docker://registry.example.org/portasnn/nest-pmix:0.1.0"
    site = FakeUnicore(TOKEN, lifetime_s=600, slurm=slurm, container=request.param).start()
    (env.config / "sites.toml").write_text(
        f'[loopback]\nurl = "{site.base}"\nimage = "{image}"\n'
        'verify_tls = false\ntimeout = 5.0\nnodes = 1\ntasks_per_node = 2\ncpus_per_task = 1\nproject = "demo"\n'
        'queue = "local"\nruntime = "10m"\n')
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
