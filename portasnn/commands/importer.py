"""``portasnn import nir GRAPH.nir -o DIR [--dt DT] [--time-unit s|ms] [--input SPIKES.npy] [--steps N]``."""
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
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists and is not empty.")
def nir_(graph: str, outdir: str, dt: float, time_unit: str, input_path: str | None, steps: int | None,
         force: bool) -> None:
    """Import a NIR graph: NESTML models with NIR's equations, a .pnet network, weights and parameters as files.

    Example: portasnn import nir net.nir -o net_nir --dt 1 --time-unit ms --input spikes.npy
    """
    from portasnn.frontend.nir import import_nir

    imported = import_nir(graph, outdir, dt=dt, time_unit=time_unit, input_path=input_path, steps=steps,
                          force=force)
    click.echo(f"wrote {imported.pnet} ({len(imported.files)} files; populations {', '.join(imported.populations)})")
    click.echo(f"run it: portasnn run {imported.pnet} --target nest")
