"""``portasnn.run``: run a network on a target and write a results directory.

Targets plug in through ``RUNNERS``: target name -> "module:function" of a runner
``runner(net, outdir, *, progress, command) -> dict`` (the run's summary), imported on first use.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import importlib
import re
import sys
import types
from pathlib import Path
from typing import Callable, Mapping

from portasnn.errors import UsageError
from portasnn.ir.network import Network

RUNNERS: dict[str, str] = {
    "nest": "portasnn.targets.nest.network:run_network",
    "spinnaker-host": "portasnn.targets.spinnaker_host.runner:run_target",
    "spinnaker-host-float": "portasnn.targets.spinnaker_host.runner:run_target_float",
}

ProgressCallback = Callable[[float, float], None]


@dataclasses.dataclass(frozen=True, slots=True)
class RunResult:
    """Where a run wrote its results, and the summary it computed (empty if none)."""

    outdir: Path
    summary: dict

    def _repr_markdown_(self) -> str:
        from portasnn.notebook import run_markdown

        return run_markdown(self.outdir, self.summary)


def run(network_or_path: Network | str | Path, target: str = "nest", outdir: str | Path | None = None,
        overrides: Mapping[str, str] | None = None, seed: int | None = None, progress: bool = True, *,
        processes: int | None = None, threads: int | None = None) -> Path:
    """Run a network (a ``Network`` or a ``.pnet`` path, with ``--set``-style overrides) on ``target``.

    Writes the results directory (default ``results/<network>-<target>-<timestamp>``) and, for NEST,
    the generated script that ran. Returns the results directory. ``processes``/``threads`` (default:
    the network's) run NEST on several MPI processes (``mpirun``, or ``srun`` in a Slurm allocation)
    and threads per process.
    """
    return run_detailed(network_or_path, target, outdir, overrides, seed, progress, processes=processes,
                        threads=threads).outdir


def run_detailed(network_or_path: Network | str | Path, target: str = "nest", outdir: str | Path | None = None,
                 overrides: Mapping[str, str] | None = None, seed: int | None = None, progress: bool = True,
                 command: str | None = None, *, processes: int | None = None,
                 threads: int | None = None) -> RunResult:
    """As ``run``, also returning the summary."""
    net = load(network_or_path, overrides)
    if seed is not None:
        net = dataclasses.replace(net, simulation=dataclasses.replace(net.simulation, seed=int(seed)))
    net, runner = _parallel(net, target, _runner(target), processes, threads)
    out = Path(outdir) if outdir is not None else default_outdir(net, target)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"results directory {out} already exists and is not empty", code="E401",
                         hint="choose another -o/--outdir or remove it")
    command = command or f"portasnn.run({net.name!r}, target={target!r}, seed={net.simulation.seed})"
    if progress:
        summary = _with_progress_bar(runner, net, out, command)
    else:
        summary = runner(net, out, progress=None, command=command)
    return RunResult(outdir=out, summary=summary or {})


def load(network_or_path: Network | str | Path, overrides: Mapping[str, str] | None = None) -> Network:
    """A ``Network`` as given, or loaded from a ``.pnet`` file by the network frontend."""
    if isinstance(network_or_path, Network):
        if overrides:
            raise UsageError("overrides apply to .pnet files, not to a Network built in Python", code="E402",
                             hint="change the builder's arguments instead")
        return network_or_path
    path = Path(network_or_path)
    if not path.is_file():
        raise UsageError(f"no such network file: {path}", code="E403")
    try:
        from portasnn.frontend.network import load_network
    except ImportError:
        raise UsageError("this portasnn cannot read .pnet files yet (no network frontend)", code="E404") from None
    return load_network(path, dict(overrides or {}))


def default_outdir(net: Network, target: str) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = Path("results") / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', net.name)}-{target}-{stamp}"
    out, k = base, 1
    while out.exists():
        k += 1
        out = base.with_name(f"{base.name}-{k}")
    return out


def _runner(target: str) -> Callable[..., dict]:
    try:
        module_name, attr = RUNNERS[target].split(":")
    except KeyError:
        raise UsageError(f"unknown target '{target}'", code="E405", hint="targets: " + ", ".join(RUNNERS)) from None
    return getattr(importlib.import_module(module_name), attr)


def _parallel(net: Network, target: str, runner: Callable[..., dict], processes: int | None,
              threads: int | None) -> tuple[Network, Callable[..., dict]]:
    """Apply ``processes``/``threads``; on NEST, several processes (or this process being one rank of an
    MPI job started from outside) run through ``portasnn.targets.nest.mpi``."""
    for name, value in (("processes", processes), ("threads", threads)):
        if value is not None and (not isinstance(value, int) or value < 1):
            raise UsageError(f"{name} must be a whole number of at least 1, not {value!r}", code="E406")
    if (processes, threads) != (None, None):
        if target != "nest" and (processes or 1) * (threads or 1) > 1:
            raise UsageError(f"target '{target}' runs in one process and one thread", code="E407",
                             hint="several processes or threads: --target nest")
        sim = net.simulation
        net = dataclasses.replace(net, simulation=dataclasses.replace(
            sim, processes=processes or sim.processes, threads=threads or sim.threads))
    if target != "nest":
        return net, runner
    from portasnn.targets.nest import mpi

    if mpi.world()[1] > 1:
        return net, mpi.run_in_rank
    return net, (mpi.run_mpi if net.simulation.processes > 1 else runner)


def _with_progress_bar(runner: Callable[..., dict], net: Network, out: Path, command: str) -> dict:
    from portasnn.notebook import progress  # a bar in place in Jupyter, rich on a terminal

    with progress(net.simulation.duration, f"{net.name} simulating", unit="ms") as update:
        return runner(net, out, progress=update, command=command)


class _CallableModule(types.ModuleType):
    """``portasnn.run`` is both this module and, called, the function ``run``: importing the submodule
    makes it an attribute of the package, so ``portasnn.run(...)`` must work either way."""

    def __call__(self, *args, **kwargs):  # noqa: ANN204
        return run(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
