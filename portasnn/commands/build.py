"""``portasnn build`` and ``portasnn ir``."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import click

from portasnn.commands.numerics import numerics_options, options_from
from portasnn.errors import UsageError
from portasnn.targets import REGISTRY

TARGET_NAMES = tuple(REGISTRY)


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


@click.command(help="Build NESTML models (files, directories, nestml:NAME, or the models and network of a .pnet "
                    "file) for a target.\n\nExample: portasnn build --target nest nestml:iaf_psc_exp_neuron")
@click.argument("paths", nargs=-1, required=True)
@click.option("--target", "-t", default="nest", show_default=True,
              help="Where the model will run: " + ", ".join(TARGET_NAMES) + " (or spinnaker-host:float).")
@click.option("-o", "--outdir", "--output", "output", type=click.Path(path_type=Path),
              help="Also write the generated files (and built binaries) into this directory.")
@click.option("--set", "sets", multiple=True, metavar="NAME=VALUE", help="Override a constant of the network.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
@click.option("--dump-ir", is_flag=True, help="Print the solved IR as canonical JSON and stop.")
@numerics_options
def build(paths: tuple[str, ...], target: str, output: Path | None, sets: tuple[str, ...], as_json: bool,
          dump_ir: bool, **numerics) -> None:
    from portasnn.frontend.network import parse_overrides
    from portasnn.targets import parse

    name, _ = parse(target)
    options = options_from(numerics, target)
    overrides = parse_overrides(sets)
    if dump_ir:
        from portasnn.program import load_program

        click.echo(_ir_json(load_program(list(paths), overrides)))
        return
    if name != "nest":
        from portasnn.modules import build_spinnaker

        result = build_spinnaker(list(paths), output, target=name, solver=options.solver, substeps=options.substeps,
                                 overrides=overrides, progress=_progress(as_json),
                                 weight_scaling=options.weight_scaling)
        click.echo(json.dumps(result.to_json(), indent=2) if as_json else str(result))
        return
    nets = [p for p in paths if p.endswith(".pnet")]
    if nets:
        _build_nest_network(list(paths), overrides, output, as_json)
        return
    from portasnn.modules import build as build_models

    art = build_models(list(paths), target=name, progress=_progress(as_json))
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
    for model, nest_name in art.nest_models.items():
        click.echo(f"  {model:<32} -> nest model {nest_name}")
    click.echo(f"  library: {art.module_path}")
    if output is not None:
        click.echo(f"  copied to {output}")


def _build_nest_network(paths: list[str], overrides: dict, output: Path | None, as_json: bool) -> None:
    """A .pnet on NEST: the program's module (the one ``portasnn run`` loads) and its PyNEST script."""
    from portasnn.program import load_program
    from portasnn.targets import get

    program = load_program(paths, overrides)
    target = get("nest")
    artifact = target.lower(program)
    if not program.models:
        _progress(as_json)("the network uses only NEST built-in models: nothing to compile")
    built = target.build(artifact, progress=_progress(as_json))
    written = artifact.write(output) if output is not None else []
    module = built.outputs.get("module")
    info = {"target": "nest", "network": program.name, "cached": built.cached,
            "module_name": module.module_name if module else None,
            "module_path": str(module.library) if module else None,
            "models": {cls.rsplit("__", 1)[0]: nest for cls, nest in artifact.recipe.get("models", [])},
            "script": artifact.recipe.get("script"), "files": written}
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    how = "reused from the cache" if built.cached else "built"
    if module:
        click.echo(f"{how}: NEST module {module.module_name}")
        for model, nest_name in info["models"].items():
            click.echo(f"  {model:<32} -> nest model {nest_name}")
        click.echo(f"  library: {module.library}")
    if output is not None:
        click.echo(f"  wrote {len(written)} files to {output} (PyNEST script {info['script']})")


def _ir_json(program) -> str:  # noqa: ANN001
    from portasnn.ir.serialize import to_data

    return json.dumps({"format": "portasnn-ir/1", "models": [to_data(m) for m in program.unique_models()]}, indent=2,
                      sort_keys=True)


@click.command(help="Print the IR of NESTML models (after the passes) or of a .pnet network as canonical JSON."
                    "\n\nExample: portasnn ir nestml:iaf_psc_exp_neuron")
@click.argument("path")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a network constant.")
def ir(path: str, overrides: tuple[str, ...]) -> None:
    from portasnn.frontend.network import parse_overrides
    from portasnn.program import load_program

    if path.endswith(".pnet"):
        from portasnn.ir.serialize import canonical_json

        if not Path(path).is_file():
            raise UsageError(f"{path}: no such file or directory", code="E011")
        program = load_program(Path(path), parse_overrides(overrides) or None)  # cached by content
        click.echo(canonical_json(program.network, indent=2))
        return
    click.echo(_ir_json(load_program(path)))
    sys.stdout.flush()
