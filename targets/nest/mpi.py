"""Run a network's PyNEST script on several MPI processes, and merge what the ranks recorded.

Two ways in, one script:

- ``launch(script, sim, outdir)`` (``portasnn run --processes N``): the NEST target has built the
  NESTML models once (every rank then loads the same cached module); this writes the script into a hidden partial
  directory next to ``outdir``, and launches ``N`` ranks of ``python -m portasnn.targets.nest.mpi``
  with ``mpirun`` (or ``srun`` inside a Slurm allocation, ``SLURM_JOB_ID`` set). Each rank imports
  the script and calls its ``main``; the script gathers the ranks' recordings on rank 0, which writes
  the results directory. Only when every rank finished is the partial directory renamed to ``outdir``.
- ``run_in_rank(script, threads, outdir)``: this process already is one of several ranks (started by
  ``srun`` or ``mpirun`` from outside, e.g. the runtime's job on an HPC node); the NEST target calls it there.

Failure is loud: without ``mpirun``/``srun`` or with a NEST built without MPI the run refuses with a
``UsageError`` naming ``make setup-mpi``; a rank that fails or dies fails the whole run with that
rank's error (``ToolError``), and the partial directory is removed, so nothing that looks like a
finished results directory is left. So does SIGTERM to the launching process (a Slurm time limit or ``scancel``
ends a batch job's processes with SIGTERM, and SIGKILL ``KillWait`` seconds later): the ranks are stopped, the
partial directory removed, and the run fails (``ToolError``, exit 1).

Rank files (launcher mode): ``<partial>/.portasnn-ranks/rank<k>.json`` with ``rank``, ``ok``, ``error``,
``wall_time_s`` ({build, connect, simulate}: seconds on that rank), ``peak_rss_mib``; read by the
launcher (``MpiRun.ranks``) and removed before the rename.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import functools
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

from portasnn.errors import PortasnnError, ToolError, UsageError, warn

ProgressCallback = Callable[[float, float], None]

SETUP_HINT = "run `make setup-mpi` (installs OpenMPI and builds NEST with MPI into .venv)"
PROGRESS_TAG = "@portasnn-progress"
RANKS_DIR = ".portasnn-ranks"
# (rank variable, size variable) that MPI launchers set in every process they start
_WORLD_VARS = (("OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE"), ("PMI_RANK", "PMI_SIZE"),
               ("SLURM_PROCID", "SLURM_STEP_NUM_TASKS"))
_PROGRESS = re.compile(rf"^{PROGRESS_TAG} ([0-9.eE+-]+) ([0-9.eE+-]+)$")
_KILLED = re.compile(r"rank (\d+) with PID \d+ on node \S+ exited on signal (\d+)")
_PHASES = {"build": "build", "connect": "connect_network", "simulate": "simulate"}


@dataclasses.dataclass(frozen=True, slots=True)
class MpiRun:
    """A finished multi-process run: the results directory, its summary, and one record per rank."""

    outdir: Path
    summary: dict
    ranks: tuple[dict, ...]
    wall_time_s: float


# ---------------------------------------------------------------------------------------------- environment


def world() -> tuple[int, int]:
    """(rank, size) of this process in an MPI job started from outside, from the launcher's variables."""
    for rank_var, size_var in _WORLD_VARS:
        rank, size = os.environ.get(rank_var, ""), os.environ.get(size_var, "")
        if rank_var == "SLURM_PROCID" and not os.environ.get("SLURM_STEP_ID", "").isdigit():
            continue  # a batch script in an allocation, not a task of a job step
        if rank.isdigit() and size.isdigit():
            return int(rank), int(size)
    return 0, 1


def nest_has_mpi() -> bool:
    """Whether the installed NEST was built with MPI (``nest.build_info["have_mpi"]``)."""
    import nest

    return bool(nest.build_info.get("have_mpi"))


