"""``HostTarget``: the spinnaker target's generated C, compiled for this CPU and run by the engine.

``lower`` is the spinnaker target's lowering plus one emulator header per model (``host/<stem>_host.h``);
``build`` compiles the engine with those headers (cached by content, ``runner.build_library``); ``run``
simulates the network with SpiNNaker-1's s16.15 arithmetic (or double, ``arith="float"``) and writes
the results directory.
"""
from __future__ import annotations

from pathlib import Path

from portasnn.errors import UsageError
from portasnn.targets import Artifact, Built, Options, Target


class HostTarget(Target):
    name = "spinnaker-host"

    def lower(self, program, options: Options = Options()) -> Artifact:  # noqa: ANN001
        from portasnn.targets.spinnaker import lower_program

        from .lower import host_header

        from . import cells

        files, lowered, messages = lower_program(program, options, self.name)
        for low in lowered.values():
            files[f"host/{low.stem}_host.h"] = host_header(low)
        builtins = _cells(program)  # sPyNNaker's built-in cell types: hand-written headers (issue 14 item 5)
        for key, cell in builtins.items():
            files[f"host/cells/{cell}_host.h"] = cells.header(cell)
        recipe = {"arith": options.arith, "solver": options.solver, "substeps": options.substeps,
                  "headers": {name: f"host/{low.stem}_host.h" for name, low in lowered.items()}}
        if builtins:
            recipe["cells"] = {key: [cell, f"host/cells/{cell}_host.h"] for key, cell in builtins.items()}
        return Artifact(target=self.name, program=program, options=options, files=files, recipe=recipe,
                        warnings=messages)

    def build(self, artifact: Artifact, cache=None, progress=None) -> Built:  # noqa: ANN001
        from portasnn.targets.spinnaker import lower_models, model_numerics

        from . import runner
        from .lower import host_model_of

        program = artifact.program
        unique = program.unique_models()
        lowered = lower_models(unique, numerics=model_numerics(program, artifact.options), keep=True)
        by_name = {m.name: host_model_of(low, artifact.files[artifact.recipe["headers"][m.name]])
                   for m, low in zip(unique, lowered)}
        models = {key: by_name[m.name] for key, m in program.models}
        if artifact.recipe.get("cells"):
            from . import cells

            built = {cell: cells.host_model(cell, artifact.files[path])
                     for cell, path in artifact.recipe["cells"].values()}
            models.update({key: built[cell] for key, (cell, _path) in artifact.recipe["cells"].items()})
        say = progress or (lambda _m: None)
        say("compiling the generated C for the spinnaker-host emulator")
        library = runner.build_library(list({id(m): m for m in models.values()}.values()) or list(by_name.values()),
                                       artifact.options.arith)
        return Built(artifact=artifact, outputs={"models": models, "library": library})

    def run(self, built: Built, outdir: Path, progress=None, command: str | None = None) -> Path:  # noqa: ANN001
        from . import runner

        net = built.artifact.program.network
        if net is None:
            raise UsageError("nothing to run: the program has no network", code="E408",
                             hint="give a .pnet network (models alone are built with `portasnn build`)")
        opts = built.artifact.options
        return Path(runner.run_network(net, built.outputs["models"], outdir, arith=opts.arith,
                                       weight_scaling=opts.weight_scaling, command=command or "", progress=progress))


def _cells(program) -> dict[str, str]:  # noqa: ANN001
    """Model key -> PyNN cell type, for the network's PyNN standard cell types."""
    net = program.network
    return {ref.key: ref.name for ref in net.models if ref.kind == "pynn"} if net is not None else {}
