"""``portasnn plot RESULTS_DIR...``: draw (again) the raster and trace plots of results directories."""
from __future__ import annotations

import click


@click.command(name="plot")
@click.argument("outdirs", nargs=-1, required=True, type=click.Path(file_okay=False))
def plot(outdirs: tuple[str, ...]) -> None:
    """Draw raster.png (and traces.png when traces were recorded) in each results directory: for a run made with
    --no-plots, or results fetched from a job.

    Example: portasnn plot results/brunel-nest-20261204-101500
    """
    from portasnn.results import draw_plots, read_results

    for outdir in outdirs:
        for path in draw_plots(read_results(outdir)):
            click.echo(str(path))