def launcher_command(processes: int, threads: int, environ: dict[str, str] | None = None) -> list[str]:
    """``srun`` (inside a Slurm allocation; ``--mpi=pmix`` unless ``SLURM_MPI_TYPE`` says otherwise) or ``mpirun``
    arguments that start ``processes`` ranks."""
    env = os.environ if environ is None else environ
    if env.get("SLURM_JOB_ID"):
        srun = shutil.which("srun", path=env.get("PATH"))
        if srun is None:
            raise UsageError("inside a Slurm allocation (SLURM_JOB_ID is set) but srun is not on PATH",
                             code="E701", hint="load the site's Slurm environment, or unset SLURM_JOB_ID")
        mpi = env.get("SLURM_MPI_TYPE") or "pmix"  # srun's own variable for --mpi: a site or user may set it
        return [srun, f"--ntasks={processes}", f"--cpus-per-task={threads}", "--kill-on-bad-exit=1", f"--mpi={mpi}"]
    mpirun = shutil.which("mpirun", path=env.get("PATH"))
    if mpirun is None:
        raise UsageError(f"--processes {processes} needs mpirun, which is not on PATH", code="E702", hint=SETUP_HINT)
    command = [mpirun, "-n", str(processes), "--oversubscribe", "--bind-to", "none"]
    if os.geteuid() == 0:
        command.append("--allow-run-as-root")
    return command


def nest_built_with_mpi(nest_include: Path) -> bool:
    """Whether NEST's installed ``config.h`` defines ``HAVE_MPI`` (read, without importing ``nest``)."""
    config = Path(nest_include) / "config.h"
    return config.is_file() and re.search(r"^#define\s+HAVE_MPI\b", config.read_text(errors="replace"), re.M) is not None


def module_compile_flags(nest_include: Path) -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """Extra include directories and flags for extension modules of a NEST built with MPI (its headers
    include ``mpi.h``): MPI's header directories from ``mpicxx --showme:incdirs`` (OpenMPI) or
    ``pkg-config ompi``/``mpich``, and no MPI C++ bindings (their symbols are not needed)."""
    if not nest_built_with_mpi(nest_include):
        return (), ()
    queries = (["mpicxx", "--showme:incdirs"], ["pkg-config", "--cflags-only-I", "ompi"],
               ["pkg-config", "--cflags-only-I", "mpich"])
    for query in queries:
        if shutil.which(query[0]) is None:
            continue
        done = subprocess.run(query, capture_output=True, text=True, check=False, timeout=30)
        dirs = tuple(Path(d.removeprefix("-I")) for d in done.stdout.split())
        if done.returncode == 0 and any((d / "mpi.h").is_file() for d in dirs):
            return dirs, ("-DOMPI_SKIP_MPICXX=1", "-DMPICH_SKIP_MPICXX=1")
    raise ToolError("the NEST in use was built with MPI, and its headers need mpi.h, which was not found\n"
                    "  fix: sudo apt-get install -y libopenmpi-dev   (or: make setup-mpi)")


def launch_environ() -> dict[str, str]:
    """This environment without the variables of an MPI singleton (``import nest`` initialises MPI here)."""
    return {k: v for k, v in os.environ.items()
            if not (k.startswith(("OMPI_COMM_WORLD_", "OMPI_UNIVERSE_", "PMIX_", "PMI_")) or k in ("OMPI_MCA_ess",
                    "OMPI_MCA_orte_ess_num_procs", "OMPI_MCA_orte_launch", "OMPI_MCA_pmix", "OMPI_FILE_LOCATION"))}


# ---------------------------------------------------------------------------------------------- launcher


def launch(filename: str, text: str, sim, outdir: Path, *, progress: ProgressCallback | None = None,  # noqa: ANN001
           command: str | None = None) -> MpiRun:
    """Launch ``sim.processes`` ranks of the rendered network script (its modules already built) and wait."""
    launcher_command(sim.processes, sim.threads)  # refuse before any work if there is no launcher
    os.environ.setdefault("PYNEST_QUIET", "1")  # the ranks are quiet too
    if not nest_has_mpi():
        raise UsageError(f"--processes {sim.processes} needs a NEST built with MPI, and the NEST in use has none "
                         "(nest.build_info['have_mpi'] is False)", code="E703", hint=SETUP_HINT)
    return run_script(filename, text, outdir, sim.processes, sim.threads, progress=progress, command=command)


