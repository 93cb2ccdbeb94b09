"""``portasnn build`` and ``portasnn ir``."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import click

from portasnn.errors import UsageError


def _progress(quiet: bool):
    """A progress callback that writes to stderr (stdout stays clean for --json); rich is imported only
    when there is something to say, so a warm build stays fast."""
    console = []

    def say(message: str) -> None:
        if quiet:
            return
        if not console:
            from rich.console import Console

            console.append(Console(stderr=True))
        console[0].print(f"[dim]…[/dim] {message}")

    return say


def _network_models(path: Path) -> list[Path]:
    from portasnn.frontend.network import load_network

    net = load_network(path)
    return sorted({Path(m.path) for m in net.models if m.kind == "nestml" and m.path})


@click.command(help="Build NESTML models (files, directories, or the models a .pnet network uses) for a target.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--target", "-t", default="nest", show_default=True,
              type=click.Choice(["nest", "spinnaker", "spinnaker-host"]), help="Where the model will run.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Also copy the artifacts into this directory.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
@click.option("--dump-ir", is_flag=True, help="Print the solved IR as canonical JSON and stop.")
@click.option("--spinnaker-solver", type=click.Choice(["euler", "rk2"]), default=None,
              help="Fixed-step solver for non-linear ODEs on SpiNNaker (recorded in the manifest).")
@click.option("--substeps", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Solver sub-steps per machine time step (with --spinnaker-solver).")
def build(paths: tuple[Path, ...], target: str, output: Path | None, as_json: bool, dump_ir: bool,
          spinnaker_solver: str | None, substeps: int) -> None:
    files: list[Path] = []
    for p in paths:
        files += _network_models(p) if p.suffix == ".pnet" else [p]
    if not files:
        raise UsageError("nothing to build: the network uses only NEST built-in models", code="E013")
    if dump_ir:
        click.echo(_ir_json(files))
        return
    if target != "nest":
        try:
            from portasnn.targets.spinnaker import build_spinnaker
        except ImportError:
            raise UsageError(f"the target '{target}' is not available in this portasnn", code="E014") from None
        result = build_spinnaker(list(paths), output, target=target, solver=spinnaker_solver, substeps=substeps,
                                 progress=_progress(as_json))
        click.echo(json.dumps(result.to_json(), indent=2) if as_json else str(result))
        return
    from portasnn.builder import build as build_models

    art = build_models(files, target=target, progress=_progress(as_json))
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
        for f in art.module_path.parent.iterdir():
            if f.suffix in (".h", ".cpp", ".so"):
                shutil.copy2(f, output / f.name)
    if as_json:
        click.echo(json.dumps(art.to_json(), indent=2))
        return
    how = "reused from the cache" if art.cached else "built"
    click.echo(f"{how}: NEST module {art.module_name} in {art.seconds:.2f} s")
    for name, nest_name in art.nest_models.items():
        click.echo(f"  {name:<32} -> nest model {nest_name}")
    click.echo(f"  library: {art.module_path}")
    if output is not None:
        click.echo(f"  copied to {output}")


def _ir_json(files: list[Path]) -> str:
    from portasnn.builder import load_ir
    from portasnn.ir.serialize import to_data

    return json.dumps({"format": "portasnn-ir/1", "models": [to_data(m) for m in load_ir(files)]}, indent=2,
                      sort_keys=True)


@click.command(help="Print the IR of a NESTML model (after the passes) or of a .pnet network as canonical JSON.")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a network constant.")
def ir(path: Path, overrides: tuple[str, ...]) -> None:
    if path.suffix == ".pnet":
        from portasnn.frontend.network import load_network
        from portasnn.ir.serialize import canonical_json

        values = {}
        for item in overrides:
            name, sep, value = item.partition("=")
            if not sep:
                raise UsageError(f"--set {item}: expected NAME=VALUE", code="E214")
            values[name.strip()] = value.strip()
        click.echo(canonical_json(load_network(path, overrides=values or None), indent=2))
        return
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory", code="E011")
    click.echo(_ir_json([path]))
    sys.stdout.flush()
