"""The MPI launcher with real mpirun and small stand-in scripts (no NEST needed): a rank that raises, a rank
that is killed, no mpirun on PATH, srun inside a Slurm allocation, the ranks' environment."""
from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mpi_support import EXAMPLES, portasnn
from portasnn.errors import ToolError, UsageError
from portasnn.targets.nest import mpi

needs_mpirun = pytest.mark.skipif(shutil.which("mpirun") is None, reason="mpirun is not installed: make setup-mpi")

# A stand-in for a generated network script: the same entry points, and a way to fail on rank 1.
STAND_IN = textwrap.dedent('''
    import json, os, signal, time
    from pathlib import Path

    def build(*args): time.sleep(0.01)
    def connect_network(*args): pass
    def simulate(*args): pass

    def main(outdir, *, vps, command, progress):
        rank = int(os.environ["OMPI_COMM_WORLD_RANK"])
        build(); connect_network(); simulate()
        if rank == 1 and os.environ.get("STAND_IN") == "raise":
            raise RuntimeError("no space left on rank 1")
        if rank == 1 and os.environ.get("STAND_IN") == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if os.environ.get("STAND_IN") == "sleep":
            Path(outdir, f"sleeping{rank}").touch()
            time.sleep(120)
        if progress:
            progress(50.0, 100.0)
        if rank == 0:
            Path(outdir, "summary.json").write_text(json.dumps({"vps": vps}))
            Path(outdir, "meta.json").write_text(json.dumps({"command": command}))
''')


def _run(tmp_path: Path, monkeypatch, mode: str, seen: list | None = None) -> mpi.MpiRun:
    monkeypatch.setenv("STAND_IN", mode)
    return mpi.run_script("run_stand_in.py", STAND_IN, tmp_path / "out", 2, 1, command="stand-in",
                          progress=lambda done, total: (seen if seen is not None else []).append((done, total)))


def _leftovers(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir())


