"""The ``portasnn`` command line.

Each subcommand lives in its own module under ``portasnn.commands`` and is imported only when
it is called, so ``portasnn --help`` stays fast. Exit codes everywhere: 0 ok, 1 failure
(tool failure, internal bug, or a Fail verdict for ``compare``), 2 user error.
"""
from __future__ import annotations

import importlib
import sys

import click

from portasnn.errors import InternalError, PortasnnError, ToolError, plain_warnings

# name -> "module:function" of a click command
COMMANDS: dict[str, str] = {
    "build": "portasnn.commands.build:build",
    "ir": "portasnn.commands.build:ir",
    "cache": "portasnn.commands.cache:cache",
    "doctor": "portasnn.commands.doctor:doctor",
    "run": "portasnn.commands.run:run",
    "compare": "portasnn.commands.compare:compare",
    "plot": "portasnn.commands.plot:plot",
    "bundle": "portasnn.commands.remote:bundle",
    "submit": "portasnn.commands.remote:submit",
    "status": "portasnn.commands.remote:status",
    "fetch": "portasnn.commands.remote:fetch",
    "cancel": "portasnn.commands.remote:cancel",
    "jobs": "portasnn.commands.remote:jobs",
    "explain": "portasnn.commands.explain:explain",
    "import": "portasnn.commands.importer:import_",
    "export": "portasnn.commands.exporter:export",
}

HELP = {
    "build": "Build NESTML models (or a network's models) for a target.",
    "ir": "Print the IR of a model or network as canonical JSON.",
    "cache": "List or clear the build cache.",
    "doctor": "Check the toolchain and say how to fix what is missing.",
    "run": "Run a network (.pnet) on a target and write a results directory.",
    "compare": "Compare targets (or results directories) and give verdicts.",
    "plot": "Draw the raster and trace plots of results directories.",
    "bundle": "Pack a network and its artifacts into a content-addressed bundle.",
    "submit": "Submit a bundle or network to local, UNICORE or NMPI.",
    "status": "Show the status of submitted jobs.",
    "fetch": "Download a job's results.",
    "cancel": "Cancel a job.",
    "jobs": "List known jobs.",
    "explain": "Explain an error or warning code (all codes without one).",
    "import": "Import a network from another format (NIR) into a .pnet network.",
    "export": "Export a network into another format (NIR graph).",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)  # a missing module is a bug: exit 1

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, HELP.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="portasnn")
@click.option("--verbose", "-v", is_flag=True, envvar="PORTASNN_VERBOSE",
              help="Also show what the tools underneath say: NEST's banner and messages, library warnings.")
def cli(verbose: bool) -> None:
    """portasnn: write a spiking neural network once, run it on NEST and SpiNNaker, compare."""
    if not verbose:
        quiet_tools()


def quiet_tools() -> None:
    """Keep portasnn's own output its own: no NEST banner or messages below warnings (also in processes started
    from here, e.g. MPI ranks), no warnings of other libraries (numpy's RuntimeWarnings and the like); portasnn's
    warnings stay. ``--verbose`` (or ``PORTASNN_VERBOSE=1``) shows everything."""
    import os
    import warnings

    from portasnn.errors import PortasnnWarning

    os.environ.setdefault("PYNEST_QUIET", "1")
    warnings.simplefilter("ignore")
    warnings.simplefilter("default", PortasnnWarning)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turn exceptions into messages and exit codes."""
    try:
        # without standalone mode, click returns (not raises) the code of a command's ctx.exit(code)
        with plain_warnings():
            code = cli.main(args=argv, prog_name="portasnn", standalone_mode=False)
        if type(code) is int:
            return code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:  # click's form of KeyboardInterrupt (Ctrl-C, SIGINT)
        click.echo("interrupted", err=True)
        return 130
    except PortasnnError as exc:
        click.echo(str(exc), err=True)
        return 2
    except ToolError as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    except InternalError as exc:
        click.echo(str(exc), err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug, reported as one
        import traceback

        click.echo(f"internal error (this is a bug in portasnn, please report it): {type(exc).__name__}: {exc}",
                   err=True)
        if _debug():
            traceback.print_exc()
        return 1
    return 0


def _debug() -> bool:
    import os

    return os.environ.get("PORTASNN_DEBUG", "") not in ("", "0")


if __name__ == "__main__":
    sys.exit(main())
