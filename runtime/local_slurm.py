"""A real single-node Slurm on loopback, for the tests and for trying the HPC path on a workstation.

    python -m portasnn.runtime.local_slurm up [--dir DIR] [--lifetime SECONDS]   # prints: export SLURM_CONF=...
    python -m portasnn.runtime.local_slurm status [--dir DIR]
    python -m portasnn.runtime.local_slurm down [--dir DIR]

``up`` writes everything into one state directory (default ``$XDG_STATE_HOME/portasnn/slurm``): a fresh munge
key, a ``slurm.conf`` (rendered from ``templates/slurm.conf.j2``: one node ``localhost`` at 127.0.0.1 with this
machine's CPUs as ``slurmd -C`` reports them, one partition, ports on loopback, ``MpiDefault=pmix`` where the
Slurm build has the ``mpi/pmix`` plugin), spool, state, log and pid files. A supervisor process (detached) runs
``munged`` with its own socket, ``slurmctld`` and ``slurmd`` in the foreground as its children; ``up`` returns
when ``sinfo`` shows the node idle (at most ``timeout`` seconds, else everything is stopped and the daemons' logs
are shown). The supervisor stops the cluster when its lifetime is over, when a daemon dies, or on ``down``
(SIGTERM): jobs are cancelled, the daemons stopped, and any job step left over is killed. The daemons get
SIGTERM if the supervisor itself dies. The daemons run as root (Slurm needs it to start jobs as their user).

Client commands find the cluster through ``SLURM_CONF`` (``LocalSlurm.environ()``).
"""
from __future__ import annotations

import argparse
import ctypes
import dataclasses
import glob
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from portasnn.errors import ToolError, UsageError

DAEMONS = ("munged", "slurmctld", "slurmd")
CLIENTS = ("sinfo", "squeue", "sbatch", "salloc", "srun", "scontrol", "scancel")
SBIN = "/usr/sbin:/sbin"
PLUGIN_DIRS = ("/usr/lib/x86_64-linux-gnu/slurm-wlm", "/usr/lib/*/slurm-wlm", "/usr/lib/slurm", "/usr/lib64/slurm")
MARKER = "PORTASNN_LOCAL_SLURM"  # in the daemons' environment (and their job steps'): the state directory
OWNED = ".portasnn-local-slurm"  # a state directory holding this file may be wiped by `up`
INSTALL_HINT = "install Slurm and munge: make setup-mpi (Debian: apt-get install slurmctld slurmd slurm-client munge)"
DEFAULT_LIFETIME_S = 3600.0
NODE_NAME = "localhost"  # the one node, as slurm.conf and `slurmd -N` name it


@dataclasses.dataclass(frozen=True, slots=True)
class Node:
    """The node as ``slurmd -C`` sees this machine."""

    cpus: int
    boards: int
    sockets: int
    cores: int
    threads: int


