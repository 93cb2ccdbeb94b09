"""The ``spinnaker`` target: sPyNNaker custom neuron models (C + Makefile + Python class) and PyNN scripts.

``SpinnakerTarget.lower(program)`` gives these files (relative paths; ``portasnn.modules.build_spinnaker``,
behind ``portasnn build --target spinnaker``, writes them into a directory)::

    out_dir/manifest.json
    out_dir/c_models/Makefile                     make: every .aplx (ARM toolchain + sPyNNaker C sources)
    out_dir/c_models/makefiles/extra.mk
    out_dir/c_models/makefiles/<stem>/Makefile    APP = $(notdir $(CURDIR)) = <stem>
    out_dir/c_models/src/<stem>/<stem>_update.h   the update (shared with spinnaker-host)
    out_dir/c_models/src/<stem>/neuron_impl_<stem>.h
    out_dir/c_models/src/<stem>/portasnn_fixed.h, spinn_fixed.h   board arithmetic (PORTASNN_SPINNAKER mode)
    out_dir/python_models/portasnn_models/{__init__,<stem>,<stem>_params}.py, model_binaries/
    out_dir/<network>.py                          PyNN script (networks only)

Where ``SPINN_DIRS``/``NEURAL_MODELLING_DIRS`` and ``arm-none-eabi-gcc`` are present, ``make``
builds the binaries; otherwise the artifact says why not and everything else is still written.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from portasnn.errors import NetworkError, ToolError, UsageError
from portasnn.targets import Artifact, Built, Options, Target

SPYNNAKER_VERSION = "1!7.4.1"
PACKAGE = "portasnn_models"
# the fixed-point header shared by the board build and the spinnaker-host emulator (one file, two modes)
FIXED_HEADER = Path(__file__).resolve().parent.parent / "spinnaker_host" / "support" / "spinn_fixed.h"


_LOWERED: dict = {}  # (id(model), solver, substeps) -> (model, Lowered, stored): this process's lowerings


def lower_models(models, solver: str | None = None, substeps: int = 1, numerics=None, *,  # noqa: ANN001
                 keep: bool = False):
    """Each model lowered with ``solver``/``substeps``, or with its own pair from ``numerics`` (a list in the
    order of ``models``, see :func:`model_numerics`). The same model object with the same options is lowered
    once per process (``lower`` and ``build`` of spinnaker-host both need the lowering); lowerings stored in
    the build cache by content are used (``lowcache.py``); ``keep`` stores the ones made here (``build`` may
    write, ``lower`` may not)."""
    from . import lowcache
    from .lower import Options, lower

    pairs = numerics or [(solver, substeps)] * len(models)
    out = []
    for m, (sv, n) in zip(models, pairs):
        options = Options(solver=sv, substeps=n)
        key = (id(m), sv, n)
        kept = _LOWERED.get(key)
        if kept is None or kept[0] is not m:
            found = lowcache.find(m, options)
            kept = _LOWERED[key] = (m, found if found is not None else lower(m, options), found is not None)
            while len(_LOWERED) > 32:
                _LOWERED.pop(next(iter(_LOWERED)))
        if keep and not kept[2]:
            try:
                lowcache.keep(m, options, kept[1])
            except OSError:
                pass  # a cache that cannot be written costs the speed-up only
            _LOWERED[key] = (m, kept[1], True)
        out.append(kept[1])
    return out


def model_numerics(program, options) -> list[tuple[str | None, int]]:  # noqa: ANN001
    """(solver, substeps) for each of ``program.unique_models()``: the command's options where given, else the
    network's own for that model (``.pnet``: ``model k from "...", spinnaker_solver = rk2, substeps = 2``)."""
    own: dict[str, tuple[str | None, int | None, object]] = {}
    for ref in (program.network.models if program.network is not None else ()):
        pair = (ref.solver, ref.substeps, ref.span)
        first = own.setdefault(ref.name, pair)
        if first[:2] != pair[:2]:
            raise UsageError(f"model '{ref.name}' is given two different numerics ({first[0]}, {first[1]} and "
                             f"{pair[0]}, {pair[1]})", code="E216", span=ref.span,
                             hint=f"one model is lowered once; give the same options (first at {first[2]})")
    out = []
    for m in program.unique_models():
        solver, substeps, _ = own.get(m.name, (None, None, None))
        out.append((options.solver if options.solver is not None else solver,
                    options.substeps if options.substeps != 1 else (substeps or 1)))
    return out


