"""issue 15 item 2: `portasnn run --processes 2` inside a batch job of a REAL single-node Slurm (slurmctld, slurmd
and munge on 127.0.0.1, started by ``portasnn.runtime.local_slurm``) launches its ranks with the real
``srun --mpi=pmix``, and gives spike for spike what one process with two threads gives (two virtual processes
either way). A job over its time limit ends as TIMEOUT, portasnn's run in it exits 1, and nothing that looks like
a results directory is left.

Skipped, saying why, only when the Slurm programs are not installed (`make setup-mpi` installs them) or the NEST
in use has no MPI, as the other MPI tests are; a Slurm that is installed but does not come up fails the test with
its daemons' logs.
"""
from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from mpi_support import PORTASNN, clean_env, require_mpi_nest
from portasnn.errors import UsageError
from portasnn.results import read_results
from portasnn.runtime import local_slurm

pytestmark = pytest.mark.slow
NET = Path(__file__).resolve().parents[1] / "targets" / "small_nestml.pnet"
ACTIVE = {"PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED"}


@pytest.fixture(scope="module")
def slurm(tmp_path_factory):
    missing = local_slurm.missing_programs()
    if missing:
        pytest.skip(f"Slurm is not installed ({', '.join(missing)} not found): run `make setup-mpi`")
    require_mpi_nest()
    cluster = local_slurm.up(tmp_path_factory.mktemp("slurm"), lifetime_s=600, timeout=60)
    try:
        yield cluster
    finally:
        local_slurm.down(cluster.state)
    assert not local_slurm.leftovers(cluster), "processes of the local Slurm outlived `down`"


def _job(cluster: local_slurm.LocalSlurm, folder: Path, command: str, *sbatch: str) -> tuple[str, Path]:
    """Submit a batch job of 2 tasks that runs ``command`` and then prints its exit status; (job id, output)."""
    out = folder / "job.out"
    script = folder / "job.sh"
    script.write_text(f"""#!/bin/bash
#SBATCH --ntasks=2
#SBATCH --output={out}
trap 'echo "batch script: SIGTERM" >&2' TERM   # wait for portasnn to finish, then say how it ended
cd {folder}
{command}
echo "portasnn exit status $?"
""")
    done = subprocess.run(["sbatch", "--parsable", *sbatch, str(script)], capture_output=True, text=True,
                          check=False, timeout=30, env=cluster.environ(clean_env()))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().split(";")[0], out


def _job_info(cluster: local_slurm.LocalSlurm, job: str) -> dict[str, str]:
    done = cluster.run("scontrol", "show", "job", "-o", job)
    assert done.returncode == 0, done.stderr
    return dict(re.findall(r"(\w+)=(\S*)", done.stdout))


