"""``portasnn compare``: compare targets (or result directories) and give OK / Poor / Fail verdicts.

Exit codes: 0 when no observable fails (Poor passes, with a warning), 1 when any observable is Fail,
2 on a user error (missing or broken results directory, mismatched populations, a target that cannot run).
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from portasnn.commands.numerics import numerics_options, options_from
from portasnn.errors import UsageError

STYLE = {"OK": "green", "Poor": "yellow", "Fail": "bold red"}
RESULTS_OPTIONS = ("--results", "-r")
SUBJECT_SUFFIXES = (".pnet", ".nestml", ".py")


def spread_results(args: list[str]) -> list[str]:
    """``--results A B`` -> ``--results A --results B``: the words after one ``--results``/``-r`` value, up to the
    next option, ``--`` or a ``.pnet``/``.nestml`` subject, are result directories too (in the order given)."""
    out: list[str] = []
    takes_value = greedy = False
    for i, arg in enumerate(args):
        if arg == "--":
            return out + args[i:]
        if takes_value:  # the option's own value
            out.append(arg)
            takes_value, greedy = False, True
        elif arg in RESULTS_OPTIONS:
            out.append(arg)
            takes_value = True
        elif arg.startswith("--results=") or (arg.startswith("-r") and not arg.startswith("--")):
            out.append(arg)  # -rDIR, --results=DIR
            greedy = True
        elif arg.startswith("-") and arg != "-":
            out.append(arg)
            greedy = False
        elif greedy and not arg.endswith(SUBJECT_SUFFIXES):
            out += ["--results", arg]
        else:
            out.append(arg)
            greedy = False
    return out


class _CompareCommand(click.Command):
    """Accepts several result directories after one ``--results`` as well as a repeated ``--results``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, spread_results(args))


@click.command(name="compare", cls=_CompareCommand)
@click.argument("subject", required=False, type=click.Path(path_type=Path))
@click.option("--targets", "-t", help="Comma-separated targets; the first is the reference. nest, "
              "nest-builtin:<model>, spinnaker-host, spinnaker-host:float (or 'spinnaker-host --arith float').")
@click.option("--results", "-r", multiple=True, metavar="DIR[,DIR...]",
              help="Existing results directories, the first is the reference: `--results A B` or `--results A "
              "--results B`. Comma-separated directories form one arm of seed replicates.")
@click.option("-o", "--outdir", type=click.Path(path_type=Path), default=Path("compare-out"), show_default=True,
              help="Where report.md, metrics.json, the plots and the runs go.")
@click.option("--seeds", type=int, default=3, show_default=True, help="Seeds of the reference (network subjects).")
@click.option("--tolerances", type=click.Path(path_type=Path), help="TOML file overriding the default tolerances.")
@click.option("--set", "sets", multiple=True, metavar="NAME=VALUE", help="Override a network constant or a "
              "scenario parameter (repeatable).")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists and is not empty.")
@click.option("--json", "as_json", is_flag=True, help="Print metrics.json to stdout instead of the grid.")
@numerics_options
@click.argument("script_args", nargs=-1)
@click.pass_context
def compare(ctx: click.Context, subject: Path | None, targets: str | None, results: tuple[str, ...], outdir: Path,
            seeds: int, tolerances: Path | None, sets: tuple[str, ...], force: bool, as_json: bool,
            script_args: tuple[str, ...], **numerics) -> None:
    """Compare SUBJECT (a .pnet network, a .nestml model or a PyNN script) across targets, or compare result
    directories.

    Example: portasnn compare examples/brunel/brunel_delta_nestml.pnet --targets nest,spinnaker-host -o cmp

    A PyNN script (.py, with portasnn.pynn) runs up to its first sim.run(); the network it built there is compared
    like a .pnet. Words after `--` are the script's own command line (`-- portasnn` for a script that takes the
    simulator from it, as PyNN's examples do).
    """
    if script_args and (subject is None or subject.suffix != ".py"):
        raise UsageError(f"unexpected arguments {' '.join(script_args)}", code="E292",
                         hint="words after `--` are a PyNN script's own command line")
    options = options_from(numerics)
    import os
    import shutil

    if outdir.exists() and (not outdir.is_dir() or any(outdir.iterdir())):
        if not force:
            raise UsageError(f"output directory {outdir} already exists and is not empty", code="E401",
                             hint="choose another -o/--outdir, or --force to replace it")
        if any(Path(r.split(",")[0]).resolve().is_relative_to(outdir.resolve()) for r in results):
            raise UsageError(f"--force would delete results compared from inside {outdir}", code="E401",
                             hint="choose another -o/--outdir")
        shutil.rmtree(outdir) if outdir.is_dir() else outdir.unlink()

    from rich.console import Console

    from portasnn.harness.compare import compare as run_compare

    target_list = [t.strip() for t in targets.split(",") if t.strip()] if targets else None
    arms = [[d.strip() for d in r.split(",") if d.strip()] for r in results]
    os.environ.setdefault("PYNEST_QUIET", "1")  # NEST's banner would spoil stdout (and --json)
    err = Console(stderr=True)
    if subject is not None and subject.suffix == ".py":  # a PyNN script (issue 14 item 4)
        from portasnn.pynn.script import capture

        bases = list(dict.fromkeys(t.split(":")[0] for t in (target_list or ["nest", "spinnaker-host"])))
        subject = [capture(subject, base, script_args) for base in bases][0]  # each target's refusals at its line
    with err.status("comparing") as status:
        report = run_compare(subject, targets=target_list, results=arms or None, outdir=outdir, seeds=seeds,
                             tolerances=tolerances, overrides=_sets(sets), progress=status.update, options=options)
    if as_json:
        click.echo(json.dumps(json.loads((report.outdir / "metrics.json").read_text()), indent=2))
    else:
        _print_grid(report)
    ctx.exit(report.exit_code)


def _print_grid(report) -> None:  # noqa: ANN001 - ComparisonReport, imported lazily
    from rich.console import Console
    from rich.table import Table

    cols, rows = report.grid()
    table = Table(title=f"{report.subject}: {report.verdict}", title_justify="left")
    table.add_column("observable")
    for col in cols:
        table.add_column(col, justify="center")
    for name, cells in rows:
        table.add_row(name, *(f"[{STYLE.get(cells.get(c, ''), '')}]{cells.get(c, '')}[/]" if cells.get(c) in STYLE
                              else cells.get(c, "") for c in cols))
    out = Console()
    out.print(table)
    for line in report.attribution:
        out.print(line, soft_wrap=True)
    if report.verdict == "Poor":
        out.print("[yellow]warning: some observables are Poor (outside the tolerance, within twice it)[/]")
    out.print(f"verdict: [{STYLE[report.verdict]}]{report.verdict}[/]; report: {report.report_path}", soft_wrap=True)


def _sets(items: tuple[str, ...]) -> dict[str, str]:
    """``--set NAME=VALUE`` pairs, parsed as everywhere (``portasnn.frontend.network.parse_overrides``)."""
    from portasnn.frontend.network import parse_overrides

    return parse_overrides(items)