def model_files(lowered, binaries=()) -> dict[str, str]:  # noqa: ANN001
    """The C, Makefiles and Python package of the lowered models (relative path -> text), with those of the
    plastic ``binaries`` (``stdp.StdpBinary``: their Makefiles and portasnn's own timing dependences)."""
    from .pynn_script import class_name
    from .params_runtime import params_source
    from .render import render

    files: dict[str, str] = {}
    fixed_header = FIXED_HEADER.read_text()
    for low in lowered:
        update = render("update.h.j2", low=low)
        src = f"c_models/src/{low.stem}"
        files[f"{src}/{low.stem}_update.h"] = update
        files[f"{src}/neuron_impl_{low.stem}.h"] = render("neuron_impl.h.j2", low=low)
        files[f"{src}/portasnn_fixed.h"] = render("portasnn_fixed.h.j2")
        files[f"{src}/spinn_fixed.h"] = fixed_header
        files[f"c_models/makefiles/{low.stem}/Makefile"] = render("Makefile.j2", low=low, spynnaker=SPYNNAKER_VERSION)
        recordables = {r.name: (k, r.pynn_unit) for k, r in enumerate(low.recordables)}
        files[f"python_models/{PACKAGE}/{low.stem}.py"] = render(
            "model_class.py.j2", low=low, cls=class_name(low.name), recordables=recordables,
            spynnaker=SPYNNAKER_VERSION)
        files[f"python_models/{PACKAGE}/{low.stem}_params.py"] = params_source(low)
    from .stdp import package_classes, stdp_files

    files.update(stdp_files(list(binaries), PACKAGE, SPYNNAKER_VERSION))
    files["c_models/makefiles/extra.mk"] = render("extra.mk.j2", spynnaker=SPYNNAKER_VERSION, package=PACKAGE)
    files["c_models/Makefile"] = render("top.mk.j2", stems=[low.stem for low in lowered] + [b.name for b in binaries])
    files[f"python_models/{PACKAGE}/__init__.py"] = render(
        "package_init.py.j2", classes=[(low.stem, class_name(low.name)) for low in lowered] + package_classes(
            list(binaries)))
    files[f"python_models/{PACKAGE}/model_binaries/README"] = \
        "The .aplx binaries built by `make -C c_models` go here.\n"
    return files


def arm_toolchain() -> tuple[bool, str]:
    """Whether the ARM build can run here, and why not."""
    missing = [v for v in ("SPINN_DIRS", "NEURAL_MODELLING_DIRS") if not os.environ.get(v)]
    if missing:
        return False, (f"ARM build skipped: {' and '.join(missing)} not set (they point at spinnaker_tools and "
                       "sPyNNaker's neural_modelling at tag 7.4.1; the SpiNNaker build container sets them). "
                       "Everything else was written; run `make -C c_models` where they are set.")
    if shutil.which("arm-none-eabi-gcc") is None:
        return False, "ARM build skipped: arm-none-eabi-gcc not found on PATH"
    return True, ""


