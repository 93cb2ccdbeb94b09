"""The NEST target: ``NestTarget`` (the contract of ``portasnn.targets``), and the module builder it shares
with ``portasnn.build``: one extension module per set of solved models, cached by their canonical IR.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from portasnn import __version__
from portasnn.errors import UsageError
from portasnn.targets import Artifact, Built, Options, Target

Progress = Callable[[str], None]


def generator_hash() -> str:
    """sha256 of the NEST code generator (its Python modules and templates, and the passes): part of every
    cache key, so a change to the generator never reuses modules it generated before."""
    import importlib.util

    root = Path(__file__).resolve().parent
    # the passes make the IR the generator lowers (located, not imported: targets do not load the passes)
    passes = Path(importlib.util.find_spec("portasnn.passes").origin).parent
    h = hashlib.sha256()
    for f in [root / "lower.py", root / "cxx.py", root / "gsl.py", root / "synapse.py",
              *sorted((root / "templates").glob("model.*.j2")), root / "templates" / "synapse.h.j2",
              *sorted(passes.glob("*.py"))]:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def module_key_parts(models) -> dict:
    """What a module's sources depend on: the canonical IR of its models, portasnn and the generator."""
    from portasnn.ir.serialize import canonical_json, ir_hash

    digest = hashlib.sha256("".join(ir_hash(m) for m in models).encode()).hexdigest()
    return {"ir": [canonical_json(m, spans=False) for m in models], "ir_hash": digest, "portasnn": __version__,
            "target": "nest", "generator": generator_hash()}


def module_recipe(models):
    """``recipe(suffix) -> ((class, NEST name[, "synapse"]) tuples, sources)`` of one module holding ``models``
    (solved neuron models and synapse models)."""
    from portasnn.ir.synapse import SynapseModel
    from portasnn.targets.nest.lower import lower_model
    from portasnn.targets.nest.synapse import lower_synapse

    def recipe(suffix: str):
        pairs, sources = [], {}
        for m in models:
            cls = f"{m.name}__{suffix}"
            if isinstance(m, SynapseModel):
                pairs.append((cls, cls, "synapse"))
                sources.update(lower_synapse(m, cls, cls))
            else:
                pairs.append((cls, cls))
                sources.update(lower_model(m, cls, cls))
        return pairs, sources

    return recipe


def module_items(program) -> list:  # noqa: ANN001
    """What the program's module holds: its neuron models, then its synapse models."""
    return [*program.unique_models(), *program.unique_synapses()]


def build_models(models, *, toolchain=None, cache=None, progress: Progress | None = None):
    """Build solved model IRs into one NEST module (cached by the canonical IR)."""
    from portasnn.targets.nest.compile import build_cached_module

    from portasnn.targets.nest.compile import MODULE_PREFIX

    return build_cached_module(MODULE_PREFIX, module_key_parts(models), module_recipe(models),
                               label=", ".join(m.name for m in models), cache=cache, toolchain=toolchain,
                               progress=progress)


# ---------------------------------------------------------------------------------------------- the target