def _wait(condition, timeout: float, what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    assert condition(), f"{what}: not within {timeout:.0f} s"


def _finished(cluster: local_slurm.LocalSlurm, job: str, out: Path, timeout: float) -> dict[str, str]:
    """Wait until the job has ended and its batch script has printed portasnn's exit status."""
    _wait(lambda: _job_info(cluster, job)["JobState"] not in ACTIVE and "portasnn exit status" in _text(out),
          timeout, f"job {job} did not end\n{_text(out)}\n{local_slurm.logs_tail(cluster)}")
    return _job_info(cluster, job)


def _text(path: Path) -> str:
    return path.read_text(errors="replace") if path.is_file() else ""


def _tasks(cluster: local_slurm.LocalSlurm, job: str) -> list[tuple[str, ...]]:
    """(step, task, tasks in the step, node) of every task Slurm started for ``job`` (the TaskProlog's log)."""
    lines = [line.split() for line in cluster.tasks_log.read_text().splitlines()]
    return sorted(tuple(fields[1:]) for fields in lines if fields[0] == job and len(fields) == 5)


def test_two_tasks_under_real_srun_equal_two_threads(slurm, tmp_path):
    reference = tmp_path / "threads"
    local = subprocess.Popen([str(PORTASNN), "run", str(NET), "--target", "nest", "--processes", "1", "--threads",
                              "2", "-o", str(reference), "--no-plots"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=clean_env())
    ranks = tmp_path / "ranks"
    job, out = _job(slurm, tmp_path, f"{PORTASNN} run {NET} --target nest --processes 2 -o {ranks} --no-plots")
    info = _finished(slurm, job, out, timeout=600)
    _, err = local.communicate(timeout=600)
    assert local.returncode == 0, err
    assert "portasnn exit status 0" in _text(out), _text(out)
    assert (info["JobState"], info["ExitCode"], info["NumTasks"]) == ("COMPLETED", "0:0", "2"), info
    assert _tasks(slurm, job) == [("0", "0", "2", "localhost"), ("0", "1", "2", "localhost")], \
        "Slurm did not start one job step of 2 tasks"
    a, b = read_results(ranks), read_results(reference)
    assert set(a.spikes) == set(b.spikes) == {"E", "I"}
    for pop in a.spikes:
        (senders_a, times_a), (senders_b, times_b) = a.spikes[pop], b.spikes[pop]
        assert len(times_a) > 20, f"{pop} fired only {len(times_a)} spikes"
        np.testing.assert_array_equal(senders_a, senders_b)
        np.testing.assert_array_equal(times_a, times_b)
    assert a.meta["mpi_processes"] == 2 and b.meta["mpi_processes"] == 1
    assert a.meta["virtual_processes"] == b.meta["virtual_processes"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.out", "job.sh", "ranks", "threads"]


def test_the_daemons_listen_on_loopback_only(slurm):
    """slurmctld and slurmd bind their ports to 127.0.0.1 (CommunicationParameters=NoInAddrAny,NoCtldInAddrAny),
    not to every interface."""
    settings = [line.split("=", 1) for line in slurm.conf.read_text().splitlines() if line.endswith(tuple("0123456789"))]
    ports = {int(value) for key, value in settings if key in ("SlurmctldPort", "SlurmdPort")}
    listening = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, port = local.rsplit(":", 1)
            if state == "0A" and int(port, 16) in ports:  # LISTEN
                listening.setdefault(int(port, 16), set()).add(address)
    assert set(listening) == ports, (listening, ports)
    assert all(addresses == {"0100007F"} for addresses in listening.values()), listening

def test_a_job_over_its_time_limit_fails_and_leaves_no_results(slurm, tmp_path):
    long = tmp_path / "long.pnet"
    # 10 h of biological time: still running when Slurm stops it (600 s once finished first on a quiet machine)
    long.write_text(NET.read_text().replace("simulate 100 ms", "simulate 36000000 ms"))
    results = tmp_path / "out"
    job, out = _job(slurm, tmp_path, f"{PORTASNN} run {long} --target nest --processes 2 -o {results} --no-plots",
                    "--time=10")
    _wait(lambda: f"{job}.0" in slurm.run("squeue", "-s", "-h", "-o", "%i").stdout.split(), 300,
          f"job {job} started no job step\n{_text(out)}")
    assert list(tmp_path.glob(".out.partial-*")), "the ranks run, writing into a partial directory"
    # Slurm's time limits have a resolution of one minute: lowering the limit below the time the job has run is
    # how a test puts it over its limit within seconds (slurmctld checks the limits every 30 s)
    done = slurm.run("scontrol", "update", f"JobId={job}", "TimeLimit=0")
    assert done.returncode == 0, done.stderr
    info = _finished(slurm, job, out, timeout=120)
    text = _text(out)
    assert info["JobState"] == "TIMEOUT", info
    assert "DUE TO TIME LIMIT" in text, text
    assert "stopped by SIGTERM while 2 ranks ran under srun" in text and "Traceback" not in text, text
    assert "portasnn exit status 1" in text, text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.out", "job.sh", "long.pnet"]
    assert f"JobId={job} " in _text(slurm.state / "log" / "jobs.txt")
    assert re.search(rf"JobId={job} .*JobState=TIMEOUT", _text(slurm.state / "log" / "jobs.txt"))



def test_an_mpi_type_this_mpi_cannot_use_fails_loudly(slurm, tmp_path):
    """Under `salloc`, with SLURM_MPI_TYPE=none (srun then gives the ranks no PMI): Open MPI cannot start, the run
    exits 1 naming srun and showing Open MPI's message, and leaves no results."""
    done = subprocess.run(["salloc", "-n", "2", str(PORTASNN), "run", str(NET), "--target", "nest", "--processes",
                           "2", "-o", str(tmp_path / "out"), "--no-plots"], capture_output=True, text=True,
                          check=False, timeout=300, env=slurm.environ(clean_env(SLURM_MPI_TYPE="none")))
    assert done.returncode == 1, done.stderr
    assert re.search(r"rank \d of 2 did not finish \(srun exited with status \d+\)", done.stderr), done.stderr
    assert "MPI_Init" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_cluster_stops_by_itself_after_its_lifetime(tmp_path):
    if local_slurm.missing_programs():
        pytest.skip("Slurm is not installed: run `make setup-mpi`")
    cluster = local_slurm.up(tmp_path / "slurm", lifetime_s=4, timeout=60)
    try:
        _wait(lambda: local_slurm._supervisor(cluster) is None, 40, "the supervisor outlived its lifetime")
        assert "stopping: lifetime of 4 s over" in _text(cluster.state / "log" / "supervisor.log")
        assert not local_slurm.leftovers(cluster)
    finally:
        local_slurm.down(cluster.state)


def test_conf_and_refusals(tmp_path):
    """No daemons: the generated slurm.conf keeps everything in the state directory and on 127.0.0.1, chooses pmix
    where the plugin exists, and a directory that is not a cluster's is never wiped (E680)."""
    node = local_slurm.Node(cpus=2, boards=1, sockets=1, cores=2, threads=1)
    conf = local_slurm.render_conf(tmp_path, node, 7001, 7002, ("none", "pmi2", "pmix", "pmix_v4"))
    settings = dict(line.split("=", 1) for line in conf.splitlines() if line and not line.startswith(("#", "Node",
                                                                                                      "Partition")))
    assert settings["MpiDefault"] == "pmix" and settings["SlurmctldHost"] == "localhost(127.0.0.1)"
    assert "NodeAddr=127.0.0.1" in conf and "CPUs=2" in conf
    paths = [v.removeprefix("socket=") for v in settings.values() if v.removeprefix("socket=").startswith("/")]
    assert len(paths) >= 10 and all(p.startswith(f"{tmp_path}/") for p in paths), paths
    assert local_slurm.choose_mpi(("none", "pmi2"))[0] == "pmi2"
    assert local_slurm.choose_mpi(())[0] == "none"
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("keep me")
    with pytest.raises(UsageError, match="not a local Slurm's state directory") as caught:
        local_slurm.prepare(local_slurm.LocalSlurm(foreign))
    assert caught.value.code == "E680" and (foreign / "thesis.tex").read_text() == "keep me"