def _lowerings(program, options) -> dict:  # noqa: ANN001
    """Each distinct model of ``program`` lowered once (name -> Lowered); NEST built-ins refused."""
    net = program.network
    if net is not None:
        for ref in net.models:
            if ref.kind == "nest":
                from portasnn.ir.pynn_cells import CELL_TYPES

                pynn = [c.name for c in CELL_TYPES.values() if c.nest_model == ref.name]
                also = (f", or PyNN's `model {ref.key} = pynn {pynn[0]}` (PyNN's parameter names and units), which "
                        "runs as NEST's built-in on nest and as sPyNNaker's on the spinnaker targets") if pynn else ""
                raise UsageError(f"model '{ref.key}' is the NEST built-in '{ref.name}': it has no SpiNNaker "
                                 "implementation in portasnn", code="E325", span=ref.span,
                                 hint="use a NESTML model in the network for the spinnaker targets" + also)
    unique = program.unique_models()
    lowered = lower_models(unique, numerics=model_numerics(program, options))
    return {m.name: low for m, low in zip(unique, lowered)}


def refuse_plastic(network, target: str) -> None:  # noqa: ANN001
    """Plastic projections whose rule sPyNNaker cannot run are refused (E240, E260; ``plasticity.py``), never run
    otherwise or as static ones."""
    from .plasticity import population_rules

    if network is None:
        return
    population_rules(network)


def lower_program(program, options: Options, target: str) -> tuple[dict[str, str], dict, tuple[str, ...]]:  # noqa: ANN001
    """The sPyNNaker files of ``program`` (relative path -> text), its lowerings and its range warnings."""
    import warnings

    from portasnn.errors import PortasnnWarning

    from .lower import range_check
    from .pynn_script import class_name, script_view
    from .render import render

    from .cells import check_cells

    from .stdp import stdp_binaries

    refuse_plastic(program.network, target)
    cells = check_cells(program.network, target)
    lowered = _lowerings(program, options)
    network = program.network
    by_key = {**{k: lowered[m.name] for k, m in program.models}, **cells}
    binaries = stdp_binaries(network, by_key, board=target == "spinnaker")
    dt = network.simulation.resolution if network is not None else 1.0
    messages: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PortasnnWarning)
        for m in program.unique_models():
            range_check(lowered[m.name], dt, m)
    for w in caught:
        if isinstance(w.message, PortasnnWarning):
            messages.append(str(w.message))
            warnings.warn(w.message, stacklevel=3)
    files = model_files(list(lowered.values()), binaries)
    script = None
    if network is not None:
        from portasnn.weight_scaling import resolve

        view = script_view(network, by_key, resolve(network, options.weight_scaling), board=target == "spinnaker")
        script = f"{_safe(network.name)}.py"
        files[script] = render("network_script.py.j2", v=view, spynnaker=SPYNNAKER_VERSION, package=PACKAGE)
        # the script writes its results directory with this module (numpy only: portasnn is not on the board's host)
        files["python_models/portasnn_board_results.py"] = Path(__file__).with_name("board_results.py").read_text()
        files.update(view.data_files)
    methods = {(low.solver, low.substeps) for low in lowered.values() if low.numeric}
    # one fixed-step method for every numeric model, or "per model" (see "models")
    solver_used, substeps_used = methods.pop() if len(methods) == 1 else (("per model", None) if methods else (None, 1))
    source = (network.source if network is not None else None) or (program.sources[0] if program.sources else "")
    manifest = {
        "target": "spinnaker", "spynnaker": SPYNNAKER_VERSION, "source": Path(str(source)).name,
        "models": {name: {"class": class_name(name), "binary": f"{low.stem}.aplx", "stem": low.stem,
                          "synapse_types": list(low.synapse_types), "weight_units": list(low.weight_units),
                          "solver": low.solver, "substeps": low.substeps,
                          "ode_method": (f"fixed-step {low.solver}, {low.substeps} substep(s)" if low.solver
                                         else "exact propagators (host-computed for the machine time step)")}
                   for name, low in lowered.items()},
        "solver": solver_used, "substeps": substeps_used,
        "arithmetic": "s16.15 accum; PyNN units; parameter-only expressions computed on the host",
        "binaries_built": False, "build_message": "", "warnings": messages,
        "network": network.name if network is not None else None,
        "script": script, "host_library": None,
    }
    if binaries:  # only when used: the binaries of plastic populations (stdp.py)
        manifest["stdp_binaries"] = {b.name + ".aplx": {"model": b.stem, "timing": b.timing,
                                                         "weight": b.dependence} for b in binaries}
    if cells:  # only when used: manifests without them stay the same
        manifest["builtin_cells"] = {key: cell.name for key, cell in cells.items()}
    if network is not None:
        from portasnn.weight_scaling import describe, resolve

        chosen = {k: v for k, v in describe(resolve(network, options.weight_scaling)).items() if v != "spynnaker"}
        if chosen:  # only when set: manifests without it stay the same
            manifest["weight_scaling"] = chosen
    files["manifest.json"] = json.dumps(manifest, indent=2) + "\n"
    return files, lowered, tuple(messages)