def run_script(filename: str, text: str, outdir: Path, processes: int, threads: int, *,
               progress: ProgressCallback | None = None, command: str | None = None) -> MpiRun:
    """Write a network script into a partial directory next to ``outdir``, run its ``main`` on ``processes``
    ranks of ``threads`` threads, and rename the partial directory to ``outdir`` when every rank succeeded."""
    launcher = launcher_command(processes, threads)
    outdir = Path(outdir)
    partial = outdir.parent / f".{outdir.name}.partial-{os.getpid()}"
    with _sigterm_fails(processes, Path(launcher[0]).name):
        partial.mkdir(parents=True)
        try:
            (partial / filename).write_text(text)
            start = time.perf_counter()
            argv = [*launcher, sys.executable, "-m", "portasnn.targets.nest.mpi", str(partial / filename),
                    str(partial), "--vps", str(processes * threads), "--command", command or ""]
            log = _run_ranks(argv, progress)
            wall = time.perf_counter() - start
            ranks = _rank_records(partial, processes)
            failed = [r for r in ranks if not r.get("ok")]
            if log.returncode != 0 or failed or not (partial / "meta.json").is_file():
                error = ToolError(_failure(log, ranks, processes, launcher[0]))
                error.rank_errors = tuple(str(r["error"]) for r in failed if r.get("error"))  # type: ignore[attr-defined]
                raise error
            shutil.rmtree(partial / RANKS_DIR)
            summary_path = partial / "summary.json"
            summary = json.loads(summary_path.read_text()) if summary_path.is_file() else {}
            _finish(partial, outdir)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
    return MpiRun(outdir=outdir, summary=summary, ranks=tuple(ranks), wall_time_s=wall)


@contextlib.contextmanager
def _sigterm_fails(processes: int, launcher: str):
    """While the ranks run, the first SIGTERM raises a ``ToolError`` (Python's default would end this process at
    once, leaving the ranks and the partial directory behind) and later ones are ignored until the cleanup is done
    (SIGKILL still ends it); in the main thread only, where signal handlers live."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame) -> None:  # noqa: ANN001
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise ToolError(f"stopped by SIGTERM while {processes} ranks ran under {launcher} (a batch system's time "
                        "limit, a cancelled job, or a kill); no results were written")

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclasses.dataclass(frozen=True, slots=True)
class _Log:
    returncode: int
    tail: tuple[str, ...]


def _run_ranks(argv: list[str], progress: ProgressCallback | None) -> _Log:
    """Run the launcher, forwarding rank 0's progress lines; keep the last lines of everything else."""
    tail: collections.deque[str] = collections.deque(maxlen=60)
    with tempfile.TemporaryFile("w+", errors="replace") as errors:
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL, text=True,
                                errors="replace", env=launch_environ(), start_new_session=True)
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                match = _PROGRESS.match(line)
                if match and progress is not None:
                    progress(float(match.group(1)), float(match.group(2)))
                elif not match and line.strip():
                    tail.append(line.rstrip())
            proc.wait()
        except BaseException:  # interrupted: stop every rank (quickly: a batch system's SIGKILL may follow soon)
            with contextlib.suppress(ProcessLookupError):  # the launcher may have ended already
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            raise
        errors.seek(0)
        tail.extend(line.rstrip() for line in errors if line.strip())
    return _Log(returncode=proc.returncode, tail=tuple(tail))


def _rank_records(partial: Path, processes: int) -> list[dict]:
    records = []
    for k in range(processes):
        path = partial / RANKS_DIR / f"rank{k}.json"
        try:
            records.append(json.loads(path.read_text()))
        except (OSError, ValueError):
            records.append({"rank": k, "ok": False, "error": None})
    return records


def _failure(log: _Log, ranks: list[dict], processes: int, launcher: str) -> str:
    """The error of the rank that failed first (its own message, or the signal that killed it)."""
    name = Path(launcher).name
    for record in ranks:
        if record.get("error"):
            return f"rank {record['rank']} of {processes} failed: {record['error']}"
    for line in log.tail:
        match = _KILLED.search(line)
        if match:
            rank, signum = int(match.group(1)), int(match.group(2))
            return f"rank {rank} of {processes} was killed by signal {signum} ({signal.Signals(signum).name})"
    unfinished = [r["rank"] for r in ranks if not r.get("ok")]
    detail = "\n".join(f"  {line}" for line in log.tail[-12:])
    who = f"rank {unfinished[0]} of {processes} did not finish" if unfinished else "no results were written"
    return f"{who} ({name} exited with status {log.returncode})" + (f"; last output:\n{detail}" if detail else "")


