"""``portasnn.run``: run a network on a target and write a results directory.

The walk is the same for every target: ``load_program`` (frontend and passes, once), then the
target from ``portasnn.targets``' registry: ``lower`` -> ``build`` -> ``run``.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import re
import sys
import types
from pathlib import Path
from typing import Callable, Mapping

from portasnn.errors import UsageError
from portasnn.ir.network import Network
from portasnn.program import Program, load_program

ProgressCallback = Callable[[float, float], None]


@dataclasses.dataclass(frozen=True, slots=True)
class RunResult:
    """Where a run wrote its results, and the summary it computed (empty if none)."""

    outdir: Path
    summary: dict

    def _repr_markdown_(self) -> str:
        from portasnn.notebook import run_markdown

        return run_markdown(self.outdir, self.summary)


def run(network_or_path: Network | Program | str | Path, target: str = "nest", outdir: str | Path | None = None,
        overrides: Mapping[str, str] | None = None, seed: int | None = None, progress: bool = True, *,
        processes: int | None = None, threads: int | None = None, options=None) -> Path:  # noqa: ANN001
    """Run a network (a ``Network``, a loaded ``Program`` or a ``.pnet`` path, with ``--set``-style
    overrides) on ``target`` (a name of ``portasnn.targets.names()``, or ``spinnaker-host:float``).

    Writes the results directory (default ``results/<network>-<target>-<timestamp>``) and, for NEST,
    the generated script that ran. Returns the results directory. ``processes``/``threads`` (default:
    the network's) run NEST on several MPI processes (``mpirun``, or ``srun`` in a Slurm allocation)
    and threads per process. ``options``: ``portasnn.targets.Options`` (numerics).
    """
    return run_detailed(network_or_path, target, outdir, overrides, seed, progress, processes=processes,
                        threads=threads, options=options).outdir


def run_detailed(network_or_path: Network | Program | str | Path, target: str = "nest",
                 outdir: str | Path | None = None, overrides: Mapping[str, str] | None = None,
                 seed: int | None = None, progress: bool = True, command: str | None = None, *,
                 processes: int | None = None, threads: int | None = None, options=None) -> RunResult:  # noqa: ANN001
    """As ``run``, also returning the summary."""
    from portasnn import targets

    name, implied = targets.parse(target)
    options = _merge(implied, options)
    if isinstance(network_or_path, (str, Path)) and not Path(network_or_path).is_file():
        raise UsageError(f"no such network file: {network_or_path}", code="E403")
    tgt = targets.get(name)
    tgt.check_runnable()  # before any work: e.g. spinnaker says to build or submit instead
    program = load_program(network_or_path, overrides)
    net = program.network
    if net is None:
        raise UsageError("nothing to run: give a network (.pnet), not model files", code="E408",
                         hint="models alone are built with `portasnn build`")
    if seed is not None:
        net = dataclasses.replace(net, simulation=dataclasses.replace(net.simulation, seed=int(seed)))
    net = _parallel(net, tgt, processes, threads)
    program = tgt.prepare(program.with_network(net))
    label = name + ("-float" if options.arith == "float" else "")
    out = Path(outdir) if outdir is not None else default_outdir(net, label)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"results directory {out} already exists and is not empty", code="E401",
                         hint="choose another -o/--outdir or remove it")
    command = command or f"portasnn.run({net.name!r}, target={target!r}, seed={net.simulation.seed})"
    built = tgt.build(tgt.lower(program, options))
    if progress:
        from portasnn.notebook import progress as bar  # a bar in place in Jupyter, rich on a terminal

        with bar(net.simulation.duration, f"{net.name} simulating", unit="ms") as update:
            tgt.run(built, out, progress=update, command=command)
    else:
        tgt.run(built, out, progress=None, command=command)
    summary = out / "summary.json"
    return RunResult(outdir=out, summary=json.loads(summary.read_text()) if summary.is_file() else {})


def _merge(implied, options):  # noqa: ANN001, ANN202
    """Options implied by the target's spelling (``spinnaker-host:float``) over the caller's."""
    from portasnn.targets import Options

    if options is None:
        return implied
    if implied.arith != "fixed":
        return dataclasses.replace(options, arith=implied.arith)
    return options


def default_outdir(net: Network, target: str) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = Path("results") / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', net.name)}-{target}-{stamp}"
    out, k = base, 1
    while out.exists():
        k += 1
        out = base.with_name(f"{base.name}-{k}")
    return out


def _parallel(net: Network, target, processes: int | None, threads: int | None) -> Network:  # noqa: ANN001
    """Apply ``processes``/``threads`` (only a target with ``parallel`` runs on several)."""
    for name, value in (("processes", processes), ("threads", threads)):
        if value is not None and (not isinstance(value, int) or value < 1):
            raise UsageError(f"{name} must be a whole number of at least 1, not {value!r}", code="E406")
    if (processes, threads) == (None, None):
        return net
    if not target.parallel and (processes or 1) * (threads or 1) > 1:
        raise UsageError(f"target '{target.name}' runs in one process and one thread", code="E407",
                         hint="several processes or threads: --target nest")
    sim = net.simulation
    return dataclasses.replace(net, simulation=dataclasses.replace(
        sim, processes=processes or sim.processes, threads=threads or sim.threads))


class _CallableModule(types.ModuleType):
    """``portasnn.run`` is both this module and, called, the function ``run``: importing the submodule
    makes it an attribute of the package, so ``portasnn.run(...)`` must work either way."""

    def __call__(self, *args, **kwargs):  # noqa: ANN204
        return run(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
