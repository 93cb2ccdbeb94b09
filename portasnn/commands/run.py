"""``portasnn run FILE.pnet --target nest [-o OUTDIR] [--set k=v ...] [--seed N] [--processes N] [--threads T]
[--no-plots] [--json]``."""
from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import Iterator

import click

from portasnn.commands.numerics import numerics_options, options_from

@click.command(name="run")
@click.argument("network", type=click.Path(dir_okay=False))
@click.option("--target", "-t", default="nest", show_default=True,
              help="Where to run: nest, spinnaker-host, spinnaker-host:float (a .pnet for spinnaker: use build or "
                   "submit; a PyNN script: spinnaker runs it on a board through the Neuromorphic Platform).")
@click.option("--outdir", "-o", type=click.Path(file_okay=False), default=None,
              help="Results directory (default results/<network>-<target>-<timestamp>).")
@click.option("--set", "sets", multiple=True, metavar="NAME=VALUE", help="Override a constant of the network.")
@click.option("--seed", type=int, default=None, help="Random seed (default: the network's).")
@click.option("--processes", "-n", type=click.IntRange(min=1), default=None,
              help="MPI processes (nest; mpirun, or srun in a Slurm allocation; needs `make setup-mpi`).")
@click.option("--threads", type=click.IntRange(min=1), default=None, help="Threads per process (nest).")
@numerics_options
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists and is not empty.")
@click.option("--plots/--no-plots", default=True, show_default=True,
              help="Draw raster.png and traces.png (about 1 s; `portasnn plot OUTDIR` draws them later).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object {outdir, summary}.")
@click.argument("script_args", nargs=-1)
def run(network: str, target: str, outdir: str | None, sets: tuple[str, ...], seed: int | None,
        processes: int | None, threads: int | None, force: bool, plots: bool, as_json: bool,
        script_args: tuple[str, ...], **numerics) -> None:
    """Run a network (.pnet), or a PyNN script (.py, with portasnn.pynn), on a target; write a results directory.

    Example: portasnn run examples/brunel/brunel_delta_nestml.pnet --target spinnaker-host --set N=2000

    A PyNN script runs whole, with --target and -o in place of its setup()'s; words after `--` are its own
    command line (`-- portasnn` for a script that takes the simulator from it, as PyNN's examples do).
    """
    from portasnn.frontend.network import parse_overrides
    from portasnn.run import run_detailed

    with _plots_setting(plots):  # for this command and the processes it starts (a NEST run, MPI ranks)
        if force and outdir is not None and Path(outdir).exists():
            shutil.rmtree(outdir) if Path(outdir).is_dir() else Path(outdir).unlink()
        command = shlex.join(["portasnn", *sys.argv[1:]]) if sys.argv and "portasnn" in sys.argv[0] else None
        if network.endswith(".py"):
            result = _run_script(network, target, outdir, script_args, (sets, seed, processes, threads))
        else:
            if script_args:
                from portasnn.errors import UsageError

                raise UsageError(f"unexpected arguments {' '.join(script_args)}", code="E292",
                                 hint="words after `--` are a PyNN script's own command line; a .pnet takes --set")
            result = run_detailed(network, target=target, outdir=outdir, overrides=parse_overrides(sets), seed=seed,
                                  progress=not as_json, command=command, processes=processes, threads=threads,
                                  options=options_from(numerics, target))
        if as_json:
            click.echo(json.dumps({"outdir": str(result.outdir), "summary": result.summary}))
            return
        for pop, stats in result.summary.get("populations", result.summary).items():
            if isinstance(stats, dict) and "rate_hz" in stats:
                n, size = stats.get("n_neurons"), stats.get("size")
                subset = f" ({n} of {size} neurons recorded)" if size is not None and n != size else ""
                click.echo(f"{pop}: {_fmt(stats.get('rate_hz'), '.2f')} Hz, CV(ISI) {_fmt(stats.get('cv_isi'), '.3f')}"
                           + subset)
        for w in (result.summary.get("weights") or {}).values():  # record weights of ...: final weights
            unit = f" {w['unit']}" if w.get("unit") else ""
            click.echo(f"{w['projection']} final weights: mean {_fmt(w.get('mean'), '.4g')}{unit}, std "
                       f"{_fmt(w.get('std'), '.4g')}, min {_fmt(w.get('min'), '.4g')}, max {_fmt(w.get('max'), '.4g')} "
                       f"({w['n']} connections)")
        _say_auto_shifts(Path(result.outdir))
        click.echo(f"results in {result.outdir}")


@contextlib.contextmanager
def _plots_setting(plots: bool) -> Iterator[None]:
    """``PORTASNN_PLOTS=0`` while the command runs when ``plots`` is False; the environment as it was afterwards
    (a run called in-process, e.g. by a test or a notebook, must not turn plots off for what comes after it)."""
    before = os.environ.get("PORTASNN_PLOTS")
    if not plots:
        os.environ["PORTASNN_PLOTS"] = "0"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PORTASNN_PLOTS", None)
        else:
            os.environ["PORTASNN_PLOTS"] = before


def _run_script(script: str, target: str, outdir: str | None, args: tuple[str, ...], unsupported: tuple):
    """``portasnn run SCRIPT.py``: the PyNN script, whole, on ``target`` (issue 14 item 4)."""
    from portasnn.errors import UsageError
    from portasnn.pynn.script import run_script
    from portasnn.run import RunResult

    if any(x not in (None, ()) for x in unsupported):
        raise UsageError("--set, --seed, --processes and --threads apply to .pnet networks, not to a PyNN script",
                         code="E292", hint="give the seed in the script: sim.setup(..., seed=N)")
    if outdir is None:
        import datetime as dt

        outdir = f"results/{Path(script).stem}-{target}-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}"
    if Path(outdir).exists() and (not Path(outdir).is_dir() or any(Path(outdir).iterdir())):
        raise UsageError(f"results directory {outdir} already exists and is not empty", code="E401",
                         hint="choose another -o/--outdir or remove it (--force)")
    out = run_script(script, target, outdir, args)
    summary = out / "summary.json"
    return RunResult(outdir=out, summary=json.loads(summary.read_text()) if summary.is_file() else {})


def _say_auto_shifts(outdir: Path) -> None:
    """After a spinnaker-host run with automatic weight scaling: the shifts it chose, as board options."""
    meta_path = outdir / "meta.json"
    host = json.loads(meta_path.read_text()).get("spinnaker_host") or {} if meta_path.is_file() else {}
    auto = {p: e["shifts"] for p, e in (host.get("weight_scaling") or {}).items()
            if e.get("mode") == "auto" and host.get("arith") == "fixed"}
    if auto:
        pins = " ".join(f"--weight-scaling {p}=shift:{','.join(map(str, s))}" for p, s in auto.items())
        click.echo(f"ring-buffer shifts chosen by auto (the same on a board: {pins})")


def _fmt(value: float | None, spec: str) -> str:
    """A statistic, or "n/a" where the summary has none (a silent population has no CV)."""
    return "n/a" if value is None else format(value, spec)