def _finish(partial: Path, outdir: Path) -> None:
    """Rename the complete partial directory to ``outdir`` (which may exist only as an empty directory)."""
    if outdir.is_dir() and not any(outdir.iterdir()):
        outdir.rmdir()
    os.replace(partial, outdir)


# ---------------------------------------------------------------------------------------------- in a rank


def run_in_rank(filename: str, text: str, threads: int, outdir: Path, *,
                progress: ProgressCallback | None = None, command: str | None = None) -> dict:
    """Run the rendered script as this rank of an MPI job started from outside (``srun``/``mpirun`` around
    portasnn); the program was lowered for the job's size (``NestTarget.for_world``).

    Every rank renders the same script (its modules built, or under the cache's lock reused); rank 0 writes
    it into the partial directory and, when all ranks are done, renames that to ``outdir``. A rank that
    fails prints its error and ends the process at once (the job's other ranks would wait for it forever
    otherwise), so the launcher ends the whole job.
    """
    from portasnn.targets.nest.script import load_script

    rank, size = world()
    outdir = Path(outdir).resolve()
    partial = outdir.parent / f".{outdir.name}.partial"
    try:
        if not nest_has_mpi():
            raise UsageError(f"started as rank {rank} of {size} MPI processes, but the NEST in use has no MPI",
                             code="E703", hint=SETUP_HINT)
        with tempfile.TemporaryDirectory(prefix=f"portasnn-rank{rank}-") as private:
            if rank == 0:
                shutil.rmtree(partial, ignore_errors=True)  # a failed earlier attempt
                partial.mkdir(parents=True)
            path = (partial if rank == 0 else Path(private)) / filename
            path.write_text(text)
            module = load_script(path)
            summary = module.main(partial, progress=progress if rank == 0 else None, command=command or "",
                                  vps=size * threads)
        if rank == 0:
            _finish(partial, outdir)
        return summary or {}
    except BaseException as exc:  # noqa: BLE001 - a rank must end the job, whatever stopped it
        if size == 1:
            raise
        _abort(rank, exc)


def _abort(rank: int, exc: BaseException) -> None:
    message = str(exc) if isinstance(exc, PortasnnError) else f"{type(exc).__name__}: {exc}"
    print(f"error: rank {rank}: {message}", file=sys.stderr, flush=True)
    os._exit(2 if isinstance(exc, PortasnnError) else 1)


def _rank_main(argv: list[str] | None = None) -> None:
    """One rank under ``launch``: import the script, run its ``main``, write this rank's record."""
    parser = argparse.ArgumentParser(prog="python -m portasnn.targets.nest.mpi")
    parser.add_argument("script", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--vps", type=int, required=True)
    parser.add_argument("--command", default="")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYNEST_QUIET", "1")
    rank, _ = world()
    record: dict = {"rank": rank, "ok": False, "error": None, "wall_time_s": {}, "peak_rss_mib": None}
    try:
        from portasnn.targets.nest.script import load_script

        module = load_script(args.script)
        for phase, function in _PHASES.items():  # time each phase on this rank too
            setattr(module, function, _timed(getattr(module, function), record["wall_time_s"], phase))
        module.main(args.outdir, vps=args.vps, command=args.command, progress=_print_progress if rank == 0 else None)
        record["ok"] = True
    except BaseException as exc:  # noqa: BLE001 - reported through the record, then the job ends
        record["error"] = f"{type(exc).__name__}: {exc}"
        traceback.print_exc()
    record["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    records = args.outdir / RANKS_DIR
    records.mkdir(parents=True, exist_ok=True)
    (records / f"rank{rank}.json").write_text(json.dumps(record, indent=1) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    if not record["ok"]:
        os._exit(1)  # at once: a failed rank must not wait in MPI_Finalize for the others


def _timed(function: Callable, into: dict, phase: str) -> Callable:
    @functools.wraps(function)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            into[phase] = time.perf_counter() - start
    return timed


def _print_progress(done_ms: float, total_ms: float) -> None:
    print(f"{PROGRESS_TAG} {done_ms} {total_ms}", flush=True)


if __name__ == "__main__":
    _rank_main()