class SpinnakerTarget(Target):
    """sPyNNaker: C code, Makefiles and Python model classes for each model, and a PyNN script for networks.

    ``build`` runs the ARM ``make`` where ``SPINN_DIRS``/``NEURAL_MODELLING_DIRS`` are set (cached by the
    artifact's content), and otherwise says why not. ``run`` refuses: the network runs on a board, through
    ``portasnn submit`` (NMPI), or here on the ``spinnaker-host`` target.
    """

    name = "spinnaker"

    def lower(self, program, options: Options = Options()) -> Artifact:  # noqa: ANN001
        files, _lowered, messages = lower_program(program, options, self.name)
        manifest = json.loads(files["manifest.json"])
        return Artifact(target=self.name, program=program, options=options, files=files,
                        recipe={"script": manifest["script"], "solver": manifest["solver"],
                                "substeps": manifest["substeps"]}, warnings=messages)

    def build(self, artifact: Artifact, cache=None, progress=None) -> Built:  # noqa: ANN001
        from portasnn.cache import BuildCache

        ok, message = arm_toolchain()
        if not ok:
            return Built(artifact=artifact, message=message)
        say = progress or (lambda _m: None)
        cache = cache or BuildCache()

        def make(directory: Path) -> dict:
            artifact.write(directory)
            say("building the ARM binaries (make -C c_models)")
            proc = subprocess.run(["make", "-C", str(directory / "c_models")], capture_output=True, text=True)
            if proc.returncode != 0:
                over = re.search(r"region `ITCM' overflowed by (\d+) bytes", proc.stderr)
                if over:
                    raise ToolError(f"the ARM build failed: the code does not fit SpiNNaker-1's 32 KiB instruction "
                                    f"memory (ITCM) by {over.group(1)} bytes (sPyNNaker's own neuron runtime takes "
                                    "about 27 KiB). The spinnaker-host target still runs the model; for the board, "
                                    "simplify its equations.")
                raise ToolError(f"the ARM build failed (make -C c_models):\n{proc.stderr[-4000:]}")
            return {"binaries": sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*.aplx"))}

        entry = cache.get_or_build(artifact.digest(), make, label=f"spinnaker {artifact.program.name}",
                                   progress=say)
        return Built(artifact=artifact, outputs={"dir": entry.path}, cached=entry.hit,
                     message="ARM build done: .aplx files in python_models/portasnn_models/model_binaries")

    def run(self, built: Built, outdir: Path, progress=None, command: str | None = None) -> Path:  # noqa: ANN001
        raise _runs_on_a_board()

    def check_runnable(self) -> None:
        raise _runs_on_a_board()


def _runs_on_a_board() -> UsageError:
    return UsageError("the spinnaker target runs on a SpiNNaker board, not on this machine", code="E327",
                      hint="`portasnn build --target spinnaker` writes the PyNN script and model code; "
                           "`portasnn submit NET.pnet --target spinnaker` runs it through the Neuromorphic "
                           "Platform; `--target spinnaker-host` runs the same C here")


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "_-" else "_" for ch in name)