@dataclasses.dataclass(frozen=True, slots=True)
class LocalSlurm:
    """A cluster's state directory and how to reach it."""

    state: Path

    @property
    def conf(self) -> Path:
        return self.state / "slurm.conf"

    @property
    def tasks_log(self) -> Path:
        """One line per task of every job step: job, step, task, tasks in the step, node (from the TaskProlog)."""
        return self.state / "tasks.txt"

    @property
    def supervisor_pid(self) -> Path:
        return self.state / "supervisor.pid"

    def environ(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """``base`` (default: this environment) with ``SLURM_CONF`` pointing at this cluster."""
        env = dict(os.environ if base is None else base)
        env["SLURM_CONF"] = str(self.conf)
        return env

    def run(self, *argv: str, timeout: float = 30.0) -> subprocess.CompletedProcess:
        """A Slurm client command against this cluster (never without ``SLURM_CONF``: Slurm would ask DNS)."""
        return subprocess.run(list(argv), capture_output=True, text=True, check=False, timeout=timeout,
                              env=self.environ(), stdin=subprocess.DEVNULL)


# ---------------------------------------------------------------------------------------------- the machine


def which(name: str) -> str | None:
    return shutil.which(name, path=f"{os.environ.get('PATH', '')}:{SBIN}")


def missing_programs() -> list[str]:
    """The Slurm and munge programs that are not installed."""
    return [name for name in (*DAEMONS, *CLIENTS) if which(name) is None]


def mpi_plugins() -> tuple[str, ...]:
    """The ``--mpi`` types the installed Slurm has plugins for (``mpi_<type>.so`` in its plugin directory)."""
    found = set()
    for pattern in PLUGIN_DIRS:
        for path in glob.glob(f"{pattern}/mpi_*.so"):
            found.add(Path(path).name.removeprefix("mpi_").removesuffix(".so"))
    return tuple(sorted(found))


def choose_mpi(plugins: tuple[str, ...]) -> tuple[str, str]:
    """(MpiDefault, why): pmix where the plugin exists, else pmi2, else none."""
    for mpi, why in (("pmix", "this Slurm has the mpi/pmix plugin"),
                     ("pmi2", "this Slurm has no mpi/pmix plugin; pmi2 is the best one it has"),
                     ("none", "this Slurm has neither mpi/pmix nor mpi/pmi2")):
        if mpi in plugins or mpi == "none":
            return mpi, f"{why} (mpi plugins: {', '.join(plugins) or 'none'})"
    raise AssertionError("unreachable")


def detect_node() -> Node:
    """This machine's CPUs as ``slurmd -C`` reports them (the node definition slurmd checks itself against)."""
    slurmd = which("slurmd")
    done = subprocess.run([str(slurmd), "-C"], capture_output=True, text=True, check=False, timeout=30,
                          env={**os.environ, "SLURM_CONF": os.devnull}, stdin=subprocess.DEVNULL)
    fields = dict(re.findall(r"(\w+)=(\S+)", done.stdout))
    try:
        return Node(cpus=int(fields["CPUs"]), boards=int(fields.get("Boards", 1)),
                    sockets=int(fields["SocketsPerBoard"]), cores=int(fields["CoresPerSocket"]),
                    threads=int(fields["ThreadsPerCore"]))
    except (KeyError, ValueError):
        raise ToolError(f"`slurmd -C` did not describe this machine:\n{done.stdout}{done.stderr}") from None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def default_state() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "portasnn" / "slurm"


# ---------------------------------------------------------------------------------------------- files


def render_conf(state: Path, node: Node, ctld_port: int, slurmd_port: int, plugins: tuple[str, ...]) -> str:
    from portasnn.templates import environment

    mpi, reason = choose_mpi(plugins)
    return environment("portasnn.runtime").get_template("slurm.conf.j2").render(
        state=state, node=node, node_name=NODE_NAME, ctld_port=ctld_port, slurmd_port=slurmd_port, mpi=mpi,
        mpi_reason=reason)


TASK_PROLOG = """#!/bin/sh
# TaskProlog: runs before every task of a job step; its stdout is read by slurmstepd (print nothing).
echo "$SLURM_JOB_ID $SLURM_STEP_ID $SLURM_PROCID $SLURM_STEP_NUM_TASKS $SLURMD_NODENAME" >> {log}
"""


def prepare(cluster: LocalSlurm) -> None:
    """A fresh state directory: munge key, slurm.conf, task prolog, empty spool/state/log directories."""
    state = cluster.state
    if state.exists():
        if not state.is_dir() or (any(state.iterdir()) and not (state / OWNED).is_file()):
            raise UsageError(f"{state} exists and is not a local Slurm's state directory", code="E680",
                             hint="choose another --dir, or remove it")
        shutil.rmtree(state)
    for sub in ("", "munge", "ctld", "slurmd", "log", "tmp"):
        (state / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
    state.chmod(0o700)
    (state / OWNED).write_text("a single-node Slurm on loopback (python -m portasnn.runtime.local_slurm)\n")
    key = state / "munge" / "munge.key"
    key.write_bytes(secrets.token_bytes(1024))
    key.chmod(0o400)
    plugins = mpi_plugins()
    cluster.conf.write_text(render_conf(state, detect_node(), _free_port(), _free_port(), plugins))
    prolog = state / "task-prolog.sh"
    prolog.write_text(TASK_PROLOG.format(log=cluster.tasks_log))
    prolog.chmod(0o755)
    cluster.tasks_log.touch(mode=0o666)
    cluster.tasks_log.chmod(0o666)  # tasks of jobs of any user append to it


# ---------------------------------------------------------------------------------------------- processes


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, e.g. the supervisor that ended while its parent called ``up`` and lives
    on, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _supervisor(cluster: LocalSlurm) -> int | None:
    """The running supervisor's pid (checked against its command line), or None."""
    try:
        pid = int(cluster.supervisor_pid.read_text().split()[0])
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except (OSError, ValueError, IndexError):
        return None
    return pid if "local_slurm" in cmdline and str(cluster.state) in cmdline else None


def leftovers(cluster: LocalSlurm) -> dict[int, int]:
    """Running processes (pid -> parent pid) that carry this cluster's marker, and all their descendants."""
    parents: dict[int, int] = {}
    marked: set[int] = set()
    needle = f"{MARKER}={cluster.state}\0".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            state, parent = (proc / "stat").read_text().rsplit(")", 1)[1].split()[:2]
            if state in ("Z", "X"):  # ended, not yet reaped
                continue
            parents[int(proc.name)] = int(parent)
            if needle in (proc / "environ").read_bytes() + b"\0":
                marked.add(int(proc.name))
        except (OSError, ValueError, IndexError):
            continue
    found = set(marked)
    for _ in range(64):  # descendants, a bounded number of generations
        more = {pid for pid, parent in parents.items() if parent in found} - found
        if not more:
            break
        found |= more
    return {pid: parents.get(pid, 0) for pid in found}


def _set_parent_death_signal() -> None:
    """In a daemon: SIGTERM when the supervisor dies (Linux prctl PR_SET_PDEATHSIG)."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)


def _wait_gone(pids: list[int], timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = [p for p in pids if _alive(p)]
        if not pids:
            return []
        time.sleep(0.2)
    return [p for p in pids if _alive(p)]


def _log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def supervise(cluster: LocalSlurm, lifetime_s: float) -> int:
    """Run munged, slurmctld and slurmd until the lifetime is over, one of them dies, or SIGTERM; then stop all."""
    stopping: list[str] = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append("SIGTERM"))
    signal.signal(signal.SIGINT, lambda *_: stopping.append("SIGINT"))
    cluster.supervisor_pid.write_text(f"{os.getpid()}\n")
    env = {**cluster.environ(), MARKER: str(cluster.state)}
    state, conf, munge = cluster.state, str(cluster.conf), cluster.state / "munge"
    commands = {
        "munged": [which("munged"), "--foreground", "--force", f"--socket={munge / 'munge.socket'}",
                   f"--key-file={munge / 'munge.key'}", f"--pid-file={munge / 'munged.pid'}",
                   f"--log-file={state / 'log' / 'munged.log'}", f"--seed-file={munge / 'munged.seed'}",
                   "--origin=127.0.0.1", "--num-threads=2"],
        "slurmctld": [which("slurmctld"), "-D", "-f", conf],
        "slurmd": [which("slurmd"), "-D", "-N", NODE_NAME, "-f", conf],
    }
    daemons: dict[str, subprocess.Popen] = {}
    try:
        for name, argv in commands.items():
            out = open(state / "log" / f"{name}.out", "ab")  # noqa: SIM115 - the daemon's, closed with it
            daemons[name] = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                             cwd=state, preexec_fn=_set_parent_death_signal)
            out.close()
            _log(f"started {name} (pid {daemons[name].pid})")
            if name == "munged" and not _wait_for(lambda: (munge / "munge.socket").exists(), 20):
                stopping.append("munged made no socket in 20 s")
                break
        deadline = time.monotonic() + lifetime_s
        while not stopping:
            if time.monotonic() > deadline:
                stopping.append(f"lifetime of {lifetime_s:.0f} s over")
            dead = [f"{n} exited with status {p.returncode}" for n, p in daemons.items() if p.poll() is not None]
            stopping.extend(dead)
            time.sleep(0.5)
        _log(f"stopping: {stopping[0]}")
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _shutdown(cluster, daemons)
        cluster.supervisor_pid.unlink(missing_ok=True)
    return 0


def _wait_for(condition, timeout: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def _shutdown(cluster: LocalSlurm, daemons: dict[str, subprocess.Popen]) -> None:
    """Cancel every job, stop slurmd, slurmctld and munged (SIGTERM, then SIGKILL), kill left-over job steps."""
    if all(daemons.get(n) is not None and daemons[n].poll() is None for n in ("slurmctld", "slurmd", "munged")):
        try:
            jobs = cluster.run("squeue", "-h", "-o", "%A", timeout=15).stdout.split()
            if jobs:
                _log(f"cancelling jobs {' '.join(jobs)}")
                cluster.run("scancel", *jobs, timeout=15)
                _wait_for(lambda: not cluster.run("squeue", "-h", "-o", "%A", timeout=15).stdout.split(), 20)
        except (OSError, subprocess.TimeoutExpired) as exc:
            _log(f"could not cancel the jobs: {exc}")
    for name in ("slurmd", "slurmctld", "munged"):
        proc = daemons.get(name)
        if proc is None or proc.poll() is not None:
            continue
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            _log(f"{name} did not stop in 20 s: SIGKILL")
            proc.kill()
            proc.wait(timeout=10)
        _log(f"stopped {name}")
    left = leftovers(cluster)
    if left:
        _log(f"killing left-over processes {sorted(left)}")
        for pid in left:
            _kill(pid, signal.SIGKILL)
        _wait_gone(list(left), 10)


def _kill(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


# ---------------------------------------------------------------------------------------------- up / down


def node_state(cluster: LocalSlurm) -> str:
    """``sinfo``'s state of the node (``idle``, ``alloc``, ``down*``, ...), or '' when it does not answer."""
    try:
        done = cluster.run("sinfo", "-h", "-N", "-n", NODE_NAME, "-o", "%T", timeout=10)
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def up(state: Path | None = None, *, lifetime_s: float = DEFAULT_LIFETIME_S, timeout: float = 60.0) -> LocalSlurm:
    """Start the cluster (or find it running) and return when its node is idle."""
    missing = missing_programs()
    if missing:
        raise ToolError(f"Slurm is not installed: {', '.join(missing)} not found\n  fix: {INSTALL_HINT}")
    if os.geteuid() != 0:
        raise UsageError("a local Slurm runs its daemons as root (they start jobs as their users)", code="E681",
                         hint="run it as root, e.g. sudo make slurm-up")
    cluster = LocalSlurm(Path(state or default_state()).resolve())
    if _supervisor(cluster) is not None and node_state(cluster) in ("idle", "mixed", "allocated"):
        return cluster
    down(cluster.state)
    prepare(cluster)
    log = open(cluster.state / "log" / "supervisor.log", "ab")  # noqa: SIM115 - the supervisor's
    supervisor = subprocess.Popen([sys.executable, "-m", "portasnn.runtime.local_slurm", "supervise",
                                   "--dir", str(cluster.state), "--lifetime", str(lifetime_s)],
                                  stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
                                  cwd=cluster.state)
    log.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and supervisor.poll() is None:
        if node_state(cluster) == "idle":
            return cluster
        time.sleep(0.5)
    why = (f"the node was not idle after {timeout:.0f} s" if supervisor.poll() is None
           else f"the supervisor exited with status {supervisor.returncode}")
    down(cluster.state)
    raise ToolError(f"the local Slurm did not start: {why}\n{logs_tail(cluster)}")


def logs_tail(cluster: LocalSlurm, lines: int = 8) -> str:
    """The last lines of every daemon's log (for error messages)."""
    parts = []
    for path in sorted((cluster.state / "log").glob("*")):
        if path.is_file() and path.name != "jobs.txt":
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            if tail:
                parts.append(f"--- {path}\n" + "\n".join(f"  {line}" for line in tail))
    return "\n".join(parts)


def down(state: Path | None = None, *, timeout: float = 60.0) -> bool:
    """Stop the cluster (bounded); whether one was running. Nothing of it is left running afterwards."""
    cluster = LocalSlurm(Path(state or default_state()).resolve())
    pid = _supervisor(cluster)
    if pid is not None:
        _kill(pid, signal.SIGTERM)
        if _wait_gone([pid], timeout):
            _kill(pid, signal.SIGKILL)  # its daemons get SIGTERM from the kernel (parent death signal)
            _wait_gone([pid], 10)
    left = leftovers(cluster)
    for other in left:
        _kill(other, signal.SIGKILL)
    still = _wait_gone(list(left), 10)
    if still:
        raise ToolError(f"processes of the local Slurm in {cluster.state} did not stop: {sorted(still)}")
    return pid is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portasnn.runtime.local_slurm",
                                     description="A single-node Slurm on 127.0.0.1.")
    parser.add_argument("command", choices=("up", "down", "status", "supervise"))
    parser.add_argument("--dir", type=Path, default=None, help=f"state directory (default {default_state()})")
    parser.add_argument("--lifetime", type=float, default=DEFAULT_LIFETIME_S,
                        help="stop by itself after this many seconds (default %(default).0f)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the node (default 60)")
    args = parser.parse_args(argv)
    cluster = LocalSlurm(Path(args.dir or default_state()).resolve())
    try:
        if args.command == "supervise":
            return supervise(cluster, args.lifetime)
        if args.command == "up":
            up(cluster.state, lifetime_s=args.lifetime, timeout=args.timeout)
            mpi, why = choose_mpi(mpi_plugins())
            print(f"local Slurm up: node {NODE_NAME} idle, MpiDefault={mpi} ({why}); stops by itself after "
                  f"{args.lifetime:.0f} s\nuse it with:", file=sys.stderr)
            print(f"export SLURM_CONF={cluster.conf}")
            return 0
        if args.command == "down":
            was = down(cluster.state, timeout=args.timeout)
            print("local Slurm stopped" if was else "no local Slurm was running", file=sys.stderr)
            return 0
        pid = _supervisor(cluster)
        print(f"running (supervisor pid {pid}), node {node_state(cluster) or 'not answering'}, "
              f"SLURM_CONF={cluster.conf}" if pid else "not running")
        return 0 if pid else 3
    except (ToolError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)


if __name__ == "__main__":
    sys.exit(main())
