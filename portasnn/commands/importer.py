"""``portasnn import nir GRAPH.nir -o DIR [--dt DT] [--time-unit s|ms] [--input SPIKES.npy] [--steps N]
[--input-step pulse|hold] [--reset value|subtract]`` and
``portasnn import pynn SCRIPT.py -o DIR [-- SCRIPT ARGS]``."""
from __future__ import annotations

import click


@click.group(name="import")
def import_() -> None:
    """Import a network from another format into a .pnet network with its models and data files."""


@import_.command(name="nir")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--outdir", "-o", type=click.Path(file_okay=False), required=True,
              help="Where to write net.pnet, models/ (NESTML), params/ and conn/ (data files).")
@click.option("--dt", type=float, default=1.0, show_default=True,
              help="The time step, in the graph's time unit (NIR graphs carry none).")
@click.option("--time-unit", type=click.Choice(["s", "ms"]), default="ms", show_default=True,
              help="The unit of the graph's time constants and of --dt (snnTorch, Norse and Rockpool write s).")
@click.option("--input", "input_path", type=click.Path(dir_okay=False), default=None,
              help="Input spikes: .npy of shape (steps, n) for the Input node, 1 for a spike, one row per time "
                   "step (.npz: one array per Input node's name).")
@click.option("--steps", type=click.IntRange(min=1), default=None,
              help="Time steps to simulate (default: the input's rows plus one per population and one; 100 "
                   "without input).")
@click.option("--input-step", type=click.Choice(["pulse", "hold"]), default="pulse", show_default=True,
              help="How a step's input enters (NIR leaves it open): pulse, its integral w dt at the step's end; "
                   "hold, held over the step and solved exactly (as NIR's exact reference and Norse).")
@click.option("--reset", type=click.Choice(["value", "subtract"]), default="value", show_default=True,
              help="After a spike: value, v = v_reset (NIR 1.0's equations, Norse); subtract, v = v - v_threshold "
                   "(snnTorch, Sinabs, NIR's exact reference; needs v_reset = 0).")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists and is not empty.")
def nir_(graph: str, outdir: str, dt: float, time_unit: str, input_path: str | None, steps: int | None,
         input_step: str, reset: str, force: bool) -> None:
    """Import a NIR graph: NESTML models with NIR's equations, a .pnet network, weights and parameters as files.

    Example: portasnn import nir net.nir -o net_nir --dt 1 --time-unit ms --input spikes.npy
    """
    from portasnn.frontend.nir import import_nir

    imported = import_nir(graph, outdir, dt=dt, time_unit=time_unit, input_path=input_path, steps=steps,
                          force=force, input_step=input_step, reset=reset)
    click.echo(f"wrote {imported.pnet} ({len(imported.files)} files; populations {', '.join(imported.populations)})")
    click.echo(f"run it: portasnn run {imported.pnet} --target nest")


@import_.command(name="pynn")
@click.argument("script", type=click.Path(dir_okay=False))
@click.option("--outdir", "-o", type=click.Path(file_okay=False), required=True,
              help="Where to write <network>.pnet, conn/ (connections) and params/ (per-neuron values).")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists and is not empty.")
@click.argument("script_args", nargs=-1)
def pynn_(script: str, outdir: str, force: bool, script_args: tuple[str, ...]) -> None:
    """Import the network a PyNN script builds (with portasnn.pynn) up to its first sim.run(), as a .pnet network
    with its connections and per-neuron values as data files. Words after `--` are the script's command line.

    Example: portasnn import pynn examples/brunel/brunel_pynn.py -o brunel_imported -- portasnn --N 1000
    """
    from portasnn.pynn.importer import import_script

    imported = import_script(script, outdir, script_args, force=force)
    net = imported.network
    click.echo(f"wrote {imported.pnet} ({len(imported.files)} data files; populations "
               f"{', '.join(p.name for p in net.populations)})")
    click.echo(f"run it: portasnn run {imported.pnet} --target nest")
