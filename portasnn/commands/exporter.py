"""``portasnn export nir NET.pnet -o GRAPH.nir [--time-unit ms|s] [--nir-output POP]... [--materialize] [--force]``."""
from __future__ import annotations

import click


@click.group(name="export")
def export() -> None:
    """Export a network into another format (NIR)."""


@export.command(name="nir")
@click.argument("network", type=click.Path(dir_okay=False))
@click.option("--output-file", "-o", "path", type=click.Path(dir_okay=False), required=True,
              help="The NIR graph to write (HDF5, nir.write).")
@click.option("--time-unit", type=click.Choice(["s", "ms"]), default="ms", show_default=True,
              help="The unit of the graph's time constants (snnTorch, Norse and Rockpool read s).")
@click.option("--nir-output", "outputs", multiple=True, metavar="POP",
              help="A population that gets a NIR Output node (repeatable; default: every recorded population).")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a constant of the network.")
@click.option("--materialize", is_flag=True,
              help="Draw random connectors, weights and parameters from the network's seed, as spinnaker-host draws "
                   "them (not the realisation NEST draws); without it they are refused.")
@click.option("--force", is_flag=True, help="Replace the graph file if it exists.")
def nir_(network: str, path: str, time_unit: str, outputs: tuple[str, ...], overrides: tuple[str, ...],
         materialize: bool, force: bool) -> None:
    """Export a network whose models have a NIR primitive (the models of `portasnn import nir`, pynn IF_curr_exp
    and IF_curr_delta, nest iaf_psc_exp and iaf_psc_delta, nestml's iaf_psc_exp_neuron and iaf_psc_delta_neuron) as
    a NIR graph; what has none is refused with its line.

    Example: portasnn export nir net.pnet -o net.nir --time-unit s
    """
    from portasnn.frontend.network import parse_overrides
    from portasnn.frontend.nir.export import export_nir

    done = export_nir(network, path, time_unit=time_unit, outputs=list(outputs) or None, force=force,
                      overrides=parse_overrides(overrides) or None, materialize=materialize)
    click.echo(f"wrote {done.path} ({len(done.nodes)} nodes: {', '.join(done.nodes)})")