class NestTarget(Target):
    """NEST: one extension module for the program's NESTML models, and a standalone PyNEST script."""

    name = "nest"
    parallel = True

    def lower(self, program, options: Options = Options()) -> Artifact:  # noqa: ANN001
        from portasnn.cache import BuildCache, short_key
        from portasnn.targets.nest.compile import MODULE_PREFIX, module_cache_key, render_module_source
        from portasnn.targets.nest.script import lower_network, model_infos
        from portasnn.targets.nest.toolchain import detect

        models = module_items(program)
        files: dict[str, str] = {}
        recipe: dict = {}
        if models:
            toolchain = detect()
            key_parts = module_key_parts(models)
            key = module_cache_key(key_parts, toolchain)
            suffix = short_key(key)
            module_name = f"{MODULE_PREFIX}_{suffix}"
            pairs, sources = module_recipe(models)(suffix)
            files.update({f"module/{rel}": text for rel, text in sources.items()})
            files[f"module/{module_name}.cpp"] = render_module_source(
                module_name, pairs, [f"{cls}.h" for cls, *_ in pairs])
            library = BuildCache().entry_path(key) / f"{module_name}.so"
            recipe = {"module_name": module_name, "key": key, "models": [list(p) for p in pairs],
                      "library": str(library)}
        net = program.network
        if net is not None:
            script = lower_network(net, model_infos(program, recipe))
            files[script.filename] = script.text
            recipe = {**recipe, "script": script.filename}
        return Artifact(target=self.name, program=program, options=options, files=files, recipe=recipe)

    def build(self, artifact: Artifact, cache=None, progress: Progress | None = None) -> Built:  # noqa: ANN001
        from portasnn.errors import InternalError
        from portasnn.targets.nest.compile import MODULE_PREFIX, build_cached_module

        if "module_name" not in artifact.recipe:
            return Built(artifact=artifact, cached=True)
        models = module_items(artifact.program)
        sources = {rel.removeprefix("module/"): text for rel, text in artifact.files.items()
                   if rel.startswith("module/") and rel != f"module/{artifact.recipe['module_name']}.cpp"}

        def recipe(suffix: str):
            pairs = [tuple(p) for p in artifact.recipe["models"]]
            if f"{MODULE_PREFIX}_{suffix}" != artifact.recipe["module_name"]:
                raise InternalError(f"module key changed between lowering and building ({suffix})")
            return pairs, sources

        say = progress or (lambda _m: None)
        built = build_cached_module(MODULE_PREFIX, module_key_parts(models), recipe,
                                    label=", ".join(m.name for m in models), cache=cache, progress=say)
        if str(built.library) != artifact.recipe["library"]:
            raise InternalError(f"module built at {built.library}, lowered for {artifact.recipe['library']}")
        return Built(artifact=artifact, outputs={"module": built}, cached=built.entry.hit)

    def run(self, built: Built, outdir: Path, progress=None, command: str | None = None) -> Path:  # noqa: ANN001
        from portasnn.targets.nest.script import run_script

        from portasnn.targets.nest import mpi

        art = built.artifact
        net = art.program.network
        if net is None:
            raise UsageError("nothing to run: the program has no network", code="E408",
                             hint="give a .pnet network (models alone are built with `portasnn build`)")
        filename = art.recipe["script"]
        text = art.files[filename]
        if mpi.world()[1] > 1:  # this process is one rank of an MPI job started from outside
            mpi.run_in_rank(filename, text, net.simulation.threads, Path(outdir), progress=progress, command=command)
        elif net.simulation.processes > 1:
            from portasnn.errors import ToolError
            from portasnn.targets.nest.script import rank_error

            try:
                mpi.launch(filename, text, net.simulation, Path(outdir), progress=progress, command=command)
            except ToolError as exc:
                raise rank_error(net, exc) from None
        else:
            run_script(net, filename, text, Path(outdir), progress=progress, command=command)
        return Path(outdir)

    def prepare(self, program):  # noqa: ANN001, ANN201
        """``program`` with as many processes as the MPI job this process is a rank of (if it is one); several
        processes asked for outside a job need an MPI launcher, refused here before any work (E702)."""
        import dataclasses

        from portasnn.errors import warn
        from portasnn.targets.nest import mpi

        net = program.network
        size = mpi.world()[1]
        if net is not None and size <= 1 and net.simulation.processes > 1:
            mpi.launcher_command(net.simulation.processes, net.simulation.threads)  # no launcher: refuse now
        if net is None or size <= 1 or net.simulation.processes == size:
            return program
        if net.simulation.processes != 1:
            warn(f"the network asks for {net.simulation.processes} processes, the job has {size}; running on "
                 f"{size}", code="W701")
        sim = dataclasses.replace(net.simulation, processes=size)
        return program.with_network(dataclasses.replace(net, simulation=sim))