@needs_mpirun
def test_two_ranks_finish_and_the_directory_appears_complete(tmp_path, monkeypatch):
    seen: list[tuple[float, float]] = []
    done = _run(tmp_path, monkeypatch, "ok", seen)
    assert done.summary == {"vps": 2}
    assert [r["rank"] for r in done.ranks] == [0, 1] and all(r["ok"] for r in done.ranks)
    assert all(r["peak_rss_mib"] > 1 and set(r["wall_time_s"]) == {"build", "connect", "simulate"}
               for r in done.ranks)
    assert seen == [(50.0, 100.0)]  # rank 0's progress reached the caller
    assert _leftovers(tmp_path) == ["out"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["meta.json", "run_stand_in.py", "summary.json"]


@needs_mpirun
def test_a_rank_that_raises_fails_the_run_with_its_error(tmp_path, monkeypatch):
    with pytest.raises(ToolError, match=r"rank 1 of 2 failed: RuntimeError: no space left on rank 1"):
        _run(tmp_path, monkeypatch, "raise")
    assert _leftovers(tmp_path) == []  # no results directory, complete or not


@needs_mpirun
def test_a_killed_rank_fails_the_run(tmp_path, monkeypatch):
    with pytest.raises(ToolError, match=r"rank 1 of 2 was killed by signal 9 \(SIGKILL\)"):
        _run(tmp_path, monkeypatch, "kill")
    assert _leftovers(tmp_path) == []


@needs_mpirun
def test_sigterm_to_the_launcher_stops_the_ranks_and_leaves_nothing(tmp_path):
    """issue 15 item 2: a batch system's time limit or scancel sends SIGTERM; the run fails with a message and
    exit 1, its ranks end, and no results directory (complete-looking or partial) is left."""
    code = ("import sys; from portasnn.targets.nest import mpi\n"
            "from portasnn.errors import ToolError\n"
            f"try: mpi.run_script('run_stand_in.py', {STAND_IN!r}, __import__('pathlib').Path({str(tmp_path / 'out')!r}),"
            " 2, 1, command='stand-in')\n"
            "except ToolError as exc: print(f'error: {exc}', file=sys.stderr); sys.exit(1)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "STAND_IN": "sleep"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(tmp_path.glob(".out.partial-*/sleeping*"))) < 2:
        time.sleep(0.1)
    assert len(list(tmp_path.glob(".out.partial-*/sleeping*"))) == 2, "the ranks did not start"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1, err
    assert "stopped by SIGTERM while 2 ranks ran under mpirun" in err and "Traceback" not in err
    assert _leftovers(tmp_path) == []
    assert not _stand_in_ranks(tmp_path)


def _stand_in_ranks(tmp_path: Path) -> list[int]:
    """Processes still running a rank of a stand-in job under ``tmp_path``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(tmp_path).encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_no_mpirun_on_path_is_a_usage_error_naming_setup_mpi(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "out"
    done = portasnn("run", str(EXAMPLES / "brunel_delta_nest.pnet"), "--set", "N=200", "--processes", "2",
                    "-o", str(out), env={"PATH": str(empty)})
    assert done.returncode == 2, done.stderr
    assert "E702" in done.stderr and "mpirun" in done.stderr and "make setup-mpi" in done.stderr
    assert "Traceback" not in done.stderr
    assert _leftovers(tmp_path) == ["bin"]


def test_processes_must_be_positive():
    done = portasnn("run", str(EXAMPLES / "brunel_delta_nest.pnet"), "--processes", "0")
    assert done.returncode == 2 and "--processes" in done.stderr


def test_one_process_targets_refuse_several():
    from portasnn.run import run

    with pytest.raises(UsageError, match="runs in one process"):
        run(EXAMPLES / "brunel_delta_nest.pnet", target="spinnaker-host", processes=2, progress=False)


def _stand_in_program(directory: Path, name: str) -> None:
    path = directory / name
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def test_inside_a_slurm_allocation_srun_starts_the_ranks(tmp_path):
    _stand_in_program(tmp_path, "srun")
    _stand_in_program(tmp_path, "mpirun")
    env = {"PATH": str(tmp_path), "SLURM_JOB_ID": "4711"}
    assert mpi.launcher_command(4, 3, env) == [str(tmp_path / "srun"), "--ntasks=4", "--cpus-per-task=3",
                                               "--kill-on-bad-exit=1", "--mpi=pmix"]
    assert mpi.launcher_command(2, 1, {**env, "SLURM_MPI_TYPE": "pmi2"})[-1] == "--mpi=pmi2"  # issue 15 item 2
    command = mpi.launcher_command(4, 3, {"PATH": str(tmp_path)})
    assert command[:3] == [str(tmp_path / "mpirun"), "-n", "4"]
    assert ("--allow-run-as-root" in command) == (os.geteuid() == 0)
    with pytest.raises(UsageError, match="srun is not on PATH"):
        mpi.launcher_command(2, 1, {"PATH": str(tmp_path / "nothing"), "SLURM_JOB_ID": "4711"})


@pytest.mark.parametrize(("env", "expected"), [
    ({}, (0, 1)),
    ({"OMPI_COMM_WORLD_RANK": "3", "OMPI_COMM_WORLD_SIZE": "4"}, (3, 4)),
    ({"PMI_RANK": "1", "PMI_SIZE": "2"}, (1, 2)),
    ({"SLURM_PROCID": "5", "SLURM_STEP_NUM_TASKS": "8", "SLURM_STEP_ID": "0"}, (5, 8)),
    ({"SLURM_PROCID": "0", "SLURM_STEP_NUM_TASKS": "8"}, (0, 1)),  # a batch script, not a task of a step
])
def test_world_from_the_launchers_variables(monkeypatch, env, expected):
    for var in ("OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "PMI_RANK", "PMI_SIZE", "SLURM_PROCID",
                "SLURM_STEP_NUM_TASKS", "SLURM_STEP_ID"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert mpi.world() == expected


def test_modules_of_a_nest_with_mpi_get_mpi_headers(tmp_path):
    (tmp_path / "config.h").write_text('#define NEST_VERSION "3.10.0"\n/* #undef HAVE_MPI */\n')
    assert mpi.module_compile_flags(tmp_path) == ((), ())
    (tmp_path / "config.h").write_text('#define NEST_VERSION "3.10.0"\n#define HAVE_MPI 1\n')
    if shutil.which("mpicxx") is None:
        pytest.skip("OpenMPI headers are not installed: make setup-mpi")
    dirs, flags = mpi.module_compile_flags(tmp_path)
    assert any((d / "mpi.h").is_file() for d in dirs) and "-DOMPI_SKIP_MPICXX=1" in flags
