"""Helpers for the MPI tests: whether this NEST has MPI, the CLI, and the ranks of a run."""
from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "brunel"
PORTASNN = Path(sys.executable).with_name("portasnn")


@functools.cache
def nest_has_mpi() -> bool:
    """Asked in a child process, so that this one does not start MPI."""
    code = "import sys, nest; sys.exit(0 if nest.build_info['have_mpi'] else 1)"
    return subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYNEST_QUIET": "1"},
                          capture_output=True, check=False, timeout=300).returncode == 0


def require_mpi_nest() -> None:
    """Skip, saying how to get it, when the NEST in use was built without MPI."""
    if not nest_has_mpi():
        pytest.skip("the NEST in use has no MPI (nest.build_info['have_mpi'] is False): run `make setup-mpi`")


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without what an MPI singleton (NEST imported in this process) may have set."""
    from portasnn.targets.nest.mpi import launch_environ

    return {**launch_environ(), "PYNEST_QUIET": "1", **extra}


def portasnn(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(PORTASNN), *args], capture_output=True, text=True, check=False, timeout=900,
                          env=clean_env(**(env or {})), cwd=cwd)


def rank_pids(marker: str) -> dict[int, int]:
    """Running ranks (MPI rank -> pid) whose command line contains ``marker``."""
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if "portasnn.targets.nest.mpi" not in cmdline or marker not in cmdline:
                continue
            environ = dict(item.split("=", 1) for item in (proc / "environ").read_bytes().decode(errors="replace")
                           .split("\0") if "=" in item)
        except OSError:
            continue
        if environ.get("OMPI_COMM_WORLD_RANK", "").isdigit():
            found[int(environ["OMPI_COMM_WORLD_RANK"])] = int(proc.name)
    return found
