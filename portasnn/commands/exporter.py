"""``portasnn export nir NET.pnet -o GRAPH.nir [--time-unit ms|s] [--nir-output POP]... [--materialize] [--force]``
and ``portasnn export pynn NET.pnet -o SCRIPT.py [--set NAME=VALUE]... [--force]``."""
from __future__ import annotations

import click


@click.group(name="export")
def export() -> None:
    """Export a network into another format (NIR, a PyNN script)."""


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


@export.command(name="pynn")
@click.argument("network", type=click.Path(dir_okay=False))
@click.option("--output-file", "-o", "path", type=click.Path(dir_okay=False), required=True,
              help="The PyNN script to write (.py); its data files go next to it.")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a constant of the network.")
@click.option("--force", is_flag=True, help="Replace the script if it exists.")
def pynn_(network: str, path: str, overrides: tuple[str, ...], force: bool) -> None:
    """Export a network of PyNN standard cell types as one PyNN script that runs unchanged with pyNN.nest,
    sPyNNaker (pyNN.spiNNaker) and portasnn.pynn, the simulator named on its command line.

    Example: portasnn export pynn examples/brunel/brunel_delta_pynn.pnet -o brunel.py --set N=2000
    """
    from portasnn.frontend.network import parse_overrides
    from portasnn.pynn.exporter import export_script

    done = export_script(network, path, overrides=parse_overrides(overrides) or None, force=force)
    click.echo(f"wrote {done.script} ({len(done.files)} data files)")
    click.echo(f"run it: python {done.script} nest   (or spiNNaker, or portasnn [--target spinnaker-host])")
