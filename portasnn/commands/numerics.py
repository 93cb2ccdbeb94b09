"""The numerics options, declared once and accepted by every command that chooses a target."""
from __future__ import annotations

from typing import Callable

import click

from portasnn.targets import Options, parse


def numerics_options(command: Callable) -> Callable:
    """Add ``--spinnaker-solver``, ``--substeps``, ``--arith`` and ``--weight-scaling`` to a click command (as
    keyword arguments ``spinnaker_solver``, ``substeps``, ``arith``, ``weight_scaling``; turn them into
    :class:`Options` with :func:`options_from`)."""
    for option in reversed((
        click.option("--spinnaker-solver", type=click.Choice(["euler", "rk2"]), default=None,
                     help="Fixed-step solver for non-linear ODEs on the spinnaker targets (default: refuse them)."),
        click.option("--substeps", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Solver sub-steps per machine time step (with --spinnaker-solver)."),
        click.option("--arith", type=click.Choice(["fixed", "float"]), default="fixed", show_default=True,
                     help="spinnaker-host arithmetic: SpiNNaker-1's s16.15, or double."),
        click.option("--weight-scaling", multiple=True, metavar="[POP=]auto|spynnaker|shift:S,..|max:W,..",
                     help="Ring-buffer weight scaling on the spinnaker targets (repeatable; default: as the "
                     "network says, else sPyNNaker's estimate): auto measures the largest input per tick and "
                     "takes the smallest shift that holds it; shift: pins the left shift per synapse type; max: "
                     "sPyNNaker's max_expected_summed_weight per synapse type (mV, pA or nS)."),
    )):
        command = option(command)
    return command


def options_from(kwargs: dict, target: str | None = None) -> Options:
    """Pop the numerics options out of a command's keyword arguments; a target spelled with options
    (``spinnaker-host:float``) implies them."""
    from portasnn.weight_scaling import parse_specs

    solver, substeps, arith = kwargs.pop("spinnaker_solver"), kwargs.pop("substeps"), kwargs.pop("arith")
    scaling = parse_specs(kwargs.pop("weight_scaling", ()))
    if target is not None and parse(target)[1].arith == "float":
        arith = "float"
    return Options(solver=solver, substeps=substeps, arith=arith, weight_scaling=scaling)
