"""The ``spinnaker`` target: sPyNNaker custom neuron models (C + Makefile + Python class) and PyNN scripts.

``build_spinnaker(path, out_dir, solver=None, substeps=1)`` lowers the NESTML model(s) in ``path``
(or the models of the ``.pnet`` network ``path``, then also writing its PyNN script) and writes::

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from portasnn.errors import ToolError, UsageError

SPYNNAKER_VERSION = "1!7.4.1"
PACKAGE = "portasnn_models"


@dataclass(frozen=True)
class SpinnakerArtifact:
    """What ``build_spinnaker`` wrote."""

    out_dir: Path
    models: dict[str, str]                 # NESTML model name -> Python class name
    files: tuple[str, ...]                 # relative to out_dir
    solver: str | None
    substeps: int
    binaries_built: bool
    build_message: str
    script: Path | None = None
    warnings: tuple[str, ...] = ()
    target: str = "spinnaker"
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"target": self.target, "out_dir": str(self.out_dir), "models": self.models,
                "files": list(self.files), "solver": self.solver, "substeps": self.substeps,
                "binaries_built": self.binaries_built, "build_message": self.build_message,
                "script": str(self.script) if self.script else None, "warnings": list(self.warnings), **self.extra}

    def __str__(self) -> str:
        lines = [f"{self.target}: wrote {len(self.files)} files to {self.out_dir}"]
        for name, cls in self.models.items():
            lines.append(f"  {name:<32} -> class {cls} (binary {name}.aplx)")
        if self.solver:
            lines.append(f"  non-linear ODEs: fixed-step {self.solver}, {self.substeps} substep(s)")
        if self.script:
            lines.append(f"  PyNN script: {self.script}")
        if "host_library" in self.extra:
            lines.append(f"  spinnaker-host library: {self.extra['host_library']}")
        if self.build_message:
            lines.append(f"  {self.build_message}")
        return "\n".join(lines)


def lower_models(models, solver: str | None = None, substeps: int = 1):  # noqa: ANN001
    from .lower import Options, lower

    return [lower(m, Options(solver=solver, substeps=substeps)) for m in models]


def write_model_files(lowered, out_dir: Path) -> list[str]:  # noqa: ANN001
    """Write the C, Makefiles and Python package of the lowered models; return the files written."""
    from portasnn.targets.spinnaker_host.runner import support_dir

    from .network import class_name
    from .params_runtime import params_source
    from .render import render

    files: dict[str, str] = {}
    fixed_header = (support_dir() / "spinn_fixed.h").read_text()
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
    files["c_models/makefiles/extra.mk"] = render("extra.mk.j2", spynnaker=SPYNNAKER_VERSION, package=PACKAGE)
    files["c_models/Makefile"] = render("top.mk.j2", stems=[low.stem for low in lowered])
    files[f"python_models/{PACKAGE}/__init__.py"] = render(
        "package_init.py.j2", classes=[(low.stem, class_name(low.name)) for low in lowered])
    files[f"python_models/{PACKAGE}/model_binaries/README"] = \
        "The .aplx binaries built by `make -C c_models` go here.\n"
    for rel, text in files.items():
        dest = out_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text)
    return sorted(files)


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


def build_spinnaker(path: str | Path | Sequence[str | Path], out_dir: str | Path | None = None,
                    solver: str | None = None, substeps: int = 1, *, target: str = "spinnaker",
                    overrides: dict[str, str] | None = None, make: bool = True,
                    progress: Callable[[str], None] | None = None) -> SpinnakerArtifact:
    """Lower ``path`` (.nestml file(s)/directories or one .pnet network) for sPyNNaker into ``out_dir``.

    ``target="spinnaker-host"`` also writes the emulator header (``host/<stem>_host.h``) and compiles
    it with the spinnaker-host engine. ``out_dir`` defaults to ``build/<target>/<name>``.
    """
    import warnings

    from portasnn.builder import load_ir
    from portasnn.errors import PortasnnWarning

    from .lower import range_check
    from .network import class_name, script_view

    say = progress or (lambda _m: None)
    paths = [Path(p) for p in ([path] if isinstance(path, (str, Path)) else path)]
    if not paths:
        raise UsageError("nothing to build", code="E013")
    if target not in ("spinnaker", "spinnaker-host"):
        raise UsageError(f"unknown SpiNNaker target '{target}'", code="E012")
    nets = [p for p in paths if p.suffix == ".pnet"]
    if nets and len(paths) > 1:
        raise UsageError("give one .pnet network, or NESTML files, not both", code="E326")
    path = paths[0]
    out = Path(out_dir) if out_dir is not None else Path("build") / target / _safe(path.stem)
    network = None
    say(f"lowering {', '.join(p.name for p in paths)} for {target}")
    if path.suffix == ".pnet":
        from portasnn.frontend.network import load_network

        network = load_network(path, dict(overrides or {}))
        irs, keys = network_models(network)
        dt = network.simulation.resolution
    else:
        irs = load_ir(paths)
        keys = [m.name for m in irs]
        dt = 1.0
    # one lowering per distinct model
    unique: dict[str, object] = {}
    for m in irs:
        unique.setdefault(m.name, m)
    lowered = {name: low for name, low in zip(unique, lower_models(list(unique.values()), solver, substeps))}
    out.mkdir(parents=True, exist_ok=True)
    messages: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PortasnnWarning)
        for name, m in unique.items():
            range_check(lowered[name], dt, m)
    for w in caught:
        if isinstance(w.message, PortasnnWarning):
            messages.append(str(w.message))
            warnings.warn(w.message, stacklevel=2)
    files = write_model_files(list(lowered.values()), out)
    script = None
    if network is not None:
        by_key = {k: lowered[m.name] for k, m in zip(keys, irs)}
        view = script_view(network, by_key)
        from .render import render

        script = out / f"{_safe(network.name)}.py"
        script.write_text(render("network_script.py.j2", v=view, spynnaker=SPYNNAKER_VERSION, package=PACKAGE))
        files.append(script.name)
    host_library = None
    if target == "spinnaker-host":
        from portasnn.targets.spinnaker_host import runner
        from portasnn.targets.spinnaker_host.lower import host_model

        say("compiling the generated C for the spinnaker-host emulator")
        models = [host_model(m, solver, substeps) for m in unique.values()]
        for low, hm in zip(lowered.values(), models):
            dest = out / "host" / f"{low.stem}_host.h"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(hm.header)
            files.append(f"host/{low.stem}_host.h")
        host_library = str(runner.build_library(models, "fixed"))
    built, message = False, ""
    if make and target == "spinnaker":
        ok, message = arm_toolchain()
        if ok:
            proc = subprocess.run(["make", "-C", str(out / "c_models")], capture_output=True, text=True)
            if proc.returncode != 0:
                over = re.search(r"region `ITCM' overflowed by (\d+) bytes", proc.stderr)
                if over:
                    raise ToolError(f"the ARM build failed: the code does not fit SpiNNaker-1's 32 KiB instruction "
                                    f"memory (ITCM) by {over.group(1)} bytes (sPyNNaker's own neuron runtime takes "
                                    "about 27 KiB). The spinnaker-host target still runs the model; for the board, "
                                    f"simplify its equations. Everything else was written to {out}.")
                raise ToolError(f"the ARM build failed (make -C {out / 'c_models'}):\n{proc.stderr[-4000:]}")
            built, message = True, "ARM build done: .aplx files in python_models/portasnn_models/model_binaries"
    solver_used = solver if any(low.numeric for low in lowered.values()) else None
    manifest = {
        "target": "spinnaker", "spynnaker": SPYNNAKER_VERSION, "source": str(path),
        "models": {name: {"class": class_name(name), "binary": f"{low.stem}.aplx", "stem": low.stem,
                          "synapse_types": list(low.synapse_types), "weight_units": list(low.weight_units),
                          "solver": low.solver, "substeps": low.substeps,
                          "ode_method": (f"fixed-step {low.solver}, {low.substeps} substep(s)" if low.solver
                                         else "exact propagators (host-computed for the machine time step)")}
                   for name, low in lowered.items()},
        "solver": solver_used, "substeps": substeps if solver_used else 1,
        "arithmetic": "s16.15 accum; PyNN units; parameter-only expressions computed on the host",
        "binaries_built": built, "build_message": message, "warnings": messages,
        "network": network.name if network is not None else None,
        "script": script.name if script else None, "host_library": host_library,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    files.append("manifest.json")
    return SpinnakerArtifact(out_dir=out, models={n: class_name(n) for n in lowered}, files=tuple(files),
                             solver=solver_used, substeps=substeps if solver_used else 1, binaries_built=built,
                             build_message=message, script=script, warnings=tuple(messages), target=target,
                             extra={"host_library": host_library} if host_library else {})


def network_models(network) -> tuple[list, list[str]]:  # noqa: ANN001
    """The solved IR of every NESTML model a network uses, with the keys its populations use."""
    from portasnn.builder import load_ir

    irs, keys = [], []
    for ref in network.models:
        if ref.kind != "nestml":
            raise UsageError(f"model '{ref.key}' is the NEST built-in '{ref.name}': it has no SpiNNaker "
                             "implementation in portasnn", code="E325", span=ref.span,
                             hint="use a NESTML model in the network for the spinnaker target")
        found = {m.name: m for m in load_ir(ref.path)}
        irs.append(found[ref.name])
        keys.append(ref.key)
    return irs, keys


def write_network(network, out_dir: str | Path) -> Path:  # noqa: ANN001
    """The PyNN script and model artifacts of a network IR in ``out_dir`` (what a spinnaker bundle ships);
    returns the path of the script."""
    import tempfile

    from portasnn.ir.printer import to_pnet

    network_models(network)  # refuses unsupported models with the spans of the user's own file
    with tempfile.TemporaryDirectory(prefix="portasnn-net-") as tmp:
        source = Path(tmp) / f"{_safe(network.name)}.pnet"
        source.write_text(to_pnet(network))
        art = build_spinnaker(source, out_dir, make=False)
    return Path(art.script)


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "_-" else "_" for ch in name)
